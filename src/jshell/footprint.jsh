// Footprint's JShell startup: the DSL in one static import, plus the packages a session needs.
// Used by `footprint jshell`; load it into any jshell with: jshell --class-path footprint-kernel.jar --startup DEFAULT --startup footprint.jsh
import static dev.footprint.Footprint.*;
import dev.footprint.array.*;
import dev.footprint.sparse.*;
import dev.footprint.report.*;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import static dev.footprint.kernel.agent.Display.*;
