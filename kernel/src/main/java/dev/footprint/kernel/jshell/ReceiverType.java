package dev.footprint.kernel.jshell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The type of the expression before a member's dot ({@code m} in {@code m.wa}), for completion
 * that depends on it: the expression is found by reading back from the dot over names, dots and
 * balanced brackets, then typed by JShell's analysis after the cell's earlier declarations.
 */
final class ReceiverType {
    private static final String FOOTPRINT_PACKAGE = "dev.footprint.";
    private static final Pattern ENDS_WITH_NEW = Pattern.compile("(?:^|[^\\w$])new\\s+$");

    private ReceiverType() {}

    /**
     * True when the expression ending before {@code dot} in {@code cell} (and starting at or after
     * {@code from}) has a type of Footprint's own: its arrays, stores and reports (told by where
     * the type's documentation says it is declared). False when it is another type or cannot be
     * typed (the caller then keeps the usual completions).
     */
    static boolean isFootprintType(SourceCodeAnalysis analysis, CellScope scope, String cell, int from, int dot) {
        if (dot < from || cell.charAt(dot) != '.') {
            return false;
        }
        int start = expressionStart(cell, from, dot);
        if (start < 0 || start == dot) {
            return false;
        }
        String expression = scope.standalone(cell.substring(start, dot));
        String type = analysis.analyzeType(expression, expression.length());
        if (type == null || type.endsWith("]")) { // unknown, or an array
            return false;
        }
        String erased = type.replaceAll("<.*", "");
        return analysis.documentation(erased, erased.length(), false).stream()
                .anyMatch(doc -> doc.signature().startsWith(FOOTPRINT_PACKAGE));
    }

    /** Where the expression ending at {@code end} starts, not before {@code from}; -1 if unclear. */
    static int expressionStart(String cell, int from, int end) {
        int i = end;
        while (i > from) {
            char c = cell.charAt(i - 1);
            if (Character.isJavaIdentifierPart(c) || c == '.') {
                i--;
            } else if (c == ')' || c == ']') {
                i = opening(cell, from, i - 1);
                if (i < 0) {
                    return -1;
                }
            } else {
                break;
            }
        }
        Matcher keyword = ENDS_WITH_NEW.matcher(cell.substring(from, i));
        return keyword.find() ? from + keyword.start() + (keyword.group().startsWith("new") ? 0 : 1) : i;
    }

    /** The index of the bracket that {@code close} (an index of ')' or ']') closes, or -1. */
    private static int opening(String cell, int from, int close) {
        int depth = 0;
        for (int i = close; i >= from; i--) {
            char c = cell.charAt(i);
            if (c == ')' || c == ']') {
                depth++;
            } else if ((c == '(' || c == '[') && --depth == 0) {
                return i;
            } else if (c == '"' || c == '\'') {
                return -1; // a literal may hold brackets: too unclear to read back over
            }
        }
        return -1;
    }
}
