package dev.footprint.sparse;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * A compressed array to COO a chunk at a time: each chunk is decoded, converted as a dense array
 * is, and its coordinates moved to the whole array's; the stored elements are then put in C order.
 * Only one chunk is decoded at a time.
 */
final class ChunkedToSparse {
    private ChunkedToSparse() {}

    static CooArray coo(CompressedNDArray c, NDArray fill) {
        long[] shape = c.shape();
        int nd = shape.length;
        int count = c.chunkCount();
        if (c.size() * (8L * (nd + 3) + 2L * c.dtype().itemsize()) > Runtime.getRuntime().maxMemory() / 2) {
            // Might not fit: count the stored elements first (decoding the chunks twice), and
            // refuse before anything is allocated if they do not.
            long nnz = 0;
            for (int i = 0; i < count; i++) {
                nnz += DenseToSparse.count(c.chunk(i), fill);
            }
            DenseToSparse.requireRoom(c.dtype(), shape, nnz, 3);
        }
        long[][] offsets = new long[count][];
        NDArray[] values = new NDArray[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            NDArray chunk = c.chunk(i);
            CooArray part = DenseToSparse.coo(chunk, fill);
            int n = (int) part.nnz();
            long[] local = IndexArrays.longs(part.coords());
            long[] origin = c.chunkOrigin(i);
            long[] global = new long[nd * n];
            for (int d = 0; d < nd; d++) {
                for (int k = 0; k < n; k++) {
                    global[d * n + k] = local[d * n + k] + origin[d];
                }
            }
            offsets[i] = Offsets.linear(global, n, shape);
            values[i] = part.data();
            total += n;
        }
        int nnz = Math.toIntExact(total);
        long[] all = new long[nnz];
        NDArray data = NDArray.allocate(c.dtype(), nnz);
        int at = 0;
        for (int i = 0; i < count; i++) {
            int n = offsets[i].length;
            System.arraycopy(offsets[i], 0, all, at, n);
            NDArray v = Values.run(values[i]);
            v.storage().copyTo(null, (int) v.storageOffset(), n, data.storage(), at);
            at += n;
        }
        int[] perm = Offsets.argsort(all);
        return CooArray.fromOffsets(Offsets.permute(all, perm), Values.take(data, perm), fill, shape, DType.INT64);
    }
}
