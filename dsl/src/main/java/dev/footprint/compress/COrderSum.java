package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.storage.PairwiseSum;

/**
 * The dense engine's whole-array float sum, fed in C order a run at a time, so a compressed
 * array's sum and mean equal its dense array's bit for bit. A float64 or float32 array is summed
 * as NumPy sums it: blocks of 8192 elements, each summed pairwise, the block sums added in order
 * ({@link PairwiseSum}; float32 in float32), and so is an integer or bool array for its mean (its
 * values as float64); float16 in blocks of 2048 elements, four lanes each, the block sums added
 * in order.
 */
final class COrderSum {
    private static final int BLOCK = 2048;
    /** NumPy's order; null for float16. */
    private final PairwiseSum.InOrder pairwise;
    private final long size;
    private final double[] lanes = new double[4];
    private long position;
    private double total;

    COrderSum(DType t, long size) {
        this.pairwise = t != DType.FLOAT16 ? new PairwiseSum.InOrder(t == DType.FLOAT32) : null;
        this.size = size;
    }

    void add(double[] x, int n) {
        if (pairwise != null) {
            pairwise.add(x, n);
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
        return pairwise != null ? pairwise.total() : total;
    }
}
