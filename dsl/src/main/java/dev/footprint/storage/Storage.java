package dev.footprint.storage;

import java.nio.ByteBuffer;

/**
 * The elements of one array, wherever they live. Chosen once when the array is made
 * ({@link HeapStorage} for one primitive array, {@link MappedStorage} for a file region); the
 * engine then moves values through the long and double lanes, or raw bytes for the codecs,
 * without asking which kind it holds. Indices count elements from the start of the storage.
 *
 * <p>Loops that the JIT must see as plain array loops (the engine's fast paths) ask for the heap
 * array with {@link #bytes()}, {@link #doubles()} and the like, which give null for other kinds;
 * a caller that gets null takes the lane path instead.
 */
public abstract class Storage {
    /** Elements moved per step by the generic loops, which stage raw elements in a scratch array. */
    static final int STEP = 4096;

    private static final ThreadLocal<Object[]> SCRATCH = ThreadLocal.withInitial(() -> new Object[6]);

    /** The most elements one Java array holds (the VM's limit); more go to {@link BigStorage}. */
    public static final long HEAP_ARRAY_MAX = Integer.MAX_VALUE - 8;

    /** Segments (log2 of their length) that new storage takes on this thread whatever its size, in tests; null: by size. */
    static final ThreadLocal<Integer> SEGMENTS_FOR_TESTS = new ThreadLocal<>();

    final Encoding encoding;

    /**
     * New zeroed storage of {@code n} elements: one heap array when they fit in one, else
     * {@link BigStorage}. The caller checks first that the heap can hold them.
     */
    public static Storage allocate(Encoding encoding, long n) {
        Integer shift = SEGMENTS_FOR_TESTS.get();
        if (shift != null) {
            return BigStorage.allocate(encoding, n, shift);
        }
        return n <= HEAP_ARRAY_MAX ? HeapStorage.allocate(encoding, (int) n) : BigStorage.allocate(encoding, n);
    }

    /** New storage, of the kind {@link #allocate} picks, holding elements {@code [from, from + n)} of {@code src}. */
    public static Storage copyOf(Storage src, long from, long n) {
        if (SEGMENTS_FOR_TESTS.get() == null && n <= HEAP_ARRAY_MAX) {
            return src.copyRange(from, (int) n);
        }
        Storage out = allocate(src.encoding, n);
        for (long done = 0; done < n; ) {
            int m = (int) Math.min(1 << 30, n - done);
            src.copyTo(null, from + done, m, out, done);
            done += m;
        }
        return out;
    }

    Storage(Encoding encoding) {
        this.encoding = encoding;
    }

    public final Encoding encoding() {
        return encoding;
    }

    /** How many elements the storage holds. */
    public abstract long length();

    /** Bytes of the Java heap the elements take (0 for a mapped file). */
    public abstract long heapBytes();

    /** Bytes of a mapped file the elements take (0 on the heap). */
    public abstract long mappedBytes();

    /** Whether writes are allowed (a file mapped read-only refuses them). */
    public boolean writable() {
        return true;
    }

    /** How the elements are held, for messages and reports: "heap", or a mapped file's mode and path. */
    public abstract String describe();

    // ---- raw elements: what a kind must provide ----------------------------------------------

    /**
     * Copies the raw elements at {@code base + offs[0..n)} (or the run from {@code base} when
     * {@code offs} is null) into {@code dst[0..n)}, a primitive array of this encoding's
     * primitive; bool elements arrive as exactly 0 or 1.
     */
    abstract void readRaw(int[] offs, long base, int n, Object dst);

    /** Writes {@code src[0..n)}, raw elements of this encoding, to {@code base + offs[0..n)} or the run from {@code base}. */
    abstract void writeRaw(int[] offs, long base, int n, Object src);

    // ---- lanes ---------------------------------------------------------------------------------

    public long readLong(long i) {
        Object s = scratch(1);
        readRaw(null, i, 1, s);
        return HeapLoops.readLong(encoding, s, 0);
    }

    public double readDouble(long i) {
        Object s = scratch(1);
        readRaw(null, i, 1, s);
        return HeapLoops.readDouble(encoding, s, 0);
    }

    /** Writes an integer, wrapping to the encoding's width as NumPy's unsafe cast does. */
    public void writeLong(long i, long v) {
        Object s = scratch(1);
        HeapLoops.writeLong(encoding, s, 0, v);
        writeRaw(null, i, 1, s);
    }

