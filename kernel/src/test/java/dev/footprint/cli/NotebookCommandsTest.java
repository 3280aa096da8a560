package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.CellOnlyEvaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's notebook commands: run, demo, jshell, notebook (arguments and outcomes). */
class NotebookCommandsTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** Cells are answered by their text: "boom" fails, anything else is its own value. */
    private static final NotebookExecution.EvaluatorFactory ECHOING = options -> new CellOnlyEvaluator() {
        @Override
        public ExecutionOutcome execute(String code, ExecutionListener listener) {
            if (code.contains("boom")) {
                return ExecutionOutcome.failed(new ExecutionOutcome.ErrorInfo("Boom", "it broke", List.of("Boom: it broke")));
            }
            return ExecutionOutcome.ok(MimeBundle.plain(code));
        }
    };

    private Path notebook(String name, String... cells) throws Exception {
        StringBuilder json = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c")
                    .append(i).append("\", \"metadata\": {}, \"outputs\": [], \"source\": \"").append(cells[i]).append("\"}");
        }
        json.append("], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Path file = folder.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void runWritesNameDotNbconvertBesideTheInputAsNbconvertDoes() throws Exception {
        Path input = notebook("n.ipynb", "1 + 1");
        int code = new RunCommand(ECHOING).run(List.of(input.toString()), out, err);

        assertEquals(0, code, errBytes.toString());
        Path output = folder.resolve("n.nbconvert.ipynb");
        assertTrue(Files.isRegularFile(output));
        String text = Files.readString(output);
        assertEquals(1, JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("cells").get(0).getAsJsonObject()
                .get("execution_count").getAsInt());
        assertTrue(outBytes.toString().contains("In [1]: 1 + 1\nOut[1]: 1 + 1"), outBytes.toString());
        assertFalse(Files.readString(input).contains("execute_result"), "the input is left alone");
    }

    @Test
    void runStopsAtAFailingCellWithExitCodeOneAndStillWritesTheError() throws Exception {
        Path input = notebook("bad.ipynb", "1", "boom", "3");
        Path target = folder.resolve("result.ipynb");
        int code = new RunCommand(ECHOING).run(List.of(input.toString(), "--out", target.toString()), out, err);

        assertEquals(1, code);
        assertTrue(errBytes.toString().contains("In [2]"), errBytes.toString());
        assertTrue(errBytes.toString().contains("Boom: it broke"), errBytes.toString());
        assertTrue(Files.readString(target).contains("\"ename\": \"Boom\""));
    }

    @Test
    void runWithAllowErrorsGoesOnAndSucceeds() throws Exception {
        Path input = notebook("bad.ipynb", "1", "boom", "3");
        int code = new RunCommand(ECHOING).run(List.of(input.toString(), "--allow-errors", "--inplace", "--quiet"), out, err);

        assertEquals(0, code, errBytes.toString());
        assertTrue(Files.readString(input).contains("\"execution_count\": 3"), "--inplace overwrote the input");
        assertFalse(outBytes.toString().contains("In [1]"), "--quiet prints only the summary");
    }

    @Test
    void runRefusesContradictoryOrMissingArguments() throws Exception {
        Path a = notebook("a.ipynb", "1");
        Path b = notebook("b.ipynb", "1");
        RunCommand run = new RunCommand(ECHOING);
        assertThrows(UsageException.class, () -> run.run(List.of(), out, err));
        assertThrows(UsageException.class, () -> run.run(List.of(a.toString(), b.toString(), "--out", "x.ipynb"), out, err));
        assertThrows(UsageException.class, () -> run.run(List.of(a.toString(), "--inplace", "--no-save"), out, err));
        assertThrows(UsageException.class, () -> run.run(List.of(a.toString(), "--timeout", "soon"), out, err));
        assertThrows(UsageException.class, () -> run.run(List.of(folder.resolve("missing.ipynb").toString()), out, err));
        assertEquals(Main.USAGE_ERROR, Main.run(new String[] {"run"}, out, err));
    }

    @Test
    void everyNotebookCommandIsListedAndHasHelp() {
        assertEquals(0, Main.run(new String[] {"--help"}, out, err));
        for (String command : List.of("run", "demo", "jshell", "notebook")) {
            assertTrue(outBytes.toString().contains("  " + command + " "), command + " listed:\n" + outBytes);
        }
        for (String command : List.of("run", "demo", "jshell", "notebook")) {
            outBytes.reset();
            assertEquals(0, Main.run(new String[] {command, "--help"}, out, err));
            assertTrue(outBytes.toString().startsWith("Usage: footprint " + command), outBytes.toString());
        }
    }

    @Test
    void demoPicksTheArticlesThreeNotebooksInOrder() throws Exception {
        for (String name : List.of("03-c.ipynb", "01-a.ipynb", "02-b.ipynb", "04-d.ipynb", "01-a.nbconvert.ipynb", "notes.ipynb")) {
            notebook(name, "1");
        }
        assertEquals(List.of("01-a.ipynb", "02-b.ipynb", "03-c.ipynb"),
                DemoCommand.chapters(folder, false).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(4, DemoCommand.chapters(folder, true).size());
    }

    @Test
    void demoRunsAndPrintsEveryCell() throws Exception {
        notebook("01-a.ipynb", "arr.ones(1024, 1024).as(UINT64).nbytes()");
        int code = new DemoCommand(ECHOING).run(List.of("--notebooks", folder.toString()), out, err);
        assertEquals(0, code, errBytes.toString());
        assertTrue(outBytes.toString().contains("01-a.ipynb"));
        assertTrue(outBytes.toString().contains("Out[1]: arr.ones(1024, 1024).as(UINT64).nbytes()"));
    }

    @Test
    void jshellGetsTheDefaultAndFootprintStartupsAndRemoteJvmOptions() throws Exception {
        JshellCommand jshell = new JshellCommand("dsl.jar", dev.footprint.kernel.maven.MavenConfig.standard());
        List<String> command = jshell.command(Path.of("jshell"), Path.of("f.jsh"), List.of("--jvm-opts", "-Xmx2g -ea", "-q"));
        assertEquals(List.of("jshell", "--class-path", "dsl.jar", "--startup", "DEFAULT", "--startup", "f.jsh",
                "-R-Xmx2g", "-R-ea", "-q"), command);
        Path script = JshellCommand.extractStartupScript();
        assertTrue(Files.readString(script).contains("import static dev.footprint.Footprint.*;"));
        Files.delete(script);
    }

    @Test
    void notebookSaysWhichPackagesGiveJupyter() {
        assertTrue(new NotebookCommand().usage().contains("jupyter-notebook jupyter-client python3-ipykernel"));
    }
}
