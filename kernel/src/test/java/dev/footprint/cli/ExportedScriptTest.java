package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.notebook.ExternalTools;
import dev.footprint.notebook.Notebook;
import dev.footprint.notebook.NotebookFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shipped notebook exported by Jupyter's own {@code nbconvert --to script} is a {@code .jsh}
 * that {@code footprint jshell X.jsh} runs to the results the notebook saved.
 */
class ExportedScriptTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"01-smaller-dtypes", "03-when-it-wont-work"})
    void nbconvertToScriptGivesAJshellScriptWithTheNotebooksResults(String name) throws Exception {
        Path jshell = JshellCommand.jshellExecutable();
        Assumptions.assumeTrue(Files.isExecutable(jshell), "no jshell in this JDK (" + jshell + "); a JRE cannot run this test");
        ExternalTools.requirePython("jupyter-nbconvert", "nbconvert");
        Path saved = ExternalTools.notebooksFolder().resolve(name + ".ipynb");
        Files.copy(saved, folder.resolve(name + ".ipynb"));
        ExternalTools.Result export = ExternalTools.runPython(Map.of(), 5, "-m", "nbconvert", "--to", "script",
                folder.resolve(name + ".ipynb").toString());
        assertEquals(0, export.exitCode(), export.output());
        Path script = folder.resolve(name + ".jsh");
        assertTrue(Files.isRegularFile(script), "nbconvert names the script by the kernel's file_extension: " + export.output());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new JshellCommand(ExternalTools.classPath(), dev.footprint.kernel.maven.MavenConfig.standard()).run(List.of("--jvm-opts", "-Xmx512m", script.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        assertFalse(printed.contains("Error:") || printed.contains("Exception"), printed);
        int compared = 0;
        for (JsonObject cell : NotebookFile.read(saved).codeCells()) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                JsonObject object = output.getAsJsonObject();
                if (object.get("output_type").getAsString().equals("execute_result")) {
                    String value = NotebookFile.text(object.getAsJsonObject("data").get("text/plain")).lines().findFirst().orElse("");
                    // A trace's peak counts what the collector has not yet freed: it varies from run to run.
                    value = value.replaceAll("; peak .*", "");
                    assertTrue(printed.contains("==> " + value), "the value of\n" + Notebook.source(cell) + "\nis " + value + " in jshell too:\n" + printed);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 3, "results compared: " + compared);
        if (name.startsWith("03")) {
            String notes = err.toString(StandardCharsets.UTF_8);
            assertTrue(notes.contains(name + ".jsh:") && notes.contains(": %memit var asFloat"), "a note on the magic: " + notes);
        }
    }
}
