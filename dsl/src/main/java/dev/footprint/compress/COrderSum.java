package dev.footprint.compress;

import dev.footprint.array.DType;

/**
 * The dense engine's whole-array float sum, fed in C order a run at a time, so a compressed
 * array's sum and mean equal its dense array's bit for bit. A contiguous float64 array is summed
 * in eight interleaved lanes (the last {@code size % 8} elements into the first); other dtypes in
 * blocks of 2048 elements, four lanes each, the block sums added in order.
 */
final class COrderSum {
    private static final int BLOCK = 2048;
    private final boolean eightLanes;
    private final long size;
    private final long laneEnd;
    private final double[] lanes = new double[8];
    private long position;
    private double total;

    COrderSum(DType t, long size) {
        this.eightLanes = t == DType.FLOAT64;
        this.size = size;
        this.laneEnd = size - size % 8;
    }

    void add(double[] x, int n) {
        if (eightLanes) {
            for (int i = 0; i < n; i++, position++) {
                lanes[position < laneEnd ? (int) (position & 7) : 0] += x[i];
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
        if (eightLanes) {
            return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        }
        return total;
    }
}
