package dev.footprint.sparse;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.BigStorage;
import dev.footprint.storage.SmallSegments;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dense arrays in big storage of 8-element segments (converted 64 elements at a time, so marks
 * and positions cross chunk and segment ends) give the heap array's COO, CSR and CSC bit for
 * bit, and their dense arrays, also in big storage, equal the input. An nnz past what COO
 * coordinates hold is refused after counting, before anything is gathered.
 */
class SparseBigStorageTest {
    private static final int SHIFT = 3;
    private static final long[][] SHAPES = {{23, 29}, {6, 7, 5}, {301}, {3, 0}};
    private static final double[] DENSITIES = {0.0, 0.05, 0.5, 1.0};
    /** Views of a 3-d array: deep into the storage (contiguous, not at a segment start) and strided. */
    private static final String[] VIEWS = {"3:, :, :", "1:, ::-1, 2:", "2, :, 1:4"};

    private static NDArray big(NDArray heap) {
        return NDArray.over(heap.dtype(), SmallSegments.copy(heap.storage(), SHIFT), heap.shape());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void cooOfBigStorageIsTheHeapArraysCooAndGoesBack(DType t) throws Throwable {
        long seed = 100;
        for (long fillBits : SparseConversionPathsTest.fills(t)) {
            NDArray fill = Values.scalar(t, fillBits);
            for (long[] shape : SHAPES) {
                for (double density : DENSITIES) {
                    NDArray heap = SparseConversionPathsTest.sample(t, fillBits, density, seed++, shape);
                    String what = t + " fill=" + Long.toHexString(fillBits) + " shape=" + Arrays.toString(shape)
                            + " density=" + density;
                    CooArray expected = DenseToSparse.coo(heap, fill);
                    SmallSegments.run(SHIFT, () -> {
                        NDArray b = big(heap);
                        assertTrue(b.storage() instanceof BigStorage);
                        CooArray s = DenseToSparse.coo(b, fill);
                        SparseConversionPathsTest.assertSameAsReference(heap, fillBits, s, what);
                        assertSameCoo(expected, s, what);
                        NDArray back = s.todense();
                        assertTrue(back.storage() instanceof BigStorage, what);
                        assertEquals(heap, back, what);
                        assertArrayEquals(Values.bits(heap), Values.bits(back), "todense " + what);
                    });
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void viewsOfBigStorageGiveTheHeapViewsCoo(DType t) throws Throwable {
        NDArray heap = SparseConversionPathsTest.sample(t, 0, 0.3, 7, 6, 7, 5);
        for (String view : VIEWS) {
            CooArray expected = sparse.coo(heap.slice(view));
            SmallSegments.run(SHIFT, () -> {
                NDArray v = big(heap).slice(view);
                CooArray s = sparse.coo(v);
                assertSameCoo(expected, s, t + " " + view);
                assertEquals(v, s.todense(), t + " " + view);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void csrAndCscOfBigStorageAreTheHeapArrays(DType t) throws Throwable {
        NDArray heap = SparseConversionPathsTest.sample(t, 0, 0.2, 11, 23, 29);
        CsrArray csr = sparse.csr(heap);
        CscArray csc = sparse.csc(heap);
        SmallSegments.run(SHIFT, () -> {
            NDArray b = big(heap);
            CsrArray r = sparse.csr(b);
            CscArray c = sparse.csc(b);
            for (CompressedArray[] p : new CompressedArray[][] {{csr, r}, {csc, c}}) {
                String what = t + " " + p[0].format();
                assertEquals(p[0].indexType(), p[1].indexType(), what);
                assertEquals(p[0].indptr(), p[1].indptr(), what);
                assertEquals(p[0].indices(), p[1].indices(), what);
                assertArrayEquals(Values.bits(p[0].data()), Values.bits(p[1].data()), what);
                NDArray back = p[1].todense();
                assertTrue(back.storage() instanceof BigStorage, what);
                assertEquals(heap, back, what);
            }
        });
    }

    @Test
    void anNnzThatCooCoordinatesCannotHoldIsRefusedNamingNnzAndTheLimit() throws Throwable {
        // 27 axes of 2: 2^27 elements, all stored, past the (2^31 - 9) / 27 entries 27 rows of coordinates hold
        long[] shape = new long[27];
        Arrays.fill(shape, 2);
        long limit = (Integer.MAX_VALUE - 8) / 27;
        SmallSegments.run(20, () -> {
            NDArray ones = arr.ones(DType.UINT8, shape);
            String message = assertThrows(ArrayAllocationException.class, () -> sparse.coo(ones)).getMessage();
            assertTrue(message.contains("would store " + (1L << 27) + " elements, more than the " + limit), message);
        });
    }

    private static void assertSameCoo(CooArray expected, CooArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertEquals(expected.indexType(), actual.indexType(), what);
        assertArrayEquals(IndexArrays.longs(expected.coords()), IndexArrays.longs(actual.coords()), "coords " + what);
        assertArrayEquals(Values.bits(expected.data()), Values.bits(actual.data()), "data " + what);
        assertArrayEquals(Values.bits(expected.fillValueArray()), Values.bits(actual.fillValueArray()), "fill " + what);
    }
}
