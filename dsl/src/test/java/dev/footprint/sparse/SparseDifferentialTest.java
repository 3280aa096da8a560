package dev.footprint.sparse;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Debian's pydata {@code sparse} and scipy: a Python script makes the
 * arrays and the expected figures; the arrays come over as raw little-endian bytes with a JSON
 * description. Skipped when that Python is missing, unless {@code footprint.requireExternal=true}.
 */
class SparseDifferentialTest {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/sparse_reference.py");

    @TempDir
    static Path dir;
    static JsonObject cases;

    @BeforeAll
    static void runPython() throws Exception {
        String missing = pythonProblem();
        if (missing != null) {
            if (Boolean.getBoolean("footprint.requireExternal")) {
                fail("footprint.requireExternal is true but " + missing);
            }
            Assumptions.assumeTrue(false, "skipped: " + missing + " (install python3-sparse and python3-scipy)");
        }
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reference script timed out");
        assertEquals(0, p.exitValue(), "reference script failed:\n" + output);
        cases = JsonParser.parseString(Files.readString(dir.resolve("cases.json"))).getAsJsonObject();
    }

    private static String pythonProblem() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sparse, scipy, numpy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return PYTHON + " cannot import sparse/scipy/numpy: " + out.strip();
            }
        } catch (IOException | InterruptedException e) {
            return PYTHON + " does not run: " + e.getMessage();
        }
        return null;
    }

    static NDArray read(String file, DType t, long... shape) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) Offsets.size(shape);
        Object data = switch (t.storage()) {
            case BYTE -> { byte[] d = new byte[n]; b.get(d); yield d; }
            case SHORT -> { short[] d = new short[n]; b.asShortBuffer().get(d); yield d; }
            case INT -> { int[] d = new int[n]; b.asIntBuffer().get(d); yield d; }
            case LONG -> { long[] d = new long[n]; b.asLongBuffer().get(d); yield d; }
            case FLOAT -> { float[] d = new float[n]; b.asFloatBuffer().get(d); yield d; }
            case DOUBLE -> { double[] d = new double[n]; b.asDoubleBuffer().get(d); yield d; }
        };
        return NDArray.wrap(t, data, shape);
    }

    static long[] shape(JsonObject c) {
        var s = c.getAsJsonArray("shape");
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i).getAsLong();
        return out;
    }

    static void close(JsonObject c, String key, NDArray actual, DType t) {
        double expected = c.get(key).getAsDouble();
        double tolerance = t == FLOAT32 ? 1e-5 : 1e-11;
        assertEquals(expected, actual.doubleValue(), Math.abs(expected) * tolerance + 1e-9, key);
    }

    @Test
    void countsSizesAndOperationsMatchPydataAndScipy() throws IOException {
        int checked = 0;
        for (Map.Entry<String, com.google.gson.JsonElement> e : cases.entrySet()) {
            if (e.getKey().equals("random_nnz")) {
                continue;
            }
            String name = e.getKey();
            JsonObject c = e.getValue().getAsJsonObject();
            DType t = DType.of(c.get("dtype").getAsString());
            long[] shape = shape(c);
            NDArray a = read(name + ".bin", t, shape);
            double fill = c.get("fill").getAsDouble();
            CooArray s = fill == 0 ? sparse.coo(a) : sparse.coo(a, fill);
            String at = " [" + name + "]";
            assertEquals(c.get("nnz").getAsLong(), s.nnz(), "nnz" + at);
            assertEquals(c.get("nbytes").getAsLong(), s.nbytes(), "nbytes" + at);
            assertEquals(c.get("density").getAsDouble(), s.density(), "density" + at);
            assertEquals(a, s.todense(), "todense" + at);
            close(c, "sum", s.sum(), t);
            close(c, "mean", s.mean(), t);
            close(c, "min", s.min(), t);
            close(c, "max", s.max(), t);
            SparseArray<?> plus2 = t.isFloat() ? s.add(2.0) : s.add(2L);
            assertEquals(c.get("add2_nnz").getAsLong(), plus2.nnz(), "(s + 2).nnz" + at);
            assertEquals(c.get("add2_fill").getAsDouble(), plus2.fillValueArray().doubleValue(), "(s + 2).fill_value" + at);
            close(c, "add2_sum", plus2.sum(), t);
            if (t.isFloat()) {
                close(c, "add2_sum_pydata", plus2.sum(), t);
            }
            close(c, "mul3_sum", (t.isFloat() ? s.mul(3.0) : s.mul(3L)).sum(), t);
            SparseArray<?> square = s.mul(s);
            assertEquals(c.get("square_nnz").getAsLong(), square.nnz(), "(s * s).nnz" + at);
            close(c, "square_sum", square.sum(), t);
            SparseArray<?> gt = t.isFloat() ? s.gt(c.get("threshold").getAsDouble()) : s.gt(c.get("threshold").getAsLong());
            assertEquals(c.get("gt_nnz").getAsLong(), gt.nnz(), "(s > t).nnz" + at);
            assertEquals(c.get("gt_fill").getAsBoolean(), gt.fillValue(), "(s > t).fill_value" + at);
            if (c.has("csr_nbytes")) {
                CsrArray csr = s.tocsr();
                assertEquals(c.get("csr_nnz").getAsLong(), csr.nnz(), "csr nnz" + at);
                assertEquals(c.get("csr_nbytes").getAsLong(), csr.nbytes(), "csr nbytes" + at);
                assertEquals(DType.of(c.get("csr_index_dtype").getAsString()), csr.indexType(), at);
                assertEquals(c.get("csc_nbytes").getAsLong(), s.tocsc().nbytes(), "csc nbytes" + at);
                NDArray x = read(name + "_x.bin", DType.of(c.get("x_dtype").getAsString()), shape[1]);
                DType yType = DType.of(c.get("y_dtype").getAsString());
                NDArray expected = read(name + "_y.bin", yType, shape[0]);
                for (SparseArray<?> m : new SparseArray<?>[] {csr, s.tocsc()}) {
                    NDArray y = m.matvec(x);
                    assertEquals(yType, y.dtype(), "matvec dtype" + at);
                    for (int i = 0; i < shape[0]; i++) {
                        double want = expected.getDoubleFlat(i);
                        assertEquals(want, y.getDoubleFlat(i), Math.abs(want) * (t == FLOAT32 ? 1e-5 : 1e-12) + 1e-12,
                                "matvec[" + i + "] " + m.format() + at);
                    }
                }
            }
            checked++;
        }
        assertTrue(checked >= 6, "every case was checked");
    }

    @Test
    void randomNnzMatchesPydata() {
        JsonObject r = cases.getAsJsonObject("random_nnz");
        CooArray s = sparse.random(r.get("density").getAsDouble(), shape(r));
        assertEquals(r.get("nnz").getAsLong(), s.nnz());
        // pydata's random picks its own coordinate dtype (uint32 here); with the same one the bytes agree.
        DType coordType = DType.of(r.get("coords_dtype").getAsString());
        assertEquals(r.get("nbytes").getAsLong(), s.withIndexType(coordType).nbytes());
    }
}
