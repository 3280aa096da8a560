package dev.footprint.array;

import dev.footprint.storage.Storage;

/**
 * Dtype conversion. {@link Casting#SAME_VALUE} checks every element on the way and refuses the
 * whole cast at the first value that would change; the other rules check types first, then
 * convert as NumPy's {@code astype} (integers wrap, floats round, C conversion from float to int).
 */
final class CastKernels {
    private static final int CHUNK = OffsetCursor.CHUNK;

    private CastKernels() {}

    static NDArray cast(NDArray a, DType to, Casting casting) {
        Arguments.notNull(to, "target");
        Arguments.notNull(casting, "casting");
        if (!casting.allows(a.dtype, to)) {
            throw new CastNotAllowedException(a.dtype, to, casting);
        }
        if (to == a.dtype) {
            return a.copy();
        }
        boolean check = casting == Casting.SAME_VALUE;
        NDArray out = NDArray.zeros(to, a.shape.clone());
        if (a.isContiguous() && a.dtype == DType.FLOAT64 && to == DType.FLOAT32) {
            // The article's kind of cast, in direct loops; the check only re-reads on a change.
            boolean changed = RunKernels.float64ToFloat32(a, out, check);
            if (changed) {
                checkFloat64ToFloat32(a);
            }
            return out;
        }
        if (to == DType.FLOAT32 && ByteKernels.applies(a)) {
            ByteKernels.toFloat32(a, out); // every one-byte value is exact in float32: nothing to check
            return out;
        }
        ElementReader reader = new ElementReader(a);
        ResultRun run = new ResultRun(out);
        // Integers stay in the long lane even toward floats, so the check sees the exact value
        // (int64 2^53 + 1 would already be rounded in a double).
        boolean longLane = a.dtype.longLane();
        // NumPy converts float16 to uint32 through 64 bits (its half loop), not through the
        // 2^31 offset of the float32/float64 loops.
        boolean halfToUint32 = a.dtype == DType.FLOAT16 && to == DType.UINT32;
        long[] lx = longLane || halfToUint32 ? new long[CHUNK] : null;
        double[] dx = longLane ? null : new double[CHUNK];
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            if (longLane) {
                reader.longs(lx, n);
                if (check) {
                    checkLongs(a, to, lx, n, pos);
                }
                writeLongs(a.dtype == DType.UINT64, to, lx, n, out.storage, pos, run);
            } else {
                reader.doubles(dx, n);
                if (check) {
                    checkDoubles(a, to, dx, n, pos);
                }
                if (halfToUint32) {
                    for (int i = 0; i < n; i++) {
                        lx[i] = Casts.doubleToLongC(dx[i], 64);
                    }
                    out.storage.scatterLong(null, pos, n, lx);
                } else {
                    out.storage.scatterDouble(null, pos, n, dx);
                }
            }
        }
        return out;
    }

    /** Finds the first value that float32 changes, for the error message. */
    private static void checkFloat64ToFloat32(NDArray a) {
        double[] x = new double[CHUNK];
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int m = (int) Math.min(CHUNK, a.size - pos);
            a.storage.gatherDouble(null, a.offset + pos, m, x);
            checkDoubles(a, DType.FLOAT32, x, m, pos);
        }
    }

    /** Integers to any dtype: integers wrap, floats round once from the exact value. */
    private static void writeLongs(boolean unsigned, DType to, long[] x, int n, Storage out, long pos, ResultRun run) {
        int at = run.at(pos);
        switch (to) {
            case FLOAT32 -> writeLongsAsFloat32(unsigned, x, n, (float[]) run.array(), at);
            case FLOAT64 -> {
                double[] d = (double[]) run.array();
                for (int i = 0; i < n; i++) {
                    d[at + i] = unsigned ? Casts.unsignedToDouble(x[i]) : x[i];
                }
            }
            case FLOAT16 -> {
                // Through a double: exact below 2^53, and anything past 65520 is inf either way.
                short[] d = (short[]) run.array();
                for (int i = 0; i < n; i++) {
                    d[at + i] = Half.fromDouble(unsigned ? Casts.unsignedToDouble(x[i]) : x[i]);
                }
            }
            default -> {
                out.scatterLong(null, pos, n, x);
                return;
            }
        }
        run.done(pos, n);
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

    private static void checkLongs(NDArray a, DType to, long[] x, int n, long pos) {
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

    private static void checkDoubles(NDArray a, DType to, double[] x, int n, long pos) {
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

    private static LossyCastException lossy(NDArray a, DType to, long flat, String value) {
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
