package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
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
 * division.
 */
final class DenseToSparse {
    private DenseToSparse() {}

    static CooArray coo(NDArray a, NDArray fill) {
        if (a.size() > Shapes.MAX_SIZE) {
            throw new ArrayAllocationException("sparse.coo(a) of this " + a.dtype() + " array of shape "
                    + Shapes.text(a.shape()) + " would mark " + a.size() + " elements, more than the " + Shapes.MAX_SIZE
                    + " one conversion handles; convert slices of at most that many elements (a.slice(\"0:1000, :\"))");
        }
        NDArray dense = Values.run(a);
        if (dense.storageOffset() + a.size() > Integer.MAX_VALUE) {
            dense = a.copy(); // a view deep in a big array: its own heap copy starts at 0
        }
        Storage src = dense.storage();
        int base = (int) dense.storageOffset();
        int n = (int) a.size();
        long fillBits = Values.bitsOf(fill);
        long[] shape = a.shape();
        long[] marks = new long[(int) ((n + 63L) >>> 6)];
        int nnz = Bits.mark(src, base, n, fillBits, marks);
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
        return new CooArray(coordArray, NDArray.over(a.dtype(), values, nnz), fill, shape, true);
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
