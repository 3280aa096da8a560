package dev.footprint.array;

import dev.footprint.array.Reductions.Kind;
import dev.footprint.storage.PairwiseSum;

/**
 * Reductions along one axis, a chunk of results at a time, with the storage layer's run and
 * gather loops instead of one element read per call (in any storage: heap, a big array's
 * segments, a mapped file). Each result folds its elements in axis order, exactly as one running
 * accumulator does (a NaN among a float result's elements makes it NaN, as before), so results
 * are the same bit for bit whichever path computes them:
 * <ul>
 *   <li>across results: for each step along the axis, the elements of up to
 *       {@link OffsetCursor#CHUNK} results are gathered at once (a run when the results are
 *       neighbours in storage, as for axis 0 of a C-order array) and folded into their
 *       accumulators in a loop the JIT vectorises;</li>
 *   <li>along runs: when the axis itself is contiguous and long, each result's elements are read
 *       as runs of the storage and folded in turn.</li>
 * </ul>
 * A float sum or any mean along the axis NumPy reads innermost ({@link PairwiseSum#innermost}:
 * the last axis of a C-order array, any axis with the smallest stride) is NumPy's instead: each
 * result's elements are read along the axis a block of 8192 at a time, and the blocks' pairwise
 * sums added in order, so these results are {@code np.sum}'s and {@code np.mean}'s bit for bit,
 * as the other axes' running sums are. Every sum adds in NumPy's arithmetic for the dtype
 * ({@link PairwiseSum.Arithmetic}): float32 in float32, float16 partly in float16, an integer or
 * bool array's mean in float64.
 */
final class AxisReductions {
    private static final int CHUNK = OffsetCursor.CHUNK;
    /** From this length on, a contiguous axis is read as runs, one result at a time. */
    private static final int RUNS_FROM = 64;

    private final Kind kind;
    private final NDArray a;
    private final int len;
    private final long step;
    private final boolean floatLane;
    private final boolean unsigned;
    private final boolean laterWins;
    private final double[] x;
    private final long[] y;
    private final double[] dacc;
    private final long[] lacc;
    private final boolean[] nan;
    /** Whether each result is NumPy's pairwise sum of its elements ({@link #pairwiseAlong}). */
    private final boolean pairwise;
    /** The arithmetic of a sum or mean ({@link Reductions#arithmetic}); null for the other reductions. */
    private final PairwiseSum.Arithmetic arithmetic;

    private AxisReductions(Kind kind, NDArray a, int axis, boolean laterWins) {
        this.kind = kind;
        this.a = a;
        this.len = a.shape[axis];
        this.step = a.strides[axis];
        this.floatLane = a.dtype.isFloat() || kind == Kind.MEAN;
        this.unsigned = a.dtype == DType.UINT64;
        this.laterWins = laterWins;
        this.x = floatLane ? new double[CHUNK] : null;
        this.y = floatLane ? null : new long[CHUNK];
        this.dacc = floatLane && kind != Kind.COUNT_NONZERO ? new double[CHUNK] : null;
        this.lacc = dacc == null ? new long[CHUNK] : null;
        this.nan = new boolean[CHUNK];
        this.arithmetic = kind == Kind.SUM || kind == Kind.MEAN ? Reductions.arithmetic(kind, a.dtype) : null;
        this.pairwise = (kind == Kind.SUM && a.dtype.isFloat() || kind == Kind.MEAN) && len >= 8
                && PairwiseSum.innermost(java.util.Arrays.stream(a.shape).asLongStream().toArray(), a.strides, axis);
    }

    /**
     * The reduction of {@code a} along {@code axis} into {@code out} (C order, {@code a}'s shape
     * without that axis); {@code laterWins}: which of two equal floats min and max keep.
     */
    static void reduce(Kind kind, NDArray a, int axis, NDArray out, boolean laterWins) {
        int nd = a.ndim();
        int[] outShape = new int[nd - 1];
        long[] outStrides = new long[nd - 1];
        for (int i = 0, j = 0; i < nd; i++) {
            if (i != axis) {
                outShape[j] = a.shape[i];
                outStrides[j++] = a.strides[i];
            }
        }
        new AxisReductions(kind, a, axis, laterWins).run(new OffsetCursor(outShape, outStrides, a.offset), out);
    }

