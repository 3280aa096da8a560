package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.Bits;

/**
 * COO to dense: fill the new array with the fill value's bits (skipped when they are zero, since
 * new arrays are zeroed), then write each stored value at its C-order offset, bit for bit, with
 * the storage layer's loops ({@link Bits#fill}, {@link Bits#scatter}). The offsets of a 2-d array
 * with int64 coordinates (the default) are computed in the loop from the coordinates in place,
 * with no array of offsets in between ({@link Bits#scatter2d}).
 */
final class SparseToDense {
    private SparseToDense() {}

    static NDArray todense(CooArray c) {
        NDArray out = NDArray.allocate(c.dtype(), c.shape);
        long fillBits = Values.bitsOf(c.fill);
        int nnz = (int) c.nnz();
        NDArray data = Values.run(c.data());
        long base = data.storageOffset();
        if (fillBits != 0) {
            Bits.fill(out.storage(), fillBits);
        }
        NDArray coords = c.coords();
        if (out.size() > Integer.MAX_VALUE) {
            scatterPastInt(data, nnz, out, c.offsets());
        } else if (c.ndim() == 2 && coords.dtype() == DType.INT64) {
            // the dense array has fewer than 2^31 elements, so every offset fits an int
            Bits.scatter2d(data.storage(), (int) base, nnz, out.storage(), IndexArrays.longs(coords), c.shape[1]);
        } else {
            Bits.scatter(data.storage(), base, nnz, out.storage(), positions(c, nnz));
        }
        return out;
    }

    /**
     * Writes the stored values at their offsets in a dense array of 2^31 elements or more: the
     * offsets are in C order, so they go in runs whose offsets lie within 2^31 of the run's first.
     */
    private static void scatterPastInt(NDArray data, int nnz, NDArray out, long[] offsets) {
        int[] at = new int[nnz];
        for (int from = 0; from < nnz; ) {
            long first = offsets[from];
            int to = from;
            while (to < nnz && offsets[to] - first <= Integer.MAX_VALUE) {
                at[to] = (int) (offsets[to] - first);
                to++;
            }
            int[] run = from == 0 && to == nnz ? at : java.util.Arrays.copyOfRange(at, from, to);
            Bits.scatter(data.storage(), data.storageOffset() + from, to - from, out.storage(), first, run);
            from = to;
        }
    }

    /** Flat offsets of the stored values; the dense array has fewer than 2^31 elements, so they fit an int. */
    private static int[] positions(CooArray c, int nnz) {
        int[] at = new int[nnz];
        long[] offsets = c.offsets();
        for (int k = 0; k < nnz; k++) at[k] = (int) offsets[k];
        return at;
    }
}
