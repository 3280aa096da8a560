package dev.footprint.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package's sources use which other package, read from a source tree's {@code package} and
 * {@code import} lines and its fully qualified names (comments and string literals left out), and
 * the cycles among them. Only packages of the tree count: the JDK and libraries are not nodes.
 */
record PackageGraph(Map<String, Map<String, Set<String>>> uses) {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A dotted name that starts with a lower-case part and reaches a type: {@code a.b.Type}. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:[a-z_]\\w*\\.)+)([A-Z]\\w*)");

    /** Packages that reach each other, and one use for each edge between them. */
    record Cycle(List<String> packages, List<String> examples) {}

    /** Reads every {@code .java} file below {@code root}. */
    static PackageGraph of(Path root) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(sources);
    }

    /** The graph of sources given by file name. */
    static PackageGraph of(Map<String, String> sources) {
        Map<String, String> packageOf = new HashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Matcher declared = PACKAGE.matcher(source.getValue());
            if (declared.find()) {
                packageOf.put(source.getKey(), declared.group(1));
            }
        }
        Set<String> packages = new TreeSet<>(packageOf.values());
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        packages.forEach(p -> uses.put(p, new TreeMap<>()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String from = packageOf.get(source.getKey());
            if (from == null) {
                continue;
            }
            String code = withoutCommentsAndStrings(source.getValue());
            Matcher name = QUALIFIED.matcher(code);
            while (name.find()) {
                String to = name.group(1).substring(0, name.group(1).length() - 1);
                if (!to.equals(from) && packages.contains(to)) {
                    uses.get(from).computeIfAbsent(to, k -> new TreeSet<>())
                            .add(source.getKey() + " uses " + to + "." + name.group(2));
                }
            }
            Matcher wildcard = Pattern.compile("^import\\s+([\\w.]+)\\.\\*\\s*;", Pattern.MULTILINE).matcher(code);
            while (wildcard.find()) {
                String to = wildcard.group(1);
                if (!to.equals(from) && packages.contains(to)) {
                    uses.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(source.getKey() + " imports " + to + ".*");
                }
            }
        }
        return new PackageGraph(uses);
    }

    /** The source with comments, string and character literals (text blocks too) blanked out. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                code.append(c);
                i++;
                continue;
            }
            code.append(' ');
            i = end;
        }
        return code.toString();
    }

    /**
     * The groups of packages that reach each other (strongly connected components of more than
     * one package), each with one use per edge inside it; empty when the packages form layers.
     */
    List<Cycle> cycles() {
        List<Cycle> cycles = new ArrayList<>();
        for (Set<String> component : components()) {
            if (component.size() < 2) {
                continue;
            }
            List<String> examples = new ArrayList<>();
            for (String from : component) {
                uses.get(from).forEach((to, where) -> {
                    if (component.contains(to)) {
                        examples.add(from + " -> " + to + " (" + where.iterator().next() + ")");
                    }
                });
            }
            cycles.add(new Cycle(List.copyOf(component), examples));
        }
        return cycles;
    }

    /** Tarjan's strongly connected components, iterative over the sorted packages. */
    private List<Set<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private void connect(String node, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : uses.get(node).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            found.add(component);
        }
    }
}
