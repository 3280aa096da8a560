package dev.footprint.array;

import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.storage.DirectReads;
import dev.footprint.storage.DoubleRuns;
import dev.footprint.storage.PairwiseSum;
import dev.footprint.storage.Parallel;
import dev.footprint.storage.Storage;
import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * The float64 fast paths ({@code sum}, comparison with a finite scalar, the float32 cast) over
 * storage of any kind, run by run where the elements lie ({@link Storage#visitDoubles}): a heap
 * array or a big array's segment goes to the loops of {@link DirectKernels} in place, a mapped
 * piece to loops that read it in place by address ({@link DirectReads}; through its buffer, or
 * for comparisons on JDK 25 and for equality a small block copied out of it, where that cannot
 * be). Work on more than {@link #PART} elements is split into parts of that many, on one worker
 * per core ({@link Parallel}): the sum's parts are whole blocks of its pairwise order ({@link
 * PairwiseSum}). Results are bit for bit those of the heap loops over the whole stretch,
 * wherever the runs and parts are cut.
 */
final class RunKernels {
    /** Elements per block copied out of a mapped piece, or written through to a result that is not one heap array. */
    private static final int BLOCK = 8192;

    private RunKernels() {}

    /**
     * The sum of {@code a} (contiguous) as NumPy adds it ({@link PairwiseSum}), in {@code
     * arithmetic}: each block of {@link PairwiseSum#BLOCK} elements summed where it lies (float64)
     * or read into the buffer it is summed in (other dtypes), blocks in parts of {@link #PART}
     * elements on every worker, then the block sums added in order, {@link #SUM_BATCH} at a time.
     */
    static double sum(NDArray a, PairwiseSum.Arithmetic arithmetic) {
        return sum(a, arithmetic, PART, SUM_BATCH);
    }

    /** The float64 sum of {@code a} (contiguous float64). */
    static double sum(NDArray a) {
        return sum(a, PairwiseSum.Arithmetic.FLOAT64);
    }

    /** As above, in parts of {@code part} elements (a multiple of the block) and batches of {@code batch} blocks (small in tests). */
    static double sum(NDArray a, int part, int batch) {
        return sum(a, PairwiseSum.Arithmetic.FLOAT64, part, batch);
    }

    private static double sum(NDArray a, PairwiseSum.Arithmetic arithmetic, int part, int batch) {
        long blocks = a.size / PairwiseSum.BLOCK + (a.size % PairwiseSum.BLOCK == 0 ? 0 : 1);
        double[] sums = new double[(int) Math.min(blocks, batch)];
        double total = 0.0;
        for (long first = 0; first < blocks; first += batch) {
            int count = (int) Math.min(batch, blocks - first);
            long from = first * PairwiseSum.BLOCK;
            long length = Math.min((long) count * PairwiseSum.BLOCK, a.size - from);
            Parallel.forEachPart(length, part, (at, n) -> blockSums(a, arithmetic, from + at, n, sums, (int) (at / PairwiseSum.BLOCK)));
            for (int i = 0; i < count; i++) {
                total = arithmetic.add(total, sums[i]);
            }
        }
        return total;
    }

    /** Blocks whose sums are held at once before they are added: 2^25 elements' worth, 32 KiB of sums. */
    private static final int SUM_BATCH = 4096;

    /** The sums of the blocks of {@code a}'s elements {@code [from, from + n)} into {@code sums} from {@code at}. */
    private static void blockSums(NDArray a, PairwiseSum.Arithmetic arithmetic, long from, long n, double[] sums, int at) {
        BlockSum block = new BlockSum();
        if (a.dtype != DType.FLOAT64) {
            double[] x = block.scratch();
            for (long k = 0; k < n; k += PairwiseSum.BLOCK) {
                int m = (int) Math.min(PairwiseSum.BLOCK, n - k);
                a.storage.gatherDouble(null, a.offset + from + k, m, x);
                sums[at++] = arithmetic.pairwise(x, 0, m);
            }
            return;
        }
        for (long k = 0; k < n; k += PairwiseSum.BLOCK) {
            block.length = (int) Math.min(PairwiseSum.BLOCK, n - k);
            block.summed = false;
            a.storage.visitDoubles(a.offset + from + k, block.length, block);
            sums[at++] = block.summed ? block.sum : PairwiseSum.of(block.scratch, 0, block.length);
        }
    }

    /**
     * One block's sum: where the block lies in one run, summed there (a heap array, a segment, a
     * mapped piece read by address); where runs cut it, its pieces copied into a scratch array.
     */
    private static final class BlockSum implements DoubleRuns {
        int length;
        boolean summed;
        double sum;
        double[] scratch;

        @Override
        public void array(double[] a, int off, int n, long done) {
            if (n == length) {
                sum = PairwiseSum.of(a, off, n);
                summed = true;
            } else {
                System.arraycopy(a, off, scratch(), (int) done, n);
            }
        }

        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            if (n == length && DirectReads.readable(b)) {
                sum = PairwiseSum.at(DirectReads.address(b, index, n), n);
                Reference.reachabilityFence(b);
                summed = true;
            } else {
                b.get(index, scratch(), (int) done, n);
            }
        }

        private double[] scratch() {
            if (scratch == null) {
                scratch = new double[PairwiseSum.BLOCK];
            }
            return scratch;
        }
    }

    /** {@code a cmp s} for a contiguous float64 {@code a} and a finite {@code s}, into {@code out} (bool, a's size). */
    static void compareFinite(Comparison cmp, NDArray a, double s, NDArray out) {
        compareFinite(cmp, a, s, out, PART);
    }

    /** As above, in parts of {@code part} elements (small in tests, to cut arrays of a few hundred). */
    static void compareFinite(Comparison cmp, NDArray a, double s, NDArray out, int part) {
        inParts(a, part, from -> new Compare(cmp, s, out.storage, from));
    }

    /**
     * {@code a} (contiguous float64) into {@code out} (float32, a's size) as astype rounds; with
     * {@code check}, returns whether any value changed (the rest of the results are then undefined).
     */
    static boolean float64ToFloat32(NDArray a, NDArray out, boolean check) {
        return float64ToFloat32(a, out, check, PART);
    }

    /** As above, in parts of {@code part} elements. */
    static boolean float64ToFloat32(NDArray a, NDArray out, boolean check, int part) {
        AtomicBoolean changed = new AtomicBoolean();
        inParts(a, part, from -> new ToFloat32(out.storage, check, from, changed));
        return changed.get();
    }

    /**
     * Elements per part of a comparison or cast split over {@link Parallel}'s workers: 2^20, 8 MiB
     * of float64. An array of up to this many (the article's 1024 × 1024) runs on the caller's
     * thread alone.
     */
    static final int PART = 1 << 20;

    /**
     * Visits {@code a}'s elements with the runs {@code runs} makes for the stretch from its
     * argument: in parts of {@code part} elements on every worker when there are several, each
     * result element written by exactly one part, so the results are those of one pass.
     */
    private static void inParts(NDArray a, int part, LongFunction<DoubleRuns> runs) {
        Parallel.forEachPart(a.size, part, (from, length) -> a.storage.visitDoubles(a.offset + from, length, runs.apply(from)));
    }

    /**
     * Where a run's results go: in place into the result's heap array, or through a block that
     * {@link Storage#put} stores (a result in big storage).
     */
    private abstract static class Results implements DoubleRuns {
        final Storage out;
        final boolean inPlace;
        private double[] copied;

        /** Where the stretch these runs visit starts in the result. */
        final long from;

        Results(Storage out, long from) {
            this.out = out;
            this.from = from;
            this.inPlace = out.onHeap();
        }

        /** The results of {@code a[off..off + n)}, written from {@code at} of {@link #target()}. */
        abstract void compute(double[] a, int off, int n, int at);

        /** The array {@link #compute} writes: the result's own, or the block. */
        abstract Object target();

        @Override
        public void array(double[] a, int off, int n, long done) {
            if (inPlace) {
                compute(a, off, n, (int) (from + done));
                return;
            }
            for (int k = 0; k < n; k += BLOCK) {
                int m = Math.min(BLOCK, n - k);
                compute(a, off + k, m, 0);
                out.put(from + done + k, target(), m);
            }
        }

        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            if (copied == null) {
                copied = new double[BLOCK];
            }
            for (int k = 0; k < n; k += BLOCK) {
                int m = Math.min(BLOCK, n - k);
                b.get(index + k, copied, 0, m);
                array(copied, 0, m, done + k);
            }
        }
    }

    private static final class Compare extends Results {
        private final Comparison cmp;
        private final double s;
        private final byte[] target;

        Compare(Comparison cmp, double s, Storage out, long from) {
            super(out, from);
            this.cmp = cmp;
            this.s = s;
            this.target = inPlace ? out.bytes() : new byte[BLOCK];
        }

        @Override
        void compute(double[] a, int off, int n, int at) {
            DirectKernels.compareFinite(cmp, a, off, s, target, at, n);
        }

        @Override
        Object target() {
            return target;
        }

        /** An ordering into the result's heap array: read straight from the buffer, without the block. */
        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            if (inPlace && BufferCompares.applies(cmp, b)) {
                BufferCompares.compareFinite(cmp, b, index, s, target, (int) (from + done), n);
                return;
            }
            super.buffer(b, index, n, done);
        }
    }

    private static final class ToFloat32 extends Results {
        private final boolean check;
        private final float[] target;
        /** Set when a checked value changes, by any part; the parts still running then stop casting. */
        private final AtomicBoolean changed;

        ToFloat32(Storage out, boolean check, long from, AtomicBoolean changed) {
            super(out, from);
            this.check = check;
            this.changed = changed;
            this.target = inPlace ? out.floats() : new float[BLOCK];
        }

        @Override
        void compute(double[] a, int off, int n, int at) {
            if (!changed.get() && DirectKernels.float64ToFloat32(a, off, target, at, n, check)) {
                changed.set(true);
            }
        }

        @Override
        Object target() {
            return target;
        }

        /** Unchecked into the result's heap array: read straight from the buffer, without the block. */
        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            if (check || !inPlace) {
                super.buffer(b, index, n, done);
                return;
            }
            int at = (int) (from + done);
            if (DirectReads.readable(b)) {
                long address = DirectReads.address(b, index, n);
                for (int i = 0; i < n; i++) {
                    target[at + i] = (float) DirectReads.get(address + 8L * i);
                }
                Reference.reachabilityFence(b);
                return;
            }
            for (int i = 0; i < n; i++) {
                target[at + i] = (float) b.get(index + i);
            }
        }
    }
}
