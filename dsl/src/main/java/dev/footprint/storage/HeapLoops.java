package dev.footprint.storage;

/**
 * The element loops over one primitive Java array, per encoding: single reads and writes in the
 * long and double lanes, and chunks of them from a contiguous run ({@code offs == null}, from
 * {@code base}) or from listed offsets. Each switches on the encoding once per chunk, never per
 * element, so every case is a tight loop the JIT vectorises. Other storage kinds copy their raw
 * elements into a primitive array and run these same loops.
 */
import java.nio.ByteBuffer;
import java.util.Arrays;

final class HeapLoops {
    private HeapLoops() {}

    // ---- single elements -------------------------------------------------------------------

    static long readLong(Encoding t, Object d, int i) {
        return switch (t) {
            case BOOL, INT8 -> ((byte[]) d)[i];
            case UINT8 -> ((byte[]) d)[i] & 0xFFL;
            case INT16 -> ((short[]) d)[i];
            case UINT16 -> ((short[]) d)[i] & 0xFFFFL;
            case INT32 -> ((int[]) d)[i];
            case UINT32 -> ((int[]) d)[i] & 0xFFFF_FFFFL;
            case INT64, UINT64 -> ((long[]) d)[i];
            case FLOAT16 -> Conversions.doubleToLongC((double) Conversions.halfToFloat(((short[]) d)[i]), 64);
            case FLOAT32 -> Conversions.doubleToLongC(((float[]) d)[i], 64);
            case FLOAT64 -> Conversions.doubleToLongC(((double[]) d)[i], 64);
        };
    }

    static double readDouble(Encoding t, Object d, int i) {
        return switch (t) {
            case BOOL, INT8 -> ((byte[]) d)[i];
            case UINT8 -> ((byte[]) d)[i] & 0xFF;
            case INT16 -> ((short[]) d)[i];
            case UINT16 -> ((short[]) d)[i] & 0xFFFF;
            case INT32 -> ((int[]) d)[i];
            case UINT32 -> ((int[]) d)[i] & 0xFFFF_FFFFL;
            case INT64 -> ((long[]) d)[i];
            case UINT64 -> Conversions.unsignedToDouble(((long[]) d)[i]);
            case FLOAT16 -> (double) Conversions.halfToFloat(((short[]) d)[i]);
            case FLOAT32 -> ((float[]) d)[i];
            case FLOAT64 -> ((double[]) d)[i];
        };
    }

