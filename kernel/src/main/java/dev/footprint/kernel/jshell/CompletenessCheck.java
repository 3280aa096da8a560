package dev.footprint.kernel.jshell;

import dev.footprint.kernel.eval.IsCompleteResult;
import dev.footprint.kernel.magic.CellParts;
import java.util.ArrayDeque;
import java.util.Deque;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Jupyter's is_complete for Java: {@code complete}, {@code incomplete} with the indent of the
 * next line, or {@code invalid} for code no continuation can fix (a closing bracket that
 * closes nothing, or that does not match the opened one).
 */
final class CompletenessCheck {
    private static final String INDENT = "    ";

    private CompletenessCheck() {}

    static IsCompleteResult check(SourceCodeAnalysis analysis, String cell) {
        StringBuilder code = new StringBuilder();
        for (CellParts.Part part : CellParts.split(cell)) {
            if (part.kind() != CellParts.Kind.LINE_MAGIC) {
                code.append(part.text()).append('\n');
            }
        }
        String java = code.toString();
        Deque<Character> open = new ArrayDeque<>();
        if (!bracketsCanBalance(java, open)) {
            return new IsCompleteResult("invalid", "");
        }
        String indent = INDENT.repeat((int) open.stream().filter(c -> c == '{').count());
        if (!open.isEmpty()) {
            return new IsCompleteResult("incomplete", indent.isEmpty() ? INDENT : indent);
        }
        String remaining = java;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case EMPTY:
                    return new IsCompleteResult("complete", null);
                case UNKNOWN:
                    return new IsCompleteResult("invalid", "");
                default:
                    return new IsCompleteResult("incomplete", indent);
            }
        }
        return new IsCompleteResult("complete", null);
    }

    /** False if a closing bracket has no matching opener; leaves the unclosed ones in {@code open}. */
    static boolean bracketsCanBalance(String code, Deque<Character> open) {
        boolean[] isCode = FootprintCallRewriter.codeMask(code);
        for (int i = 0; i < code.length(); i++) {
            if (!isCode[i]) {
                continue;
            }
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty() || open.pop() != opener(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static char opener(char closer) {
        return closer == ')' ? '(' : closer == ']' ? '[' : '{';
    }
}