    /** Writes a double: floats round to nearest; integers convert as NumPy's unsafe cast does on x86-64. */
    public void writeDouble(long i, double v) {
        Object s = scratch(1);
        HeapLoops.writeDouble(encoding, s, 0, v);
        writeRaw(null, i, 1, s);
    }

    /** Reads {@code n} elements into the long lane, from {@code base + offs[0..n)} or the run from {@code base}. */
    public void gatherLong(int[] offs, long base, int n, long[] out) {
        Object s = scratch(n);
        readRaw(offs, base, n, s);
        HeapLoops.gatherLong(encoding, s, null, 0, n, out);
    }

    /** Reads {@code n} elements into the double lane, from {@code base + offs[0..n)} or the run from {@code base}. */
    public void gatherDouble(int[] offs, long base, int n, double[] out) {
        Object s = scratch(n);
        readRaw(offs, base, n, s);
        HeapLoops.gatherDouble(encoding, s, null, 0, n, out);
    }

    /** Writes {@code n} integers, wrapping, to {@code base + offs[0..n)} or the run from {@code base}. */
    public void scatterLong(int[] offs, long base, int n, long[] in) {
        Object s = scratch(n);
        HeapLoops.scatterLong(encoding, s, null, 0, n, in);
        writeRaw(offs, base, n, s);
    }

    /** Writes {@code n} doubles, converted as {@link #writeDouble}, to {@code base + offs[0..n)} or the run from {@code base}. */
    public void scatterDouble(int[] offs, long base, int n, double[] in) {
        Object s = scratch(n);
        HeapLoops.scatterDouble(encoding, s, null, 0, n, in);
        writeRaw(offs, base, n, s);
    }

    // ---- bulk ----------------------------------------------------------------------------------

    /**
     * Writes {@code src[0..n)}, raw elements of this encoding in a primitive array of its
     * primitive (bool as 0 or 1), to the run from {@code at}.
     */
    public void put(long at, Object src, int n) {
        writeRaw(null, at, n, src);
    }

    /**
     * Copies {@code n} elements bit for bit, from {@code base + offs[0..n)} or the run from
     * {@code base}, into the run of {@code dst} (same encoding) that starts at {@code pos}.
     */
    public void copyTo(int[] offs, long base, int n, Storage dst, long pos) {
        for (int done = 0; done < n; ) {
            int m = Math.min(STEP, n - done);
            Object s = scratch(m);
            if (offs == null) {
                readRaw(null, base + done, m, s);
            } else {
                readRaw(java.util.Arrays.copyOfRange(offs, done, done + m), base, m, s);
            }
            dst.writeRaw(null, pos + done, m, s);
            done += m;
        }
    }

    /** Writes {@code src[from..from + n)}, raw elements of this encoding, to the run from {@code at}. */
    void writeRun(long at, Object src, int from, int n) {
        if (from == 0) {
            writeRaw(null, at, n, src);
            return;
        }
        for (int done = 0; done < n; ) {
            int m = Math.min(STEP, n - done);
            Object s = scratch(m);
            System.arraycopy(src, from + done, s, 0, m);
            writeRaw(null, at + done, m, s);
            done += m;
        }
    }

    /** A new heap storage holding elements {@code [from, from + n)} of this one. */
    public HeapStorage copyRange(long from, int n) {
        HeapStorage out = HeapStorage.allocate(encoding, n);
        copyTo(null, from, n, out, 0);
        return out;
    }

    /** Whether elements {@code [from, from + n)} have the same bits as {@code other}'s from {@code otherFrom}. */
    public boolean sameBits(long from, Storage other, long otherFrom, long n) {
        for (long done = 0; done < n; ) {
            int m = (int) Math.min(STEP, n - done);
            HeapStorage x = copyRange(from + done, m);
            HeapStorage y = other.copyRange(otherFrom + done, m);
            if (!x.sameBits(0, y, 0, m)) {
                return false;
            }
            done += m;
        }
        return true;
    }

    /** Sets every element: the long lane's value for bool and integers, the double lane's for floats. */
    public void fill(long asLong, double asDouble) {
        long total = length();
        for (long done = 0; done < total; ) {
            int m = (int) Math.min(STEP, total - done);
            Object s = scratch(m);
            HeapLoops.fill(encoding, s, 0, m, asLong, asDouble);
            writeRaw(null, done, m, s);
            done += m;
        }
    }

    // ---- codec ---------------------------------------------------------------------------------

