package dev.footprint.array;

/**
 * The smallest dtype that holds every element of an array bit for bit. Unlike NumPy's
 * {@code min_scalar_type}, which looks only at the range, this checks each value: 3.1 fits
 * float16's range, but float16(3.1) is 3.099609375 (and float32(3.1) is not 3.1 either), so an array holding 3.1 stays float64.
 */
final class MinimalDType {
    private static final DType[] UNSIGNED = {DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64};
    private static final DType[] SIGNED = {DType.INT8, DType.INT16, DType.INT32, DType.INT64};
    private static final int CHUNK = OffsetCursor.CHUNK;

    private MinimalDType() {}

    static DType of(NDArray a) {
        if (a.dtype.isBool() || a.size == 0) {
            return a.dtype.isBool() ? DType.BOOL : DType.UINT8;
        }
        ElementReader reader = new ElementReader(a);
        if (a.dtype.isInteger()) {
            boolean unsigned = a.dtype == DType.UINT64;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            boolean huge = false; // a uint64 value of 2^63 or more
            long[] x = new long[CHUNK];
            for (long pos = 0; pos < a.size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, a.size - pos);
                reader.longs(x, n);
                for (int i = 0; i < n; i++) {
                    if (unsigned && x[i] < 0) {
                        huge = true;
                    } else {
                        min = Math.min(min, x[i]);
                        max = Math.max(max, x[i]);
                    }
                }
            }
            if (huge) {
                return DType.UINT64;
            }
            return integerFor(min, max);
        }
        boolean integral = true;
        boolean half = true;
        boolean single = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] x = new double[CHUNK];
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            reader.doubles(x, n);
            for (int i = 0; i < n; i++) {
                double v = x[i];
                // -0.0 would come back as 0.0 from an integer: not bit for bit.
                integral &= v == Math.rint(v) && !(v == 0 && Double.doubleToRawLongBits(v) != 0);
                half &= CastKernels.doubleSurvives(v, DType.FLOAT16);
                single &= CastKernels.doubleSurvives(v, DType.FLOAT32);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        DType best = half ? DType.FLOAT16 : single ? DType.FLOAT32 : DType.FLOAT64;
        if (best.itemsize() > a.dtype.itemsize()) {
            best = a.dtype;
        }
        // Integers only when one integer dtype spans both ends: [-1, 2^63] fits none.
        boolean spanned = max < 0x1p63 || min >= 0;
        if (integral && spanned && min >= -0x1p63 && max < 0x1p64) {
            DType integer = max >= 0x1p63 ? DType.UINT64 : integerFor((long) min, (long) max);
            if (integer.itemsize() <= best.itemsize()) {
                return integer;
            }
        }
        return best;
    }

    private static DType integerFor(long min, long max) {
        DType[] family = min >= 0 ? UNSIGNED : SIGNED;
        for (DType t : family) {
            if (t.holdsInteger(min, false) && t.holdsInteger(max, false)) {
                return t;
            }
        }
        return DType.INT64;
    }
}
