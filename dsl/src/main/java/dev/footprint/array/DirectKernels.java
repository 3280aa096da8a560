package dev.footprint.array;

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
                && outType != DType.BOOL && outType != DType.FLOAT16;
    }

    static NDArray binary(Elementwise.Op op, NDArray a, NDArray b, DType outType) {
        NDArray out = NDArray.zeros(outType, a.shape.clone());
        int n = a.size;
        int ao = a.offset;
        int bo = b.offset;
        switch (outType.storage()) {
            case DOUBLE -> doubles(op, (double[]) a.data, ao, (double[]) b.data, bo, (double[]) out.data, n);
            case FLOAT -> floats(op, (float[]) a.data, ao, (float[]) b.data, bo, (float[]) out.data, n);
            case LONG -> longs(op, (long[]) a.data, ao, (long[]) b.data, bo, (long[]) out.data, n);
            case INT -> ints(op, (int[]) a.data, ao, (int[]) b.data, bo, (int[]) out.data, n);
            case SHORT -> shorts(op, (short[]) a.data, ao, (short[]) b.data, bo, (short[]) out.data, n);
            case BYTE -> bytes(op, (byte[]) a.data, ao, (byte[]) b.data, bo, (byte[]) out.data, n);
        }
        return out;
    }

    private static void doubles(Elementwise.Op op, double[] x, int xo, double[] y, int yo, double[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            case DIV -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] / y[yo + i]; }
        }
    }

    /** float32 arithmetic in float: IEEE single operations round exactly as NumPy's float32 loops. */
    private static void floats(Elementwise.Op op, float[] x, int xo, float[] y, int yo, float[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            case DIV -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] / y[yo + i]; }
        }
    }

    private static void longs(Elementwise.Op op, long[] x, int xo, long[] y, int yo, long[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void ints(Elementwise.Op op, int[] x, int xo, int[] y, int yo, int[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = x[xo + i] * y[yo + i]; }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void shorts(Elementwise.Op op, short[] x, int xo, short[] y, int yo, short[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] + y[yo + i]); }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] - y[yo + i]); }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = (short) (x[xo + i] * y[yo + i]); }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static void bytes(Elementwise.Op op, byte[] x, int xo, byte[] y, int yo, byte[] o, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] + y[yo + i]); }
            case SUB -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] - y[yo + i]); }
            case MUL -> { for (int i = 0; i < n; i++) o[i] = (byte) (x[xo + i] * y[yo + i]); }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    private static final long MAGNITUDE = Long.MAX_VALUE;
    private static final long INFINITY_BITS = 0x7FF0_0000_0000_0000L;

    /**
     * {@code x[i] cmp s} for a contiguous float64 run and a finite {@code s}, without a branch per
     * element (a compare-and-branch on random data mispredicts often, and C2 does not vectorise
     * it). Each result comes from the bits of a difference {@code d}: its sign says which side,
     * a zero magnitude says equal, and a magnitude above infinity's says NaN, which is false for
     * every comparison but {@code NE}. With {@code s} finite, {@code d} is NaN only for a NaN
     * element; with a zero {@code s} replaced by the zero whose difference cannot be -0.0
     * ({@code x - (-0.0)} and {@code +0.0 - x}), {@code d} is never -0.0, so -0.0 and 0.0 compare
     * equal as IEEE 754 requires.
     */
    static void compareFinite(Elementwise.Cmp cmp, double[] x, int off, double s, byte[] o, int n) {
        switch (cmp) {
            // x < s: x - s negative and not NaN; x >= s: x - s non-negative and not NaN.
            case LT, GE -> {
                double t = s == 0 ? -0.0 : s;
                long flip = cmp == Elementwise.Cmp.GE ? -1L : 0L;
                for (int i = 0; i < n; i++) {
                    long b = Double.doubleToRawLongBits(x[off + i] - t);
                    long notNaN = INFINITY_BITS - (b & MAGNITUDE);
                    o[i] = (byte) (((b ^ flip) & ~notNaN) >>> 63);
                }
            }
            // x > s: s - x negative and not NaN; x <= s: s - x non-negative and not NaN.
            case GT, LE -> {
                double t = s == 0 ? 0.0 : s;
                long flip = cmp == Elementwise.Cmp.LE ? -1L : 0L;
                for (int i = 0; i < n; i++) {
                    long b = Double.doubleToRawLongBits(t - x[off + i]);
                    long notNaN = INFINITY_BITS - (b & MAGNITUDE);
                    o[i] = (byte) (((b ^ flip) & ~notNaN) >>> 63);
                }
            }
            // x == s: x - s is a zero (a NaN's magnitude is not).
            case EQ, NE -> {
                int flip = cmp == Elementwise.Cmp.NE ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    long b = Double.doubleToRawLongBits(x[off + i] - s);
                    o[i] = (byte) ((int) (((b & MAGNITUDE) - 1) >>> 63) ^ flip);
                }
            }
        }
    }

    /** Sum of a contiguous float64 run with eight accumulators: no copy, and latency hidden. */
    static double sumDoubles(double[] d, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int k = off + i;
            s0 += d[k];
            s1 += d[k + 1];
            s2 += d[k + 2];
            s3 += d[k + 3];
            s4 += d[k + 4];
            s5 += d[k + 5];
            s6 += d[k + 6];
            s7 += d[k + 7];
        }
        for (; i < n; i++) {
            s0 += d[off + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
    static boolean float64ToFloat32(double[] src, int off, float[] dst, int n, boolean check) {
        if (!check) {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) src[off + i];
            }
            return false;
        }
        for (int start = 0; start < n; start += CAST_BLOCK) {
            int end = Math.min(n, start + CAST_BLOCK);
            for (int i = start; i < end; i++) {
                dst[i] = (float) src[off + i];
            }
            // A second loop with a branch that is almost never taken: cheaper than folding the
            // check into the conversion loop, which then runs slower than both loops together.
            for (int i = start; i < end; i++) {
                double d = src[off + i];
                if (dst[i] != d && d == d) {
                    return true;
                }
            }
        }
        return false;
    }
}
