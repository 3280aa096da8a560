package dev.footprint.sparse;

import dev.footprint.array.NDArray;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Elementwise operations on COO arrays by way of the dense engine: the operation runs once on the
 * stored values and once on the fill value (so dtypes, promotion and overflow are NumPy's), then
 * results equal to the new fill value are dropped, as pydata does.
 */
final class SparseElementwise {
    private SparseElementwise() {}

    static CooArray map(CooArray a, UnaryOperator<NDArray> f) {
        NDArray values = f.apply(a.data());
        NDArray newFill = f.apply(a.fill);
        return prune(a.offsets(), values, newFill, a);
    }

    static CooArray zip(CooArray a, CooArray b, BinaryOperator<NDArray> f) {
        SparseShapes.requireSameShape(a.shape, b.shape, "an elementwise operation");
        long[] oa = a.offsets();
        long[] ob = b.offsets();
        long[] union = new long[oa.length + ob.length];
        int[] fromA = new int[union.length];
        int[] fromB = new int[union.length];
        int i = 0, j = 0, n = 0;
        while (i < oa.length || j < ob.length) {
            long next = j >= ob.length || i < oa.length && oa[i] <= ob[j] ? oa[i] : ob[j];
            fromA[n] = i < oa.length && oa[i] == next ? i++ : -1;
            fromB[n] = j < ob.length && ob[j] == next ? j++ : -1;
            union[n++] = next;
        }
        NDArray values = f.apply(aligned(a, fromA, n), aligned(b, fromB, n));
        NDArray newFill = f.apply(a.fill, b.fill);
        return prune(java.util.Arrays.copyOf(union, n), values, newFill, a);
    }

    /** The values of {@code a} at the union positions: stored where present, the fill value elsewhere. */
    private static NDArray aligned(CooArray a, int[] from, int n) {
        long[] stored = Values.bits(a.data());
        long fillBits = Values.bitsOf(a.fill);
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = from[k] >= 0 ? stored[from[k]] : fillBits;
        }
        return Values.vector(a.dtype(), out, n);
    }

    /** Keeps the results whose bits differ from the new fill value. */
    private static CooArray prune(long[] offsets, NDArray values, NDArray newFill, CooArray like) {
        long[] bits = Values.bits(values);
        long fillBits = Values.bitsOf(newFill);
        int kept = 0;
        for (long b : bits) {
            if (b != fillBits) kept++;
        }
        long[] keptOffsets = offsets;
        NDArray keptValues = values;
        if (kept < bits.length) {
            keptOffsets = new long[kept];
            int[] index = new int[kept];
            int o = 0;
            for (int k = 0; k < bits.length; k++) {
                if (bits[k] != fillBits) {
                    keptOffsets[o] = offsets[k];
                    index[o++] = k;
                }
            }
            keptValues = Values.take(values, index);
        }
        return CooArray.fromOffsets(keptOffsets, keptValues, newFill.reshape(1), like.shape, like.indexType());
    }
}
