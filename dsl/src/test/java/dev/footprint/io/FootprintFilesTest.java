package dev.footprint.io;

import dev.footprint.sparse.SparseNpzFile;
import dev.footprint.sparse.SparseNpzKind;
import static dev.footprint.Footprint.FLOAT64;
import static dev.footprint.Footprint.UINT16;
import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.NDArray;
import dev.footprint.sparse.SparseArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DSL's file methods: {@code arr.load}, {@code a.save}, {@code arr.savez}, {@code sparse.load}, {@code s.save}. */
class FootprintFilesTest {
    @TempDir
    Path dir;

    @Test
    void denseArraysSaveAndLoadThroughTheDsl() throws Exception {
        NDArray image = arr.ones(1024, 1024).as(UINT16);
        String file = dir.resolve("image.npy").toString();
        image.save(file);
        assertEquals(2_097_280L, Files.size(Path.of(file)));
        assertEquals(image, arr.load(file));
        assertEquals(image, arr.load(Path.of(file)));

        Map<String, NDArray> arrays = new LinkedHashMap<>();
        arrays.put("image", image);
        arrays.put("noise", arr.random(3, 4));
        String npz = dir.resolve("pair.npz").toString();
        arr.savez(npz, arrays);
        assertEquals(arrays, arr.loadAll(npz));
        assertEquals(List.of("image", "noise"), List.copyOf(arr.loadAll(Path.of(npz)).keySet()));
        assertEquals(arrays.get("noise"), arr.load(npz, "noise"));
        arr.savezCompressed(npz, arrays);
        assertTrue(Files.size(Path.of(npz)) < 100_000);
        assertEquals(arrays.get("image"), arr.load(Path.of(npz), "image"));

        NpyFormatException e = assertThrows(NpyFormatException.class, () -> arr.load(npz));
        assertTrue(e.problem().contains("zip archive"), e.getMessage());
    }

    @Test
    void sparseArraysSaveAndLoadThroughTheDsl() {
        arr.seed(42);
        NDArray a = arr.random(64, 64);
        a.set(a.lt(0.9), 0.0);
        SparseArray<?> s = sparse.coo(a);
        String file = dir.resolve("s.npz").toString();
        s.save(file);
        assertEquals(a, sparse.load(file).todense());
        assertEquals(SparseNpzKind.PYDATA_COO, sparse.open(file).kind());

        sparse.csr(a).saveScipy(file);
        SparseNpzFile scipy = sparse.open(file);
        assertEquals(SparseNpzKind.SCIPY_CSR, scipy.kind());
        assertEquals("csr", scipy.array().format());
        assertEquals(a, sparse.load(Path.of(file)).todense());
        assertEquals(FLOAT64, scipy.array().dtype());
    }
}
