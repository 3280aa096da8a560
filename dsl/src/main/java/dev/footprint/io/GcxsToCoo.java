package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns pydata's GCXS of any number of dimensions into a COO. GCXS moves the compressed axes to
 * the front, flattens them into rows and the other axes into columns, and stores that matrix as
 * CSR; this undoes each step per stored value.
 */
final class GcxsToCoo {
    private GcxsToCoo() {}

    static CooArray convert(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape,
                            long[] compressedAxes, String file) {
        int ndim = shape.length;
        int[] order = axisOrder(compressedAxes, ndim, file);
        long[] reordered = new long[ndim];
        for (int j = 0; j < ndim; j++) {
            reordered[j] = shape[order[j]];
        }
        long rows = product(reordered, 0, compressedAxes.length);
        long cols = product(reordered, compressedAxes.length, ndim);
        long[] ptr = SparseNpzReader.longs(indptr);
        long[] idx = SparseNpzReader.longs(indices);
        int nnz = SparseNpzReader.partLength(data);
        if (data.ndim() != 1 || idx.length != nnz || ptr.length != rows + 1 || ptr[0] != 0 || ptr[ptr.length - 1] != nnz) {
            throw new NpyFormatException(file, "GCXS parts do not fit: " + nnz + " values, " + idx.length
                    + " indices, indptr of length " + ptr.length + " (expected " + (rows + 1) + ", from 0 to " + nnz + ")");
        }
        long[] coords = new long[ndim * nnz];
        long[] position = new long[ndim];
        for (int r = 0; r < rows; r++) {
            if (ptr[r + 1] < ptr[r]) {
                throw new NpyFormatException(file, "GCXS indptr decreases at " + (r + 1));
            }
            for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                long col = idx[(int) k];
                if (col < 0 || col >= cols) {
                    throw new NpyFormatException(file, "GCXS index " + col + " is outside the " + cols + " columns");
                }
                long linear = r * cols + col;
                for (int j = ndim - 1; j >= 0; j--) {
                    position[j] = reordered[j] == 0 ? 0 : linear % reordered[j];
                    linear = reordered[j] == 0 ? 0 : linear / reordered[j];
                }
                for (int j = 0; j < ndim; j++) {
                    coords[order[j] * nnz + (int) k] = position[j];
                }
            }
        }
        return new CooArray(NDArray.wrap(DType.INT64, coords, ndim, nnz), data, fill, shape);
    }

    /** The compressed axes, then the others in order; refuses repeated or out-of-range axes. */
    private static int[] axisOrder(long[] compressedAxes, int ndim, String file) {
        List<Integer> order = new ArrayList<>();
        for (long a : compressedAxes) {
            if (a < 0 || a >= ndim || order.contains((int) a)) {
                throw new NpyFormatException(file, "GCXS compressed_axes " + Arrays.toString(compressedAxes)
                        + " do not name distinct axes of a " + ndim + "-d array");
            }
            order.add((int) a);
        }
        for (int a = 0; a < ndim; a++) {
            if (!order.contains(a)) {
                order.add(a);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long product(long[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p = Math.multiplyExact(p, dims[i]);
        }
        return p;
    }
}
