package dev.footprint.io;

import dev.footprint.array.DType;
import java.nio.ByteBuffer;

/**
 * Moves elements between a byte buffer (in the file's byte order, set on the buffer) and the
 * primitive array that stores a dtype. One switch on the storage per chunk; the buffer views do
 * the byte swapping.
 */
final class ElementCodec {
    private ElementCodec() {}

    /** Copies the {@code n} elements in {@code buf} into {@code dst[offset..offset+n)}. */
    static void decode(DType t, ByteBuffer buf, Object dst, int offset, int n) {
        switch (t.storage()) {
            case BYTE -> buf.get((byte[]) dst, offset, n);
            case SHORT -> buf.asShortBuffer().get((short[]) dst, offset, n);
            case INT -> buf.asIntBuffer().get((int[]) dst, offset, n);
            case LONG -> buf.asLongBuffer().get((long[]) dst, offset, n);
            case FLOAT -> buf.asFloatBuffer().get((float[]) dst, offset, n);
            case DOUBLE -> buf.asDoubleBuffer().get((double[]) dst, offset, n);
        }
        if (t == DType.BOOL) {
            normalizeBool((byte[]) dst, offset, n);
        }
    }

    /** Copies the {@code n} elements in {@code buf} to {@code dst[targets[k]]}. */
    static void scatter(DType t, ByteBuffer buf, Object dst, int[] targets, int n) {
        switch (t.storage()) {
            case BYTE -> {
                byte[] d = (byte[]) dst;
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = t == DType.BOOL ? (byte) (buf.get(k) != 0 ? 1 : 0) : buf.get(k);
                }
            }
            case SHORT -> {
                short[] d = (short[]) dst;
                var b = buf.asShortBuffer();
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = b.get(k);
                }
            }
            case INT -> {
                int[] d = (int[]) dst;
                var b = buf.asIntBuffer();
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = b.get(k);
                }
            }
            case LONG -> {
                long[] d = (long[]) dst;
                var b = buf.asLongBuffer();
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = b.get(k);
                }
            }
            case FLOAT -> {
                float[] d = (float[]) dst;
                var b = buf.asFloatBuffer();
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = b.get(k);
                }
            }
            case DOUBLE -> {
                double[] d = (double[]) dst;
                var b = buf.asDoubleBuffer();
                for (int k = 0; k < n; k++) {
                    d[targets[k]] = b.get(k);
                }
            }
        }
    }

    /** Puts {@code src[offset..offset+n)} into {@code buf} from its position 0; sets its limit to the bytes written. */
    static void encode(DType t, Object src, int offset, int n, ByteBuffer buf) {
        buf.clear();
        switch (t.storage()) {
            case BYTE -> buf.put((byte[]) src, offset, n);
            case SHORT -> buf.asShortBuffer().put((short[]) src, offset, n);
            case INT -> buf.asIntBuffer().put((int[]) src, offset, n);
            case LONG -> buf.asLongBuffer().put((long[]) src, offset, n);
            case FLOAT -> buf.asFloatBuffer().put((float[]) src, offset, n);
            case DOUBLE -> buf.asDoubleBuffer().put((double[]) src, offset, n);
        }
        buf.position(0).limit(n * t.itemsize());
    }

    /** NumPy treats any non-zero byte as True; Footprint's bool arrays hold exactly 0 or 1. */
    private static void normalizeBool(byte[] d, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            d[i] = d[i] != 0 ? (byte) 1 : 0;
        }
    }
}