    private void run(OffsetCursor cursor, NDArray out) {
        int[] offs = new int[CHUNK];
        boolean runs = step == 1 && len >= RUNS_FROM;
        long pos = 0;
        int n;
        while ((n = cursor.next(offs)) > 0) {
            start(n);
            if (pairwise) {
                for (int k = 0; k < n; k++) {
                    dacc[k] = pairwiseAlong(cursor.base() + offs[k]);
                }
            } else if (runs) {
                for (int k = 0; k < n; k++) {
                    alongRun(cursor.base() + offs[k], k);
                }
            } else {
                boolean neighbours = neighbours(offs, n);
                int[] o = neighbours ? null : offs;
                long first = neighbours ? cursor.base() + offs[0] : cursor.base();
                for (int i = 0; i < len; i++) {
                    across(o, first + i * step, n);
                }
            }
            finish(out, pos, n);
            pos += n;
        }
    }

    private double[] block;
    private int[] steps;
    /** A float64 heap array read along a contiguous axis: its rows are summed where they lie. */
    private double[] heapRows;

    /**
     * NumPy's sum of the {@code len} elements from {@code first}, {@code step} apart: blocks of
     * {@link PairwiseSum#BLOCK} summed pairwise and added in order to 0.0 (a NaN among them gives
     * NaN, as the running sums give).
     */
    private double pairwiseAlong(long first) {
        if (block == null && heapRows == null) {
            heapRows = step == 1 && a.storage.onHeap() && a.dtype == DType.FLOAT64 ? a.storage.doubles() : null;
            block = heapRows == null ? new double[Math.min(len, PairwiseSum.BLOCK)] : null;
        }
        double[] heap = heapRows;
        double total = 0.0;
        for (int done = 0; done < len; done += PairwiseSum.BLOCK) {
            int m = Math.min(PairwiseSum.BLOCK, len - done);
            if (heap != null) {
                // A contiguous axis on the heap is summed where it lies.
                total += PairwiseSum.of(heap, (int) first + done, m);
            } else {
                readAlong(first + done * step, m);
                total = arithmetic.add(total, arithmetic.pairwise(block, 0, m));
            }
        }
        return total != total ? Double.NaN : total;
    }

    /** {@code m} elements from {@code from}, {@code step} apart, into {@link #block}, a gather of at most {@link #CHUNK} at a time. */
    private void readAlong(long from, int m) {
        if (step == 1) {
            a.storage.gatherDouble(null, from, m, block);
            return;
        }
        // Gather offsets are ints: as many elements at once as their offsets fit.
        int per = (int) Math.max(1, Math.min(CHUNK, Integer.MAX_VALUE / Math.abs(step)));
        if (steps == null) {
            steps = new int[per];
            for (int i = 0; i < per; i++) {
                steps[i] = (int) (i * step);
            }
        }
        for (int done = 0; done < m; done += per) {
            int g = Math.min(per, m - done);
            a.storage.gatherDouble(steps, from + done * step, g, x);
            System.arraycopy(x, 0, block, done, g);
        }
    }

    /** Whether the offsets are one run of neighbours, {@code offs[0] + k}. */
    private static boolean neighbours(int[] offs, int n) {
        for (int k = 1; k < n; k++) {
            if (offs[k] != offs[0] + k) {
                return false;
            }
        }
        return true;
    }

    private void start(int n) {
        java.util.Arrays.fill(nan, 0, n, false);
        if (dacc != null) {
            double init = kind == Kind.MIN ? Double.POSITIVE_INFINITY : kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
            java.util.Arrays.fill(dacc, 0, n, init);
        } else {
            long init = switch (kind) {
                case MIN -> unsigned ? -1L : Long.MAX_VALUE;
                case MAX -> unsigned ? 0 : Long.MIN_VALUE;
                default -> 0;
            };
            java.util.Arrays.fill(lacc, 0, n, init);
        }
    }

    /** Folds one element of each of {@code n} results, at {@code base + offs[k]} (or the run from {@code base}). */
    private void across(int[] offs, long base, int n) {
        if (x != null) {
            a.storage.gatherDouble(offs, base, n, x);
            foldDoubles(x, n);
        } else {
            a.storage.gatherLong(offs, base, n, y);
            foldLongs(y, n);
        }
    }

    private void foldDoubles(double[] v, int n) {
        switch (kind) {
            case SUM, MEAN -> {
                if (arithmetic != PairwiseSum.Arithmetic.FLOAT64) {
                    for (int k = 0; k < n; k++) {
                        nan[k] |= v[k] != v[k];
                        dacc[k] = arithmetic.add(dacc[k], v[k]);
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        nan[k] |= v[k] != v[k];
                        dacc[k] += v[k];
                    }
                }
            }
            case MIN -> {
                for (int k = 0; k < n; k++) {
                    nan[k] |= v[k] != v[k];
                    dacc[k] = laterWins ? (v[k] <= dacc[k] ? v[k] : dacc[k]) : (v[k] < dacc[k] ? v[k] : dacc[k]);
                }
            }
            case MAX -> {
                for (int k = 0; k < n; k++) {
                    nan[k] |= v[k] != v[k];
                    dacc[k] = laterWins ? (v[k] >= dacc[k] ? v[k] : dacc[k]) : (v[k] > dacc[k] ? v[k] : dacc[k]);
                }
            }
            case COUNT_NONZERO -> { for (int k = 0; k < n; k++) lacc[k] += v[k] != 0 ? 1 : 0; }
        }
    }

