package dev.footprint.storage;

/**
 * Elements in fixed-size segments of one primitive array each (2^27 elements by default, as
 * fastutil's big arrays), for more elements than one Java array holds. Element {@code i} lies
 * in segment {@code i >>> shift} at {@code i & (segment - 1)}. A run of elements within one
 * segment goes to the same loops as {@link HeapStorage}'s, on that segment's array, so the JIT
 * still vectorises them; only a chunk that straddles two segments goes through the scratch path.
 */
public final class BigStorage extends Storage {
    /** log2 of the elements per segment: 2^27 (128 Mi) elements, 1 GiB of float64. */
    static final int SHIFT = 27;

    private final long length;
    private final int shift;
    private final long mask;
    private final Object[] segments;

    private BigStorage(Encoding encoding, long length, int shift) {
        super(encoding);
        this.length = length;
        this.shift = shift;
        this.mask = (1L << shift) - 1;
        long count = (length + mask) >>> shift;
        this.segments = new Object[Math.toIntExact(count)];
        if (shift >= PARALLEL_SHIFT) {
            Parallel.forEach(segments.length, this::allocateSegment);
        } else {
            for (int s = 0; s < segments.length; s++) {
                allocateSegment(s);
            }
        }
    }

    /**
     * Segments of at least 2^20 elements are made on every worker: the JVM zeroes a new array on
     * the thread that makes it, and the system maps its pages in as they are first written, which
     * took 2–4 s for the 17 segments of an 8 GiB float32 array on one thread (about 2 on two).
     */
    private static final int PARALLEL_SHIFT = 20;

    private void allocateSegment(int s) {
        long from = (long) s << shift;
        segments[s] = HeapLoops.newArray(encoding.primitive(), (int) Math.min(1L << shift, length - from));
    }

    /**
     * New zeroed storage of {@code n} elements in segments of 2^27. The caller checks first that
     * the heap can hold it (the engine refuses too large an array with the bytes asked for and available).
     */
    public static BigStorage allocate(Encoding encoding, long n) {
        return new BigStorage(encoding, n, SHIFT);
    }

    /** As {@link #allocate(Encoding, long)}, with segments of {@code 2^shift} elements (small in tests, to cross segment ends). */
    static BigStorage allocate(Encoding encoding, long n, int shift) {
        return new BigStorage(encoding, n, shift);
    }

    /** How many segments hold the elements. */
    public int segmentCount() {
        return segments.length;
    }

    /** Elements per segment (the last may hold fewer). */
    public long segmentLength() {
        return 1L << shift;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long heapBytes() {
        return length * encoding.itemsize();
    }

    @Override
    public long mappedBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return "heap, in " + segments.length + " segments";
    }

    private Object segment(long i) {
        return segments[(int) (i >>> shift)];
    }

    int local(long i) {
        return (int) (i & mask);
    }

    /** The segment array that holds every element of {@code [from, from + n)}, or null when the run crosses segments. */
    Object segmentHolding(long from, int n) {
        return n > 0 && from >>> shift == (from + n - 1) >>> shift ? segment(from) : null;
    }

    /**
     * The segment that holds every element of the chunk ({@code base + offs[k]}, or the run of
     * {@code n} from {@code base}), or -1 when the chunk straddles segments.
     */
    private int segmentOf(int[] offs, long base, int n) {
        if (n == 0) {
            return -1;
        }
        long lo;
        long hi;
        if (offs == null) {
            lo = base;
            hi = base + n - 1;
        } else {
            int min = offs[0];
            int max = offs[0];
            for (int k = 1; k < n; k++) {
                min = Math.min(min, offs[k]);
                max = Math.max(max, offs[k]);
            }
            lo = base + min;
            hi = base + max;
        }
        return lo >>> shift == hi >>> shift ? (int) (lo >>> shift) : -1;
    }

    @Override
    void readRaw(int[] offs, long base, int n, Object dst) {
        int s = segmentOf(offs, base, n);
        if (s >= 0) {
            HeapLoops.copy(encoding.primitive(), segments[s], offs, localBase(s, base), n, dst, 0);
            return;
        }
        for (int done = 0; done < n; ) {
            long at = base + (offs == null ? done : offs[done]);
            int m = offs == null ? (int) Math.min(n - done, (1L << shift) - local(at)) : 1;
            System.arraycopy(segment(at), local(at), dst, done, m);
            done += m;
        }
    }

