package dev.footprint.sparse;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.DType;
import dev.footprint.array.HeapSpace;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
import dev.footprint.storage.BigStorage;
import dev.footprint.storage.Bits;
import dev.footprint.storage.HeapStorage;
import dev.footprint.storage.Storage;

/**
 * Dense to COO. One pass over the dense storage marks, 64 elements to a {@code long}, which
 * elements' bits differ from the fill value's; the stored values and then their coordinates are
 * read off the set bits of those marks. The marking and gathering loops are the storage layer's
 * ({@link Bits#mark}, {@link Bits#gatherMarked}): one loop per primitive, no branch per element
 * while marking, no boxing. The marks (one bit per element) are small enough to stay in cache.
 * The coordinates of a 2-d array come from walking the rows (positions are in C order), with no
 * division. Big storage goes a chunk at a time (positions past 2^31 and all).
 */
final class DenseToSparse {
    private DenseToSparse() {}

    /** Elements marked per pass of a big array: 2 MiB of marks, whatever the array's size. */
    static final int BIG_CHUNK = 1 << 24;

    static CooArray coo(NDArray a, NDArray fill) {
        NDArray dense = Values.run(a);
        Storage src = dense.storage();
        if (src instanceof BigStorage || dense.storageOffset() + a.size() > Integer.MAX_VALUE) {
            return cooInChunks(dense, fill);
        }
        int base = (int) dense.storageOffset();
        int n = (int) a.size();
        long fillBits = Values.bitsOf(fill);
        long[] shape = a.shape();
        long[] marks = new long[(int) ((n + 63L) >>> 6)];
        int nnz = Bits.mark(src, base, n, fillBits, marks);
        requireRoom(a.dtype(), shape, nnz, 0);
        HeapStorage values;
        long[] coords;
        if (shape.length == 2) {
            coords = new long[2 * nnz];
            values = Bits.gatherMarked2d(src, base, n, marks, nnz, shape[1], coords);
        } else {
            values = Bits.gatherMarked(src, base, n, marks, nnz);
            coords = coordinates(marks, nnz, shape);
        }
        NDArray coordArray = NDArray.wrap(DType.INT64, coords, shape.length, nnz);
        return CooArray.trusted(coordArray, NDArray.over(a.dtype(), values, nnz), fill, shape);
    }

    /**
     * COO of a contiguous array in big storage (any number of elements, past 2^31 too), a chunk of
     * elements at a time, as long as a segment (at least 64, at most {@link #BIG_CHUNK}), so the
     * marks never take more than a chunk's worth. A first pass counts the stored elements, so an
     * nnz that the COO parts cannot hold is refused before anything is allocated; a second gathers
     * them and their flat positions.
     */
    private static CooArray cooInChunks(NDArray dense, NDArray fill) {
        Storage src = dense.storage();
        long base = dense.storageOffset();
        long size = dense.size();
        long[] shape = dense.shape();
        long fillBits = Values.bitsOf(fill);
        int chunk = markChunk(src);
        long[] marks = new long[chunk >>> 6];
        long nnz = count(src, base, size, fillBits, marks);
        long limit = Storage.HEAP_ARRAY_MAX / Math.max(1, shape.length);
        if (nnz > limit) {
            throw new ArrayAllocationException("sparse.coo(a) of this " + dense.dtype() + " array of shape "
                    + Shapes.text(shape) + " would store " + nnz + " elements, more than the " + limit + " that COO "
                    + "coordinates of " + shape.length + " axes hold in one Java array; convert slices of it "
                    + "(a.slice(\"0:1000, :\")), or choose a fill value that most elements have");
        }
        requireRoom(dense.dtype(), shape, nnz, 1);   // and the flat positions, which become the coordinates
        int total = (int) nnz;
        HeapStorage values = HeapStorage.allocate(src.encoding(), total);
        long[] offsets = new long[total];
        int k = 0;
        for (long at = 0; at < size; at += chunk) {
            int n = (int) Math.min(chunk, size - at);
            int found = Bits.mark(src, base + at, n, fillBits, marks);
            if (found == 0) {
                continue;
            }
            if (found > total - k) {
                throw new java.util.ConcurrentModificationException("the array changed while sparse.coo(a) read it");
            }
            Bits.gatherMarked(src, base + at, n, marks, found).copyTo(null, 0, found, values, k);
            for (int b = 0, words = (n + 63) >>> 6; b < words; b++) {
                for (long m = marks[b]; m != 0; m &= m - 1) offsets[k++] = at + ((long) b << 6) + Long.numberOfTrailingZeros(m);
            }
        }
        if (k != total) {
            throw new java.util.ConcurrentModificationException("the array changed while sparse.coo(a) read it");
        }
        return CooArray.fromOffsets(offsets, NDArray.over(dense.dtype(), values, total), fill, shape, DType.INT64);
    }

