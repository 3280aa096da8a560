package dev.footprint.array;

import java.util.Arrays;

/**
 * The one place that knows how each dtype sits in its primitive array. Everything else moves
 * values through two lanes: {@code long} (bool and integers, unsigned as their bits) and
 * {@code double} (anything). Loops here switch on the dtype once per chunk, never per element.
 */
final class Buffers {
    /** Below this many bytes the heap check is skipped: asking the runtime costs more than such an array. */
    private static final long CHECKED_BYTES = 1 << 20;

    private Buffers() {}

    /** A new zeroed primitive array for {@code n} elements, refused up front if the heap cannot hold it. */
    static Object allocate(DType t, int n) {
        checkHeap((long) n * t.itemsize(), t, n);
        return switch (t.storage()) {
            case BYTE -> new byte[n];
            case SHORT -> new short[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
        };
    }

    /**
     * A new primitive array holding {@code n} elements of {@code d} from {@code from}. The JIT
     * allocates a copy without zeroing it first, so this is one pass where allocate-then-copy is two.
     */
    static Object copyOf(DType t, Object d, int from, int n) {
        checkHeap((long) n * t.itemsize(), t, n);
        return switch (t.storage()) {
            case BYTE -> Arrays.copyOfRange((byte[]) d, from, from + n);
            case SHORT -> Arrays.copyOfRange((short[]) d, from, from + n);
            case INT -> Arrays.copyOfRange((int[]) d, from, from + n);
            case LONG -> Arrays.copyOfRange((long[]) d, from, from + n);
            case FLOAT -> Arrays.copyOfRange((float[]) d, from, from + n);
            case DOUBLE -> Arrays.copyOfRange((double[]) d, from, from + n);
        };
    }

    /** Wraps a primitive array that the caller hands over (it must match the dtype's storage). */
    static Object adopt(DType t, Object data, int n) {
        int length = data == null ? 0 : length(data);
        boolean matches = switch (t.storage()) {
            case BYTE -> data instanceof byte[];
            case SHORT -> data instanceof short[];
            case INT -> data instanceof int[];
            case LONG -> data instanceof long[];
            case FLOAT -> data instanceof float[];
            case DOUBLE -> data instanceof double[];
        };
        if (!matches || length < n) {
            throw new IllegalArgumentException(t + " needs a " + t.storage().name().toLowerCase() + "[] of at least "
                    + n + " elements, got " + (data == null ? "null" : data.getClass().getSimpleName() + " of " + length));
        }
        if (t.isBool()) {
            // A bool is one byte holding 0 or 1, as NumPy's loaders make it; any other byte is true.
            byte[] b = (byte[]) data;
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (b[i] != 0 ? 1 : 0);
            }
        }
        return data;
    }

    static int length(Object data) {
        return java.lang.reflect.Array.getLength(data);
    }

