package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CsrArray;
import org.junit.jupiter.api.Test;

/** The compared sparse code computes the right answer on the inputs {@code compare.py} also builds. */
class SparseOperationsTest {
    private final SparseOperations.Inputs in = new SparseOperations.Inputs(64, 0.1, 42);

    @Test
    void generatorMatchesTheOneInComparePy() {
        // compare.uniform(4, 42) with NumPy's uint64 lanes, written as exact hex floats
        assertArrayEquals(new double[] {0x1.7bae644c5fd6dp-1, 0x1.477f199d93378p-3, 0x1.1d499d5c4c3e6p-2, 0x1.607387fc392b8p-2},
                SparseOperations.uniform(4, 42));
    }

    @Test
    void inputsAreTheSameAsPythons() {
        // compare.py: a, x = sparse_inputs(64, 0.1); s = sparse.COO.from_numpy(a): nnz 394, sum(s.tocsr() @ x) below
        assertEquals(394, in.coo.nnz());
        assertEquals(9.342755448592603, sum(SparseOperations.matvec(in.csr, in.vector)), 1e-12);
        for (long i = 0; i < in.dense.size(); i++) {
            double v = in.dense.getDoubleFlat(i);
            assertTrue(v == 0.0 || v > 0 && v < 0.1);
        }
    }

    @Test
    void conversionsRoundTrip() {
        CooArray s = SparseOperations.coo(in.dense);
        assertEquals(in.dense.ne(0.0).countNonzero(), s.nnz());
        assertEquals(in.dense, SparseOperations.todense(s));
        CsrArray m = SparseOperations.tocsr(s);
        assertEquals(DType.INT32, m.indexType());
        assertEquals(in.dense, m.todense());
    }

    @Test
    void matvecIsTheDenseProduct() {
        NDArray y = SparseOperations.matvec(in.csr, in.vector);
        assertEquals(DType.FLOAT64, y.dtype());
        for (int i = 0; i < in.n; i++) {
            double acc = 0;
            for (int j = 0; j < in.n; j++) {
                double v = in.dense.getDouble(i, j);
                if (v != 0) acc += v * in.vector.getDoubleFlat(j);
            }
            assertEquals(acc, y.getDoubleFlat(i), "row " + i);
        }
    }

    private static double sum(NDArray y) {
        double s = 0;
        for (long i = 0; i < y.size(); i++) s += y.getDoubleFlat(i);
        return s;
    }
}
