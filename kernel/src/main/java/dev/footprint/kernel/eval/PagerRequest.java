package dev.footprint.kernel.eval;

import dev.footprint.display.MimeBundle;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's help requests, {@code Math.max?} and {@code ?Math.max} (or a magic's,
 * {@code %maven?}): a cell of one line holding a name, a member access or a magic's name with one
 * question mark before or after it. No Java statement starts or ends with {@code ?}, so no cell
 * that compiles is taken for one.
 *
 * <p>As in ipykernel and xeus, the evaluator answers them, not the protocol: an evaluator's
 * {@code execute} starts with {@link #answer}, so the kernel and the headless runner show the same
 * text for the same request.
 */
public final class PagerRequest {
    private static final String NAME = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    /** A name, a member access, or a magic's name ({@code %maven}, {@code %%loadFromPOM}). */
    private static final String TARGET = "(?:%%?[A-Za-z_]\\w*|" + NAME + "(?:\\s*\\.\\s*" + NAME + ")*)";
    private static final Pattern REQUEST = Pattern.compile(
            "\\s*(?:\\?\\s*(" + TARGET + ")|(" + TARGET + ")\\s*\\?)\\s*");

    private PagerRequest() {}

    /** The name asked about, without spaces, or null if the cell is not a help request. */
    public static String expression(String code) {
        Matcher m = REQUEST.matcher(code);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        return name.replaceAll("\\s+", "");
    }

    /**
     * Answers {@code code} if it is a help request, running nothing: what {@code evaluator}'s
     * {@link Evaluator#inspect inspect} knows of the name becomes the outcome's page; when nothing
     * is known (or the inspection fails) a line saying so goes to {@code listener}'s standard
     * output and the outcome has no page.
     *
     * @return the outcome of the help request, or null if {@code code} is not one (run it as code)
     */
    public static ExecutionOutcome answer(String code, Evaluator evaluator, ExecutionListener listener) {
        String name = expression(code);
        if (name == null) {
            return null;
        }
        Map<String, String> found = null;
        try {
            InspectionResult inspection = evaluator.inspect(name, name.length(), 1);
            if (inspection != null && inspection.found() && inspection.data() != null
                    && inspection.data().containsKey("text/plain")) {
                found = inspection.data();
            }
        } catch (RuntimeException e) {
            KernelLog.error("inspecting `" + name + "` for the pager failed", e);
        }
        if (found == null) {
            (listener == null ? ExecutionListener.NONE : listener).stream("stdout", nothingKnown(name));
            return ExecutionOutcome.ok(null);
        }
        return ExecutionOutcome.paged(MimeBundle.copyOf(found));
    }

    /** The line printed when nothing is known of {@code name}. */
    static String nothingKnown(String name) {
        return "Nothing is known of `" + name + "`.\n";
    }
}