    /** Writes an integer, wrapping to the dtype's width as NumPy's unsafe cast does. */
    static void writeLong(Encoding t, Object d, int i, long v) {
        switch (t) {
            case BOOL -> ((byte[]) d)[i] = (byte) (v != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) d)[i] = (byte) v;
            case INT16, UINT16 -> ((short[]) d)[i] = (short) v;
            case INT32, UINT32 -> ((int[]) d)[i] = (int) v;
            case INT64, UINT64 -> ((long[]) d)[i] = v;
            case FLOAT16 -> ((short[]) d)[i] = Conversions.halfFromDouble(v);
            case FLOAT32 -> ((float[]) d)[i] = v;
            case FLOAT64 -> ((double[]) d)[i] = v;
        }
    }

    /** Writes a double: floats round to nearest; integers convert as NumPy's unsafe cast does on x86-64. */
    static void writeDouble(Encoding t, Object d, int i, double v) {
        switch (t) {
            case BOOL -> ((byte[]) d)[i] = (byte) (v != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) d)[i] = (byte) Conversions.doubleToLongC(v, 32);
            case INT16, UINT16 -> ((short[]) d)[i] = (short) Conversions.doubleToLongC(v, 32);
            case INT32 -> ((int[]) d)[i] = (int) Conversions.doubleToLongC(v, 32);
            case UINT32 -> ((int[]) d)[i] = (int) Conversions.doubleToUint32C(v);
            case INT64 -> ((long[]) d)[i] = Conversions.doubleToLongC(v, 64);
            case UINT64 -> ((long[]) d)[i] = Conversions.doubleToUnsignedLongC(v);
            case FLOAT16 -> ((short[]) d)[i] = Conversions.halfFromDouble(v);
            case FLOAT32 -> ((float[]) d)[i] = (float) v;
            case FLOAT64 -> ((double[]) d)[i] = v;
        }
    }

    // ---- chunks ----------------------------------------------------------------------------

    /**
     * Reads {@code n} elements into {@code out}: from {@code base + offs[0..n)} when {@code offs}
     * is not null, else from the contiguous run starting at {@code base}.
     */
    static void gatherLong(Encoding t, Object d, int[] offs, int base, int n, long[] out) {
        if (t.isFloat()) {
            for (int i = 0; i < n; i++) {
                out[i] = readLong(t, d, offs == null ? base + i : base + offs[i]);
            }
            return;
        }
        switch (t) {
            case BOOL, INT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]] & 0xFFL; }
            }
            case INT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]] & 0xFFFFL; }
            }
            case INT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case UINT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFF_FFFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]] & 0xFFFF_FFFFL; }
            }
            default -> {
                long[] a = (long[]) d;
                if (offs == null) { System.arraycopy(a, base, out, 0, n); }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
        }
    }

    static void gatherDouble(Encoding t, Object d, int[] offs, int base, int n, double[] out) {
        switch (t) {
            case FLOAT64 -> {
                double[] a = (double[]) d;
                if (offs == null) { System.arraycopy(a, base, out, 0, n); }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case FLOAT32 -> {
                float[] a = (float[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case INT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case INT64 -> {
                long[] a = (long[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case INT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFF; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]] & 0xFFFF; }
            }
            case BOOL, INT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]]; }
            }
            case UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFF; }
                else { for (int i = 0; i < n; i++) out[i] = a[base + offs[i]] & 0xFF; }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = readDouble(t, d, offs == null ? base + i : base + offs[i]);
                }
            }
        }
    }

    /** Writes {@code n} integers, wrapping; to {@code base + offs[0..n)} or to the run from {@code base}. */
    static void scatterLong(Encoding t, Object d, int[] offs, int base, int n, long[] in) {
        switch (t) {
            case BOOL -> {
                byte[] a = (byte[]) d;
                for (int i = 0; i < n; i++) a[offs == null ? base + i : base + offs[i]] = (byte) (in[i] != 0 ? 1 : 0);
            }
            case INT8, UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (byte) in[i]; }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = (byte) in[i]; }
            }
            case INT16, UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (short) in[i]; }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = (short) in[i]; }
            }
            case INT32, UINT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (int) in[i]; }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = (int) in[i]; }
            }
            case INT64, UINT64 -> {
                long[] a = (long[]) d;
                if (offs == null) { System.arraycopy(in, 0, a, base, n); }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = in[i]; }
            }
            default -> {
                for (int i = 0; i < n; i++) writeLong(t, d, offs == null ? base + i : base + offs[i], in[i]);
            }
        }
    }

    static void scatterDouble(Encoding t, Object d, int[] offs, int base, int n, double[] in) {
        switch (t) {
            case FLOAT64 -> {
                double[] a = (double[]) d;
                if (offs == null) { System.arraycopy(in, 0, a, base, n); }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = in[i]; }
            }
            case FLOAT32 -> {
                float[] a = (float[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (float) in[i]; }
                else { for (int i = 0; i < n; i++) a[base + offs[i]] = (float) in[i]; }
            }
            default -> {
                for (int i = 0; i < n; i++) writeDouble(t, d, offs == null ? base + i : base + offs[i], in[i]);
            }
        }
    }


    // ---- whole runs ------------------------------------------------------------------------

    static Object newArray(Encoding.Primitive p, int n) {
        return switch (p) {
            case BYTE -> new byte[n];
            case SHORT -> new short[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
        };
    }

    /** Sets {@code d[from..from+n)}: the long lane's value for bool and integers, the double lane's for floats. */
    static void fill(Encoding t, Object d, int from, int n, long lv, double dv) {
        int to = from + n;
        switch (t) {
            case FLOAT64 -> Arrays.fill((double[]) d, from, to, dv);
            case FLOAT32 -> Arrays.fill((float[]) d, from, to, (float) dv);
            case FLOAT16 -> Arrays.fill((short[]) d, from, to, Conversions.halfFromDouble(dv));
            case INT64, UINT64 -> Arrays.fill((long[]) d, from, to, lv);
            case INT32, UINT32 -> Arrays.fill((int[]) d, from, to, (int) lv);
            case INT16, UINT16 -> Arrays.fill((short[]) d, from, to, (short) lv);
            case BOOL -> Arrays.fill((byte[]) d, from, to, (byte) (lv != 0 || dv != 0 ? 1 : 0));
            case INT8, UINT8 -> Arrays.fill((byte[]) d, from, to, (byte) lv);
        }
    }

    /** Copies the {@code n} elements in {@code buf} (byte order set on it) into {@code dst[offset..offset+n)}. */
    static void decode(Encoding t, ByteBuffer buf, Object dst, int offset, int n) {
        int at = buf.position();
        switch (t.primitive()) {
            case BYTE -> buf.get(at, (byte[]) dst, offset, n);
            case SHORT -> buf.asShortBuffer().get(0, (short[]) dst, offset, n);
            case INT -> buf.asIntBuffer().get(0, (int[]) dst, offset, n);
            case LONG -> buf.asLongBuffer().get(0, (long[]) dst, offset, n);
            case FLOAT -> buf.asFloatBuffer().get(0, (float[]) dst, offset, n);
            case DOUBLE -> buf.asDoubleBuffer().get(0, (double[]) dst, offset, n);
        }
        if (t == Encoding.BOOL) {
            normalizeBool((byte[]) dst, offset, n);
        }
    }

    /** Copies the {@code n} elements in {@code buf} to {@code dst[targets[k]]}. */
    static void decodeScatter(Encoding t, ByteBuffer buf, Object dst, int[] targets, int n) {
        int at = buf.position();
        switch (t.primitive()) {
            case BYTE -> {
                byte[] d = (byte[]) dst;
                boolean bool = t == Encoding.BOOL;
                for (int k = 0; k < n; k++) {
                    byte v = buf.get(at + k);
                    d[targets[k]] = bool ? (byte) (v != 0 ? 1 : 0) : v;
                }
            }
            case SHORT -> { short[] d = (short[]) dst; var b = buf.asShortBuffer(); for (int k = 0; k < n; k++) d[targets[k]] = b.get(k); }
            case INT -> { int[] d = (int[]) dst; var b = buf.asIntBuffer(); for (int k = 0; k < n; k++) d[targets[k]] = b.get(k); }
            case LONG -> { long[] d = (long[]) dst; var b = buf.asLongBuffer(); for (int k = 0; k < n; k++) d[targets[k]] = b.get(k); }
            case FLOAT -> { float[] d = (float[]) dst; var b = buf.asFloatBuffer(); for (int k = 0; k < n; k++) d[targets[k]] = b.get(k); }
            case DOUBLE -> { double[] d = (double[]) dst; var b = buf.asDoubleBuffer(); for (int k = 0; k < n; k++) d[targets[k]] = b.get(k); }
        }
    }

    /** Puts {@code src[offset..offset+n)} into {@code buf} from its position 0; sets its limit to the bytes written. */
    static void encode(Encoding t, Object src, int offset, int n, ByteBuffer buf) {
        buf.clear();
        switch (t.primitive()) {
            case BYTE -> buf.put(0, (byte[]) src, offset, n);
            case SHORT -> buf.asShortBuffer().put(0, (short[]) src, offset, n);
            case INT -> buf.asIntBuffer().put(0, (int[]) src, offset, n);
            case LONG -> buf.asLongBuffer().put(0, (long[]) src, offset, n);
            case FLOAT -> buf.asFloatBuffer().put(0, (float[]) src, offset, n);
            case DOUBLE -> buf.asDoubleBuffer().put(0, (double[]) src, offset, n);
        }
        buf.position(0).limit(n * t.itemsize());
    }

    /** NumPy treats any non-zero byte as True; Footprint's bool elements are exactly 0 or 1. */
    static void normalizeBool(byte[] d, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            d[i] = d[i] != 0 ? (byte) 1 : 0;
        }
    }

    /** Copies {@code src[base + offs[k]]} (or {@code src[base + k]}) to {@code dst[pos + k]}, bit for bit, for {@code k < n}. */
    static void copy(Encoding.Primitive p, Object src, int[] offs, int base, int n, Object dst, int pos) {
        if (offs == null) {
            System.arraycopy(src, base, dst, pos, n);
            return;
        }
        switch (p) {
            case BYTE -> { byte[] s = (byte[]) src, d = (byte[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
            case SHORT -> { short[] s = (short[]) src, d = (short[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
            case INT -> { int[] s = (int[]) src, d = (int[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
            case LONG -> { long[] s = (long[]) src, d = (long[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
            case FLOAT -> { float[] s = (float[]) src, d = (float[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
            case DOUBLE -> { double[] s = (double[]) src, d = (double[]) dst; for (int i = 0; i < n; i++) d[pos + i] = s[base + offs[i]]; }
        }
    }

    /** Copies {@code src[pos + k]} to {@code dst[base + offs[k]]}, bit for bit, for {@code k < n}. */
    static void scatterRaw(Encoding.Primitive p, Object src, int pos, int n, Object dst, int base, int[] offs) {
        switch (p) {
            case BYTE -> { byte[] s = (byte[]) src, d = (byte[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
            case SHORT -> { short[] s = (short[]) src, d = (short[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
            case INT -> { int[] s = (int[]) src, d = (int[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
            case LONG -> { long[] s = (long[]) src, d = (long[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
            case FLOAT -> { float[] s = (float[]) src, d = (float[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
            case DOUBLE -> { double[] s = (double[]) src, d = (double[]) dst; for (int i = 0; i < n; i++) d[base + offs[i]] = s[pos + i]; }
        }
    }

    /** Whether two runs hold the same bits (so NaN payloads and -0.0 count). */
    static boolean sameBits(Encoding.Primitive p, Object x, int xo, Object y, int yo, int n) {
        return switch (p) {
            case BYTE -> Arrays.equals((byte[]) x, xo, xo + n, (byte[]) y, yo, yo + n);
            case SHORT -> Arrays.equals((short[]) x, xo, xo + n, (short[]) y, yo, yo + n);
            case INT -> Arrays.equals((int[]) x, xo, xo + n, (int[]) y, yo, yo + n);
            case LONG -> Arrays.equals((long[]) x, xo, xo + n, (long[]) y, yo, yo + n);
            case FLOAT -> {
                float[] a = (float[]) x, b = (float[]) y;
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(a[xo + i]) != Float.floatToRawIntBits(b[yo + i])) yield false;
                }
                yield true;
            }
            case DOUBLE -> {
                double[] a = (double[]) x, b = (double[]) y;
                for (int i = 0; i < n; i++) {
                    if (Double.doubleToRawLongBits(a[xo + i]) != Double.doubleToRawLongBits(b[yo + i])) yield false;
                }
                yield true;
            }
        };
    }
}