    private void foldLongs(long[] v, int n) {
        switch (kind) {
            case SUM -> { for (int k = 0; k < n; k++) lacc[k] += v[k]; }
            case MIN -> {
                if (unsigned) {
                    for (int k = 0; k < n; k++) lacc[k] = Long.compareUnsigned(v[k], lacc[k]) < 0 ? v[k] : lacc[k];
                } else {
                    for (int k = 0; k < n; k++) lacc[k] = Math.min(lacc[k], v[k]);
                }
            }
            case MAX -> {
                if (unsigned) {
                    for (int k = 0; k < n; k++) lacc[k] = Long.compareUnsigned(v[k], lacc[k]) > 0 ? v[k] : lacc[k];
                } else {
                    for (int k = 0; k < n; k++) lacc[k] = Math.max(lacc[k], v[k]);
                }
            }
            case COUNT_NONZERO -> { for (int k = 0; k < n; k++) lacc[k] += v[k] != 0 ? 1 : 0; }
            case MEAN -> throw new IllegalStateException("mean folds doubles");
        }
    }

    /** Folds the {@code len} elements of result {@code k}, a run of storage from {@code start}, in order. */
    private void alongRun(long start, int k) {
        for (int done = 0; done < len; ) {
            int m = Math.min(CHUNK, len - done);
            if (x != null) {
                a.storage.gatherDouble(null, start + done, m, x);
                foldRun(x, m, k);
            } else {
                a.storage.gatherLong(null, start + done, m, y);
                foldRun(y, m, k);
            }
            done += m;
        }
    }

    private void foldRun(double[] v, int m, int k) {
        if (lacc != null) {
            long c = 0;
            for (int i = 0; i < m; i++) c += v[i] != 0 ? 1 : 0;
            lacc[k] += c;
            return;
        }
        double acc = dacc[k];
        boolean sawNan = false;
        switch (kind) {
            case SUM, MEAN -> {
                for (int i = 0; i < m; i++) {
                    sawNan |= v[i] != v[i];
                    acc = arithmetic.add(acc, v[i]);
                }
            }
            case MIN -> {
                for (int i = 0; i < m; i++) {
                    sawNan |= v[i] != v[i];
                    acc = laterWins ? (v[i] <= acc ? v[i] : acc) : (v[i] < acc ? v[i] : acc);
                }
            }
            case MAX -> {
                for (int i = 0; i < m; i++) {
                    sawNan |= v[i] != v[i];
                    acc = laterWins ? (v[i] >= acc ? v[i] : acc) : (v[i] > acc ? v[i] : acc);
                }
            }
            default -> throw new IllegalStateException();
        }
        dacc[k] = acc;
        nan[k] |= sawNan;
    }

    private void foldRun(long[] v, int m, int k) {
        long acc = lacc[k];
        switch (kind) {
            case SUM -> { for (int i = 0; i < m; i++) acc += v[i]; }
            case MIN -> {
                for (int i = 0; i < m; i++) acc = unsigned ? (Long.compareUnsigned(v[i], acc) < 0 ? v[i] : acc) : Math.min(acc, v[i]);
            }
            case MAX -> {
                for (int i = 0; i < m; i++) acc = unsigned ? (Long.compareUnsigned(v[i], acc) > 0 ? v[i] : acc) : Math.max(acc, v[i]);
            }
            case COUNT_NONZERO -> { for (int i = 0; i < m; i++) acc += v[i] != 0 ? 1 : 0; }
            case MEAN -> throw new IllegalStateException("mean folds doubles");
        }
        lacc[k] = acc;
    }

    /** Writes the {@code n} results of the chunk to {@code out} from {@code pos}. */
    private void finish(NDArray out, long pos, int n) {
        if (dacc == null) {
            out.storage.scatterLong(null, pos, n, lacc);
            return;
        }
        for (int k = 0; k < n; k++) {
            double r = nan[k] ? Double.NaN : dacc[k];
            dacc[k] = kind == Kind.MEAN ? PairwiseSum.axisMean(r, len, a.dtype == DType.FLOAT16) : r;
        }
        out.storage.scatterDouble(null, pos, n, dacc);
    }
}
