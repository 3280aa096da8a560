package dev.footprint.sparse;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** The article's numbers: a 1024 x 1024 float64 array that is 90 % zeros. */
class SparseArticleTest {

    static NDArray articleArray() {
        arr.seed(42);
        NDArray a = arr.random(1024, 1024);
        a.set(a.lt(0.9), 0.0);
        return a;
    }

    @Test
    void cooTakesTwentyFourBytesPerStoredFloat64AndCompactTwelve() {
        NDArray a = articleArray();
        CooArray s = sparse.coo(a);
        long nnz = s.nnz();
        assertEquals(a.size() - a.eq(0.0).countNonzero(), nnz);
        assertEquals(8388608, a.nbytes());
        assertEquals(24 * nnz, s.nbytes());
        assertEquals(INT64, s.indexType());
        CooArray small = s.compact();
        assertEquals(UINT16, small.indexType());
        assertEquals(FLOAT64, small.dtype());
        assertEquals(12 * nnz, small.nbytes());
        assertEquals(a, small.todense());
        assertEquals(a, s.todense());
        // Seed 42 of this generator: the figure quoted in the project's notes.
        assertEquals(105_241, nnz, "nnz with seed 42");
    }

    @Test
    void csrAndCscFollowScipysFormula() {
        NDArray a = articleArray();
        CsrArray csr = sparse.csr(a);
        long nnz = csr.nnz();
        assertEquals(INT32, csr.indexType());
        assertEquals(12 * nnz + 4 * 1025, csr.nbytes());
        CscArray csc = sparse.csc(a);
        assertEquals(12 * nnz + 4 * 1025, csc.nbytes());
        assertEquals(a, csr.todense());
        assertEquals(a, csc.todense());
        // One index dtype for indices and pointers, as scipy: nnz > 65535 needs uint32, no saving over int32.
        assertEquals(UINT32, csr.compact().indexType());
        assertEquals(12 * nnz + 4 * 1025, csr.compact().nbytes());
    }

    @Test
    void randomHasExactlyFloorOfSizeTimesDensityDistinctPositions() {
        arr.seed(7);
        CooArray r = sparse.random(0.1, 1024, 1024);
        assertEquals(104_857, r.nnz());
        assertEquals(104_857.0 / 1_048_576, r.density());
        long[] offsets = r.offsets();
        assertTrue(Offsets.strictlyIncreasing(offsets), "distinct and sorted positions");
        assertEquals(0, sparse.random(0.0, 10, 10).nnz());
        assertEquals(100, sparse.random(1.0, 10, 10).nnz());
        assertEquals(3, sparse.random(0.35, 10).nnz());
        arr.seed(7);
        CooArray again = sparse.random(0.1, 1024, 1024);
        assertEquals(r.todense(), again.todense(), "seeded through arr.seed");
    }

    @Test
    void randomRefusesDensityOutsideTheUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> sparse.random(1.5, 10, 10));
        assertTrue(e.getMessage().contains("density must be in [0, 1], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sparse.random(-0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> sparse.random(Double.NaN, 10));
    }

    @Test
    void randomWorksForShapesFarLargerThanAnyDenseArray() {
        CooArray huge = sparse.random(1e-9, 1_000_000, 1_000_000);
        assertEquals(1000, huge.nnz());
        assertEquals(UINT32, huge.smallestIndexType());
        assertEquals(1000 * (8 + 2 * 4), huge.compact().nbytes());
    }
}
