package dev.footprint.array;

import java.math.BigInteger;
import java.util.List;

/** Builds arrays of any dtype from exact text, and reads elements back as exact text, for tests. */
final class TestArrays {
    private TestArrays() {}

    /** An array of {@code dtype} and {@code shape} holding {@code values} (C order), given as exact text. */
    static NDArray build(DType dtype, long[] shape, List<String> values) {
        int n = values.size();
        Object data = Buffers.allocate(dtype, n);
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            if (dtype.isFloat()) {
                Buffers.writeDouble(dtype, data, i, parseDouble(v));
            } else {
                // Wrapping write of the exact integer's low 64 bits: uint64 past 2^63 included.
                Buffers.writeLong(dtype, data, i, new BigInteger(v).longValue());
            }
        }
        return NDArray.wrap(dtype, data, shape);
    }

    /** Python's float text: {@code nan}, {@code inf}, {@code -inf} or a decimal. */
    static double parseDouble(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** The {@code i}-th element (C order) as exact text: 0/1 for bool, decimal integers, or the double's text. */
    static String text(NDArray a, long i) {
        DType t = a.dtype();
        if (t.isFloat()) {
            double v = a.getDoubleFlat(i);
            return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
        }
        long v = a.getLongFlat(i);
        return t == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** Whether element {@code i} of {@code a} equals the exact text {@code expected} (NaN equals NaN). */
    static boolean matches(NDArray a, long i, String expected, double relativeTolerance) {
        if (!a.dtype().isFloat()) {
            return text(a, i).equals(expected);
        }
        double e = parseDouble(expected);
        double v = a.getDoubleFlat(i);
        if (Double.isNaN(e) || Double.isNaN(v)) {
            return Double.isNaN(e) && Double.isNaN(v);
        }
        if (relativeTolerance == 0 || Double.isInfinite(e)) {
            return Double.doubleToLongBits(v) == Double.doubleToLongBits(e);
        }
        return Math.abs(v - e) <= relativeTolerance * Math.max(1, Math.abs(e));
    }
}