    /** Elements marked per pass over {@code src}: as long as a segment, at least 64, at most {@link #BIG_CHUNK}. */
    private static int markChunk(Storage src) {
        long segment = src instanceof BigStorage b ? b.segmentLength() : BIG_CHUNK;
        return (int) Math.max(64, Math.min(BIG_CHUNK, segment));
    }

    /** How many of the {@code size} elements from {@code base} differ from the fill's bits, marked a chunk at a time into {@code marks}. */
    private static long count(Storage src, long base, long size, long fillBits, long[] marks) {
        int chunk = marks.length << 6;
        long nnz = 0;
        for (long at = 0; at < size; at += chunk) {
            nnz += Bits.mark(src, base + at, (int) Math.min(chunk, size - at), fillBits, marks);
        }
        return nnz;
    }

    /** How many elements of {@code a} a COO with {@code fill} stores, without gathering them. */
    static long count(NDArray a, NDArray fill) {
        NDArray dense = Values.run(a);
        return count(dense.storage(), dense.storageOffset(), a.size(), Values.bitsOf(fill),
                new long[markChunk(dense.storage()) >>> 6]);
    }

    /**
     * Refuses, before it is allocated, a COO of {@code nnz} stored elements of a {@code t} array
     * of {@code shape} that the heap cannot hold: its int64 coordinates and values, and
     * {@code extraLongs} longs per element of working space.
     */
    static void requireRoom(DType t, long[] shape, long nnz, int extraLongs) {
        long bytes = nnz * (8L * (shape.length + extraLongs) + t.itemsize());
        HeapSpace.require(bytes, "the " + nnz + " stored elements of a COO of this " + t + " array of shape "
                + Shapes.text(shape) + " (int64 coordinates and values" + (extraLongs > 0 ? ", and room to sort them)" : ")"), "keep it dense (" + Offsets.size(shape) * t.itemsize()
                + " bytes) or compressed (a.compress()), choose a fill value that most elements have, or use a larger -Xmx");
    }

    /** The coordinates of the marked elements of an array that is not 2-d, {@code ndim x nnz} in C order of the elements. */
    private static long[] coordinates(long[] marks, int nnz, long[] shape) {
        int ndim = shape.length;
        long[] coords = new long[ndim * nnz];
        if (ndim == 0) {
            return coords;
        }
        // the flat positions go to the last axis's row, then (3-d and more) are split into coordinates
        int last = (ndim - 1) * nnz;
        int k = 0;
        for (int b = 0; b < marks.length; b++) {
            for (long m = marks[b]; m != 0; m &= m - 1) coords[last + k++] = ((long) b << 6) + Long.numberOfTrailingZeros(m);
        }
        if (ndim > 2) {
            for (int e = 0; e < nnz; e++) {
                long rest = coords[last + e];
                for (int axis = ndim - 1; axis >= 0; axis--) {
                    long dim = shape[axis];
                    coords[axis * nnz + e] = rest % dim;
                    rest /= dim;
                }
            }
        }
        return coords;
    }
}
