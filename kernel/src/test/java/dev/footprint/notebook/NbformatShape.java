package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * The required structure of an nbformat 4.5 notebook (the parts of nbformat's JSON schema
 * that the runner writes), checked without Python. Python's {@code nbformat.validate} checks
 * the full schema in {@link NotebooksExecuteTest}.
 */
final class NbformatShape {

    private static final Set<String> OUTPUT_TYPES = Set.of("stream", "display_data", "execute_result", "error");

    private NbformatShape() {}

    static void assertValid(Notebook notebook) {
        JsonObject root = notebook.json();
        assertEquals(4, root.get("nbformat").getAsInt());
        assertTrue(root.get("nbformat_minor").getAsInt() >= 0);
        assertTrue(root.get("metadata").isJsonObject(), "metadata is an object");
        for (JsonObject cell : notebook.cells()) {
            assertTrue(cell.has("source") && cell.has("metadata") && cell.has("cell_type"), "cell keys: " + cell);
            if (root.get("nbformat_minor").getAsInt() >= 5) {
                assertTrue(cell.get("id").getAsString().matches("[a-zA-Z0-9-_]{1,64}"), "cell id: " + cell.get("id"));
            }
            if (Notebook.type(cell).equals("code")) {
                assertTrue(cell.has("execution_count"), "execution_count present");
                assertTrue(cell.get("outputs").isJsonArray(), "outputs is a list");
                cell.getAsJsonArray("outputs").forEach(output -> assertOutput(output.getAsJsonObject()));
            } else {
                assertTrue(!cell.has("outputs") && !cell.has("execution_count"), "only code cells have outputs: " + cell);
            }
        }
    }

    private static void assertOutput(JsonObject output) {
        String type = output.get("output_type").getAsString();
        if (!OUTPUT_TYPES.contains(type)) {
            fail("unknown output_type " + type);
        }
        switch (type) {
            case "stream" -> {
                assertTrue(Set.of("stdout", "stderr").contains(output.get("name").getAsString()));
                assertMultiline(output.get("text"));
            }
            case "display_data", "execute_result" -> {
                assertTrue(output.get("metadata").isJsonObject());
                JsonObject data = output.getAsJsonObject("data");
                assertTrue(data.has("text/plain"), "every bundle has text/plain");
                data.entrySet().forEach(e -> {
                    if (!MimeBundles.isJson(e.getKey())) {
                        assertMultiline(e.getValue());
                    }
                });
                if (type.equals("execute_result")) {
                    assertTrue(output.get("execution_count").isJsonPrimitive(), "execute_result has its count");
                }
            }
            default -> {
                output.get("ename").getAsString();
                output.get("evalue").getAsString();
                output.getAsJsonArray("traceback").forEach(JsonElement::getAsString);
            }
        }
    }

    private static void assertMultiline(JsonElement text) {
        if (text.isJsonArray()) {
            text.getAsJsonArray().forEach(JsonElement::getAsString);
        } else {
            text.getAsString();
        }
    }
}
