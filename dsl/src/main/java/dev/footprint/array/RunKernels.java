package dev.footprint.array;

import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.storage.DirectReads;
import dev.footprint.storage.DoubleRuns;
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
 * be). Comparisons and casts of more than {@link #PART} elements are split into parts of that
 * many, on one worker per core ({@link Parallel}); the sum is not, since its lanes add in
 * element order. Results are bit for bit those of the heap loops over the whole stretch,
 * wherever the runs and parts are cut.
 */
final class RunKernels {
    /** Elements per block copied out of a mapped piece, or written through to a result that is not one heap array. */
    private static final int BLOCK = 8192;

    private RunKernels() {}

    /** The sum of {@code a} (contiguous float64) as {@link DirectKernels#sumDoubles} adds it over one array. */
    static double sum(NDArray a) {
        LaneSum s = new LaneSum(a.size);
        a.storage.visitDoubles(a.offset, a.size, s);
        return DirectKernels.combineLanes(s.lanes);
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
     * Eight running sums: element {@code k} of the stretch goes to lane {@code k % 8}, except the
     * last {@code size % 8}, which go to lane 0, as in {@link DirectKernels#addToLanes} over the
     * whole stretch; runs cut anywhere add each lane's elements in the same order.
     */
    private static final class LaneSum implements DoubleRuns {
        final double[] lanes = new double[8];
        /** Elements before the tail that goes to lane 0: a multiple of 8. */
        private final long whole;

        LaneSum(long size) {
            this.whole = size & ~7L;
        }

        @Override
        public void array(double[] a, int off, int n, long done) {
            int head = head(n, done);
            for (int i = 0; i < head; i++) {
                add(done + i, a[off + i]);
            }
            int body = body(n, done, head);
            DirectKernels.addToLanes(a, off + head, body, lanes);
            for (int i = head + body; i < n; i++) {
                add(done + i, a[off + i]);
            }
        }

        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            int head = head(n, done);
            for (int i = 0; i < head; i++) {
                add(done + i, b.get(index + i));
            }
            int body = body(n, done, head);
            addToLanes(b, index + head, body, lanes);
            for (int i = head + body; i < n; i++) {
                add(done + i, b.get(index + i));
            }
        }

        /** Elements of the run before the stretch's next multiple of 8. */
        private static int head(int n, long done) {
            return (int) Math.min(n, -done & 7);
        }

        /** Elements from there in whole groups of eight, up to the tail. */
        private int body(int n, long done, int head) {
            return (int) (Math.max(0, Math.min(n - head, whole - (done + head))) & ~7L);
        }

        private void add(long k, double v) {
            lanes[k < whole ? (int) (k & 7) : 0] += v;
        }
    }

    /** {@link DirectKernels#addToLanes} over a buffer, for {@code n} a multiple of 8. */
    private static void addToLanes(DoubleBuffer d, int off, int n, double[] lanes) {
        if (DirectReads.readable(d)) {
            addToLanes(DirectReads.address(d, off, n), n, lanes);
            Reference.reachabilityFence(d);
            return;
        }
        double s0 = lanes[0], s1 = lanes[1], s2 = lanes[2], s3 = lanes[3];
        double s4 = lanes[4], s5 = lanes[5], s6 = lanes[6], s7 = lanes[7];
        for (int i = 0; i + 7 < n; i += 8) {
            int k = off + i;
            s0 += d.get(k);
            s1 += d.get(k + 1);
            s2 += d.get(k + 2);
            s3 += d.get(k + 3);
            s4 += d.get(k + 4);
            s5 += d.get(k + 5);
            s6 += d.get(k + 6);
            s7 += d.get(k + 7);
        }
        lanes[0] = s0; lanes[1] = s1; lanes[2] = s2; lanes[3] = s3;
        lanes[4] = s4; lanes[5] = s5; lanes[6] = s6; lanes[7] = s7;
    }

    /** Bytes ahead of the elements added that {@link #addToLanes(long, int, double[])} touches. */
    private static final int TOUCH_AHEAD = 512;

    /** What the touches read, kept so that the reads stay in the compiled loop. */
    static int touched;

    /**
     * The same over {@code n} elements (a multiple of 8) read from {@code address} ({@link
     * DirectReads}), touching the file {@link #TOUCH_AHEAD} bytes ahead while that is in the run.
     */
    private static void addToLanes(long address, int n, double[] lanes) {
        double s0 = lanes[0], s1 = lanes[1], s2 = lanes[2], s3 = lanes[3];
        double s4 = lanes[4], s5 = lanes[5], s6 = lanes[6], s7 = lanes[7];
        long p = address;
        long end = address + 8L * n;
        int seen = 0;
        for (long ahead = end - TOUCH_AHEAD; p < ahead; p += 64) {
            seen += DirectReads.touch(p + TOUCH_AHEAD);
            s0 += DirectReads.get(p);
            s1 += DirectReads.get(p + 8);
            s2 += DirectReads.get(p + 16);
            s3 += DirectReads.get(p + 24);
            s4 += DirectReads.get(p + 32);
            s5 += DirectReads.get(p + 40);
            s6 += DirectReads.get(p + 48);
            s7 += DirectReads.get(p + 56);
        }
        touched = seen;
        for (; p < end; p += 64) {
            s0 += DirectReads.get(p);
            s1 += DirectReads.get(p + 8);
            s2 += DirectReads.get(p + 16);
            s3 += DirectReads.get(p + 24);
            s4 += DirectReads.get(p + 32);
            s5 += DirectReads.get(p + 40);
            s6 += DirectReads.get(p + 48);
            s7 += DirectReads.get(p + 56);
        }
        lanes[0] = s0; lanes[1] = s1; lanes[2] = s2; lanes[3] = s3;
        lanes[4] = s4; lanes[5] = s5; lanes[6] = s6; lanes[7] = s7;
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

        /**
         * An ordering into the result's heap array, on the JDKs that take the packed loops
         * ({@link DirectKernels#MIXED_WIDTH_VECTORS}): read straight from the buffer, without the block.
         */
        @Override
        public void buffer(DoubleBuffer b, int index, int n, long done) {
            if (inPlace && !DirectKernels.MIXED_WIDTH_VECTORS && BufferCompares.applies(cmp, b)) {
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
