package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook of the project runs through the headless runner with the kernel's own
 * evaluator without an error, and shows the article's figures, computed in the notebook.
 */
class NotebooksExecuteTest {

    @TempDir
    static Path written;

    /** Runs {@code file} as {@code footprint run} would and returns the executed notebook. */
    static Notebook execute(Path file) throws Exception {
        Notebook notebook = NotebookFile.read(file);
        UserJvmOptions options = UserJvmOptions.builder().jvmOptions("-Xmx512m")
                .classPath(List.of(ExternalTools.classPath().split(ExternalTools.pathSeparator()))).build();
        long start = System.nanoTime();
        RunResult result;
        try (JShellEvaluator evaluator = new JShellEvaluator(options)) {
            result = NotebookRunner.builder().build().run(notebook, evaluator);
        }
        System.out.printf("%s: %d cells, %.1f s running cells, %.1f s with the user JVM's start%n", file.getFileName(),
                result.cellsRun(), result.elapsed().toMillis() / 1000.0, (System.nanoTime() - start) / 1e9);
        assertTrue(result.succeeded(), () -> file.getFileName() + " failed at cell " + (result.stoppedAt() + 1) + ": "
                + result.stopError().ename() + ": " + result.stopError().evalue() + "\n" + String.join("\n", result.stopError().traceback()));
        NbformatShape.assertValid(notebook);
        return notebook;
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutErrors() throws Exception {
        List<Path> notebooks = ExternalTools.notebooks();
        assertTrue(notebooks.size() >= 9, "the chapters and the workshop: " + notebooks);
        return notebooks.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Notebook notebook = execute(file);
            Path target = written.resolve(ExternalTools.notebooksFolder().relativize(file));
            NotebookFile.write(notebook, target);
        }));
    }

    @Test
    void chapterOneShowsTheArticlesDtypeFigures() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("01-smaller-dtypes.ipynb"));
        assertEquals("8388608", resultOf(notebook, "as(UINT64)").orElseThrow());
        assertEquals("2097152", resultOf(notebook, "as(UINT16)").orElseThrow());
        assertEquals("0.25", resultOf(notebook, "(double) int16arr.nbytes() / int64arr.nbytes()").orElseThrow());
    }

    @Test
    void chapterTwoShowsTwentyFourBytesPerStoredValue() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("02-sparse-arrays.ipynb"));
        assertEquals("8388608", resultOf(notebook, "var s = sparse.coo(a);").orElseThrow());
        long nnz = Long.parseLong(resultOf(notebook, "s.nnz()").orElseThrow());
        assertTrue(nnz > 100_000 && nnz < 110_000, "about a tenth of 1024 x 1024: " + nnz);
        assertEquals(String.valueOf(24 * nnz), cellResult(notebook, "s.nbytes()").orElseThrow());
        assertEquals("true", resultOf(notebook, "s.nbytes() == 24 * s.nnz()").orElseThrow());
    }

    @Test
    void chapterThreeShowsEightyBitsPerPixel() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("03-when-it-wont-work.ipynb"));
        assertEquals("true", resultOf(notebook, "* 8 / image.size() == 80").orElseThrow());
        assertTrue(textOf(notebook, "%memit").contains("peak memory"), "%memit reports: " + textOf(notebook, "%memit"));
        assertTrue(textOf(notebook, "bits/px").matches("(?s).*both, after the conversion\\s+80.*"));
        assertTrue(textOf(notebook, "%memit").contains("increment: 8.00 MiB"), "the float64 copy of 1024 x 1024 pixels: "
                + textOf(notebook, "%memit"));
        String bill = resultOf(notebook, "Upcast.cost(image)").orElseThrow();
        assertTrue(bill.matches("(?s).*image \\+ img_as_float\\(image\\)\\s+total.*\\s80\\.00\\s.*"), bill);
        String trace = resultOf(notebook, "trace(() -> Upcast.imgAsFloat(image))").orElseThrow();
        assertTrue(trace.matches("(?s).*NDArray\\.mul\\s+Upcast\\.imgAsFloat:\\d+\\s+float64\\s+\\(1024, 1024\\)\\s+heap\\s+8388608\\s.*"),
                "the trace names the float64 copy and who made it: " + trace);
    }

    @Test
    void chapterSevenDrawsItsChartWithJFreeChart() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("07-when-sparse-stops-paying.ipynb"));
        String chart = null;
        for (JsonObject cell : notebook.codeCells()) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
                String html = data != null && data.has("text/html") ? NotebookFile.text(data.get("text/html")) : "";
                if (html.contains("alt=\"When sparse stops paying")) {
                    chart = html;
                }
            }
        }
        assertTrue(chart != null, "a cell displays the density chart");
        assertTrue(chart.startsWith("<img src=\"data:image/png;base64,") && chart.contains("width=\"640\" height=\"380\""),
                chart.substring(0, 200));
        assertTrue(textOf(notebook, "stops paying by").contains("COO (int64): stops paying by density 0.4"));
    }

    @Test
    void savedNotebooksNameNoPathOfTheMachineThatRanThem() throws Exception {
        String root = ExternalTools.notebooksFolder().toAbsolutePath().getParent().toString();
        String home = System.getProperty("user.home");
        for (Path file : ExternalTools.notebooks()) {
            String text = java.nio.file.Files.readString(file);
            assertFalse(text.contains(root), file.getFileName() + " mentions " + root);
            assertFalse(home.length() > 1 && text.contains(home + "/"), file.getFileName() + " mentions " + home);
        }
    }

    @Test
    void workshopSolutionsPassEveryCheck() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("workshop/solutions.ipynb"));
        assertTrue(textOf(notebook, "System.out.println(passed").contains("4 right, 0 not yet"), textOf(notebook, "System.out.println(passed"));
    }

    @Test
    void workshopExercisesSayWhatIsNotYetRight() throws Exception {
        Notebook notebook = execute(ExternalTools.notebooksFolder().resolve("workshop/exercises.ipynb"));
        assertTrue(textOf(notebook, "check(\"1.").contains("\u2718 1. a smaller dtype: not yet."), textOf(notebook, "check(\"1."));
        assertTrue(textOf(notebook, "System.out.println(passed").contains("0 right, 4 not yet"));
        assertFalse(textOf(notebook, "check(\"3.").isEmpty());
    }

    /** The text/plain of the execute_result of the first cell whose source contains {@code fragment}. */
    static Optional<String> resultOf(Notebook notebook, String fragment) {
        return cellResult(notebook, fragment);
    }

    private static Optional<String> cellResult(Notebook notebook, String fragment) {
        for (JsonObject cell : notebook.codeCells()) {
            String source = Notebook.source(cell);
            if (source.contains(fragment) && (!fragment.equals("s.nbytes()") || source.strip().equals(fragment))) {
                for (JsonElement output : cell.getAsJsonArray("outputs")) {
                    JsonObject object = output.getAsJsonObject();
                    if (object.get("output_type").getAsString().equals("execute_result")) {
                        return Optional.of(NotebookFile.text(object.getAsJsonObject("data").get("text/plain")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** All text (streams and text/plain) of the first cell whose source contains {@code fragment}. */
    static String textOf(Notebook notebook, String fragment) {
        StringBuilder text = new StringBuilder();
        for (JsonObject cell : notebook.codeCells()) {
            if (Notebook.source(cell).contains(fragment)) {
                for (JsonElement output : cell.getAsJsonArray("outputs")) {
                    JsonObject object = output.getAsJsonObject();
                    if (object.has("text")) {
                        text.append(NotebookFile.text(object.get("text")));
                    } else if (object.has("data")) {
                        text.append(NotebookFile.text(object.getAsJsonObject("data").get("text/plain")));
                    }
                }
                return text.toString();
            }
        }
        return text.toString();
    }
}
