package dev.footprint.zarr;

import dev.footprint.array.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Elements to a chunk's bytes and back, in the store's byte order. */
final class ChunkBytes {
    private ChunkBytes() {}

    /** A new primitive array of the dtype's storage holding the {@code n} elements of {@code raw}. */
    static Object toElements(byte[] raw, DType t, ByteOrder order, int n) {
        ByteBuffer b = ByteBuffer.wrap(raw, 0, n * t.itemsize()).order(order);
        return switch (t.storage()) {
            case BYTE -> {
                byte[] d = new byte[n];
                b.get(d);
                if (t == DType.BOOL) {
                    for (int i = 0; i < n; i++) {
                        d[i] = d[i] != 0 ? (byte) 1 : 0;   // NumPy reads any non-zero byte as True
                    }
                }
                yield d;
            }
            case SHORT -> { short[] d = new short[n]; b.asShortBuffer().get(d); yield d; }
            case INT -> { int[] d = new int[n]; b.asIntBuffer().get(d); yield d; }
            case LONG -> { long[] d = new long[n]; b.asLongBuffer().get(d); yield d; }
            case FLOAT -> { float[] d = new float[n]; b.asFloatBuffer().get(d); yield d; }
            case DOUBLE -> { double[] d = new double[n]; b.asDoubleBuffer().get(d); yield d; }
        };
    }

    /** Puts the bytes of the {@code n} elements of the primitive array {@code data} at the start of {@code raw}. */
    static byte[] toBytes(Object data, DType t, ByteOrder order, int n, byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        switch (t.storage()) {
            case BYTE -> b.put((byte[]) data, 0, n);
            case SHORT -> b.asShortBuffer().put((short[]) data, 0, n);
            case INT -> b.asIntBuffer().put((int[]) data, 0, n);
            case LONG -> b.asLongBuffer().put((long[]) data, 0, n);
            case FLOAT -> b.asFloatBuffer().put((float[]) data, 0, n);
            case DOUBLE -> b.asDoubleBuffer().put((double[]) data, 0, n);
        }
        return raw;
    }

    /**
     * Copies the elements of a C-order block of {@code srcShape} inside the primitive array
     * {@code src} (at {@code srcOrigin}) into {@code raw}, a chunk's bytes in C order of
     * {@code chunkShape}, from its first element: row by row, with no copy in between.
     */
    static void putRows(Object src, int[] srcShape, int[] srcOrigin, int[] block, byte[] raw, int[] chunkShape, DType t,
            ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        int size = t.itemsize();
        Rows.forEach(block, srcShape, srcOrigin, chunkShape, new int[block.length], (srcOff, chunkOff, n) -> {
            ByteBuffer at = b.position(chunkOff * size).slice().order(order);
            switch (t.storage()) {
                case BYTE -> at.put((byte[]) src, srcOff, n);
                case SHORT -> at.asShortBuffer().put((short[]) src, srcOff, n);
                case INT -> at.asIntBuffer().put((int[]) src, srcOff, n);
                case LONG -> at.asLongBuffer().put((long[]) src, srcOff, n);
                case FLOAT -> at.asFloatBuffer().put((float[]) src, srcOff, n);
                case DOUBLE -> at.asDoubleBuffer().put((double[]) src, srcOff, n);
            }
        });
    }

    /**
     * Copies the block {@code block} at {@code chunkOrigin} of a chunk's C-order bytes {@code raw}
     * (of {@code chunkShape}) into the primitive array {@code dst} (C order, {@code dstShape}) at
     * {@code dstOrigin}, row by row.
     */
    static void getRows(byte[] raw, int[] chunkShape, int[] chunkOrigin, int[] block, Object dst, int[] dstShape,
            int[] dstOrigin, DType t, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        int size = t.itemsize();
        Rows.forEach(block, chunkShape, chunkOrigin, dstShape, dstOrigin, (chunkOff, dstOff, n) -> {
            ByteBuffer at = b.position(chunkOff * size).slice().order(order);
            switch (t.storage()) {
                case BYTE -> {
                    at.get((byte[]) dst, dstOff, n);
                    if (t == DType.BOOL) {
                        byte[] d = (byte[]) dst;
                        for (int i = dstOff; i < dstOff + n; i++) {
                            d[i] = d[i] != 0 ? (byte) 1 : 0;
                        }
                    }
                }
                case SHORT -> at.asShortBuffer().get((short[]) dst, dstOff, n);
                case INT -> at.asIntBuffer().get((int[]) dst, dstOff, n);
                case LONG -> at.asLongBuffer().get((long[]) dst, dstOff, n);
                case FLOAT -> at.asFloatBuffer().get((float[]) dst, dstOff, n);
                case DOUBLE -> at.asDoubleBuffer().get((double[]) dst, dstOff, n);
            }
        });
    }
}
