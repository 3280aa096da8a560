package dev.footprint.storage;

import java.util.Arrays;

/**
 * The bits-lane loops over one primitive array: each element as the raw bits of its primitive in
 * a {@code long}, zero-extended (float bits read raw, so NaN payloads and -0.0 survive). Each
 * switches on the primitive once per call, never per element.
 */
final class BitLoops {
    private BitLoops() {}

    /** {@code out[pos + i]} = the bits of {@code src[from + i]}, for {@code i < n}. */
    static void read(Encoding.Primitive p, Object src, int from, int n, long[] out, int pos) {
        switch (p) {
            case BYTE -> { byte[] s = (byte[]) src; for (int i = 0; i < n; i++) out[pos + i] = s[from + i] & 0xFFL; }
            case SHORT -> { short[] s = (short[]) src; for (int i = 0; i < n; i++) out[pos + i] = s[from + i] & 0xFFFFL; }
            case INT -> { int[] s = (int[]) src; for (int i = 0; i < n; i++) out[pos + i] = s[from + i] & 0xFFFF_FFFFL; }
            case LONG -> System.arraycopy(src, from, out, pos, n);
            case FLOAT -> {
                float[] s = (float[]) src;
                for (int i = 0; i < n; i++) out[pos + i] = Float.floatToRawIntBits(s[from + i]) & 0xFFFF_FFFFL;
            }
            case DOUBLE -> { double[] s = (double[]) src; for (int i = 0; i < n; i++) out[pos + i] = Double.doubleToRawLongBits(s[from + i]); }
        }
    }

    /** {@code dst[pos + i]} = the low bits of {@code bits[from + i]}, for {@code i < n}. */
    static void write(Encoding.Primitive p, long[] bits, int from, int n, Object dst, int pos) {
        switch (p) {
            case BYTE -> { byte[] d = (byte[]) dst; for (int i = 0; i < n; i++) d[pos + i] = (byte) bits[from + i]; }
            case SHORT -> { short[] d = (short[]) dst; for (int i = 0; i < n; i++) d[pos + i] = (short) bits[from + i]; }
            case INT -> { int[] d = (int[]) dst; for (int i = 0; i < n; i++) d[pos + i] = (int) bits[from + i]; }
            case LONG -> System.arraycopy(bits, from, dst, pos, n);
            case FLOAT -> {
                float[] d = (float[]) dst;
                for (int i = 0; i < n; i++) d[pos + i] = Float.intBitsToFloat((int) bits[from + i]);
            }
            case DOUBLE -> { double[] d = (double[]) dst; for (int i = 0; i < n; i++) d[pos + i] = Double.longBitsToDouble(bits[from + i]); }
        }
    }

    /** Sets {@code d[from..to)} to the low bits of {@code bits}. */
    static void fill(Encoding.Primitive p, Object d, int from, int to, long bits) {
        switch (p) {
            case BYTE -> Arrays.fill((byte[]) d, from, to, (byte) bits);
            case SHORT -> Arrays.fill((short[]) d, from, to, (short) bits);
            case INT -> Arrays.fill((int[]) d, from, to, (int) bits);
            case LONG -> Arrays.fill((long[]) d, from, to, bits);
            case FLOAT -> Arrays.fill((float[]) d, from, to, Float.intBitsToFloat((int) bits));
            case DOUBLE -> Arrays.fill((double[]) d, from, to, Double.longBitsToDouble(bits));
        }
    }

    /**
     * Copies {@code src[from + k]} to {@code dst[xy[k] * cols + xy[n + k]]} for {@code k < n}: rows
     * in {@code xy[0, n)}, columns in {@code xy[n, 2n)}, the offsets computed in the loop.
     */
    static void scatter2d(Encoding.Primitive p, Object src, int from, int n, Object dst, long[] xy, long cols) {
        switch (p) {
            case BYTE -> {
                byte[] d = (byte[]) dst, s = (byte[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
            case SHORT -> {
                short[] d = (short[]) dst, s = (short[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
            case INT -> {
                int[] d = (int[]) dst, s = (int[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
            case LONG -> {
                long[] d = (long[]) dst, s = (long[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
            case FLOAT -> {
                float[] d = (float[]) dst, s = (float[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
            case DOUBLE -> {
                double[] d = (double[]) dst, s = (double[]) src;
                for (int k = 0; k < n; k++) d[(int) (xy[k] * cols + xy[n + k])] = s[from + k];
            }
        }
    }
}
