package dev.footprint.array;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** In-place masked assignment, {@code a[mask] = value}. */
final class Masks {
    private Masks() {}

    static void fill(NDArray target, NDArray mask, double value) {
        long asLong = target.dtype.isInteger() ? Casts.exactLong(value, target.dtype)
                : target.dtype.isBool() ? (value != 0 ? 1 : 0) // NaN and fractions are true, as bool(0.5)
                : (long) value;
        fill(target, mask, value, asLong);
    }

    /** Writes {@code asDouble} to float targets and {@code asLong} to integer and bool targets. */
    static void fill(NDArray target, NDArray mask, double asDouble, long asLong) {
        Arguments.notNull(mask, "mask");
        if (mask.dtype != DType.BOOL) {
            throw new IllegalArgumentException("a mask must be a bool array (e.g. a.lt(0.9)), got " + mask.dtype);
        }
        int[] out = Shapes.broadcast(target.shape, mask.shape);
        if (!Arrays.equals(out, target.shape)) {
            throw new ShapeMismatchException("mask of shape " + Shapes.text(mask.shape)
                    + " does not fit an array of shape " + Shapes.text(target.shape));
        }
        if (target.isContiguous() && mask.isContiguous() && Arrays.equals(mask.shape, target.shape)
                && target.storage.onHeap() && mask.storage.onHeap()) {
            fillContiguous(target, mask.storage.bytes(), (int) mask.offset, asDouble, asLong);
            return;
        }
        long[] mStrides = Shapes.broadcastStrides(mask.shape, mask.strides, target.shape);
        OffsetCursor tc = new OffsetCursor(target.shape, target.strides, target.offset);
        ElementReader mr = new ElementReader(mask, target.shape, mStrides);
        int[] to = new int[OffsetCursor.CHUNK];
        long[] m = new long[OffsetCursor.CHUNK];
        int n;
        while ((n = tc.next(to)) > 0) {
            mr.longs(m, n);
            long base = tc.base();
            for (int i = 0; i < n; i++) {
                if (m[i] != 0) {
                    if (target.dtype.isFloat()) {
                        target.storage.writeDouble(base + to[i], asDouble);
                    } else {
                        target.storage.writeLong(base + to[i], asLong);
                    }
                }
            }
        }
    }

    /** Eight mask bytes read as one little-endian long: byte {@code j} is element {@code j}. */
    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;
    /** The high bit of every byte: the value of {@link #nonzeroBytes} when all eight are set. */
    private static final long ALL_SET = 0x8080_8080_8080_8080L;

    /** The high bit of each byte of {@code w} set exactly when that byte is not zero (any value counts as true). */
    static long nonzeroBytes(long w) {
        return (((w & LOW_SEVEN) + LOW_SEVEN) | w) & ALL_SET;
    }

    /**
     * All bits set when element {@code j} of a word's {@link #nonzeroBytes} is set, else none.
     */
    private static long selects(long nz, int j) {
        return (nz << (56 - 8 * j)) >> 63;
    }

    /**
     * The contiguous case reads the mask eight elements at a time: a word of eight false
     * elements is skipped, a word of eight true ones writes eight values without a test, and only
     * a mixed word looks at its elements one by one (float64 and int64 without a branch). On a
     * random mask (the article's {@code a < 0.9}) this replaces most of the per-element branches,
     * which mispredict, with one per word. A bool array masked by its own storage keeps the
     * element-by-element loop, so that what one write changes is what a later element reads, as
     * before.
     */
    private static void fillContiguous(NDArray t, byte[] m, int mOff, double dv, long lv) {
        // Heap storage: size and offset fit an int.
        int n = (int) t.size;
        int o = (int) t.offset;
        switch (t.dtype.storage()) {
            case DOUBLE -> fillDoubles(t.storage.doubles(), o, m, mOff, n, dv);
            case FLOAT -> fillFloats(t.storage.floats(), o, m, mOff, n, (float) dv);
            case LONG -> fillLongs(t.storage.longs(), o, m, mOff, n, lv);
            case INT -> fillInts(t.storage.ints(), o, m, mOff, n, (int) lv);
            case SHORT -> fillShorts(t.storage.shorts(), o, m, mOff, n,
                    t.dtype == DType.FLOAT16 ? Half.fromDouble(dv) : (short) lv);
            case BYTE -> {
                byte v = t.dtype == DType.BOOL ? (byte) (lv != 0 || dv != 0 ? 1 : 0) : (byte) lv;
                if (t.storage.bytes() == m) {
                    byte[] d = m;
                    for (int i = 0; i < n; i++) {
                        if (m[mOff + i] != 0) d[o + i] = v;
                    }
                } else {
                    fillBytes(t.storage.bytes(), o, m, mOff, n, v);
                }
            }
        }
    }

