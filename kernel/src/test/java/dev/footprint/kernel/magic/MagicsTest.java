package dev.footprint.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each magic through a real evaluator. */
class MagicsTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx256m").build());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private record Run(ExecutionOutcome outcome, String stdout, List<Map<String, String>> displays) {}

    private static Run run(String cell) {
        StringBuilder out = new StringBuilder();
        List<Map<String, String>> displays = new java.util.ArrayList<>();
        ExecutionOutcome outcome = evaluator.execute(cell, new ExecutionListener() {
            @Override
            public void stream(String name, String text) {
                if (name.equals("stdout")) {
                    out.append(text);
                }
            }

            @Override
            public void display(MimeBundle bundle, String displayId, boolean update) {
                displays.add(bundle);
            }

            @Override
            public void clearOutput(boolean wait) {}
        });
        return new Run(outcome, out.toString(), displays);
    }

    @Test
    void memitReportsArrayPeakIncrementAndAllocation() {
        Run line = run("%memit var memitA = arr.ones(1024, 1024)");
        assertFalse(line.outcome().isError(), () -> line.outcome().error().toString());
        assertTrue(line.stdout().contains("increment: 8.00 MiB (arrays)"), line.stdout());
        Matcher allocated = Pattern.compile("allocated: ([0-9.]+) MiB").matcher(line.stdout());
        assertTrue(allocated.find(), line.stdout());
        assertTrue(Double.parseDouble(allocated.group(1)) >= 8.0, line.stdout());
        assertEquals("8388608", run("memitA.nbytes()").outcome().result().get("text/plain"), "the statement's variable stays");

        Run cell = run("%%memit\nvar memitB = arr.ones(UINT16, 1024, 1024);\nvar memitC = arr.ones(UINT16, 1024, 1024);");
        assertTrue(cell.stdout().contains("increment: 4.00 MiB (arrays)"), cell.stdout());
    }

    @Test
    void memitCountsAMappedFileApartFromHeap(@TempDir Path dir) {
        String file = dir.resolve("mapped.npy").toString().replace("\\", "\\\\");
        Run save = run("arr.ones(UINT8, 4096, 4096).save(\"" + file + "\");");
        assertFalse(save.outcome().isError(), () -> save.outcome().error().toString());
        Run line = run("%memit var memitMapped = arr.load(\"" + file + "\", MMAP_READ)");
        assertFalse(line.outcome().isError(), () -> line.outcome().error().toString());
        assertTrue(line.stdout().contains("increment: 0.00 MiB (arrays)"), line.stdout());
        assertTrue(line.stdout().contains("(+16.00 MiB), not heap"), line.stdout());
        Run sum = run("%memit memitMapped.sum()");
        assertTrue(sum.stdout().contains("(+0.00 MiB), not heap"), sum.stdout());
        assertEquals("16777216", run("memitMapped.countNonzero()").outcome().result().get("text/plain"));
    }

    @Test
    void memitCountsWhatTheCodeTookEvenWhenACollectionFreesEarlierGarbageWhileItRuns() {
        // Two float64 arrays nobody holds: garbage, but counted until a collection frees them.
        run("arr.ones(1024, 1024).nbytes(); arr.ones(1024, 1024).nbytes();");
        // A collection inside the measured code, before its own array, as a small heap's would be.
        Run cell = run("%%memit\nSystem.gc();\nThread.sleep(100);\nvar kept = arr.ones(UINT16, 1024, 1024);");
        assertFalse(cell.outcome().isError(), () -> cell.outcome().error().toString());
        assertTrue(cell.stdout().contains("increment: 2.00 MiB (arrays)"), cell.stdout());
    }

    @Test
    void timeReportsCpuAndWallTimeOfTheCode() {
        long start = System.nanoTime();
        Run line = run("%time Thread.sleep(300)");
        double wholeCellMillis = (System.nanoTime() - start) / 1e6;
        Matcher wall = Pattern.compile("Wall time: ([0-9.]+) (ms|s)\n").matcher(line.stdout());
        assertTrue(line.stdout().contains("CPU time: "), line.stdout());
        assertTrue(wall.find(), line.stdout());
        double millis = Double.parseDouble(wall.group(1)) * (wall.group(2).equals("s") ? 1000 : 1);
        // the sleep, measured once and inside the cell: compiling and the kernel's work are outside it
        assertTrue(millis >= 300 && millis < wholeCellMillis, line.stdout() + " of a cell that took " + wholeCellMillis + " ms");

        Run failing = run("%time Integer.parseInt(\"x\")");
        assertEquals("java.lang.NumberFormatException", failing.outcome().error().ename());
        assertFalse(failing.stdout().contains("Wall time"), "a failed cell shows its error, not a time: " + failing.stdout());

        Run cell = run("%%time\nint timed = 0;\nfor (int i = 0; i < 1000; i++) timed += i;\ntimed");
        assertEquals("499500", cell.outcome().result().get("text/plain"), "the cell's value is kept");
        assertTrue(cell.stdout().contains("Wall time: "), cell.stdout());
    }

    @Test
    void lineMagicsRunInOrderWithTheCode() {
        Run mixed = run("int orderA = 1;\n%time orderA += 1;\norderA * 10");
        assertEquals("20", mixed.outcome().result().get("text/plain"));
        assertTrue(mixed.stdout().contains("Wall time"));
    }

    @Test
    void whosListsArraysLargestFirst() {
        run("var whosSmall = arr.ones(UINT16, 16, 16);\nvar whosLarge = arr.ones(512, 512);\nint whosNotAnArray = 3;");
        Run whos = run("%whos");
        assertFalse(whos.outcome().isError(), () -> whos.outcome().error().toString());
        String table = whos.outcome().result().get("text/plain");
        assertTrue(table.indexOf("whosLarge") >= 0 && table.indexOf("whosLarge") < table.indexOf("whosSmall"), table);
        assertFalse(table.contains("whosNotAnArray"), table);
        assertTrue(table.contains("2097152"), "the bytes of the 512x512 float64 array: " + table);
    }

    @Test
    void whosRendersTheFootprintTableOfDenseSparseAndCompressedArrays() {
        run("var whosDense = arr.ones(UINT16, 64, 64);\nvar whosCoo = sparse.coo(arr.eye(64));\nvar whosZipped = arr.zeros(64, 64).compress();");
        Map<String, String> whos = run("%whos").outcome().result();
        Map<String, String> direct = run("footprint(\"whosDense\", whosDense, \"whosCoo\", whosCoo, \"whosZipped\", whosZipped)")
                .outcome().result();
        String table = whos.get("text/plain");
        assertTrue(table.startsWith("Variables holding arrays, largest first"), table);
        // Other tests' arrays are listed too, so compare rows with their padding squeezed.
        String squeezed = table.replaceAll(" +", " ");
        for (String line : direct.get("text/plain").split("\n")) {
            if (!line.startsWith("-")) {
                assertTrue(squeezed.contains(line.replaceAll(" +", " ")), "each row of footprint(...) appears in %whos: " + line + " in\n" + table);
            }
        }
        assertTrue(whos.get("text/html").contains("<table") && whos.get("text/html").contains("<img src=\"data:image/png;base64,"),
                "the table's HTML and chart: " + whos.get("text/html").substring(0, 300));
        String title = "Variables holding arrays, largest first";
        for (String shown : List.of(whos.get("text/html"), table)) {
            assertEquals(shown.indexOf(title), shown.lastIndexOf(title), "the title once: " + shown.replaceAll("base64,[^\"]*", ""));
        }
        assertTrue(table.indexOf("whosDense") < table.indexOf("whosCoo"), "8192 bytes before the COO's 1536: " + table);
        assertTrue(table.indexOf("whosCoo") < table.indexOf("whosZipped"), "the compressed zeros' stored bytes come last: " + table);
        assertTrue(squeezed.contains("whosZipped compressed, chunks (64, 64) float64 / zstd 1"), table);
    }

    @Test
    void whosWithoutArraysSaysSo() {
        try (JShellEvaluator fresh = new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build())) {
            fresh.execute("int notAnArray = 1;", ExecutionListener.NONE);
            assertEquals("No variable holds an array.", fresh.execute("%whos", ExecutionListener.NONE).result().get("text/plain"));
        }
    }

    @Test
    void classpathAddsAJarToBothJvms(@TempDir Path folder) throws IOException {
        Path jar = greeterJar(folder);
        Run added = run("%classpath " + jar);
        assertFalse(added.outcome().isError(), () -> added.outcome().error().toString());
        ExecutionOutcome greeting = run("new extra.Greeter().hello()").outcome();
        assertFalse(greeting.isError(), () -> greeting.error().toString());
        assertEquals("\"hello from a jar\"", greeting.result().get("text/plain"));
        assertTrue(run("%jars").stdout().contains(jar.toString()), "without arguments it prints the class path");
        assertEquals("FileNotFoundError", run("%jars " + folder.resolve("missing.jar")).outcome().error().ename());
    }

    @Test
    void loadRunsScriptsAndNotebookCodeCells(@TempDir Path folder) throws IOException {
        Path script = folder.resolve("setup.jsh");
        Files.writeString(script, "int loadedFromScript = 5;\nSystem.out.println(\"script ran\");\n");
        Run fromScript = run("%load " + script);
        assertTrue(fromScript.stdout().contains("script ran"), fromScript.stdout());
        assertEquals("5", run("loadedFromScript").outcome().result().get("text/plain"));

        Path notebook = folder.resolve("chapter.ipynb");
        Files.writeString(notebook, "{\"cells\": ["
                + "{\"cell_type\": \"markdown\", \"source\": [\"# title\"]},"
                + "{\"cell_type\": \"code\", \"source\": [\"int fromNotebook = 2;\\n\", \"fromNotebook *= 21;\"]},"
                + "{\"cell_type\": \"code\", \"source\": \"System.out.println(fromNotebook);\"}"
                + "], \"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}");
        Run fromNotebook = run("%load " + notebook);
        assertFalse(fromNotebook.outcome().isError(), () -> fromNotebook.outcome().error().toString());
        assertEquals("42\n", fromNotebook.stdout());
        assertEquals("FileNotFoundError", run("%load " + folder.resolve("absent.jsh")).outcome().error().ename());
    }

    @Test
    void lsmagicListsEveryMagic() {
        String listing = run("%lsmagic").stdout();
        for (String name : List.of("%memit", "%time", "%whos", "%classpath", "%jars", "%load", "%lsmagic")) {
            assertTrue(listing.contains(name), name + " in " + listing);
        }
    }

    private static Path greeterJar(Path folder) throws IOException {
        Path source = folder.resolve("src/extra/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package extra; public class Greeter { public String hello() { return \"hello from a jar\"; } }");
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        Path jar = folder.resolve("greeter.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("extra/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("extra/Greeter.class")));
            out.closeEntry();
        }
        assertTrue(new String(Files.readAllBytes(jar), StandardCharsets.ISO_8859_1).length() > 0);
        return jar;
    }
}