    private static void checkHeap(long bytes, DType t, int n) {
        if (bytes < CHECKED_BYTES) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (bytes > available) {
                throw new ArrayAllocationException("cannot allocate " + bytes + " bytes for " + n + " elements of "
                        + t + ": " + available + " bytes of the heap are available (max heap " + rt.maxMemory()
                        + "); use a smaller dtype, a sparse array, or a larger -Xmx");
            }
        }
    }

    // ---- single elements -------------------------------------------------------------------

    static long readLong(DType t, Object d, int i) {
        return switch (t) {
            case BOOL, INT8 -> ((byte[]) d)[i];
            case UINT8 -> ((byte[]) d)[i] & 0xFFL;
            case INT16 -> ((short[]) d)[i];
            case UINT16 -> ((short[]) d)[i] & 0xFFFFL;
            case INT32 -> ((int[]) d)[i];
            case UINT32 -> ((int[]) d)[i] & 0xFFFF_FFFFL;
            case INT64, UINT64 -> ((long[]) d)[i];
            case FLOAT16 -> Casts.doubleToLongC(Half.toDouble(((short[]) d)[i]), 64);
            case FLOAT32 -> Casts.doubleToLongC(((float[]) d)[i], 64);
            case FLOAT64 -> Casts.doubleToLongC(((double[]) d)[i], 64);
        };
    }

    static double readDouble(DType t, Object d, int i) {
        return switch (t) {
            case BOOL, INT8 -> ((byte[]) d)[i];
            case UINT8 -> ((byte[]) d)[i] & 0xFF;
            case INT16 -> ((short[]) d)[i];
            case UINT16 -> ((short[]) d)[i] & 0xFFFF;
            case INT32 -> ((int[]) d)[i];
            case UINT32 -> ((int[]) d)[i] & 0xFFFF_FFFFL;
            case INT64 -> ((long[]) d)[i];
            case UINT64 -> Casts.unsignedToDouble(((long[]) d)[i]);
            case FLOAT16 -> Half.toDouble(((short[]) d)[i]);
            case FLOAT32 -> ((float[]) d)[i];
            case FLOAT64 -> ((double[]) d)[i];
        };
    }

    /** Writes an integer, wrapping to the dtype's width as NumPy's unsafe cast does. */
    static void writeLong(DType t, Object d, int i, long v) {
        switch (t) {
            case BOOL -> ((byte[]) d)[i] = (byte) (v != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) d)[i] = (byte) v;
            case INT16, UINT16 -> ((short[]) d)[i] = (short) v;
            case INT32, UINT32 -> ((int[]) d)[i] = (int) v;
            case INT64, UINT64 -> ((long[]) d)[i] = v;
            case FLOAT16 -> ((short[]) d)[i] = Half.fromDouble(v);
            case FLOAT32 -> ((float[]) d)[i] = v;
            case FLOAT64 -> ((double[]) d)[i] = v;
        }
    }

    /** Writes a double: floats round to nearest; integers convert as NumPy's unsafe cast does on x86-64. */
    static void writeDouble(DType t, Object d, int i, double v) {
        switch (t) {
            case BOOL -> ((byte[]) d)[i] = (byte) (v != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) d)[i] = (byte) Casts.doubleToLongC(v, 32);
            case INT16, UINT16 -> ((short[]) d)[i] = (short) Casts.doubleToLongC(v, 32);
            case INT32 -> ((int[]) d)[i] = (int) Casts.doubleToLongC(v, 32);
            case UINT32 -> ((int[]) d)[i] = (int) Casts.doubleToUint32C(v);
            case INT64 -> ((long[]) d)[i] = Casts.doubleToLongC(v, 64);
            case UINT64 -> ((long[]) d)[i] = Casts.doubleToUnsignedLongC(v);
            case FLOAT16 -> ((short[]) d)[i] = Half.fromDouble(v);
            case FLOAT32 -> ((float[]) d)[i] = (float) v;
            case FLOAT64 -> ((double[]) d)[i] = v;
        }
    }

    // ---- chunks ----------------------------------------------------------------------------

    /**
     * Reads {@code n} elements into {@code out}: from {@code offs[0..n)} when {@code offs} is not
     * null, else from the contiguous run starting at {@code base}.
     */
    static void gatherLong(DType t, Object d, int[] offs, int base, int n, long[] out) {
        if (!t.longLane()) {
            for (int i = 0; i < n; i++) {
                out[i] = readLong(t, d, offs == null ? base + i : offs[i]);
            }
            return;
        }
        switch (t) {
            case BOOL, INT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]] & 0xFFL; }
            }
            case INT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]] & 0xFFFFL; }
            }
            case INT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case UINT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFF_FFFFL; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]] & 0xFFFF_FFFFL; }
            }
            default -> {
                long[] a = (long[]) d;
                if (offs == null) { System.arraycopy(a, base, out, 0, n); }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
        }
    }

    static void gatherDouble(DType t, Object d, int[] offs, int base, int n, double[] out) {
        switch (t) {
            case FLOAT64 -> {
                double[] a = (double[]) d;
                if (offs == null) { System.arraycopy(a, base, out, 0, n); }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case FLOAT32 -> {
                float[] a = (float[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case INT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case INT64 -> {
                long[] a = (long[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case INT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFFFF; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]] & 0xFFFF; }
            }
            case BOOL, INT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i]; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]]; }
            }
            case UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) out[i] = a[base + i] & 0xFF; }
                else { for (int i = 0; i < n; i++) out[i] = a[offs[i]] & 0xFF; }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = readDouble(t, d, offs == null ? base + i : offs[i]);
                }
            }
        }
    }

    /** Writes {@code n} integers, wrapping; to {@code offs[0..n)} or to the run from {@code base}. */
    static void scatterLong(DType t, Object d, int[] offs, int base, int n, long[] in) {
        switch (t) {
            case BOOL -> {
                byte[] a = (byte[]) d;
                for (int i = 0; i < n; i++) a[offs == null ? base + i : offs[i]] = (byte) (in[i] != 0 ? 1 : 0);
            }
            case INT8, UINT8 -> {
                byte[] a = (byte[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (byte) in[i]; }
                else { for (int i = 0; i < n; i++) a[offs[i]] = (byte) in[i]; }
            }
            case INT16, UINT16 -> {
                short[] a = (short[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (short) in[i]; }
                else { for (int i = 0; i < n; i++) a[offs[i]] = (short) in[i]; }
            }
            case INT32, UINT32 -> {
                int[] a = (int[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (int) in[i]; }
                else { for (int i = 0; i < n; i++) a[offs[i]] = (int) in[i]; }
            }
            case INT64, UINT64 -> {
                long[] a = (long[]) d;
                if (offs == null) { System.arraycopy(in, 0, a, base, n); }
                else { for (int i = 0; i < n; i++) a[offs[i]] = in[i]; }
            }
            default -> {
                for (int i = 0; i < n; i++) writeLong(t, d, offs == null ? base + i : offs[i], in[i]);
            }
        }
    }

    static void scatterDouble(DType t, Object d, int[] offs, int base, int n, double[] in) {
        switch (t) {
            case FLOAT64 -> {
                double[] a = (double[]) d;
                if (offs == null) { System.arraycopy(in, 0, a, base, n); }
                else { for (int i = 0; i < n; i++) a[offs[i]] = in[i]; }
            }
            case FLOAT32 -> {
                float[] a = (float[]) d;
                if (offs == null) { for (int i = 0; i < n; i++) a[base + i] = (float) in[i]; }
                else { for (int i = 0; i < n; i++) a[offs[i]] = (float) in[i]; }
            }
            default -> {
                for (int i = 0; i < n; i++) writeDouble(t, d, offs == null ? base + i : offs[i], in[i]);
            }
        }
    }
}
