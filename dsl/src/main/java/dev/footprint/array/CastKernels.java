package dev.footprint.array;

/**
 * Dtype conversion. {@link Casting#SAME_VALUE} checks every element on the way and refuses the
 * whole cast at the first value that would change; the other rules check types first, then
 * convert as NumPy's {@code astype} (integers wrap, floats round, C conversion from float to int).
 */
final class CastKernels {
    private static final int CHUNK = OffsetCursor.CHUNK;

    private CastKernels() {}

    static NDArray cast(NDArray a, DType to, Casting casting) {
        if (!casting.allows(a.dtype, to)) {
            throw new CastNotAllowedException(a.dtype, to, casting);
        }
        if (to == a.dtype) {
            return a.copy();
        }
        boolean check = casting == Casting.SAME_VALUE;
        NDArray out = NDArray.zeros(to, a.shape.clone());
        if (check && a.isContiguous() && a.dtype == DType.FLOAT64 && to == DType.FLOAT32) {
            float64ToFloat32Checked(a, out);
            return out;
        }
        OffsetCursor cursor = a.isContiguous() ? null : new OffsetCursor(a.shape, a.strides, a.offset);
        int[] offs = cursor == null ? null : new int[CHUNK];
        boolean longLane = a.dtype.longLane() && (to.longLane() || to == DType.FLOAT32);
        long[] lx = longLane ? new long[CHUNK] : null;
        double[] dx = longLane ? null : new double[CHUNK];
        for (int pos = 0; pos < a.size; pos += CHUNK) {
            int n = Math.min(CHUNK, a.size - pos);
            if (cursor != null) {
                cursor.next(offs);
            }
            if (longLane) {
                Buffers.gatherLong(a.dtype, a.data, offs, a.offset + pos, n, lx);
                if (check) {
                    checkLongs(a, to, lx, n, pos);
                }
                if (to == DType.FLOAT32) {
                    writeLongsAsFloat32(a.dtype == DType.UINT64, lx, n, (float[]) out.data, pos);
                } else {
                    Buffers.scatterLong(to, out.data, null, pos, n, lx);
                }
            } else {
                Buffers.gatherDouble(a.dtype, a.data, offs, a.offset + pos, n, dx);
                if (check) {
                    checkDoubles(a, to, dx, n, pos);
                }
                Buffers.scatterDouble(to, out.data, null, pos, n, dx);
            }
        }
        return out;
    }

    /** The benchmarked path of the article's kind of cast: one pass that converts and checks. */
    private static void float64ToFloat32Checked(NDArray a, NDArray out) {
        double[] src = (double[]) a.data;
        float[] dst = (float[]) out.data;
        int off = a.offset;
        int n = a.size;
        boolean lossy = false;
        for (int i = 0; i < n; i++) {
            double d = src[off + i];
            float f = (float) d;
            dst[i] = f;
            lossy |= f != d & d == d;
        }
        if (lossy) {
            double[] x = new double[CHUNK];
            for (int pos = 0; pos < n; pos += CHUNK) {
                int m = Math.min(CHUNK, n - pos);
                System.arraycopy(src, off + pos, x, 0, m);
                checkDoubles(a, DType.FLOAT32, x, m, pos);
            }
        }
    }

    /** Single rounding from a 64-bit integer to float32, as NumPy converts. */
    private static void writeLongsAsFloat32(boolean unsigned, long[] x, int n, float[] out, int pos) {
        for (int i = 0; i < n; i++) {
            long v = x[i];
            if (unsigned && v < 0) {
                out[pos + i] = ((v >>> 1) | (v & 1)) * 2f;
            } else {
                out[pos + i] = v;
            }
        }
    }

    private static void checkLongs(NDArray a, DType to, long[] x, int n, int pos) {
        boolean unsigned = a.dtype == DType.UINT64;
        for (int i = 0; i < n; i++) {
            if (!longSurvives(x[i], unsigned, to)) {
                throw lossy(a, to, pos + i, unsigned ? Long.toUnsignedString(x[i]) : Long.toString(x[i]));
            }
        }
    }

    /** Whether an integer converts to {@code to} and back unchanged. */
    static boolean longSurvives(long v, boolean unsigned, DType to) {
        if (to.longLane()) {
            return to.holdsInteger(v, unsigned);
        }
        // A float holds an integer exactly when its significant bits fit the significand.
        long m = unsigned || v >= 0 ? v : -v; // Long.MIN_VALUE stays 2^63 read unsigned
        if (m == 0) {
            return true;
        }
        int bits = 64 - Long.numberOfLeadingZeros(m) - Long.numberOfTrailingZeros(m);
        return switch (to) {
            case FLOAT16 -> bits <= 11 && Long.compareUnsigned(m, 65504) <= 0;
            case FLOAT32 -> bits <= 24;
            default -> bits <= 53;
        };
    }

    private static void checkDoubles(NDArray a, DType to, double[] x, int n, int pos) {
        for (int i = 0; i < n; i++) {
            if (!doubleSurvives(x[i], to)) {
                throw lossy(a, to, pos + i, ArrayFormatter.scalar(x[i], a.dtype));
            }
        }
    }

    /** Whether a float value converts to {@code to} and back to the same value (NaN stays NaN). */
    static boolean doubleSurvives(double v, DType to) {
        return switch (to) {
            case FLOAT64 -> true;
            case FLOAT32 -> (double) (float) v == v || v != v;
            case FLOAT16 -> Half.round(v) == v || v != v;
            default -> Casts.fitsInteger(v, to);
        };
    }

    private static LossyCastException lossy(NDArray a, DType to, int flat, String value) {
        long[] index = unravel(flat, a.shape);
        return new LossyCastException(a.dtype, to, index, value, MinimalDType.of(a));
    }

    static long[] unravel(long flat, int[] shape) {
        long[] index = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            index[i] = shape[i] == 0 ? 0 : flat % shape[i];
            flat = shape[i] == 0 ? flat : flat / shape[i];
        }
        return index;
    }
}
