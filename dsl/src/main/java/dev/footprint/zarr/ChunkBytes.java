package dev.footprint.zarr;

import dev.footprint.array.DType;
import dev.footprint.storage.ArrayRuns;
import dev.footprint.storage.Storage;
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
     * Copies the elements of a C-order block of an array of {@code srcShape}, whose element 0 is
     * element {@code srcBase} of {@code src} (heap, big or mapped storage), from {@code srcOrigin}
     * into {@code raw}, a chunk's bytes in C order of {@code chunkShape}, from its first element:
     * row by row, with no copy in between.
     */
    static void putRows(Storage src, long srcBase, long[] srcShape, long[] srcOrigin, int[] block, byte[] raw, int[] chunkShape,
            ByteOrder order) {
        int size = src.encoding().itemsize();
        Rows.forEach(block, srcShape, srcOrigin, Blocks.toLongs(chunkShape), new long[block.length], (srcOff, chunkOff, n) ->
                src.encode(srcBase + srcOff, n, ByteBuffer.wrap(raw, (int) chunkOff * size, n * size).slice().order(order)));
    }

    /**
     * Copies the block {@code block} at {@code chunkOrigin} of a chunk's C-order bytes {@code raw}
     * (of {@code chunkShape}) into {@code dst}, the storage of a C-order array of {@code dstShape}
     * whose element 0 is element {@code dstBase} (heap or big storage, any size), at
     * {@code dstOrigin}, row by row; bool bytes become 0 or 1.
     */
    static void getRows(byte[] raw, int[] chunkShape, int[] chunkOrigin, int[] block, Storage dst, long dstBase, long[] dstShape,
            long[] dstOrigin, ByteOrder order) {
        int size = dst.encoding().itemsize();
        Rows.forEach(block, Blocks.toLongs(chunkShape), Blocks.toLongs(chunkOrigin), dstShape, dstOrigin, (chunkOff, dstOff, n) ->
                dst.decode(ByteBuffer.wrap(raw, (int) chunkOff * size, n * size).slice().order(order), dstBase + dstOff, n));
    }
}
