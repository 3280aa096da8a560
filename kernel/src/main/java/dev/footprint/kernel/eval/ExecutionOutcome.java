package dev.footprint.kernel.eval;

import java.util.List;
import java.util.Map;

/**
 * How a cell ended: with a value to show ({@code result}, possibly {@code null} for statements),
 * or with an {@code error}. Exactly one of the two kinds of ending applies.
 */
public record ExecutionOutcome(Map<String, String> result, ErrorInfo error) {

    public static ExecutionOutcome ok(Map<String, String> result) {
        return new ExecutionOutcome(result, null);
    }

    public static ExecutionOutcome failed(ErrorInfo error) {
        return new ExecutionOutcome(null, error);
    }

    public boolean isError() {
        return error != null;
    }

    /** An error as Jupyter shows it: a name, a message, and the traceback lines. */
    public record ErrorInfo(String ename, String evalue, List<String> traceback) {}
}
