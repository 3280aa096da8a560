package dev.footprint.kernel.jshell;

import dev.footprint.kernel.eval.CompletionResult;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.magic.CellParts;
import dev.footprint.kernel.magic.Magic;
import dev.footprint.kernel.magic.MagicRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Completion and inspection of a cell, with JShell's analysis of the snippet under the cursor. */
final class CodeAssist {
    private static final Pattern MAGIC_PREFIX = Pattern.compile("(?m)^[ \\t]*(%%?)(\\w*)\\z");

    private final SourceJavadoc sourceJavadoc;
    private final MagicRegistry magics;

    CodeAssist(SourceJavadoc sourceJavadoc, MagicRegistry magics) {
        this.sourceJavadoc = sourceJavadoc;
        this.magics = magics;
    }

    CompletionResult complete(JShell shell, String cell, int cursor) {
        Matcher magic = MAGIC_PREFIX.matcher(cell.substring(0, cursor));
        if (magic.find()) {
            Set<String> names = new LinkedHashSet<>();
            for (Magic known : magics.magics()) {
                for (String name : known.names()) {
                    if (name.startsWith(magic.group(2))) {
                        names.add(magic.group(1) + name);
                    }
                }
            }
            return new CompletionResult(List.copyOf(names), magic.start(1), cursor);
        }
        Snippet snippet = snippetAt(shell, cell, cursor);
        if (snippet == null) {
            return new CompletionResult(List.of(), cursor, cursor);
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int local = cursor - snippet.offset;
        CellScope scope = CellScope.of(shell, earlierCode(cell, snippet.offset));
        int[] anchor = new int[1];
        List<Suggestion> suggestions = List.of();
        int typedLength = 0; // from the completion's start to the cursor
        for (CellScope.Scoped scoped : scope.layouts(snippet.text, local)) {
            suggestions = analysis.completionSuggestions(scoped.text(), scoped.cursor(), anchor);
            typedLength = scoped.cursor() - anchor[0];
            if (!suggestions.isEmpty() && typedLength >= 0 && typedLength <= local) {
                break;
            }
            suggestions = List.of();
        }
        if (suggestions.isEmpty()) {
            suggestions = analysis.completionSuggestions(snippet.text, local, anchor);
            typedLength = local - anchor[0];
        }
        int identifier = cursor;
        while (identifier > snippet.offset && Character.isJavaIdentifierPart(cell.charAt(identifier - 1))) {
            identifier--;
        }
        int start = suggestions.isEmpty() ? identifier : cursor - typedLength;
        String typed = cell.substring(start, cursor);
        boolean member = start > 0 && cell.charAt(start - 1) == '.';
        Set<String> preferred = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        Boolean monitorsHidden = null; // asked only when a monitor method is offered
        for (Suggestion suggestion : suggestions) {
            String continuation = suggestion.continuation();
            if (CellScope.isScaffolding(continuation)) {
                continue;
            }
            if (isMonitorMethod(continuation) && typed.length() < 2 && member) {
                if (monitorsHidden == null) {
                    monitorsHidden = ReceiverType.isFootprintType(analysis, scope, cell, snippet.offset, start - 1);
                }
                if (monitorsHidden) {
                    continue;
                }
            }
            (suggestion.matchesType() ? preferred : others).add(continuation);
        }
        if (!member && start == identifier) {
            others.addAll(scope.completeImported(typed));
        }
        List<String> matches = new ArrayList<>(preferred);
        others.stream().filter(match -> !preferred.contains(match)).forEach(matches::add);
        return new CompletionResult(matches, start, cursor);
    }

    /**
     * Object's wait/notify family: threads' monitor methods, noise after a Footprint array's dot,
     * left out there unless two letters of them are typed ({@code a.wa}, {@code a.no}).
     */
    private static boolean isMonitorMethod(String continuation) {
        return continuation.startsWith("wait(") || continuation.equals("notify()") || continuation.equals("notifyAll()");
    }

    /** The cell's Java code before {@code offset}, magic lines left out. */
    private static String earlierCode(String cell, int offset) {
        StringBuilder code = new StringBuilder();
        for (CellParts.Part part : CellParts.split(cell)) {
            if (part.kind() != CellParts.Kind.LINE_MAGIC && part.offset() < offset) {
                code.append(part.text(), 0, Math.min(part.text().length(), offset - part.offset())).append('\n');
            }
        }
        return code.toString();
    }

    InspectionResult inspect(JShell shell, String cell, int cursor) {
        InspectionResult magicHelp = magicHelp(cell, cursor);
        if (magicHelp != null) {
            return magicHelp;
        }
        int end = cursor;
        while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) {
            end++;
        }
        Snippet snippet = snippetAt(shell, cell, end);
        if (snippet == null) {
            return new InspectionResult(false, Map.of());
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<Documentation> docs = List.of();
        for (CellScope.Scoped scoped : CellScope.of(shell, earlierCode(cell, snippet.offset)).layouts(snippet.text, end - snippet.offset)) {
            docs = documentation(analysis, scoped.text(), scoped.cursor());
            if (!docs.isEmpty()) {
                break;
            }
        }
        if (docs.isEmpty()) {
            docs = documentation(analysis, snippet.text, end - snippet.offset);
        }
        if (docs.isEmpty()) {
            return new InspectionResult(false, Map.of());
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Documentation doc : docs) {
            String javadoc = doc.javadoc();
            if (javadoc == null || javadoc.isBlank()) {
                javadoc = sourceJavadoc.find(doc.signature());
            }
            plain.append(doc.signature()).append('\n');
            html.append("<pre>").append(escape(doc.signature())).append("</pre>\n");
            if (javadoc != null && !javadoc.isBlank()) {
                plain.append(plainJavadoc(javadoc)).append("\n\n");
                html.append("<div>").append(htmlJavadoc(javadoc)).append("</div>\n");
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/plain", plain.toString().strip());
        data.put("text/html", html.toString().strip());
        return new InspectionResult(true, data);
    }

    private static final Pattern MAGIC_NAME = Pattern.compile("(?m)^[ \\t]*%%?([A-Za-z_]\\w*)");

    /** The help of the magic whose name holds the cursor ({@code %maven?}, Shift-Tab on {@code %maven}), or null. */
    private InspectionResult magicHelp(String cell, int cursor) {
        Matcher name = MAGIC_NAME.matcher(cell);
        while (name.find()) {
            if (cursor >= name.start() && cursor <= name.end()) {
                return magics.find(name.group(1)).map(magic -> {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("text/plain", magic.help().strip());
                    data.put("text/html", "<pre>" + escape(magic.help().strip()) + "</pre>");
                    return new InspectionResult(true, data);
                }).orElse(null);
            }
        }
        return null;
    }

    /**
     * JShell documents a method only with the cursor after its opening parenthesis, a class or
     * field with the cursor at the end of its name: try both, as a user may point at either.
     */
    private static List<Documentation> documentation(SourceCodeAnalysis analysis, String text, int end) {
        List<Documentation> docs = analysis.documentation(text, end, true);
        if (docs.isEmpty() && end < text.length() && text.charAt(end) == '(') {
            docs = analysis.documentation(text, end + 1, true);
        }
        if (docs.isEmpty() && (end == text.length() || text.charAt(end) != '(')) {
            docs = analysis.documentation(text.substring(0, end) + "(", end + 1, true);
        }
        return docs;
    }

    /** The snippet of Java code that holds {@code cursor}, or null in a magic line. */
    private static Snippet snippetAt(JShell shell, String cell, int cursor) {
        for (CellParts.Part part : CellParts.split(cell)) {
            if (part.kind() == CellParts.Kind.LINE_MAGIC) {
                continue;
            }
            int partEnd = part.offset() + part.text().length();
            if (cursor < part.offset() || cursor > partEnd) {
                continue;
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = part.text();
            int offset = part.offset();
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                int consumed = info.completeness().isComplete() ? remaining.length() - info.remaining().length() : remaining.length();
                if (consumed == 0 || cursor <= offset + consumed || consumed >= remaining.length()) {
                    return new Snippet(remaining.substring(0, Math.max(consumed, cursor - offset)), offset);
                }
                offset += consumed;
                remaining = remaining.substring(consumed);
            }
        }
        return null;
    }

    private record Snippet(String text, int offset) {}

    static String plainJavadoc(String javadoc) {
        return inlineTags(javadoc, false);
    }

    static String htmlJavadoc(String javadoc) {
        return inlineTags(javadoc, true).replaceAll("\\n\\s*@", "<br>@");
    }

    /**
     * Resolves Javadoc's inline tags: {@code {@code x}} and {@code {@literal x}} become their text,
     * {@code {@link Type#member label}} its label (or the reference). For HTML the text of a tag
     * is escaped and set in {@code <code>}, and the comment's own HTML is kept; for plain text the
     * comment's HTML tags are dropped and its entities decoded. Nested braces inside a tag are
     * balanced, as in {@code {@code new long[]{1, 2}}}.
     */
    private static String inlineTags(String javadoc, boolean html) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < javadoc.length()) {
            int open = javadoc.indexOf("{@", i);
            if (open < 0) {
                out.append(prose(javadoc.substring(i), html));
                break;
            }
            out.append(prose(javadoc.substring(i, open), html));
            int depth = 0;
            int close = open;
            for (; close < javadoc.length(); close++) {
                char c = javadoc.charAt(close);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            if (close >= javadoc.length()) { // unbalanced: the rest is prose
                out.append(prose(javadoc.substring(open), html));
                break;
            }
            String tag = javadoc.substring(open + 2, close);
            int space = tag.indexOf(' ');
            String name = space < 0 ? tag : tag.substring(0, space);
            String body = space < 0 ? "" : tag.substring(space + 1).strip();
            String text = switch (name) {
                case "link", "linkplain" -> {
                    int labelAt = body.indexOf(' ', body.indexOf(')') + 1);
                    yield labelAt > 0 ? body.substring(labelAt + 1).strip()
                            : body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
                }
                default -> body;
            };
            out.append(html && !"linkplain".equals(name) ? "<code>" + escape(text) + "</code>" : html ? escape(text) : text);
            i = close + 1;
        }
        return out.toString();
    }

    private static String prose(String text, boolean html) {
        return html ? text : text.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
