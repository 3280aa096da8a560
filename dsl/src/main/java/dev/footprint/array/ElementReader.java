package dev.footprint.array;

import dev.footprint.storage.Storage;

/**
 * Reads an array's elements in C order, a chunk at a time, into the long or double lane: a
 * contiguous array as runs of its storage, any other (a strided view, or an operand broadcast to
 * a larger shape) through an {@link OffsetCursor}. Each call reads the next {@code n} elements.
 */
final class ElementReader {
    private final Storage storage;
    private final long offset;
    private final OffsetCursor cursor;
    private final int[] offs;
    private long pos;
    private long[] spareLongs;
    private double[] spareDoubles;

    /** Reads {@code a} in its own shape. */
    ElementReader(NDArray a) {
        this(a, a.shape, a.isContiguous() ? null : a.strides);
    }

    /** Reads {@code a} with {@code strides} over {@code shape}, or as one contiguous run when {@code strides} is null. */
    ElementReader(NDArray a, int[] shape, long[] strides) {
        this.storage = a.storage;
        this.offset = a.offset;
        this.cursor = strides == null ? null : new OffsetCursor(shape, strides, a.offset);
        this.offs = cursor == null ? null : new int[OffsetCursor.CHUNK];
    }

    /** The next {@code n} elements (at most {@link OffsetCursor#CHUNK}) into the long lane. */
    void longs(long[] out, int n) {
        if (cursor == null) {
            storage.gatherLong(null, offset + pos, n, out);
            pos += n;
            return;
        }
        int got = cursor.next(offs, n);
        storage.gatherLong(offs, cursor.base(), got, out);
        if (got < n) {
            // A chunk cut where offsets leave int range: the rest arrives in further pieces.
            if (spareLongs == null) {
                spareLongs = new long[OffsetCursor.CHUNK];
            }
            for (int done = got; done < n; done += got) {
                got = cursor.next(offs, n - done);
                storage.gatherLong(offs, cursor.base(), got, spareLongs);
                System.arraycopy(spareLongs, 0, out, done, got);
            }
        }
    }

    /** The next {@code n} elements (at most {@link OffsetCursor#CHUNK}) into the double lane. */
    void doubles(double[] out, int n) {
        if (cursor == null) {
            storage.gatherDouble(null, offset + pos, n, out);
            pos += n;
            return;
        }
        int got = cursor.next(offs, n);
        storage.gatherDouble(offs, cursor.base(), got, out);
        if (got < n) {
            if (spareDoubles == null) {
                spareDoubles = new double[OffsetCursor.CHUNK];
            }
            for (int done = got; done < n; done += got) {
                got = cursor.next(offs, n - done);
                storage.gatherDouble(offs, cursor.base(), got, spareDoubles);
                System.arraycopy(spareDoubles, 0, out, done, got);
            }
        }
    }
}
