package dev.footprint.array;

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
        if (mask.dtype != DType.BOOL) {
            throw new IllegalArgumentException("a mask must be a bool array (e.g. a.lt(0.9)), got " + mask.dtype);
        }
        int[] out = Shapes.broadcast(target.shape, mask.shape);
        if (!Arrays.equals(out, target.shape)) {
            throw new ShapeMismatchException("mask of shape " + Shapes.text(mask.shape)
                    + " does not fit an array of shape " + Shapes.text(target.shape));
        }
        if (target.isContiguous() && mask.isContiguous() && Arrays.equals(mask.shape, target.shape)) {
            fillContiguous(target, (byte[]) mask.data, mask.offset, asDouble, asLong);
            return;
        }
        int[] mStrides = Shapes.broadcastStrides(mask.shape, mask.strides, target.shape);
        OffsetCursor tc = new OffsetCursor(target.shape, target.strides, target.offset);
        OffsetCursor mc = new OffsetCursor(target.shape, mStrides, mask.offset);
        int[] to = new int[OffsetCursor.CHUNK];
        int[] mo = new int[OffsetCursor.CHUNK];
        byte[] m = (byte[]) mask.data;
        int n;
        while ((n = tc.next(to)) > 0) {
            mc.next(mo);
            for (int i = 0; i < n; i++) {
                if (m[mo[i]] != 0) {
                    if (target.dtype.isFloat()) {
                        Buffers.writeDouble(target.dtype, target.data, to[i], asDouble);
                    } else {
                        Buffers.writeLong(target.dtype, target.data, to[i], asLong);
                    }
                }
            }
        }
    }

    private static void fillContiguous(NDArray t, byte[] m, int mOff, double dv, long lv) {
        int n = t.size;
        int o = t.offset;
        switch (t.dtype.storage()) {
            case DOUBLE -> {
                double[] d = (double[]) t.data;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = dv;
                }
            }
            case FLOAT -> {
                float[] d = (float[]) t.data;
                float v = (float) dv;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = v;
                }
            }
            case LONG -> {
                long[] d = (long[]) t.data;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = lv;
                }
            }
            case INT -> {
                int[] d = (int[]) t.data;
                int v = (int) lv;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = v;
                }
            }
            case SHORT -> {
                short[] d = (short[]) t.data;
                short v = t.dtype == DType.FLOAT16 ? Half.fromDouble(dv) : (short) lv;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = v;
                }
            }
            case BYTE -> {
                byte[] d = (byte[]) t.data;
                byte v = t.dtype == DType.BOOL ? (byte) (lv != 0 || dv != 0 ? 1 : 0) : (byte) lv;
                for (int i = 0; i < n; i++) {
                    if (m[mOff + i] != 0) d[o + i] = v;
                }
            }
        }
    }
}
