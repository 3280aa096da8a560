package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.maven.PomFragment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code %%loadFromPOM} (the cell is a POM or a fragment of one) and {@code %loadFromPOM FILE}:
 * adds the POM's compile and runtime dependencies as {@code %maven} does, from its repositories
 * and the session's.
 */
public final class LoadFromPomMagic extends NamedMagic {
    private final MavenLibraries libraries;

    LoadFromPomMagic(MavenLibraries libraries) {
        super("loadFromPOM", "add the dependencies of a POM (%loadFromPOM FILE) or of the cell (%%loadFromPOM)");
        this.libraries = libraries;
    }

    @Override
    public String help() {
        return """
                %%loadFromPOM            (the rest of the cell is a POM or a fragment of one)
                %loadFromPOM pom.xml

                Adds the compile and runtime dependencies of a POM, as %maven does, searching its
                <repositories> (kept for later %maven lines) first. A fragment may be <dependencies>, one or more <dependency>,
                <repositories> or <repository>, with <properties> and <dependencyManagement>;
                ${name} is replaced from the properties. Parent POMs and imported BOMs are not read.

                Example:
                  %%loadFromPOM
                  <dependency>
                    <groupId>org.apache.commons</groupId>
                    <artifactId>commons-math3</artifactId>
                    <version>3.6.1</version>
                  </dependency>
                """;
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        String file = args.strip();
        if (file.isEmpty()) {
            return Magic.failure("UsageError", "%loadFromPOM needs a file (%loadFromPOM pom.xml), or use %%loadFromPOM with the POM in the cell");
        }
        Path path = context.workingDirectory().resolve(file);
        try {
            return load(Files.readString(path, StandardCharsets.UTF_8), 1, path.toString(), context);
        } catch (IOException unreadable) {
            return Magic.failure("FileNotFoundError", "%loadFromPOM: cannot read " + path + ": " + unreadable.getMessage());
        }
    }

    @Override
    public ExecutionOutcome runCell(String name, String args, String body, MagicContext context) {
        return load(body, 2, "the cell", context); // the body starts on the cell's second line
    }

    private ExecutionOutcome load(String xml, int firstLine, String source, MagicContext context) {
        PomFragment pom;
        try {
            pom = PomFragment.parse(xml, firstLine, context.workingDirectory());
        } catch (IllegalArgumentException malformed) {
            return Magic.failure("PomError", "%loadFromPOM: " + source + " is " + malformed.getMessage());
        }
        pom.repositories().forEach(libraries::addRepository);
        if (pom.dependencies().isEmpty()) {
            context.print(pom.repositories().isEmpty() ? "%loadFromPOM: no dependencies or repositories in " + source + "\n"
                    : "repositories added: " + pom.repositories().stream().map(Object::toString).collect(Collectors.joining(", ")) + "\n");
            pom.notes().forEach(note -> context.print(note + "\n"));
            return ExecutionOutcome.ok(null);
        }
        String asked = pom.dependencies().stream().map(d -> d.coordinate().toString()).collect(Collectors.joining(" "));
        return libraries.load(asked, pom.dependencies(), pom.notes(), context);
    }
}
