package dev.footprint.sparse;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sums, means, minima and maxima along an axis equal the dense array's bit for bit, for every dtype, fill values
 * that are zero, one, negative zero and NaN, stored NaNs with payloads, every axis of 1-, 2- and
 * 3-d arrays, and all three formats.
 */
class SparseAxisReductionsTest {

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumAndMeanAlongEachAxisEqualTheDenseArraysBitForBit(DType t) {
        SplittableRandom r = new SplittableRandom(t.ordinal() * 31L + 5);
        long[][] shapes = {{9}, {7, 5}, {4, 6, 3}, {0, 4}, {3, 0}};
        for (long[] shape : shapes) {
            NDArray dense = sample(t, shape, r);
            for (double fill : fills(t)) {
                SparseArray<?> coo = fill == 0 && Double.doubleToRawLongBits(fill) == 0 ? sparse.coo(dense)
                        : t.isFloat() ? sparse.coo(dense, fill) : sparse.coo(dense, (long) fill);
                NDArray back = coo.todense();
                for (SparseArray<?> s : formats(coo)) {
                    for (int axis = -shape.length; axis < shape.length; axis++) {
                        String at = s.format() + " " + t + " " + java.util.Arrays.toString(shape) + " fill " + fill + " axis " + axis;
                        assertSameBits(back.sum(axis), s.sum(axis), "sum " + at);
                        assertSameBits(back.mean(axis), s.mean(axis), "mean " + at);
                        if (shape[Math.floorMod(axis, shape.length)] == 0) {
                            int empty = axis;
                            assertThrows(IllegalArgumentException.class, () -> s.min(empty), "min " + at);
                        } else {
                            assertSameBits(back.min(axis), s.min(axis), "min " + at);
                            assertSameBits(back.max(axis), s.max(axis), "max " + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void columnSumsOfTheArticlesArrayAndAClearErrorForABadAxis() {
        arr.seed(42);
        NDArray a = arr.random(1024, 1024);
        a.set(a.lt(0.9), 0);
        CsrArray s = sparse.csr(a);
        NDArray columns = s.sum(0);
        assertArrayEquals(new long[] {1024}, columns.shape());
        assertEquals(a.sum(0), columns);
        assertEquals(a.mean(1), s.mean(1));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> s.sum(2));
        assertTrue(bad.getMessage().contains("axis 2 is out of bounds for an array of dimension 2"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.mean(-3));
    }

    @Test
    void pairwiseSumsOfRowsWithSignedZerosAndGapsEqualTheDenseArraysBitForBit() {
        // Rows whose stored values are often (or only) +0.0 or -0.0, around the pairwise sum's
        // groups of 8, its leaves of 128 and its blocks of 8192: with a +0.0 fill the leaves are
        // summed from the stored elements alone.
        SplittableRandom r = new SplittableRandom(17);
        int[] lengths = {7, 8, 9, 15, 16, 17, 127, 128, 129, 136, 300, 8193};
        double[] densities = {0.02, 0.2, 0.6, 1.0};
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.FLOAT16}) {
            for (int len : lengths) {
                for (double density : densities) {
                    for (boolean zerosOnly : new boolean[] {false, true}) {
                    int rows = 5;
                    double[] x = new double[rows * len];
                    for (int i = 0; i < x.length; i++) {
                        if (r.nextDouble() < density) {
                            int pick = r.nextInt(zerosOnly ? 2 : 4);
                            // mostly -0.0 among zeros, so that long runs of them occur
                            x[i] = pick == 0 ? (r.nextInt(8) == 0 ? 0.0 : -0.0) : pick == 1 ? -0.0 : (r.nextDouble() - 0.5) * 100;
                        }
                    }
                    NDArray dense = NDArray.wrap(DType.FLOAT64, x, rows, len).as(t, Casting.UNSAFE);
                    for (double fill : new double[] {0.0, -0.0, 1.0}) {
                        CooArray coo = sparse.coo(dense, fill);
                        NDArray back = coo.todense();
                        for (SparseArray<?> s : formats(coo)) {
                            String at = s.format() + " " + t + " rows of " + len + " density " + density + " fill " + fill;
                            assertSameBits(back.sum(1), s.sum(1), "sum(1) " + at);
                            assertSameBits(back.mean(1), s.mean(1), "mean(1) " + at);
                            assertSameBits(back.sum(), s.sum(), "sum() " + at);
                            assertSameBits(back.mean(), s.mean(), "mean() " + at);
                        }
                    }
                    }
                }
            }
        }
    }

    @Test
    @Timeout(60) // a guard against a loop over two billion missing elements, not a speed target
    void anArrayTooLargeToBeDenseSumsItsFillWithoutVisitingEveryMissingElement() {
        long columns = 2_000_000_000L;
        CooArray huge = new CooArray(arr.of(0L, 1L, 5L, 7L).reshape(2, 2), arr.of(2.5, 3.5), arr.of(1.0), 2, columns);
        NDArray rows = huge.sum(1);
        assertEquals(2.5 + (columns - 1), rows.getDouble(0));
        assertEquals(3.5 + (columns - 1), rows.getDouble(1));
        assertEquals((3.5 + (columns - 1)) / columns, huge.mean(1).getDouble(1));
        CooArray unknown = new CooArray(arr.of(0L, 1L, 5L, 7L).reshape(2, 2), arr.of(2.5, 3.5), arr.of(Double.NaN), 2, columns);
        assertTrue(Double.isNaN(unknown.sum(1).getDouble(0)), "a NaN fill makes every row NaN");
        assertEquals(2.5, huge.max(1).getDouble(0), "max of a row: its stored 2.5 over the fill 1.0");
        assertEquals(1.0, huge.min(1).getDouble(1));
        // Nearly 2^63 elements in one row: its blocks are counted without overflowing.
        long longest = Long.MAX_VALUE - 3;
        CooArray row = new CooArray(arr.of(0L, longest - 1).reshape(1, 2), arr.of(2.5, 3.5), arr.of(0.0), longest);
        assertEquals(6.0, row.sum().doubleValue());
        assertEquals(6.0 / longest, row.mean().doubleValue());
        CooArray ones = new CooArray(arr.of(0L, longest - 1).reshape(1, 2), arr.of(2.5, 3.5), arr.of(1.0), longest);
        assertEquals(0x1p63, ones.sum().doubleValue(), "the fill's share in one product, then the stored values");
    }

    private static SparseArray<?>[] formats(SparseArray<?> coo) {
        return coo.ndim() == 2 ? new SparseArray<?>[] {coo, coo.tocsr(), coo.tocsc()} : new SparseArray<?>[] {coo};
    }

    private static double[] fills(DType t) {
        if (t.isFloat()) {
            return new double[] {0.0, 1.0, -0.0, Double.NaN};
        }
        return t == DType.BOOL ? new double[] {0.0, 1.0} : new double[] {0.0, 1.0, 3.0};
    }

    private static NDArray sample(DType t, long[] shape, SplittableRandom r) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        double[] v = new double[(int) size];
        for (int i = 0; i < v.length; i++) {
            int kind = r.nextInt(10);
            v[i] = kind < 5 ? 0 : kind == 5 ? 1 : t.isFloat() && kind == 6 ? -0.0 : r.nextInt(200) - (t.isUnsigned() || t == DType.BOOL ? 0 : 100);
        }
        NDArray a = NDArray.wrap(DType.FLOAT64, v, shape).as(t, Casting.UNSAFE);
        if (t.isFloat() && size > 2) {
            a.set(Double.NaN, unravel(shape, 1));
            if (t == DType.FLOAT64) {
                // a NaN with a payload: the sum is the canonical NaN, as the dense loop writes it
                NDArray payload = NDArray.wrap(DType.FLOAT64, new double[] {Double.longBitsToDouble(0x7ff8_0000_0000_0001L)});
                a.set(payload.getDoubleFlat(0), unravel(shape, 2));
            }
        }
        return a;
    }

    private static long[] unravel(long[] shape, long flat) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static void assertSameBits(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(Values.bits(expected), Values.bits(actual), what);
    }
}
