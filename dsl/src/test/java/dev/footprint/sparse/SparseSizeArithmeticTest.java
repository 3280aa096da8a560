package dev.footprint.sparse;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** Sparse arrays whose axes pass 2^31 or whose products pass 2^63: exact answers or refusals in the user's numbers. */
class SparseSizeArithmeticTest {
    private static CooArray empty(long... shape) {
        NDArray coords = NDArray.allocate(DType.INT64, shape.length, 0);
        return new CooArray(coords, NDArray.allocate(DType.FLOAT64, 0), shape);
    }

    @Test
    void perRowCountsOfAnAxisPastOneArrayAreRefusedNamingItsLength() {
        CooArray tall = empty(1L << 31, 2);
        String m = assertThrows(ArrayAllocationException.class, tall::nnzPerRow).getMessage();
        assertTrue(m.contains("nnzPerRow") && m.contains("2147483648"), m);
        assertEquals(2, tall.nnzPerColumn().size());
        CooArray wide = empty(2, 1L << 32);
        m = assertThrows(ArrayAllocationException.class, () -> wide.tocsr().nnzPerColumn()).getMessage();
        assertTrue(m.contains("nnzPerColumn") && m.contains("4294967296"), m);
    }

    @Test
    void aReshapeWhoseProductPassesTwoToTheSixtyThreeIsASizeMismatch() {
        CooArray s = empty(2, 3);
        String m = assertThrows(ShapeMismatchException.class, () -> s.reshape(1L << 62, 4, 2)).getMessage();
        assertTrue(m.contains("4611686018427387904"), m);
        // The known axes' product is 2^126 (0 when wrapped): an empty array still resolves -1 to 0, exactly.
        assertEquals(java.util.List.of(0L, 1L << 62, 4L, 1L << 62),
                java.util.Arrays.stream(empty(0).reshape(-1, 1L << 62, 4, 1L << 62).shape()).boxed().toList());
    }

    @Test
    void aNegativeCoordinateIsPrintedAsTheUserGaveIt() {
        NDArray coords = NDArray.wrap(DType.INT64, new long[] {-1, 0}, 2, 1);
        String m = assertThrows(IndexOutOfBoundsException.class,
                () -> new CooArray(coords, arr.of(1.0), 3, 3)).getMessage();
        assertTrue(m.contains("coordinate -1 of entry 0"), m);
    }

    @Test
    void aProductWhoseResultSizeWrapsIsRefused() {
        // 2^62 rows times 4 columns is 2^64 elements: wrapped, that is 0 and would pass as an empty result.
        CscArray tall = empty(1L << 62, 1).tocsc();
        NDArray x = arr.ones(1, 4);
        String m = assertThrows(IllegalArgumentException.class, () -> tall.matmul(x)).getMessage();
        assertTrue(m.contains("18446744073709551616"), m);
        String v = assertThrows(ArrayAllocationException.class, () -> tall.matvec(arr.ones(1))).getMessage();
        assertTrue(v.contains("4611686018427387904"), v);
    }
}
