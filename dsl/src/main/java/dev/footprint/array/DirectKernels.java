package dev.footprint.array;

import dev.footprint.array.ArrayOperations.Arithmetic;
import dev.footprint.array.ArrayOperations.Comparison;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Typed loops for the common case that needs no lanes: both operands contiguous, of one shape and
 * of the result's dtype. Each loop is a plain indexed loop over one primitive type, which the JIT
 * unrolls and vectorises; narrowing casts wrap exactly as NumPy's fixed-width integers do.
 */
final class DirectKernels {
    private DirectKernels() {}

    /** Whether {@link #binary} can compute {@code a op b} into a new array of {@code outType}. */
    static boolean applies(NDArray a, NDArray b, DType outType) {
        return a.dtype == outType && b.dtype == outType && a.isContiguous() && b.isContiguous()
                && java.util.Arrays.equals(a.shape, b.shape)
                && outType != DType.BOOL && outType != DType.FLOAT16
                && a.storage.onHeap() && b.storage.onHeap();
    }

    static NDArray binary(Arithmetic op, NDArray a, NDArray b, DType outType) {
        NDArray out = NDArray.zeros(outType, a.shape.clone());
        // Heap operands: sizes and offsets fit an int.
        int n = (int) a.size;
        int ao = (int) a.offset;
        int bo = (int) b.offset;
        switch (outType.storage()) {
            case DOUBLE -> doubles(op, a.storage.doubles(), ao, b.storage.doubles(), bo, out.storage.doubles(), n);
            case FLOAT -> floats(op, a.storage.floats(), ao, b.storage.floats(), bo, out.storage.floats(), n);
            case LONG -> longs(op, a.storage.longs(), ao, b.storage.longs(), bo, out.storage.longs(), n);
            case INT -> ints(op, a.storage.ints(), ao, b.storage.ints(), bo, out.storage.ints(), n);
            case SHORT -> shorts(op, a.storage.shorts(), ao, b.storage.shorts(), bo, out.storage.shorts(), n);
            case BYTE -> bytes(op, a.storage.bytes(), ao, b.storage.bytes(), bo, out.storage.bytes(), n);
        }
        return out;
    }

