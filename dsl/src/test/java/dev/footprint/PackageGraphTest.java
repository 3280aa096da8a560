package dev.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The DSL's packages form layers: a scan of the main sources' imports and qualified names (comments
 * and string literals left out) finds no circle between packages, and every package says in a
 * {@code package-info.java} what it owns.
 */
class PackageGraphTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/footprint");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.footprint\\.([a-z]+)\\b(?=\\s*[.;])");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("//[^\n]*|/\\*.*?\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])*'", Pattern.DOTALL);
    @Test
    void packagesFormNoCircle() {
        Map<String, Map<String, Set<String>>> graph = graph();
        List<Set<String>> circles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                circles.add(component);
            }
        }
        StringBuilder why = new StringBuilder();
        for (Set<String> c : circles) {
            why.append("\npackages ").append(c).append(" depend on each other:");
            for (String from : c) {
                graph.get(from).forEach((to, files) -> {
                    if (c.contains(to)) {
                        why.append("\n  ").append(from).append(" -> ").append(to).append(" in ").append(files);
                    }
                });
            }
        }
        assertTrue(circles.isEmpty(), why.toString());
    }

    @Test
    void theScanSeesTheLayersItGuards() {
        Map<String, Map<String, Set<String>>> graph = graph();
        assertTrue(graph.get("sparse").containsKey("array"), "sparse is built on array");
        assertTrue(graph.get("compress").containsKey("array"), "compress implements array's CompressedNDArray");
        assertTrue(!graph.get("array").containsKey("compress"), "a.compress() reaches compress without naming it");
        assertTrue(graph.get("io").containsKey("sparse"), "io reads and writes sparse arrays");
        assertTrue(graph.get("report").containsKey("display"), "reports implement the display contract");
        assertEquals(Set.of(), graph.get("display").keySet(), "display depends on no other package");
        assertTrue(stronglyConnected(Map.of("a", Map.of("b", Set.of("A.java")), "b", Map.of("a", Set.of("B.java"))))
                .contains(Set.of("a", "b")), "a two-package circle is found");
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java"))).toList();
            assertEquals(List.of(), missing, "packages without a package-info.java");
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package (the segment after {@code dev.footprint}, "" for the root) to the packages it names, with the files that do. */
    static Map<String, Map<String, Set<String>>> graph() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                Map<String, Set<String>> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
                String code = COMMENTS_AND_STRINGS.matcher(Files.readString(f)).replaceAll(" ");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && Files.isDirectory(SOURCES.resolve(to))) {
                        edges.computeIfAbsent(to, k -> new TreeSet<>()).add(f.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    static List<Set<String>> stronglyConnected(Map<String, ? extends Map<String, ?>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, ? extends Map<String, ?>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        Map<String, ?> edges = graph.get(v);
        for (String w : edges == null ? Set.<String>of() : edges.keySet()) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
