package dev.footprint.zarr;

/**
 * zarr-python's default chunk shape: aim at 256 KiB for a 1 MiB array, doubling with every
 * tenfold of size (kept within 128 KiB and 64 MiB), by halving axes in turn from the first.
 */
final class ChunkGuess {
    private static final double BASE = 256 * 1024;
    private static final double MIN = 128 * 1024;
    private static final double MAX = 64 * 1024 * 1024;

    private ChunkGuess() {}

    static long[] guess(long[] shape, int itemsize) {
        int nd = shape.length;
        double[] c = new double[nd];
        double total = itemsize;
        for (int i = 0; i < nd; i++) {
            c[i] = Math.max(shape[i], 1);
            total *= c[i];
        }
        double target = Math.min(MAX, Math.max(MIN, BASE * Math.pow(2, Math.log10(total / (1024.0 * 1024)))));
        for (int k = 0; nd > 0; k++) {
            double bytes = itemsize;
            double elements = 1;
            for (double x : c) {
                bytes *= x;
                elements *= x;
            }
            boolean closeEnough = bytes < target || Math.abs(bytes - target) / target < 0.5;
            if ((closeEnough && bytes < MAX) || elements == 1) {
                break;
            }
            c[k % nd] = Math.ceil(c[k % nd] / 2);
        }
        long[] r = new long[nd];
        for (int i = 0; i < nd; i++) {
            r[i] = (long) c[i];
        }
        return r;
    }
}