    /** Stores the {@code n} elements in {@code buf} (in the file's byte order, set on the buffer) at {@code [at, at + n)}. */
    public void decode(ByteBuffer buf, long at, int n) {
        int w = encoding.itemsize();
        for (int done = 0; done < n; ) {
            int m = Math.min(STEP, n - done);
            Object s = scratch(m);
            HeapLoops.decode(encoding, buf.slice(buf.position() + done * w, m * w).order(buf.order()), s, 0, m);
            writeRaw(null, at + done, m, s);
            done += m;
        }
    }

    /** Stores the {@code n} elements in {@code buf} at {@code targets[0..n)}. */
    public void decodeScatter(ByteBuffer buf, int[] targets, int n) {
        int w = encoding.itemsize();
        for (int done = 0; done < n; ) {
            int m = Math.min(STEP, n - done);
            Object s = scratch(m);
            HeapLoops.decode(encoding, buf.slice(buf.position() + done * w, m * w).order(buf.order()), s, 0, m);
            writeRaw(java.util.Arrays.copyOfRange(targets, done, done + m), 0, m, s);
            done += m;
        }
    }

    /** Puts elements {@code [from, from + n)} into {@code buf} from its position 0 and sets its limit to the bytes written. */
    public void encode(long from, int n, ByteBuffer buf) {
        int w = encoding.itemsize();
        for (int done = 0; done < n; ) {
            int m = Math.min(STEP, n - done);
            Object s = scratch(m);
            readRaw(null, from + done, m, s);
            HeapLoops.encode(encoding, s, 0, m, buf.slice(done * w, m * w).order(buf.order()));
            done += m;
        }
        buf.position(0).limit(n * w);
    }

    /**
     * Hands the float64 elements {@code [from, from + n)} to {@code runs}, one run per heap array
     * or mapped piece they lie in, so loops read them in place.
     *
     * @throws IllegalStateException the storage is not float64
     */
    public final void visitDoubles(long from, long n, DoubleRuns runs) {
        if (encoding != Encoding.FLOAT64) {
            throw new IllegalStateException("visitDoubles reads float64 storage, not " + encoding);
        }
        visitRuns(from, n, runs);
    }

    /** {@link #visitDoubles} for float64 storage of this kind. */
    abstract void visitRuns(long from, long n, DoubleRuns runs);

    /**
     * Hands the one-byte elements {@code [from, from + n)} to {@code runs}, one run per heap array
     * they lie in (mapped storage copies them out a block at a time).
     *
     * @throws IllegalStateException the storage's elements are not one byte wide
     */
    public void visitBytes(long from, long n, ByteRuns runs) {
        if (encoding.primitive() != Encoding.Primitive.BYTE) {
            throw new IllegalStateException("visitBytes reads one-byte storage, not " + encoding);
        }
        byte[] block = new byte[(int) Math.min(n, STEP)];
        for (long done = 0; done < n; done += STEP) {
            int m = (int) Math.min(STEP, n - done);
            readRaw(null, from + done, m, block);
            runs.array(block, 0, m, done);
        }
    }

    // ---- the heap array, for loops the JIT must see plainly ------------------------------------

    /** The heap {@code byte[]} of a bool, int8 or uint8 heap storage; null for any other. */
    public byte[] bytes() { return null; }
    /** The heap {@code short[]} of an int16, uint16 or float16 heap storage; null for any other. */
    public short[] shorts() { return null; }
    /** The heap {@code int[]} of an int32 or uint32 heap storage; null for any other. */
    public int[] ints() { return null; }
    /** The heap {@code long[]} of an int64 or uint64 heap storage; null for any other. */
    public long[] longs() { return null; }
    /** The heap {@code float[]} of a float32 heap storage; null for any other. */
    public float[] floats() { return null; }
    /** The heap {@code double[]} of a float64 heap storage; null for any other. */
    public double[] doubles() { return null; }

    /** Whether the elements are one heap array (then exactly one of {@link #bytes()} ... {@link #doubles()} is not null). */
    public boolean onHeap() {
        return false;
    }

    /** A primitive array of this encoding's primitive with room for {@code n}, reused per thread when small. */
    final Object scratch(int n) {
        if (n > STEP) {
            return HeapLoops.newArray(encoding.primitive(), n);
        }
        Object[] cache = SCRATCH.get();
        int k = encoding.primitive().ordinal();
        if (cache[k] == null) {
            cache[k] = HeapLoops.newArray(encoding.primitive(), STEP);
        }
        return cache[k];
    }
}
