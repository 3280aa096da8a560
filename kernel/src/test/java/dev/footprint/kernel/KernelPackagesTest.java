package dev.footprint.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kernel module's packages form layers: no package reaches itself through others, and each
 * says in its {@code package-info.java} what it owns. Read from the sources, so a new import that
 * closes a circle fails here with the uses that make it.
 */
class KernelPackagesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void kernelPackagesFormNoCycle() {
        PackageGraph graph = PackageGraph.of(SOURCES);
        assertTrue(graph.uses().containsKey("dev.footprint.kernel.eval"), "the sources were read: " + graph.uses().keySet());
        assertEquals(List.of(), graph.cycles(), () -> graph.cycles().stream()
                .map(c -> c.packages() + " form a cycle:\n  " + String.join("\n  ", c.examples()))
                .collect(Collectors.joining("\n")));
    }

    @Test
    void everyKernelPackageSaysWhatItOwns() {
        List<String> silent = PackageGraph.of(SOURCES).uses().keySet().stream()
                .filter(p -> !Files.isRegularFile(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), silent, "packages without a package-info.java");
    }

    @Test
    void aCycleThroughThreePackagesIsFoundWithItsUses() {
        PackageGraph graph = PackageGraph.of(Map.of(
                "a/A.java", "package a;\nimport b.B;\nclass A { B b; }",
                "b/B.java", "package b;\nclass B { c.C c; }",
                "c/C.java", "package c;\nimport a.*;\nclass C {}",
                "d/D.java", "package d;\nimport a.A;\n// b.B in a comment and \"c.C\" in a string are no uses\nclass D { String s = \"b.B\"; }"));
        assertEquals(1, graph.cycles().size(), graph.cycles().toString());
        PackageGraph.Cycle cycle = graph.cycles().get(0);
        assertEquals(List.of("a", "b", "c"), cycle.packages());
        assertEquals(List.of("a -> b (a/A.java uses b.B)", "b -> c (b/B.java uses c.C)", "c -> a (c/C.java imports a.*)"),
                cycle.examples());
        assertEquals(Set.of("a"), graph.uses().get("d").keySet(), "d uses only a; comments and strings are no uses");
    }
}
