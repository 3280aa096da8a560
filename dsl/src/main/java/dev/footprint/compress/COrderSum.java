package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.storage.PairwiseSum;

/**
 * The dense engine's whole-array float sum, fed in C order a run at a time, so a compressed
 * array's sum and mean equal its dense array's bit for bit. A contiguous float64 array is summed
 * as NumPy sums it: blocks of 8192 elements, each summed pairwise, the block sums added in order
 * ({@link PairwiseSum}); other dtypes in blocks of 2048 elements, four lanes each, the
 * block sums added in order.
 */
final class COrderSum {
    private static final int BLOCK = 2048;
    private final boolean pairwise;
    private final long size;
    private final double[] lanes = new double[4];
    /** float64: the elements of the current block so far. */
    private final double[] block;
    private int held;
    private long position;
    private double total;

    COrderSum(DType t, long size) {
        this.pairwise = t == DType.FLOAT64;
        this.size = size;
        this.block = pairwise ? new double[PairwiseSum.BLOCK] : null;
    }

    void add(double[] x, int n) {
        if (pairwise) {
            for (int i = 0; i < n; ) {
                int m = Math.min(n - i, block.length - held);
                System.arraycopy(x, i, block, held, m);
                held += m;
                i += m;
                if (held == block.length) {
                    total += PairwiseSum.of(block, 0, held);
                    held = 0;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++, position++) {
            long blockStart = position - position % BLOCK;
            long m = Math.min(BLOCK, size - blockStart);
            long k = position - blockStart;
            lanes[k < m - m % 4 ? (int) (k & 3) : 0] += x[i];
            if (k == m - 1) {
                total += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
                lanes[0] = lanes[1] = lanes[2] = lanes[3] = 0;
            }
        }
    }

    double sum() {
        if (pairwise && held > 0) {
            total += PairwiseSum.of(block, 0, held);
            held = 0;
        }
        return total;
    }
}
