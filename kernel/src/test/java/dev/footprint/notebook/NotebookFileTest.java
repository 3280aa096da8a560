package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFileTest {

    @TempDir
    Path folder;

    @Test
    void splitsTextIntoLinesThatKeepTheirEnds() {
        JsonArray lines = NotebookFile.lines("a\nb\n\nc");
        assertEquals(JsonParser.parseString("[\"a\\n\", \"b\\n\", \"\\n\", \"c\"]"), lines);
        assertEquals("a\nb\n\nc", NotebookFile.text(lines));
        assertEquals(0, NotebookFile.lines("").size());
    }

    @Test
    void writesAsJupyterDoesAndReadsItBack() throws Exception {
        Notebook notebook = Notebook.of(List.of(Notebook.markdownCell("# Café <b>"), Notebook.codeCell("var a = 1;\na")));
        Path file = folder.resolve("n.ipynb");
        NotebookFile.write(notebook, file);

        String json = Files.readString(file);
        assertTrue(json.startsWith("{\n \"cells\": [\n  {\n"), "one space of indent, keys sorted:\n" + json);
        assertTrue(json.contains("Café <b>"), "no escaping of non-ASCII or HTML");
        assertTrue(json.endsWith("}\n"));
        Notebook back = NotebookFile.read(file);
        assertEquals("var a = 1;\na", Notebook.source(back.codeCells().get(0)));
        assertEquals(notebook.json(), back.json());
        NbformatShape.assertValid(back);
    }

    @Test
    void aRewrittenNotebookKeepsItsPermissions() throws Exception {
        Path file = folder.resolve("shared.ipynb");
        Notebook notebook = Notebook.of(List.of(Notebook.codeCell("1")));
        NotebookFile.write(notebook, file);
        var shared = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, shared);
        NotebookFile.write(notebook, file);
        assertEquals(shared, Files.getPosixFilePermissions(file), "not narrowed to the owner by the rewrite");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void refusesWhatIsNotAnNbformat4Notebook() {
        assertThrows(IllegalArgumentException.class, () -> NotebookFile.parse("not json {", "x"));
        assertThrows(IllegalArgumentException.class, () -> NotebookFile.parse("{\"a\": 1}", "x"));
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
                () -> NotebookFile.parse("{\"cells\": [], \"nbformat\": 3}", "old.ipynb"));
        assertTrue(old.getMessage().contains("nbformat 3"), old.getMessage());
    }

    @Test
    void givesCellsIdsOnlyFromNbformat45() {
        Notebook v45 = NotebookFile.parse("{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"x\"}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "x");
        assertTrue(v45.cells().get(0).has("id"));
        Notebook v44 = NotebookFile.parse("{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"x\"}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 4}", "x");
        assertTrue(!v44.cells().get(0).has("id"));
    }
}
