package dev.footprint.kernel.jshell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.ImportSnippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The imports a cell declares before the cursor, for completion before the cell runs. JShell's
 * analysis knows only the session's imports and a cell's imports cannot sit inside the block
 * {@link CellScope} builds, so the names they bring in are written out in full instead
 * ({@code ConcurrentHashMap} becomes {@code java.util.concurrent.ConcurrentHashMap}), and a
 * simple name being typed completes from them: {@code import java.util.concurrent.*;} then
 * {@code ConcurrentHashM} completes to {@code ConcurrentHashMap}.
 */
final class CellImports {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*");

    /** What a simple name stands for and how it completes ({@code sqrt(} for a method). */
    private record Imported(String qualified, String continuation) {}

    private final Map<String, Imported> names;

    private CellImports(Map<String, Imported> names) {
        this.names = names;
    }

    static final CellImports NONE = new CellImports(Map.of());

    /**
     * The names {@code imports} bring in, except those in {@code declared} (names the cell or the
     * session declares, which hide a name imported on demand). A single import hides one on
     * demand, as in Java. On-demand imports list their package's or class's members with
     * {@code analysis}.
     */
    static CellImports of(SourceCodeAnalysis analysis, List<ImportSnippet> imports, Set<String> declared) {
        Map<String, Imported> names = new LinkedHashMap<>();
        for (boolean single : new boolean[] {false, true}) {
            for (ImportSnippet snippet : imports) {
                String full = snippet.fullname();
                boolean onDemand = full.endsWith(".*");
                if (onDemand == single) {
                    continue;
                }
                if (single) {
                    String simple = full.substring(full.lastIndexOf('.') + 1);
                    names.put(simple, new Imported(full, snippet.isStatic() ? simple + "(" : simple));
                    continue;
                }
                String owner = full.substring(0, full.length() - 1); // "java.util.concurrent."
                int[] anchor = new int[1];
                for (SourceCodeAnalysis.Suggestion member : analysis.completionSuggestions(owner, owner.length(), anchor)) {
                    Matcher name = NAME.matcher(member.continuation());
                    if (name.lookingAt() && !declared.contains(name.group())) {
                        names.putIfAbsent(name.group(), new Imported(owner + name.group(), member.continuation()));
                    }
                }
            }
        }
        return new CellImports(names);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The imported names that start with {@code prefix}, as completions. */
    List<String> complete(String prefix) {
        return names.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> entry.getValue().continuation()).distinct().toList();
    }

    /** {@code code} with each imported simple name written out in full; members ({@code x.Name}) stay. */
    String qualify(String code) {
        return qualify(code, false, false);
    }

    /**
     * As {@link #qualify(String)}, but a name touching the start ({@code keepFirst}) or the end
     * ({@code keepLast}) of {@code code} stays: the name being typed, when the caller cuts the
     * code at the cursor.
     */
    String qualify(String code, boolean keepFirst, boolean keepLast) {
        if (names.isEmpty()) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        Matcher name = NAME.matcher(code);
        int done = 0;
        while (name.find()) {
            boolean member = name.start() > 0 && (code.charAt(name.start() - 1) == '.' || Character.isJavaIdentifierPart(code.charAt(name.start() - 1)));
            boolean touching = keepFirst && name.start() == 0 || keepLast && name.end() == code.length();
            Imported imported = names.get(name.group());
            if (imported != null && !member && !touching) {
                out.append(code, done, name.start()).append(imported.qualified());
                done = name.end();
            }
        }
        return out.append(code, done, code.length()).toString();
    }
}
