package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.Bits;

/**
 * Index arrays (COO coordinates, CSR/CSC indices and index pointers) in any integer dtype:
 * decoding to {@code long[]}/{@code int[]} for the algorithms, encoding back, and choosing the
 * smallest dtype that can address an array. The default dtypes are read without copying.
 */
final class IndexArrays {
    /** Candidates for compact index storage, narrowest first; int64 before uint64 at the same width. */
    private static final DType[] COMPACT = {DType.UINT8, DType.UINT16, DType.UINT32, DType.INT64};

    private IndexArrays() {}

    static void requireIntegerType(DType t, String what) {
        if (!t.isInteger()) {
            throw new IllegalArgumentException(what + " must have an integer dtype, not " + t
                    + "; use int64 (the default), int32 or an unsigned type such as uint16");
        }
    }

    /** The values as longs; the array's own storage when it already is a whole int64 (or uint64) array. */
    static long[] longs(NDArray idx) {
        DType t = idx.dtype();
        if (!t.isInteger()) {
            throw new IllegalArgumentException("index arrays must be integers, not " + t);
        }
        if (t == DType.INT64 || t == DType.UINT64) {
            return Values.longs(idx, t);
        }
        NDArray r = Values.run(idx);
        long[] out = new long[Values.heapLength(r)];
        r.storage().gatherLong(null, r.storageOffset(), out.length, out);
        return out;
    }

    /** The values as ints (callers know they fit); the array's own storage for a whole int32 array. */
    static int[] ints(NDArray idx) {
        if (idx.dtype() == DType.INT32) {
            return Values.whole(idx).storage().ints();
        }
        long[] l = longs(idx);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
        return out;
    }

    /** Encodes {@code values[from .. from+n)} (already range-checked) as an array of {@code t} with {@code shape}. */
    static NDArray encode(DType t, long[] values, int from, int n, long... shape) {
        if (!t.isInteger()) {
            throw new IllegalArgumentException("index arrays must be integers, not " + t);
        }
        return NDArray.over(t, Bits.heap(t.encoding(), values, from, n), shape);
    }

    static NDArray encode(DType t, long[] values) {
        return encode(t, values, 0, values.length, values.length);
    }

    /** Encodes ints as a 1-d array of {@code t}; an int32 target adopts the array itself. */
    static NDArray encode(DType t, int[] values) {
        if (t == DType.INT32) {
            return NDArray.wrap(t, values, values.length);
        }
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) l[i] = values[i];
        return encode(t, l);
    }

    /** Whether every value in {@code 0..largest} fits {@code t}. */
    static boolean holds(DType t, long largest) {
        return t.isInteger() && t.holdsInteger(largest, false);
    }

    /** The narrowest unsigned (or int64) dtype holding {@code 0..largest}. */
    static DType smallestFor(long largest) {
        for (DType t : COMPACT) {
            if (holds(t, largest)) {
                return t;
            }
        }
        return DType.INT64;
    }

    /** The narrowest dtype of {@code candidates}'s family that fits, for messages ("uint16 can"). */
    static String suggestion(DType refused, long largest) {
        DType[] family = refused.isUnsigned()
                ? new DType[] {DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64}
                : new DType[] {DType.INT8, DType.INT16, DType.INT32, DType.INT64};
        for (DType t : family) {
            if (holds(t, largest)) {
                return t.numpyName();
            }
        }
        return "int64";
    }

    /**
     * Checks that {@code t} can address every position of every axis: the test is against the
     * largest dimension, not the flat size, so a 1024 x 1024 array fits uint16.
     */
    static void checkAddresses(DType t, long[] shape, String kind) {
        for (int axis = 0; axis < shape.length; axis++) {
            checkAddresses(t, shape, axis, kind);
        }
    }

    /** Checks that {@code t} can address every position along {@code axis} of {@code shape}. */
    static void checkAddresses(DType t, long[] shape, int axis, String kind) {
        requireIntegerType(t, kind + " index dtype");
        long largest = shape[axis] - 1;
        if (largest > 0 && !holds(t, largest)) {
            throw new IndexTypeException(t + " cannot address dimension " + axis + " of size " + shape[axis]
                    + " (largest index " + largest + ", " + t + " holds " + t.rangeText() + "); "
                    + suggestion(t, largest) + " can");
        }
    }

    /** The largest index along any axis ({@code max(shape) - 1}), at least 0. */
    static long largestIndex(long[] shape) {
        long m = 0;
        for (long d : shape) {
            m = Math.max(m, d - 1);
        }
        return m;
    }
}