    private static void fillDoubles(double[] d, int o, byte[] m, int mOff, int n, double dv) {
        int words = n & ~7;
        long bits = Double.doubleToRawLongBits(dv);
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            int k = o + i;
            if (nz == ALL_SET) {
                d[k] = dv; d[k + 1] = dv; d[k + 2] = dv; d[k + 3] = dv;
                d[k + 4] = dv; d[k + 5] = dv; d[k + 6] = dv; d[k + 7] = dv;
            } else if (nz != 0) {
                // Without a branch: a mixed word's pattern is what the predictor cannot learn.
                for (int j = 0; j < 8; j++) {
                    long sel = selects(nz, j);
                    d[k + j] = Double.longBitsToDouble((Double.doubleToRawLongBits(d[k + j]) & ~sel) | (bits & sel));
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = dv;
        }
    }

    private static void fillFloats(float[] d, int o, byte[] m, int mOff, int n, float v) {
        int words = n & ~7;
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            if (nz == ALL_SET) {
                Arrays.fill(d, o + i, o + i + 8, v);
            } else if (nz != 0) {
                for (int j = 0; j < 8; j++) {
                    if (selects(nz, j) != 0) d[o + i + j] = v;
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = v;
        }
    }

    private static void fillLongs(long[] d, int o, byte[] m, int mOff, int n, long lv) {
        int words = n & ~7;
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            if (nz == ALL_SET) {
                Arrays.fill(d, o + i, o + i + 8, lv);
            } else if (nz != 0) {
                int k = o + i;
                for (int j = 0; j < 8; j++) {
                    long sel = selects(nz, j);
                    d[k + j] = (d[k + j] & ~sel) | (lv & sel);
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = lv;
        }
    }

    private static void fillInts(int[] d, int o, byte[] m, int mOff, int n, int v) {
        int words = n & ~7;
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            if (nz == ALL_SET) {
                Arrays.fill(d, o + i, o + i + 8, v);
            } else if (nz != 0) {
                for (int j = 0; j < 8; j++) {
                    if (selects(nz, j) != 0) d[o + i + j] = v;
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = v;
        }
    }

    private static void fillShorts(short[] d, int o, byte[] m, int mOff, int n, short v) {
        int words = n & ~7;
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            if (nz == ALL_SET) {
                Arrays.fill(d, o + i, o + i + 8, v);
            } else if (nz != 0) {
                for (int j = 0; j < 8; j++) {
                    if (selects(nz, j) != 0) d[o + i + j] = v;
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = v;
        }
    }

    private static void fillBytes(byte[] d, int o, byte[] m, int mOff, int n, byte v) {
        int words = n & ~7;
        for (int i = 0; i < words; i += 8) {
            long nz = nonzeroBytes((long) EIGHT_BYTES.get(m, mOff + i));
            if (nz == ALL_SET) {
                Arrays.fill(d, o + i, o + i + 8, v);
            } else if (nz != 0) {
                for (int j = 0; j < 8; j++) {
                    if (selects(nz, j) != 0) d[o + i + j] = v;
                }
            }
        }
        for (int i = words; i < n; i++) {
            if (m[mOff + i] != 0) d[o + i] = v;
        }
    }
}
