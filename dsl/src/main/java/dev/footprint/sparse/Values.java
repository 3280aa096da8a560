package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * Moves stored values through a "bits lane": every element as the raw bits of its storage in a
 * {@code long} (zero-extended). Equality in this lane is bit equality, which is what decides
 * whether an element is missing (equal to the fill value): NaN payloads and -0.0 survive.
 * Loops switch on the storage once per call, never per element.
 */
final class Values {
    private Values() {}

    /** Raw bits of every element of {@code values} in C order. */
    static long[] bits(NDArray values) {
        Object src = values.contiguousData();
        int n = (int) values.size();
        long[] out = new long[n];
        switch (values.dtype().storage()) {
            case BYTE -> {
                byte[] s = (byte[]) src;
                for (int i = 0; i < n; i++) out[i] = s[i] & 0xFFL;
            }
            case SHORT -> {
                short[] s = (short[]) src;
                for (int i = 0; i < n; i++) out[i] = s[i] & 0xFFFFL;
            }
            case INT -> {
                int[] s = (int[]) src;
                for (int i = 0; i < n; i++) out[i] = s[i] & 0xFFFF_FFFFL;
            }
            case LONG -> System.arraycopy((long[]) src, 0, out, 0, n);
            case FLOAT -> {
                float[] s = (float[]) src;
                for (int i = 0; i < n; i++) out[i] = Float.floatToRawIntBits(s[i]) & 0xFFFF_FFFFL;
            }
            case DOUBLE -> {
                double[] s = (double[]) src;
                for (int i = 0; i < n; i++) out[i] = Double.doubleToRawLongBits(s[i]);
            }
        }
        return out;
    }

    /** Raw bits of the one element of a one-element array (a fill value). */
    static long bitsOf(NDArray one) {
        return bits(one)[0];
    }

    /** A new array of {@code dtype} and {@code shape} whose elements have the given raw bits. */
    static NDArray fromBits(DType dtype, long[] bits, int n, long... shape) {
        Object data = switch (dtype.storage()) {
            case BYTE -> {
                byte[] d = new byte[n];
                for (int i = 0; i < n; i++) d[i] = (byte) bits[i];
                yield d;
            }
            case SHORT -> {
                short[] d = new short[n];
                for (int i = 0; i < n; i++) d[i] = (short) bits[i];
                yield d;
            }
            case INT -> {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) d[i] = (int) bits[i];
                yield d;
            }
            case LONG -> java.util.Arrays.copyOf(bits, n);
            case FLOAT -> {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) d[i] = Float.intBitsToFloat((int) bits[i]);
                yield d;
            }
            case DOUBLE -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = Double.longBitsToDouble(bits[i]);
                yield d;
            }
        };
        return NDArray.wrap(dtype, data, shape);
    }

    /** A 1-d array of the given raw bits. */
    static NDArray vector(DType dtype, long[] bits, int n) {
        return fromBits(dtype, bits, n, n);
    }

    /** A one-element 1-d array holding {@code bits}. */
    static NDArray scalar(DType dtype, long bits) {
        return fromBits(dtype, new long[] {bits}, 1, 1);
    }

    /** The 0-d array holding {@code bits}, the shape reductions return. */
    static NDArray zeroDim(DType dtype, long bits) {
        return fromBits(dtype, new long[] {bits}, 1);
    }

    /** Elements {@code values[index[k]]} for each k, as a new 1-d array (a primitive gather, no boxing). */
    static NDArray take(NDArray values, int[] index) {
        Object src = values.contiguousData();
        int n = index.length;
        Object data = switch (values.dtype().storage()) {
            case BYTE -> {
                byte[] s = (byte[]) src;
                byte[] d = new byte[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
            case SHORT -> {
                short[] s = (short[]) src;
                short[] d = new short[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
            case INT -> {
                int[] s = (int[]) src;
                int[] d = new int[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
            case LONG -> {
                long[] s = (long[]) src;
                long[] d = new long[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
            case FLOAT -> {
                float[] s = (float[]) src;
                float[] d = new float[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
            case DOUBLE -> {
                double[] s = (double[]) src;
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = s[index[i]];
                yield d;
            }
        };
        return NDArray.wrap(values.dtype(), data, n);
    }

    /** The stored values followed by the fill value: the set whose smallest lossless dtype a compact array may use. */
    static NDArray withFill(NDArray data, NDArray fill) {
        long[] b = bits(data);
        long[] all = java.util.Arrays.copyOf(b, b.length + 1);
        all[b.length] = bitsOf(fill);
        return vector(data.dtype(), all, all.length);
    }

    /** A one-element array of {@code dtype} holding {@code value}; refuses values the dtype cannot hold exactly. */
    static NDArray fillOf(DType dtype, double value) {
        NDArray f = NDArray.allocate(dtype, 1);
        f.set(value, 0);
        double stored = f.getDoubleFlat(0);
        boolean same = Double.isNaN(value) ? Double.isNaN(stored)
                : Double.doubleToRawLongBits(stored) == Double.doubleToRawLongBits(value);
        if (dtype.isFloat() && !same) {
            throw new IllegalArgumentException("fill value " + value + " is not exactly representable in " + dtype
                    + " (it becomes " + f.getDoubleFlat(0) + "); pick a fill value the dtype holds");
        }
        return f;
    }

    /** A one-element array of {@code dtype} holding the integer {@code value} (range-checked by the engine). */
    static NDArray fillOf(DType dtype, long value) {
        NDArray f = NDArray.allocate(dtype, 1);
        if (dtype.isBool()) {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("a bool array's fill value must be 0 or 1, not " + value);
            }
            f.set(value != 0, 0);
        } else {
            f.set(value, 0);
        }
        return f;
    }
}
