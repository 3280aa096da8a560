package dev.footprint.zarr;

import dev.footprint.array.NDArray;
import dev.footprint.storage.Storage;

/** Copies a C-order block of elements into a larger C-order array: the one loop chunks are assembled with. */
final class Blocks {
    private Blocks() {}

    /**
     * Copies {@code src} (a primitive array holding a C-order block of {@code srcShape}) into
     * {@code dst} (a primitive array of the same type, C order, {@code dstShape}) at {@code origin}.
     */
    static void place(Object src, int[] srcShape, Object dst, int[] dstShape, int[] origin) {
        long[] s = toLongs(srcShape);
        Rows.forEach(srcShape, s, new long[s.length], toLongs(dstShape), toLongs(origin),
                (from, to, n) -> System.arraycopy(src, (int) from, dst, (int) to, n));
    }

    /**
     * Copies the elements of {@code block} (any layout, the dtype of {@code out}) into {@code out}
     * at {@code origin}, row by row through the storage layer: {@code out} is a C-order array of
     * any size (heap or big storage), {@code block} a chunk's worth, copied first if it is a view.
     */
    static void place(NDArray block, NDArray out, long[] origin) {
        NDArray b = block.isContiguous() ? block : block.copy();
        Storage from = b.storage();
        Storage to = out.storage();
        long fromBase = b.storageOffset();
        long toBase = out.storageOffset();
        long[] shape = b.shape();
        Rows.forEach(toInts(shape), shape, new long[shape.length], out.shape(), origin,
                (f, t, n) -> from.copyTo(null, fromBase + f, n, to, toBase + t));
    }

    /** Sets the elements of the C-order array {@code out} in {@code block} at {@code origin} to those of {@code row}, one row of the block. */
    static void fill(NDArray row, int[] block, NDArray out, long[] origin) {
        Storage from = row.storage();
        Storage to = out.storage();
        long fromBase = row.storageOffset();
        long toBase = out.storageOffset();
        Rows.forEach(block, Blocks.toLongs(block), new long[block.length], out.shape(), origin,
                (f, t, n) -> from.copyTo(null, fromBase, n, to, toBase + t));
    }

    /** The number of elements of {@code shape}. */
    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    static int[] toInts(long[] shape) {
        int[] r = new int[shape.length];
        for (int i = 0; i < r.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("axis " + i + " of length " + shape[i] + " is longer than an in-memory"
                        + " result can be (2^31 - 1); reduce or slice the store instead");
            }
            r[i] = (int) shape[i];
        }
        return r;
    }

    static long[] toLongs(int[] shape) {
        long[] r = new long[shape.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = shape[i];
        }
        return r;
    }
}
