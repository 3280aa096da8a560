package dev.footprint.io;

import dev.footprint.sparse.SparseNpzFile;
import dev.footprint.sparse.SparseNpzKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparse {@code .npz} against pydata sparse and scipy, in both directions. */
class SparseNpzPythonTest {
    @TempDir
    Path dir;

    private final SparseFactory sparse = new SparseFactory(new ArrayFactory());

    @Test
    void readsWhatPydataSparseAndScipyWrite() throws IOException {
        ExternalPython.require("numpy", "scipy", "sparse");
        Path out = Files.createDirectories(dir.resolve("from-python"));
        ExternalPython.run("npy_sparse_fixtures.py", out.toString());
        JsonArray manifest = new Gson().fromJson(Files.readString(out.resolve("manifest.json")), JsonArray.class);
        for (var e : manifest) {
            JsonObject spec = e.getAsJsonObject();
            String file = spec.get("file").getAsString();
            SparseNpzFile loaded = SparseNpz.open(out.resolve(file));
            assertEquals(SparseNpzKind.valueOf(spec.get("kind").getAsString()), loaded.kind(), file);
            assertEquals(spec.get("format").getAsString(), loaded.array().format(), file);
            NDArray expected = Npy.read(out.resolve(spec.get("dense").getAsString()), ProgressListener.NONE);
            assertEquals(expected, loaded.array().todense(), file);
        }
        assertEquals(15, manifest.size());
    }

    @Test
    void pydataSparseAndScipyReadWhatFootprintWrites() throws IOException {
        ExternalPython.require("numpy", "scipy", "sparse");
        Path out = Files.createDirectories(dir.resolve("from-footprint"));
        JsonArray manifest = new JsonArray();
        NDArray a = sparseDense(DType.FLOAT64, 1, 0.0, 40, 30);
        NDArray b = sparseDense(DType.INT16, 2, 7.0, 5, 6, 7);
        NDArray c = sparseDense(DType.FLOAT32, 3, Double.NaN, 20, 10);
        NDArray d = sparseDense(DType.UINT16, 4, 0.0, 30, 25);
        add(manifest, out, "coo_pydata", "pydata", "COO", sparse.coo(a), false, a);
        add(manifest, out, "coo3d_fill7_pydata", "pydata", "COO", sparse.coo(b, 7L), false, b);
        add(manifest, out, "coo_nanfill_pydata", "pydata", "COO", sparse.coo(c, Double.NaN), false, c);
        add(manifest, out, "csr_pydata", "pydata", "GCXS[0]", sparse.csr(d), false, d);
        add(manifest, out, "csc_pydata", "pydata", "GCXS[1]", sparse.csc(d), false, d);
        add(manifest, out, "coo_scipy", "scipy", "coo", sparse.coo(a), true, a);
        add(manifest, out, "csr_scipy", "scipy", "csr", sparse.csr(d), true, d);
        add(manifest, out, "csc_scipy", "scipy", "csc", sparse.csc(a), true, a);
        add(manifest, out, "csr_compact_scipy", "scipy", "csr", sparse.csr(d).compact(), true, sparse.csr(d).compact().todense());
        Files.writeString(out.resolve("manifest.json"), manifest.toString());
        assertEquals("ok " + manifest.size(), ExternalPython.run("npy_sparse_check.py", out.toString()).strip());
    }

    private static void add(JsonArray manifest, Path out, String name, String library, String type, SparseArray<?> s,
                            boolean scipy, NDArray dense) {
        Path file = out.resolve(name + ".npz");
        if (scipy) {
            SparseNpz.writeScipy(file, s);
        } else {
            SparseNpz.write(file, s);
        }
        Npy.write(out.resolve(name + "_dense.npy"), dense);
        JsonObject spec = new JsonObject();
        spec.addProperty("file", name + ".npz");
        spec.addProperty("library", library);
        spec.addProperty("type", type);
        spec.addProperty("dense", name + "_dense.npy");
        manifest.add(spec);
    }

    /** An array of {@code fill} with about 15 % other values, deterministic per seed. */
    static NDArray sparseDense(DType t, long seed, double fill, long... shape) {
        NDArray random = TestArrays.random(t, seed, shape);
        NDArray mask = TestArrays.random(DType.UINT8, seed + 100, shape).gt(40L);
        NDArray out = random.copy();
        if (t.isFloat()) {
            // Random float bits may be NaN; keep the stored values ordinary numbers.
            out = TestArrays.random(DType.INT8, seed, shape).as(t);
        }
        out.set(mask, fill);
        return out;
    }
}