    @Override
    void writeRaw(int[] offs, long base, int n, Object src) {
        int s = segmentOf(offs, base, n);
        if (s >= 0 && offs != null) {
            HeapLoops.scatterRaw(encoding.primitive(), src, 0, n, segments[s], localBase(s, base), offs);
            return;
        }
        for (int done = 0; done < n; ) {
            long at = base + (offs == null ? done : offs[done]);
            int m = offs == null ? (int) Math.min(n - done, (1L << shift) - local(at)) : 1;
            System.arraycopy(src, done, segment(at), local(at), m);
            done += m;
        }
    }

    @Override
    public long readLong(long i) {
        return HeapLoops.readLong(encoding, segment(i), local(i));
    }

    @Override
    public double readDouble(long i) {
        return HeapLoops.readDouble(encoding, segment(i), local(i));
    }

    @Override
    public void writeLong(long i, long v) {
        HeapLoops.writeLong(encoding, segment(i), local(i), v);
    }

    @Override
    public void writeDouble(long i, double v) {
        HeapLoops.writeDouble(encoding, segment(i), local(i), v);
    }

    @Override
    public void gatherLong(int[] offs, long base, int n, long[] out) {
        int s = segmentOf(offs, base, n);
        if (s >= 0) {
            HeapLoops.gatherLong(encoding, segments[s], offs, localBase(s, base), n, out);
        } else {
            super.gatherLong(offs, base, n, out);
        }
    }

    @Override
    public void gatherDouble(int[] offs, long base, int n, double[] out) {
        int s = segmentOf(offs, base, n);
        if (s >= 0) {
            HeapLoops.gatherDouble(encoding, segments[s], offs, localBase(s, base), n, out);
        } else {
            super.gatherDouble(offs, base, n, out);
        }
    }

    @Override
    public void scatterLong(int[] offs, long base, int n, long[] in) {
        int s = segmentOf(offs, base, n);
        if (s >= 0) {
            HeapLoops.scatterLong(encoding, segments[s], offs, localBase(s, base), n, in);
        } else {
            super.scatterLong(offs, base, n, in);
        }
    }

    @Override
    public void scatterDouble(int[] offs, long base, int n, double[] in) {
        int s = segmentOf(offs, base, n);
        if (s >= 0) {
            HeapLoops.scatterDouble(encoding, segments[s], offs, localBase(s, base), n, in);
        } else {
            super.scatterDouble(offs, base, n, in);
        }
    }

    /**
     * {@code base} counted from the start of segment {@code s}, which holds every element of the
     * chunk: {@code base + offs[k]} then indexes that segment. The base itself may lie outside it
     * (offsets can be negative), even past the int range; the int sum wraps back to the element.
     */
    private int localBase(int s, long base) {
        return (int) (base - ((long) s << shift));
    }

    @Override
    public void visitBytes(long from, long n, ByteRuns runs) {
        if (encoding.primitive() != Encoding.Primitive.BYTE) {
            super.visitBytes(from, n, runs); // refuses
            return;
        }
        for (long done = 0; done < n; ) {
            long at = from + done;
            int m = (int) Math.min(n - done, (1L << shift) - local(at));
            runs.array((byte[]) segment(at), local(at), m, done);
            done += m;
        }
    }

    @Override
    void visitRuns(long from, long n, DoubleRuns runs) {
        for (long done = 0; done < n; ) {
            long at = from + done;
            int m = (int) Math.min(n - done, (1L << shift) - local(at));
            runs.array((double[]) segment(at), local(at), m, done);
            done += m;
        }
    }

    @Override
    public void copyTo(int[] offs, long base, int n, Storage dst, long pos) {
        if (offs != null || !(dst instanceof HeapStorage || dst instanceof BigStorage)) {
            super.copyTo(offs, base, n, dst, pos);
            return;
        }
        // A run: copy piece by piece, each piece within one segment of the source.
        for (int done = 0; done < n; ) {
            long at = base + done;
            int m = (int) Math.min(n - done, (1L << shift) - local(at));
            dst.writeRun(pos + done, segment(at), local(at), m);
            done += m;
        }
    }

    @Override
    void writeRun(long at, Object src, int from, int n) {
        for (int done = 0; done < n; ) {
            long to = at + done;
            int m = (int) Math.min(n - done, (1L << shift) - local(to));
            System.arraycopy(src, from + done, segment(to), local(to), m);
            done += m;
        }
    }

    @Override
    public void fill(long asLong, double asDouble) {
        for (Object segment : segments) {
            HeapLoops.fill(encoding, segment, 0, java.lang.reflect.Array.getLength(segment), asLong, asDouble);
        }
    }

    /**
     * The segment arrays, in order, for loops that run per segment (element {@code i} is in
     * {@code segments()[i >>> log2(segmentLength())]}); writes show through.
     */
    public Object[] segments() {
        return segments.clone();
    }
}
