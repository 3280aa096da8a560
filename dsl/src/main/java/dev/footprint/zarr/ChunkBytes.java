package dev.footprint.zarr;

import dev.footprint.array.DType;
import dev.footprint.storage.ArrayRuns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Elements to a chunk's bytes and back, in the store's byte order. */
final class ChunkBytes {
    private ChunkBytes() {}

    /** A new primitive array of the dtype's storage holding the {@code n} elements of {@code raw}; bool bytes become 0 or 1, as NumPy reads them. */
    static Object toElements(byte[] raw, DType t, ByteOrder order, int n) {
        Object d = ArrayRuns.allocate(t.encoding(), n);
        ArrayRuns.decode(t.encoding(), ByteBuffer.wrap(raw, 0, n * t.itemsize()).order(order), d, 0, n);
        return d;
    }

    /** Puts the bytes of the {@code n} elements of the primitive array {@code data} at the start of {@code raw}. */
    static byte[] toBytes(Object data, DType t, ByteOrder order, int n, byte[] raw) {
        ArrayRuns.encode(t.encoding(), data, 0, n, ByteBuffer.wrap(raw).order(order));
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
        Rows.forEach(block, srcShape, srcOrigin, chunkShape, new int[block.length], (srcOff, chunkOff, n) ->
                ArrayRuns.encode(t.encoding(), src, srcOff, n, b.position(chunkOff * size).slice().order(order)));
    }

    /**
     * Copies the block {@code block} at {@code chunkOrigin} of a chunk's C-order bytes {@code raw}
     * (of {@code chunkShape}) into the primitive array {@code dst} (C order, {@code dstShape}) at
     * {@code dstOrigin}, row by row; bool bytes become 0 or 1.
     */
    static void getRows(byte[] raw, int[] chunkShape, int[] chunkOrigin, int[] block, Object dst, int[] dstShape,
            int[] dstOrigin, DType t, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        int size = t.itemsize();
        Rows.forEach(block, chunkShape, chunkOrigin, dstShape, dstOrigin, (chunkOff, dstOff, n) ->
                ArrayRuns.decode(t.encoding(), b.position(chunkOff * size).slice().order(order), dst, dstOff, n));
    }
}
