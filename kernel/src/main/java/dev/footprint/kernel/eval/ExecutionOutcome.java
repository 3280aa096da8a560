package dev.footprint.kernel.eval;

import dev.footprint.display.MimeBundle;
import java.util.List;

/**
 * How a cell ended: with a value to show ({@code result}, possibly {@code null} for statements),
 * or with an {@code error}. Exactly one of the two kinds of ending applies.
 *
 * <p>A cell that asked for help ({@code Math.max?}, see {@link PagerRequest}) ends with a
 * {@code page}: the MIME bundle (always with {@code text/plain}) the frontend shows in its pager,
 * as IPython's {@code page} payload; the kernel sends it with the reply, the headless runner
 * prints it. Otherwise {@code page} is {@code null}.
 */
public record ExecutionOutcome(MimeBundle result, ErrorInfo error, MimeBundle page) {

    /** An ending without a page. */
    public ExecutionOutcome(MimeBundle result, ErrorInfo error) {
        this(result, error, null);
    }

    public static ExecutionOutcome ok(MimeBundle result) {
        return new ExecutionOutcome(result, null);
    }

    public static ExecutionOutcome failed(ErrorInfo error) {
        return new ExecutionOutcome(null, error);
    }

    /** A help request answered: {@code bundle} goes to the pager, and the cell shows no value. */
    public static ExecutionOutcome paged(MimeBundle bundle) {
        return new ExecutionOutcome(null, null, bundle);
    }

    public boolean isError() {
        return error != null;
    }

    /** An error as Jupyter shows it: a name, a message, and the traceback lines. */
    public record ErrorInfo(String ename, String evalue, List<String> traceback) {}
}
