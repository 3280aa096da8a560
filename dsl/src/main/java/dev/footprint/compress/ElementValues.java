package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.storage.ArrayRuns;

/**
 * Reads runs of a chunk's elements as doubles or longs, and writes results, with the dense
 * engine's conversions (unsigned values masked; uint64 to double rounded to nearest; float16
 * exactly), which are the storage layer's ({@link ArrayRuns}).
 */
final class ElementValues {
    private ElementValues() {}

    static void doubles(DType t, Object d, int from, int n, double[] out) {
        ArrayRuns.gatherDouble(t.encoding(), d, from, n, out);
    }

    /** Integer (and bool) dtypes only: the values as longs (uint64 as its bits). */
    static void longs(DType t, Object d, int from, int n, long[] out) {
        if (t.isFloat()) {
            throw new IllegalArgumentException(t + " is not an integer dtype");
        }
        ArrayRuns.gatherLong(t.encoding(), d, from, n, out);
    }

    /** A result array of {@code t}'s storage holding {@code values} (rounded to nearest for float16 and float32). */
    static Object fromDoubles(DType t, double[] values) {
        if (!t.isFloat()) {
            throw new IllegalArgumentException("a reduction in doubles gives a float dtype, not " + t);
        }
        return t == DType.FLOAT64 ? values : ArrayRuns.fromDoubles(t.encoding(), values);
    }

    /** A result array of integer (or bool) dtype {@code t} holding {@code values} (narrowed: they came from {@code t}). */
    static Object fromLongs(DType t, long[] values) {
        if (t.isFloat()) {
            throw new IllegalArgumentException(t + " is not an integer dtype");
        }
        return t == DType.INT64 || t == DType.UINT64 ? values : ArrayRuns.fromLongs(t.encoding(), values);
    }
}
