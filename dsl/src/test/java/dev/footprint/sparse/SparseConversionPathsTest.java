package dev.footprint.sparse;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The conversion loops against plain reference implementations, on every path they take: dense
 * to COO with and without branches (densities on both sides of the switch), 1-, 2- and 3-d and
 * 0-d arrays; COO to dense with int64 and narrow coordinates; COO to CSR with empty rows, long
 * rows and coordinates that arrive unsorted; the float64 matrix-vector product against the
 * general product. Every dtype, with NaN, -0.0 and non-zero fill values.
 */
class SparseConversionPathsTest {
    private static final double[] DENSITIES = {0.0, 0.001, 0.01, 0.029, 0.031, 0.1, 0.5, 0.97, 0.99, 1.0};

    /** Raw bits of an array of {@code t}, with about {@code density} of them different from {@code fillBits}. */
    static NDArray sample(DType t, long fillBits, double density, long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Offsets.size(shape);
        long mask = t.itemsize() == 8 ? -1L : (1L << (8 * t.itemsize())) - 1;
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < density) {
                long b;
                do {
                    int kind = r.nextInt(4);
                    b = t.isBool() ? 1 - fillBits : kind < 3
                            ? SparseRoundTripProperties.specialBits(t, kind, r.nextLong()) & mask
                            : SparseRoundTripProperties.quiet(t, r.nextLong() & mask);
                } while (b == fillBits);
                bits[i] = b;
            } else {
                bits[i] = fillBits;
            }
        }
        return Values.fromBits(t, bits, n, shape);
    }

    /** Fill values to try for {@code t}: zero, and (for other than bool) negative zero, NaN or another value. */
    static long[] fills(DType t) {
        if (t.isBool()) {
            return new long[] {0, 1};
        }
        if (t.isFloat()) {
            return new long[] {0, SparseRoundTripProperties.negativeZero(t), SparseRoundTripProperties.nan(t)};
        }
        return new long[] {0, 7};
    }

    /** The reference: stored elements, their coordinates and values, by a plain scan. */
    static void assertSameAsReference(NDArray dense, long fillBits, CooArray s, String what) {
        long[] bits = Values.bits(dense);
        long[] shape = dense.shape();
        int ndim = shape.length;
        int nnz = 0;
        for (long b : bits) if (b != fillBits) nnz++;
        assertEquals(nnz, s.nnz(), "nnz " + what);
        assertEquals(DType.INT64, s.coords().dtype());
        assertArrayEquals(new long[] {ndim, nnz}, s.coords().shape(), "coords shape " + what);
        long[] coords = IndexArrays.longs(s.coords());
        long[] data = Values.bits(s.data());
        int k = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] == fillBits) {
                continue;
            }
            long rest = i;
            for (int axis = ndim - 1; axis >= 0; axis--) {
                assertEquals(rest % shape[axis], coords[axis * nnz + k], "coordinate " + axis + " of entry " + k + " " + what);
                rest /= shape[axis];
            }
            assertEquals(bits[i], data[k], "value of entry " + k + " " + what);
            k++;
        }
    }

    @Test
    void denseToCooAndBackOnEveryPathAndDtype() {
        long[][] shapes = {{37, 53}, {1, 200}, {200, 1}, {301}, {5, 7, 9}, {}, {0, 4}, {3, 0}};
        long seed = 1;
        for (DType t : DType.values()) {
            for (long fillBits : fills(t)) {
                NDArray fill = Values.scalar(t, fillBits);
                for (long[] shape : shapes) {
                    for (double density : DENSITIES) {
                        NDArray a = sample(t, fillBits, density, seed++, shape);
                        String what = t + " fill=" + Long.toHexString(fillBits) + " shape=" + Arrays.toString(shape)
                                + " density=" + density;
                        CooArray s = DenseToSparse.coo(a, fill);
                        assertSameAsReference(a, fillBits, s, what);
                        NDArray back = s.todense();
                        assertArrayEquals(Values.bits(a), Values.bits(back), "todense " + what);
                        assertEquals(a, back, what);
                        if (shape.length >= 1 && shape.length <= 2) {
                            // narrow coordinates take the general todense path
                            NDArray narrow = s.withIndexType(DType.UINT16).todense();
                            assertArrayEquals(Values.bits(a), Values.bits(narrow), "uint16 todense " + what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void todenseOfAViewOfTheDenseInput() {
        NDArray a = sample(DType.FLOAT64, 0, 0.2, 5, 20, 30);
        NDArray view = a.transpose();
        assertEquals(view.copy(), sparse.coo(view).todense());
        assertEquals(a.slice("::2, 1:").copy(), sparse.coo(a.slice("::2, 1:")).todense());
    }

    /** Reference CSR index pointers: counts of each row, summed. */
    static long[] referencePointers(CooArray s) {
        long[] rows = IndexArrays.longs(s.coords());
        long[] ptr = new long[(int) s.shape()[0] + 1];
        for (int k = 0; k < s.nnz(); k++) ptr[(int) rows[k] + 1]++;
        for (int i = 1; i < ptr.length; i++) ptr[i] += ptr[i - 1];
        return ptr;
    }

    static void assertCsrMatches(CooArray s, String what) {
        CsrArray m = s.tocsr();
        assertEquals(DType.INT32, m.indexType(), what);
        assertArrayEquals(referencePointers(s), IndexArrays.longs(m.indptr()), "indptr " + what);
        long[] coords = IndexArrays.longs(s.coords());
        int nnz = (int) s.nnz();
        assertArrayEquals(Arrays.copyOfRange(coords, nnz, 2 * nnz), IndexArrays.longs(m.indices()), "indices " + what);
        assertArrayEquals(Values.bits(s.data()), Values.bits(m.data()), "data " + what);
        assertEquals(s.todense(), m.todense(), what);
    }

    @Test
    void cooToCsrFindsEveryRowStart() {
        long seed = 100;
        long[][] shapes = {{1, 1}, {1, 500}, {500, 1}, {40, 40}, {3, 1000}, {257, 3}, {0, 5}, {5, 0}};
        for (long[] shape : shapes) {
            for (double density : DENSITIES) {
                NDArray a = sample(DType.FLOAT64, 0, density, seed++, shape);
                CooArray s = sparse.coo(a);
                String what = Arrays.toString(shape) + " density=" + density;
                assertCsrMatches(s, what);
                assertCsrMatches(s.withIndexType(DType.UINT16), "uint16 " + what);
            }
        }
        // empty rows at the start, in the middle and at the end, and one very long row
        NDArray a = arr.zeros(9, 4000);
        for (int c = 0; c < 4000; c += 3) a.set(1.0 + c, 4, c);
        a.set(2.0, 2, 7);
        a.set(-0.0, 6, 3999);
        assertCsrMatches(sparse.coo(a), "empty and long rows");
    }

    @Test
    void cooFromUnsortedCoordinatesConvertsToCsr() {
        SplittableRandom r = new SplittableRandom(9);
        int rows = 50, cols = 60;
        long[] offsets = r.longs(0, rows * cols).distinct().limit(400).toArray();
        long[] coords = new long[2 * offsets.length];
        double[] data = new double[offsets.length];
        NDArray dense = arr.zeros(rows, cols);
        for (int k = 0; k < offsets.length; k++) {
            coords[k] = offsets[k] / cols;
            coords[offsets.length + k] = offsets[k] % cols;
            data[k] = k + 1;
            dense.set(data[k], coords[k], coords[offsets.length + k]);
        }
        CooArray s = new CooArray(NDArray.wrap(DType.INT64, coords, 2, offsets.length),
                NDArray.wrap(DType.FLOAT64, data, offsets.length), rows, cols);
        assertEquals(dense, s.todense());
        assertCsrMatches(s, "sorted by the constructor");
        CooArray narrow = new CooArray(NDArray.wrap(DType.INT64, coords, 2, offsets.length).as(DType.UINT16),
                NDArray.wrap(DType.FLOAT64, data, offsets.length), rows, cols);
        assertEquals(dense, narrow.todense());
        assertEquals(dense, narrow.tocsr().todense());
    }

    @Test
    void float64MatvecEqualsTheGeneralProductBitForBit() {
        for (double density : new double[] {0.0, 0.01, 0.3, 1.0}) {
            NDArray a = sample(DType.FLOAT64, 0, density, 77, 33, 45);
            // no NaN/inf here: the comparison below is bit for bit
            NDArray finite = a.where(a.ne(a), 0.5);
            CsrArray m = sparse.csr(finite);
            NDArray x = Values.fromBits(DType.FLOAT64, new SplittableRandom(3).doubles(45)
                    .mapToLong(Double::doubleToRawLongBits).toArray(), 45, 45);
            NDArray fast = m.matvec(x);
            NDArray general = m.withIndexType(DType.INT64).matvec(x);
            assertEquals(DType.FLOAT64, fast.dtype());
            assertArrayEquals(new long[] {33}, fast.shape());
            assertArrayEquals(Values.bits(general), Values.bits(fast), "density " + density);
            for (int i = 0; i < 33; i++) {
                double acc = 0;
                for (int j = 0; j < 45; j++) {
                    double v = finite.getDouble(i, j);
                    if (Double.doubleToRawLongBits(v) != 0) acc += v * x.getDoubleFlat(j);
                }
                assertEquals(acc, fast.getDoubleFlat(i), "row " + i + " in index order, as scipy");
            }
            // a strided vector view
            NDArray wide = arr.zeros(90);
            for (int j = 0; j < 45; j++) wide.set(x.getDoubleFlat(j), 2L * j);
            assertEquals(fast, m.matvec(wide.slice("::2")));
        }
    }

    @Test
    void float64MatvecSumsRowsOfUnequalLengthsInIndexOrder() {
        int[] lengths = {200, 0, 50, 199, 3, 200, 100};   // long on average: rows are summed two at a time
        int cols = 200;
        NDArray a = arr.zeros(lengths.length, cols);
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < lengths.length; i++) {
            for (int j = 0; j < lengths[i]; j++) a.set(r.nextDouble() * 1e3 - 500, i, j);
        }
        NDArray x = NDArray.wrap(DType.FLOAT64, r.doubles(cols, -1, 1).toArray(), cols);
        for (NDArray m : new NDArray[] {a, a.slice(":6")}) {
            NDArray y = sparse.csr(m.copy()).matvec(x);
            for (int i = 0; i < m.shape()[0]; i++) {
                double acc = 0;
                for (int j = 0; j < lengths[i]; j++) acc += m.getDouble(i, j) * x.getDoubleFlat(j);
                assertEquals(acc, y.getDoubleFlat(i), "row " + i);
            }
        }
    }
}
