package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {

    private final CannedEvaluator evaluator = new CannedEvaluator();

    private static Notebook notebook(String... codeCells) {
        List<JsonObject> cells = new java.util.ArrayList<>();
        cells.add(Notebook.markdownCell("# Title\nSome prose."));
        for (String code : codeCells) {
            cells.add(Notebook.codeCell(code));
        }
        return Notebook.of(cells);
    }

    private static JsonArray outputs(Notebook notebook, int codeCell) {
        return notebook.codeCells().get(codeCell).getAsJsonArray("outputs");
    }

    @Test
    void turnsStreamsDisplaysAndValuesIntoOutputs() {
        Notebook notebook = notebook("print one\nprint two\neprint oops\nshow a table\nvalue 8388608");
        RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);

        assertTrue(result.succeeded());
        JsonArray outputs = outputs(notebook, 0);
        assertEquals(4, outputs.size(), outputs.toString());
        JsonObject stdout = outputs.get(0).getAsJsonObject();
        assertEquals("stream", stdout.get("output_type").getAsString());
        assertEquals("stdout", stdout.get("name").getAsString());
        assertEquals("one\ntwo\n", NotebookFile.text(stdout.get("text")), "consecutive stdout text is one output");
        assertEquals("stderr", outputs.get(1).getAsJsonObject().get("name").getAsString());
        JsonObject display = outputs.get(2).getAsJsonObject();
        assertEquals("display_data", display.get("output_type").getAsString());
        assertEquals("<b>a table</b>", NotebookFile.text(display.getAsJsonObject("data").get("text/html")),
                "rich MIME types are kept");
        JsonObject value = outputs.get(3).getAsJsonObject();
        assertEquals("execute_result", value.get("output_type").getAsString());
        assertEquals(1, value.get("execution_count").getAsInt());
        assertEquals("8388608", NotebookFile.text(value.getAsJsonObject("data").get("text/plain")));
        assertEquals(1, notebook.codeCells().get(0).get("execution_count").getAsInt());
        NbformatShape.assertValid(notebook);
    }

    @Test
    void aFailingCellStopsTheRunAndKeepsItsError() {
        Notebook notebook = notebook("value 1", "print before\nfail lossy cast", "value 3");
        RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);

        assertFalse(result.succeeded());
        assertEquals(2, result.cellsRun());
        assertEquals(2, result.stoppedAt(), "index among all cells: markdown, code, code");
        assertEquals("lossy cast", result.stopError().evalue());
        JsonObject error = outputs(notebook, 1).get(1).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("CannedError", error.get("ename").getAsString());
        assertEquals("CannedError: lossy cast", error.getAsJsonArray("traceback").get(0).getAsString());
        assertTrue(notebook.codeCells().get(2).get("execution_count").isJsonNull(), "the cell after is not run");
        assertEquals(2, evaluator.executed.size());
        NbformatShape.assertValid(notebook);
    }

    @Test
    void allowErrorsGoesOn() {
        Notebook notebook = notebook("fail first", "value 2");
        RunResult result = NotebookRunner.builder().allowErrors(true).build().run(notebook, evaluator);

        assertTrue(result.succeeded());
        assertEquals(1, result.errors());
        assertEquals(2, notebook.codeCells().get(1).get("execution_count").getAsInt());
        assertEquals("execute_result", outputs(notebook, 1).get(0).getAsJsonObject().get("output_type").getAsString());
    }

    @Test
    void aCellTaggedRaisesExceptionMayFail() {
        Notebook notebook = notebook("fail expected", "value 2");
        JsonObject tags = new JsonObject();
        JsonArray list = new JsonArray();
        list.add(NotebookRunner.RAISES_EXCEPTION);
        tags.add("tags", list);
        notebook.codeCells().get(0).add("metadata", tags);

        RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);

        assertTrue(result.succeeded());
        assertEquals(1, result.errors());
        assertEquals(2, evaluator.executed.size());
    }

    @Test
    void emptyCellsAreSkippedAndOldOutputsCleared() {
        Notebook notebook = notebook("value 1", "  \n", "value 3");
        notebook.codeCells().get(1).getAsJsonArray("outputs").add(new JsonObject());
        RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);

        assertEquals(2, result.cellsRun());
        assertTrue(notebook.codeCells().get(1).get("execution_count").isJsonNull());
        assertEquals(0, outputs(notebook, 1).size());
        assertEquals(2, notebook.codeCells().get(2).get("execution_count").getAsInt());
    }

    @Test
    void displayUpdatesReplaceEarlierOutputsEvenInEarlierCells() {
        Notebook notebook = notebook("show#progress 10 %", "update#progress 100 %\nprint done");
        NotebookRunner.builder().build().run(notebook, evaluator);

        JsonObject first = outputs(notebook, 0).get(0).getAsJsonObject();
        assertEquals("100 %", NotebookFile.text(first.getAsJsonObject("data").get("text/plain")));
        assertEquals(1, outputs(notebook, 1).size(), "an update adds no output");
    }

    @Test
    void clearOutputRemovesWhatCameBeforeAndWaitDefersIt() {
        Notebook notebook = notebook("print a\nclear\nprint b", "print a\nclearwait\nprint b");
        NotebookRunner.builder().build().run(notebook, evaluator);

        assertEquals("b\n", NotebookFile.text(outputs(notebook, 0).get(0).getAsJsonObject().get("text")));
        assertEquals(1, outputs(notebook, 1).size());
        assertEquals("b\n", NotebookFile.text(outputs(notebook, 1).get(0).getAsJsonObject().get("text")));
    }

    @Test
    void aCellPastTheTimeoutIsInterruptedAndStopsTheRun() {
        Notebook notebook = notebook("sleep 60000", "value 2");
        RunResult result = NotebookRunner.builder().cellTimeout(Duration.ofSeconds(1)).build().run(notebook, evaluator);

        // The canned cell ends with an error only when interrupted; left alone it would succeed.
        assertTrue(evaluator.interrupted, "the watchdog interrupted the cell");
        assertFalse(result.succeeded());
        assertEquals("CellTimeoutError", result.stopError().ename());
        assertTrue(result.stopError().evalue().contains("--timeout"));
    }

    @Test
    void echoesCellsAndTheirTextToTheTerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Notebook notebook = notebook("print hello\nvalue 42", "show a table", "fail broken");
        NotebookRunner.builder().echoTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build().run(notebook, evaluator);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("# Title"), text);
        assertTrue(text.contains("In [1]: print hello\n   ...: value 42\nhello\nOut[1]: 42\n"), text);
        assertTrue(text.contains("In [2]: show a table\na table\n"), text);
        assertTrue(text.contains("CannedError: broken"), text);
    }

    @Test
    void aHelpRequestPrintsWhatIsKnownOfTheNameAndRunsNothing() {
        Notebook notebook = notebook(CannedEvaluator.KNOWN_NAME + "?", "?nothing.here", "value 2");
        RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);

        assertTrue(result.succeeded());
        JsonObject help = outputs(notebook, 0).get(0).getAsJsonObject();
        assertEquals("stream", help.get("output_type").getAsString());
        assertEquals(CannedEvaluator.KNOWN_HELP + "\n", NotebookFile.text(help.get("text")));
        assertEquals("Nothing is known of `nothing.here`.\n",
                NotebookFile.text(outputs(notebook, 1).get(0).getAsJsonObject().get("text")));
        assertEquals(List.of("value 2"), evaluator.executed, "a help request is not run as code");
        assertEquals(2, notebook.codeCells().get(1).get("execution_count").getAsInt());
        NbformatShape.assertValid(notebook);
    }

    @Test
    void recordsLanguageInfoWhenMissing() {
        Notebook notebook = NotebookFile.parse("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "test");
        NotebookRunner.builder().build().run(notebook, evaluator);
        assertEquals("java", notebook.json().getAsJsonObject("metadata").getAsJsonObject("language_info").get("name").getAsString());
    }

    @Test
    void replacesAnOlderLanguageInfoByTheFeatureReleaseAndJshellScripts() {
        Notebook notebook = NotebookFile.parse("{\"cells\": [], \"metadata\": {\"language_info\": {\"name\": \"java\","
                + " \"version\": \"17.0.15+6-Debian-1deb12u1\", \"file_extension\": \".java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}", "test");
        NotebookRunner.builder().build().run(notebook, evaluator);
        var info = notebook.json().getAsJsonObject("metadata").getAsJsonObject("language_info");
        assertEquals(String.valueOf(Runtime.version().feature()), info.get("version").getAsString());
        assertEquals(".jsh", info.get("file_extension").getAsString());
    }
}