    private static void doubles(Arithmetic op, double[] x, int xo, double[] y, int yo, double[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            case DIV -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] / y[yo + i]; }
        }
    }

    /** float32 arithmetic in float: IEEE single operations round exactly as NumPy's float32 loops. */
    private static void floats(Arithmetic op, float[] x, int xo, float[] y, int yo, float[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            case DIV -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] / y[yo + i]; }
        }
    }

    private static void longs(Arithmetic op, long[] x, int xo, long[] y, int yo, long[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void ints(Arithmetic op, int[] x, int xo, int[] y, int yo, int[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void shorts(Arithmetic op, short[] x, int xo, short[] y, int yo, short[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] + y[yo + i]); }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] - y[yo + i]); }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] * y[yo + i]); }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void bytes(Arithmetic op, byte[] x, int xo, byte[] y, int yo, byte[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] + y[yo + i]); }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] - y[yo + i]); }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] * y[yo + i]); }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static final long MAGNITUDE = Long.MAX_VALUE;
    private static final long INFINITY_BITS = 0x7FF0_0000_0000_0000L;

    /** Eight bool results stored as one little-endian long: byte {@code k} is element {@code k}. */
    static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Which form of the checked float32 cast runs faster. On JDK 25 one cast-and-check loop beats
     * a conversion loop followed by a check loop over the same block; on JDK 17 the opposite holds.
     * (Measured on 17 and 25; the JDKs between take the JDK 17 form, which is correct everywhere.)
     */
    static final boolean FUSED_CAST_CHECK = Runtime.version().feature() >= 25;

    /**
     * {@code x[i] cmp s} for a contiguous float64 run and a finite {@code s}, without a branch per
     * element (a compare-and-branch on random data mispredicts often, and C2 does not vectorise
     * it). Each result comes from the bits of a difference {@code d}: its sign says which side,
     * a zero magnitude says equal, and a magnitude above infinity's says NaN, which is false for
     * every comparison but {@code NE}. With {@code s} finite, {@code d} is NaN only for a NaN
     * element; with a zero {@code s} replaced by the zero whose difference cannot be -0.0
     * ({@code x - (-0.0)} and {@code +0.0 - x}), {@code d} is never -0.0, so -0.0 and 0.0 compare
     * equal as IEEE 754 requires. Eight results are packed into one store. (A form that wrote the
     * differences' bits to a block of longs and narrowed them in a second loop, meant for JDK 25's
     * vectorising JIT, took 1.7 times as long per element on JDK 25.0.3, and 2.6 times on JDK 17.)
     */
    static void compareFinite(Comparison cmp, double[] x, int off, double s, byte[] o, int oo, int n) {
        switch (cmp) {
            // x < s: x - s negative and not NaN; x >= s: x - s non-negative and not NaN.
            case LT, GE -> belowPacked(x, off, s == 0 ? -0.0 : s, cmp == Comparison.GE ? -1L : 0L, o, oo, n);
            // x > s: s - x negative and not NaN; x <= s: s - x non-negative and not NaN.
            case GT, LE -> abovePacked(x, off, s == 0 ? 0.0 : s, cmp == Comparison.LE ? -1L : 0L, o, oo, n);
            // x == s: x - s is a zero (a NaN's magnitude is not).
            case EQ, NE -> equalPacked(x, off, s, cmp == Comparison.NE ? 1L : 0L, o, oo, n);
        }
    }

    /** 1 when the difference {@code d} is negative and not NaN; with {@code flip = -1}, when it is non-negative (NaN still 0). */
    static long negative(double d, long flip) {
        long b = Double.doubleToRawLongBits(d);
        long notNaN = INFINITY_BITS - (b & MAGNITUDE);
        return ((b ^ flip) & ~notNaN) >>> 63;
    }

    /** 1 when the difference is a zero (NaN is not), inverted by {@code flip = 1}. */
    static long zero(double d, long flip) {
        long b = Double.doubleToRawLongBits(d);
        return (((b & MAGNITUDE) - 1) >>> 63) ^ flip;
    }

    /** The sign bit of {@code d} as 0 or 1. */
    private static long sign(double d) {
        return Double.doubleToRawLongBits(d) >>> 63;
    }

    /** The sign bits of eight differences as eight 0/1 bytes of a little-endian long. */
    static long signs(double d0, double d1, double d2, double d3, double d4, double d5, double d6, double d7) {
        return sign(d0) | sign(d1) << 8 | sign(d2) << 16 | sign(d3) << 24 | sign(d4) << 32
                | sign(d5) << 40 | sign(d6) << 48 | sign(d7) << 56;
    }

    /** Whether the eight sum to NaN: only a NaN among them (or infinities of both signs) does that. */
    static boolean anyNaN(double d0, double d1, double d2, double d3, double d4, double d5, double d6, double d7) {
        double probe = ((d0 + d1) + (d2 + d3)) + ((d4 + d5) + (d6 + d7));
        return probe != probe;
    }

    /** 0x01 in every byte of a long: flips eight packed 0/1 results at once. */
    static final long ONES = 0x0101_0101_0101_0101L;

    /**
     * {@code d[i] = x[i] - t} (or {@code t - x[i]}) is negative, eight at a time: the sign bits
     * alone, packed into one store, unless the eight differences sum to NaN; only a NaN (or
     * infinities of both signs) does that, and then the eight take the exact test, in which NaN
     * is never negative. The loop body stays small so that C2 compiles it as one piece; the
     * exact test is a call that is almost never made.
     */
    private static void belowPacked(double[] x, int off, double t, long flip, byte[] o, int oo, int n) {
        long flipAll = flip & ONES;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = off + i;
            double d0 = x[k] - t, d1 = x[k + 1] - t, d2 = x[k + 2] - t, d3 = x[k + 3] - t;
            double d4 = x[k + 4] - t, d5 = x[k + 5] - t, d6 = x[k + 6] - t, d7 = x[k + 7] - t;
            long r = signs(d0, d1, d2, d3, d4, d5, d6, d7) ^ flipAll;
            if (anyNaN(d0, d1, d2, d3, d4, d5, d6, d7)) {
                r = exactEight(x, k, t, flip, false);
            }
            EIGHT_BYTES.set(o, oo + i, r);
        }
        for (; i < n; i++) {
            o[oo + i] = (byte) negative(x[off + i] - t, flip);
        }
    }

    private static void abovePacked(double[] x, int off, double t, long flip, byte[] o, int oo, int n) {
        long flipAll = flip & ONES;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = off + i;
            double d0 = t - x[k], d1 = t - x[k + 1], d2 = t - x[k + 2], d3 = t - x[k + 3];
            double d4 = t - x[k + 4], d5 = t - x[k + 5], d6 = t - x[k + 6], d7 = t - x[k + 7];
            long r = signs(d0, d1, d2, d3, d4, d5, d6, d7) ^ flipAll;
            if (anyNaN(d0, d1, d2, d3, d4, d5, d6, d7)) {
                r = exactEight(x, k, t, flip, true);
            }
            EIGHT_BYTES.set(o, oo + i, r);
        }
        for (; i < n; i++) {
            o[oo + i] = (byte) negative(t - x[off + i], flip);
        }
    }

    /** The exact test of the eight elements from {@code x[k]}, packed as one long. */
    private static long exactEight(double[] x, int k, double t, long flip, boolean above) {
        long r = 0;
        for (int j = 0; j < 8; j++) {
            r |= negative(above ? t - x[k + j] : x[k + j] - t, flip) << (8 * j);
        }
        return r;
    }

    private static void equalPacked(double[] x, int off, double s, long flip, byte[] o, int oo, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = off + i;
            EIGHT_BYTES.set(o, oo + i, zero(x[k] - s, flip) | zero(x[k + 1] - s, flip) << 8
                    | zero(x[k + 2] - s, flip) << 16 | zero(x[k + 3] - s, flip) << 24
                    | zero(x[k + 4] - s, flip) << 32 | zero(x[k + 5] - s, flip) << 40
                    | zero(x[k + 6] - s, flip) << 48 | zero(x[k + 7] - s, flip) << 56);
        }
        for (; i < n; i++) {
            o[oo + i] = (byte) zero(x[off + i] - s, flip);
        }
    }

    /**
     * Elements per block of the checked cast: 768 KiB of source and result, so the check re-reads
     * them from the L2 cache rather than from memory (on JDK 17, the loops alone on a 4096² array
     * took 40 % less time than a whole conversion pass followed by a whole check pass).
     */
    private static final int CAST_BLOCK = 1 << 16;

    /**
     * float64 to float32 as astype does (round to nearest). With {@code check}, returns whether any
     * value changed (NaN never counts); without, returns false and reads each value once.
     */
    static boolean float64ToFloat32(double[] src, int off, float[] dst, int doff, int n, boolean check) {
        return float64ToFloat32(src, off, dst, doff, n, check, FUSED_CAST_CHECK);
    }

    /** As {@link #float64ToFloat32(double[], int, float[], int, int, boolean)}, the check fused or in blocks as asked. */
    static boolean float64ToFloat32(double[] src, int off, float[] dst, int doff, int n, boolean check, boolean fused) {
        if (!check) {
            for (int i = 0; i < n; i++) {
                dst[doff + i] = (float) src[off + i];
            }
            return false;
        }
        if (fused) {
            // One loop, whose exit branch is almost never taken (on JDK 25 faster than two).
            for (int i = 0; i < n; i++) {
                double d = src[off + i];
                float f = (float) d;
                dst[doff + i] = f;
                if (f != d && d == d) {
                    return true;
                }
            }
            return false;
        }
        for (int start = 0; start < n; start += CAST_BLOCK) {
            int end = Math.min(n, start + CAST_BLOCK);
            for (int i = start; i < end; i++) {
                dst[doff + i] = (float) src[off + i];
            }
            // A second loop with a branch that is almost never taken: on JDK 17 cheaper than
            // folding the check into the conversion loop, which then runs slower than both loops together.
            for (int i = start; i < end; i++) {
                double d = src[off + i];
                if (dst[doff + i] != d && d == d) {
                    return true;
                }
            }
        }
        return false;
    }
}
