package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.maven.TestRepository;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook that adds a library with {@code %maven} runs headless: the cell keeps its progress
 * line and the table, the next cell uses the library, and {@code %maven?} prints the magic's help; the
 * kernel completes and documents the magic's name.
 */
class MavenNotebookTest {

    @Test
    void theHeadlessRunnerExecutesANotebookThatAddsALibrary(@TempDir Path root) throws Exception {
        TestRepository repo = TestRepository.create(root);
        Notebook notebook = Notebook.of(List.of(
                Notebook.codeCell("%maven org.example:greeting:1.0"),
                Notebook.codeCell("org.example.greeting.Greeting.hello()"),
                Notebook.codeCell("%maven?")));
        UserJvmOptions options = UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build();
        try (JShellEvaluator evaluator = new JShellEvaluator(options, repo.config())) {
            RunResult result = NotebookRunner.builder().build().run(notebook, evaluator);
            assertTrue(result.succeeded(), () -> String.valueOf(result.stopError()));

            JsonArray added = notebook.codeCells().get(0).getAsJsonArray("outputs");
            assertEquals(2, added.size(), "the progress line, as it ended, and the table: " + added);
            JsonObject table = added.get(1).getAsJsonObject().getAsJsonObject("data");
            assertTrue(NotebookFile.text(table.get("text/plain")).contains("org.example:words:1.0"), table.toString());
            assertTrue(NotebookFile.text(table.get("text/html")).contains("<table"), table.toString());

            JsonObject value = notebook.codeCells().get(1).getAsJsonArray("outputs").get(0).getAsJsonObject();
            assertEquals("\"hello from words 1.0\"", NotebookFile.text(value.getAsJsonObject("data").get("text/plain")));

            JsonObject help = notebook.codeCells().get(2).getAsJsonArray("outputs").get(0).getAsJsonObject();
            assertTrue(NotebookFile.text(help.get("text")).contains("group:artifact[:extension[:classifier]]:version"), help.toString());

            assertEquals(List.of("%maven", "%mavenRepo"), evaluator.complete("%mav", 4).matches());
            assertEquals(List.of("%%loadFromPOM"), evaluator.complete("%%loadF", 7).matches());
            assertTrue(evaluator.inspect("%mavenRepo company https://repo.example.com/maven2", 3, 0).data().get("text/plain")
                    .startsWith("%mavenRepo id url"), "Shift-Tab on a magic's name shows its help");
        }
    }
}
