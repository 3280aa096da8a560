package dev.footprint.io;

import dev.footprint.sparse.SparseNpzFile;
import dev.footprint.sparse.SparseNpzKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparse {@code .npz} round trips and refusals, without Python. */
class SparseNpzTest {
    @TempDir
    Path dir;

    private final SparseFactory sparse = new SparseFactory(new ArrayFactory());

    @Test
    void everyFormatRoundTripsInBothLayouts() {
        NDArray d = SparseNpzPythonTest.sparseDense(DType.FLOAT64, 1, 0.0, 12, 9);
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(d), sparse.csr(d), sparse.csc(d), sparse.coo(d).compact()}) {
            Path pydata = dir.resolve("p.npz");
            SparseNpz.write(pydata, s);
            SparseNpzFile p = SparseNpz.open(pydata);
            assertEquals(s.format(), p.array().format());
            assertEquals(s.format().equals("coo") ? SparseNpzKind.PYDATA_COO : SparseNpzKind.PYDATA_GCXS, p.kind());
            assertEquals(s.todense(), p.array().todense());
            assertEquals(s.indexType(), p.array().indexType());

            Path scipy = dir.resolve("s.npz");
            SparseNpz.writeScipy(scipy, s, false);
            SparseNpzFile q = SparseNpz.open(scipy);
            assertEquals(SparseNpzKind.valueOf("SCIPY_" + s.format().toUpperCase()), q.kind());
            assertEquals(s.todense(), q.array().todense());
        }
    }

    @Test
    void fillValuesSurviveThePydataLayout() {
        NDArray d = SparseNpzPythonTest.sparseDense(DType.FLOAT32, 2, Double.NaN, 4, 5, 6);
        SparseArray<?> s = sparse.coo(d, Double.NaN);
        Path file = dir.resolve("nan.npz");
        SparseNpz.write(file, s, false);
        SparseArray<?> back = SparseNpz.read(file);
        assertEquals(d, back.todense());
        assertTrue(Double.isNaN(((Number) back.fillValue()).doubleValue()));
    }

    @Test
    void scipyCannotHoldAFillValueOrThreeDimensions() {
        NDArray d = SparseNpzPythonTest.sparseDense(DType.INT32, 3, 5.0, 4, 5);
        assertThrows(IllegalArgumentException.class, () -> SparseNpz.writeScipy(dir.resolve("x.npz"), sparse.coo(d, 5L)));
        NDArray e = SparseNpzPythonTest.sparseDense(DType.INT32, 3, 0.0, 2, 4, 5);
        assertThrows(IllegalArgumentException.class, () -> SparseNpz.writeScipy(dir.resolve("x.npz"), sparse.coo(e)));
    }

    @Test
    void aDenseNpzIsNotASparseOne() {
        Path file = dir.resolve("dense.npz");
        Npz.write(file, Map.of("a", TestArrays.random(DType.INT8, 1, 3)));
        NpyFormatException ex = assertThrows(NpyFormatException.class, () -> SparseNpz.read(file));
        assertTrue(ex.problem().contains("not a sparse .npz: it holds [a]"), ex.getMessage());
    }

    @Test
    void contradictoryPartsAreAFormatError() {
        Map<String, NDArray> parts = new LinkedHashMap<>();
        parts.put("data", NDArray.wrap(DType.FLOAT64, new double[] {1, 2}, 2));
        parts.put("shape", NDArray.wrap(DType.INT64, new long[] {3, 3}, 2));
        parts.put("fill_value", NDArray.wrap(DType.FLOAT64, new double[] {0}));
        parts.put("coords", NDArray.wrap(DType.INT64, new long[] {0, 5, 1, 1}, 2, 2)); // row 5 of 3
        Path file = dir.resolve("bad.npz");
        Npz.write(file, parts);
        NpyFormatException ex = assertThrows(NpyFormatException.class, () -> SparseNpz.read(file));
        assertTrue(ex.problem().contains("do not form a valid sparse array"), ex.getMessage());
        assertEquals(file.toString(), ex.file());

        parts.remove("coords");
        parts.put("indices", NDArray.wrap(DType.INT32, new int[] {0, 1}, 2));
        parts.put("indptr", NDArray.wrap(DType.INT32, new int[] {0, 2, 1, 2}, 4)); // decreases
        parts.put("compressed_axes", NDArray.wrap(DType.INT64, new long[] {0}, 1));
        Npz.write(file, parts);
        assertThrows(NpyFormatException.class, () -> SparseNpz.read(file));
    }
}
