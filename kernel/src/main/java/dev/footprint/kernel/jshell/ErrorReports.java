package dev.footprint.kernel.jshell;

import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns compiler diagnostics and user exceptions into errors as Jupyter shows them, positioned
 * in the cell the user wrote: {@code line 2, column 9} with the line and a marker under the
 * offending span; exception frames of cells as {@code at f (cell 3, line 2)}.
 */
final class ErrorReports {
    private static final int SAME_FRAME_LIMIT = 3;
    static final String COMPILATION_ERROR = "CompilationError";

    /** Where each snippet starts: cell number and line of its first character. */
    private final Map<String, int[]> snippetLocations = new HashMap<>();

    void remember(String snippetId, int cell, int line) {
        snippetLocations.put(snippetId, new int[] {cell, line});
    }

    void forget() {
        snippetLocations.clear();
    }

    /**
     * A positioned compile error; {@code diags} positions are cell offsets already. Shown as a
     * runtime error is: each diagnostic's first traceback line is {@code CompilationError: line 2,
     * column 9: message} (the rest of the compiler's message below it), then the offending line
     * with a marker under the span.
     */
    static ErrorInfo compileError(String cell, List<PositionedDiag> diags) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (PositionedDiag diag : diags) {
            int line = lineOf(cell, diag.start) + 1;
            int column = diag.start - lineStart(cell, diag.start) + 1;
            String message = diag.message;
            if (first == null) {
                first = "line " + line + ", column " + column + ": " + firstLine(message);
            }
            traceback.add(COMPILATION_ERROR + ": line " + line + ", column " + column + ": " + message);
            String sourceLine = cell.substring(lineStart(cell, diag.start), lineEnd(cell, diag.start));
            traceback.add("    " + sourceLine);
            int spanEnd = Math.min(Math.max(diag.end, diag.start + 1), lineEnd(cell, diag.start));
            traceback.add("    " + " ".repeat(column - 1) + "^" + "~".repeat(Math.max(0, spanEnd - diag.start - 1)));
        }
        return new ErrorInfo(COMPILATION_ERROR, first == null ? "compilation failed" : first, traceback);
    }

    /** A diagnostic with positions in the cell (not the snippet). */
    record PositionedDiag(String message, int start, int end) {
        static PositionedDiag of(Diag diag, int offset, java.util.function.IntUnaryOperator toSnippetOriginal) {
            long start = diag.getStartPosition() >= 0 ? diag.getStartPosition() : Math.max(diag.getPosition(), 0);
            long end = diag.getEndPosition() >= 0 ? diag.getEndPosition() : start + 1;
            return new PositionedDiag(diag.getMessage(Locale.ROOT),
                    offset + toSnippetOriginal.applyAsInt((int) start),
                    offset + toSnippetOriginal.applyAsInt((int) end));
        }
    }

    /** An exception thrown by user code, with the cells' frames translated. */
    ErrorInfo runtimeError(JShellException exception, int currentCell) {
        List<String> traceback = new ArrayList<>();
        String name = exceptionName(exception);
        String message = exception instanceof UnresolvedReferenceException
                ? unresolvedMessage((UnresolvedReferenceException) exception)
                : exception.getMessage();
        for (Throwable current = exception; current != null; current = current.getCause()) {
            String currentName = current instanceof JShellException ? exceptionName((JShellException) current) : current.getClass().getName();
            String currentMessage = current == exception ? message : current.getMessage();
            traceback.add((current == exception ? "" : "Caused by: ") + currentName + (currentMessage == null ? "" : ": " + currentMessage));
            addFrames(traceback, current.getStackTrace(), currentCell);
        }
        return new ErrorInfo(name, message == null ? "" : message, traceback);
    }

    private void addFrames(List<String> traceback, StackTraceElement[] frames, int currentCell) {
        String previous = null;
        int repeats = 0;
        for (StackTraceElement frame : frames) {
            String text = "    at " + describe(frame, currentCell);
            if (text.equals(previous)) {
                repeats++;
                continue;
            }
            flushRepeats(traceback, repeats);
            repeats = 0;
            traceback.add(text);
            previous = text;
        }
        flushRepeats(traceback, repeats);
    }

    private static void flushRepeats(List<String> traceback, int repeats) {
        if (repeats >= SAME_FRAME_LIMIT) {
            traceback.add("    ... the frame above repeated " + repeats + " more times");
        } else {
            for (int i = 0; i < repeats; i++) {
                traceback.add(traceback.get(traceback.size() - 1));
            }
        }
    }

    private String describe(StackTraceElement frame, int currentCell) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            int[] location = snippetLocations.get(file.substring(1));
            String where = location == null
                    ? "snippet " + file + ", line " + frame.getLineNumber()
                    : (location[0] == currentCell ? "" : "cell " + location[0] + ", ")
                            + "line " + (location[1] + frame.getLineNumber() - 1);
            String method = frame.getMethodName();
            String member = frame.getClassName().isEmpty()
                    ? method
                    : frame.getClassName() + (method.isEmpty() ? "" : "." + method);
            return member.isEmpty() ? where : member + " (" + where + ")";
        }
        return frame.toString();
    }

    private static String exceptionName(JShellException exception) {
        if (exception instanceof EvalException) {
            return ((EvalException) exception).getExceptionClassName();
        }
        return exception.getClass().getSimpleName();
    }

    private static String unresolvedMessage(UnresolvedReferenceException exception) {
        return "attempted to use " + exception.getSnippet().source().strip().split("\\R", 2)[0]
                + ", which cannot be invoked until what it refers to is defined";
    }

    static int lineOf(String text, int position) {
        int line = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int position) {
        int clamped = Math.min(position, text.length());
        return text.lastIndexOf('\n', clamped - 1) + 1;
    }

    private static int lineEnd(String text, int position) {
        int end = text.indexOf('\n', Math.min(position, text.length()));
        return end < 0 ? text.length() : end;
    }

    private static String firstLine(String message) {
        return message.split("\\R", 2)[0];
    }
}
