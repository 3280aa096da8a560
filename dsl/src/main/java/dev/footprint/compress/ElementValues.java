package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.array.Half;

/**
 * Reads runs of a chunk's elements as doubles or longs, and writes results, with the dense
 * engine's conversions (unsigned values masked; uint64 to double rounded to nearest; float16 by
 * {@link Half}).
 */
final class ElementValues {
    private ElementValues() {}

    static void doubles(DType t, Object d, int from, int n, double[] out) {
        switch (t) {
            case BOOL, INT8 -> { byte[] a = (byte[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i]; }
            case UINT8 -> { byte[] a = (byte[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i] & 0xFF; }
            case INT16 -> { short[] a = (short[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i]; }
            case UINT16 -> { short[] a = (short[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i] & 0xFFFF; }
            case FLOAT16 -> { short[] a = (short[]) d; for (int i = 0; i < n; i++) out[i] = Half.toDouble(a[from + i]); }
            case INT32 -> { int[] a = (int[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i]; }
            case UINT32 -> { int[] a = (int[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i] & 0xFFFF_FFFFL; }
            case INT64 -> { long[] a = (long[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i]; }
            case UINT64 -> { long[] a = (long[]) d; for (int i = 0; i < n; i++) out[i] = unsignedToDouble(a[from + i]); }
            case FLOAT32 -> { float[] a = (float[]) d; for (int i = 0; i < n; i++) out[i] = a[from + i]; }
            case FLOAT64 -> System.arraycopy(d, from, out, 0, n);
        }
    }

    /** Integer dtypes only: the values as longs (uint64 as its bits). */
    static void longs(DType t, Object d, int from, int n, long[] out) {
        switch (t.storage()) {
            case BYTE -> {
                byte[] a = (byte[]) d;
                int mask = t == DType.UINT8 ? 0xFF : -1;
                for (int i = 0; i < n; i++) out[i] = a[from + i] & mask;
            }
            case SHORT -> {
                short[] a = (short[]) d;
                int mask = t == DType.UINT16 ? 0xFFFF : -1;
                for (int i = 0; i < n; i++) out[i] = a[from + i] & mask;
            }
            case INT -> {
                int[] a = (int[]) d;
                long mask = t == DType.UINT32 ? 0xFFFF_FFFFL : -1L;
                for (int i = 0; i < n; i++) out[i] = a[from + i] & mask;
            }
            case LONG -> System.arraycopy(d, from, out, 0, n);
            default -> throw new IllegalArgumentException(t + " is not an integer dtype");
        }
    }

    private static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        double half = (bits >>> 1) | (bits & 1); // keeps the low bit so the rounding stays correct
        return half * 2.0;
    }

    /** A result array of {@code t}'s storage holding {@code values} (rounded to nearest for float16 and float32). */
    static Object fromDoubles(DType t, double[] values) {
        return switch (t) {
            case FLOAT64 -> values;
            case FLOAT32 -> { float[] f = new float[values.length]; for (int i = 0; i < f.length; i++) f[i] = (float) values[i]; yield f; }
            case FLOAT16 -> { short[] h = new short[values.length]; for (int i = 0; i < h.length; i++) h[i] = Half.fromDouble(values[i]); yield h; }
            default -> throw new IllegalArgumentException("a reduction in doubles gives a float dtype, not " + t);
        };
    }

    /** A result array of integer dtype {@code t} holding {@code values} (narrowed: they came from {@code t}). */
    static Object fromLongs(DType t, long[] values) {
        return switch (t.storage()) {
            case LONG -> values;
            case INT -> { int[] a = new int[values.length]; for (int i = 0; i < a.length; i++) a[i] = (int) values[i]; yield a; }
            case SHORT -> { short[] a = new short[values.length]; for (int i = 0; i < a.length; i++) a[i] = (short) values[i]; yield a; }
            case BYTE -> { byte[] a = new byte[values.length]; for (int i = 0; i < a.length; i++) a[i] = (byte) values[i]; yield a; }
            default -> throw new IllegalArgumentException(t + " is not an integer dtype");
        };
    }
}
