package dev.footprint.kernel.eval;

import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * What a cell declares before the snippet under the cursor, for completion and inspection before
 * the cell runs: JShell's analysis sees only the session and one snippet, so the cell's earlier
 * variable declarations are put ahead of the snippet inside one block, where they are locals it
 * can see. {@code var q = arr.ones(3);} then {@code q.nb} completes to {@code nbytes()},
 * on the next line or on the same one.
 */
final class CellScope {
    private CellScope() {}

    /** {@code text}: the block holding the declarations, then the snippet; it starts at {@code shift}. */
    record Scoped(String text, int shift) {}

    /**
     * {@code snippet} after the declarations of {@code earlier} (the cell's Java code before it),
     * or null when there are none.
     */
    static Scoped around(SourceCodeAnalysis analysis, String earlier, String snippet) {
        StringBuilder block = new StringBuilder("{\n");
        String remaining = earlier;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                break;
            }
            String source = info.source();
            remaining = info.remaining();
            if (declares(analysis, source)) {
                String statement = source.strip();
                block.append(statement).append(statement.endsWith(";") || statement.endsWith("}") ? "\n" : ";\n");
            }
        }
        return block.length() == 2 ? null : new Scoped(block + snippet, block.length());
    }

    /** Variables, which a block can hold (methods and imports cannot sit in one). */
    private static boolean declares(SourceCodeAnalysis analysis, String source) {
        List<Snippet> snippets = analysis.sourceToSnippets(source);
        if (snippets.size() != 1) {
            return false;
        }
        Snippet.Kind kind = snippets.get(0).kind();
        return kind == Snippet.Kind.VAR;
    }
}
