package dev.footprint.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels footprint rows with variable names: {@code footprint(a, s)} whose arguments are all
 * plain identifiers becomes {@code footprint("a", a, "s", s)}. Text inside string literals and
 * comments is left alone, and positions in the rewritten source map back to the original so
 * compiler messages point at what the user wrote.
 */
public final class FootprintCallRewriter {
    private static final Pattern CALL = Pattern.compile(
            "(?<![\\w$.\"])(?:Footprint\\s*\\.\\s*)?footprint\\s*\\(\\s*"
                    + "([A-Za-z_$][\\w$]*(?:\\s*,\\s*[A-Za-z_$][\\w$]*)*)\\s*\\)");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*");

    private FootprintCallRewriter() {}

    /** The rewritten source and how to map its positions back. */
    public record Rewrite(String source, List<int[]> edits) {
        /** Maps a position in {@link #source} to the original text. */
        int toOriginal(int position) {
            int shift = 0;
            for (int[] edit : edits) { // {start in rewritten, old length, new length}
                if (position < edit[0]) {
                    break;
                }
                if (position < edit[0] + edit[2]) {
                    return edit[0] - shift; // inside a rewritten call: point at its start
                }
                shift += edit[2] - edit[1];
            }
            return position - shift;
        }
    }

    /** {@code source} with every {@code footprint(a, b, ...)} of plain names given the names as labels. */
    public static Rewrite rewrite(String source) {
        boolean[] code = codeMask(source);
        Matcher matcher = CALL.matcher(source);
        StringBuilder out = new StringBuilder();
        List<int[]> edits = new ArrayList<>();
        int copied = 0;
        while (matcher.find()) {
            if (!code[matcher.start()]) {
                continue;
            }
            String[] names = SEPARATOR.split(matcher.group(1).trim());
            if (names.length == 1 && names[0].isEmpty()) {
                continue;
            }
            int paren = source.indexOf('(', matcher.start());
            StringBuilder call = new StringBuilder().append(source, matcher.start(), paren + 1);
            for (int i = 0; i < names.length; i++) {
                call.append(i == 0 ? "" : ", ").append('"').append(names[i]).append("\", ").append(names[i]);
            }
            call.append(')');
            out.append(source, copied, matcher.start());
            edits.add(new int[] {out.length(), matcher.end() - matcher.start(), call.length()});
            out.append(call);
            copied = matcher.end();
        }
        out.append(source.substring(copied));
        return new Rewrite(out.toString(), edits);
    }

    /** True for each character that is code, false inside literals and comments. */
    static boolean[] codeMask(String source) {
        boolean[] code = new boolean[source.length() + 1];
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i, c);
            } else {
                code[i++] = true;
            }
        }
        code[source.length()] = true;
        return code;
    }

    static int endOfLiteral(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }
}
