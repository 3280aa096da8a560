package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.io.ExternalPython;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python that {@code notebooks/09-compression.ipynb} shows for the Dask side, taken from its
 * markdown as it is, runs against the store the notebook writes and prints Footprint's sum and
 * count of non-zeros.
 */
class NotebookDaskCodeTest {
    @TempDir
    Path dir;

    @Test
    void theNotebooksDaskCodeComputesFootprintsResults() throws IOException, InterruptedException {
        ExternalPython.require("zarr", "dask.array", "dask.distributed");
        String code = null;
        for (JsonElement cell : JsonParser.parseString(Files.readString(Path.of("..", "notebooks", "09-compression.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells")) {
            StringBuilder text = new StringBuilder();
            cell.getAsJsonObject().getAsJsonArray("source").forEach(line -> text.append(line.getAsString()));
            int start = text.indexOf("```python\n");
            if (start >= 0) {
                code = text.substring(start + "```python\n".length(), text.indexOf("```", start + 3));
            }
        }
        assertTrue(code != null && code.contains("da.from_zarr(\"image.zarr\")"), "the notebook's Python: " + code);
        // The notebook's image, as its first cells make it.
        ArrayFactory arr = new ArrayFactory();
        NDArray image = arr.arange(1024).reshape(1024, 1).mul(40).add(arr.arange(1024).reshape(1, 1024).mul(20)).as(DType.FLOAT64);
        image.set(image.lt(20000), 0);
        ZarrArray z = ZarrWriter.save(dir.resolve("image.zarr"), image.as(DType.UINT16), ZarrOptions.DEFAULT);
        Path script = Files.writeString(dir.resolve("dask_side.py"), code);
        Process p = new ProcessBuilder(System.getProperty("footprint.python", "/usr/bin/python3"), script.toString())
                .directory(dir.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the notebook's Python did not finish");
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("stderr.txt")));
        assertEquals(z.sum().longValue() + " " + z.countNonzero(), out.strip());
    }
}
