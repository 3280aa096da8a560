package dev.footprint.storage;

import java.nio.ByteBuffer;

/** Elements in one primitive Java array of the encoding's primitive ({@code short[]} for float16 bits). */
public final class HeapStorage extends Storage {
    private final Object array;
    private final int length;

    private HeapStorage(Encoding encoding, Object array) {
        super(encoding);
        this.array = array;
        this.length = java.lang.reflect.Array.getLength(array);
    }

    /**
     * A new zeroed storage of {@code n} elements. The caller checks first that the heap can hold
     * it (the engine refuses too large an array with the bytes asked for and available).
     */
    public static HeapStorage allocate(Encoding encoding, int n) {
        return new HeapStorage(encoding, HeapLoops.newArray(encoding.primitive(), n));
    }

    /**
     * Adopts a primitive array the caller hands over, without copying; it must be of the
     * encoding's primitive and hold at least {@code n} elements.
     *
     * @throws IllegalArgumentException the array is of another type or too short (the message names both)
     */
    public static HeapStorage adopt(Encoding encoding, Object array, long n) {
        Encoding.Primitive p = encoding.primitive();
        boolean matches = switch (p) {
            case BYTE -> array instanceof byte[];
            case SHORT -> array instanceof short[];
            case INT -> array instanceof int[];
            case LONG -> array instanceof long[];
            case FLOAT -> array instanceof float[];
            case DOUBLE -> array instanceof double[];
        };
        int length = matches ? java.lang.reflect.Array.getLength(array) : -1;
        if (!matches || length < n) {
            String got = array == null ? "null" : array.getClass().isArray()
                    ? array.getClass().getSimpleName() + " of " + java.lang.reflect.Array.getLength(array)
                    : array.getClass().getSimpleName();
            throw new IllegalArgumentException(encoding.name().toLowerCase() + " needs a " + p.name().toLowerCase()
                    + "[] of at least " + n + " elements, got " + got);
        }
        if (encoding == Encoding.BOOL) {
            // A bool is one byte holding 0 or 1, as NumPy's loaders make it; any other byte is true.
            HeapLoops.normalizeBool((byte[]) array, 0, length);
        }
        return new HeapStorage(encoding, array);
    }

    /** The primitive array itself (the storage of a C-order array that starts at 0 and fills it). */
    public Object array() {
        return array;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long heapBytes() {
        return (long) length * encoding.itemsize();
    }

    @Override
    public long mappedBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return "heap";
    }

    @Override
    public void visitBytes(long from, long n, ByteRuns runs) {
        if (!(array instanceof byte[] b)) {
            super.visitBytes(from, n, runs); // refuses
            return;
        }
        if (n > 0) {
            runs.array(b, (int) from, (int) n, 0);
        }
    }

    @Override
    void visitRuns(long from, long n, DoubleRuns runs) {
        if (n > 0) {
            runs.array((double[]) array, (int) from, (int) n, 0);
        }
    }

    @Override
    public boolean onHeap() {
        return true;
    }

    @Override
    void readRaw(int[] offs, long base, int n, Object dst) {
        HeapLoops.copy(encoding.primitive(), array, offs, (int) base, n, dst, 0);
    }

    @Override
    void writeRaw(int[] offs, long base, int n, Object src) {
        if (offs == null) {
            System.arraycopy(src, 0, array, (int) base, n);
        } else {
            HeapLoops.scatterRaw(encoding.primitive(), src, 0, n, array, (int) base, offs);
        }
    }

    @Override
    void writeRun(long at, Object src, int from, int n) {
        System.arraycopy(src, from, array, (int) at, n);
    }

    @Override
    public long readLong(long i) {
        return HeapLoops.readLong(encoding, array, (int) i);
    }

    @Override
    public double readDouble(long i) {
        return HeapLoops.readDouble(encoding, array, (int) i);
    }

    @Override
    public void writeLong(long i, long v) {
        HeapLoops.writeLong(encoding, array, (int) i, v);
    }

    @Override
    public void writeDouble(long i, double v) {
        HeapLoops.writeDouble(encoding, array, (int) i, v);
    }

    @Override
    public void gatherLong(int[] offs, long base, int n, long[] out) {
        HeapLoops.gatherLong(encoding, array, offs, (int) base, n, out);
    }

    @Override
    public void gatherDouble(int[] offs, long base, int n, double[] out) {
        HeapLoops.gatherDouble(encoding, array, offs, (int) base, n, out);
    }

    @Override
    public void scatterLong(int[] offs, long base, int n, long[] in) {
        HeapLoops.scatterLong(encoding, array, offs, (int) base, n, in);
    }

    @Override
    public void scatterDouble(int[] offs, long base, int n, double[] in) {
        HeapLoops.scatterDouble(encoding, array, offs, (int) base, n, in);
    }

    @Override
    public void copyTo(int[] offs, long base, int n, Storage dst, long pos) {
        if (dst instanceof HeapStorage h) {
            HeapLoops.copy(encoding.primitive(), array, offs, (int) base, n, h.array, (int) pos);
        } else if (offs == null) {
            dst.writeRun(pos, array, (int) base, n);
        } else {
            super.copyTo(offs, base, n, dst, pos);
        }
    }

    /**
     * A new heap storage holding elements {@code [from, from + n)}. The JIT allocates a copy
     * without zeroing it first, so this is one pass where allocate-then-copy is two.
     */
    @Override
    public HeapStorage copyRange(long start, int n) {
        int from = (int) start;
        int to = from + n;
        Object copy = switch (encoding.primitive()) {
            case BYTE -> java.util.Arrays.copyOfRange((byte[]) array, from, to);
            case SHORT -> java.util.Arrays.copyOfRange((short[]) array, from, to);
            case INT -> java.util.Arrays.copyOfRange((int[]) array, from, to);
            case LONG -> java.util.Arrays.copyOfRange((long[]) array, from, to);
            case FLOAT -> java.util.Arrays.copyOfRange((float[]) array, from, to);
            case DOUBLE -> java.util.Arrays.copyOfRange((double[]) array, from, to);
        };
        return new HeapStorage(encoding, copy);
    }

    @Override
    public boolean sameBits(long from, Storage other, long otherFrom, long n) {
        if (other instanceof HeapStorage h) {
            return HeapLoops.sameBits(encoding.primitive(), array, (int) from, h.array, (int) otherFrom, (int) n);
        }
        return super.sameBits(from, other, otherFrom, n);
    }

    @Override
    public void fill(long asLong, double asDouble) {
        HeapLoops.fill(encoding, array, 0, length, asLong, asDouble);
    }

    @Override
    public void decode(ByteBuffer buf, long at, int n) {
        HeapLoops.decode(encoding, buf, array, (int) at, n);
    }

    @Override
    public void decodeScatter(ByteBuffer buf, int[] targets, int n) {
        HeapLoops.decodeScatter(encoding, buf, array, targets, n);
    }

    @Override
    public void encode(long from, int n, ByteBuffer buf) {
        HeapLoops.encode(encoding, array, (int) from, n, buf);
    }

    @Override public byte[] bytes() { return array instanceof byte[] b ? b : null; }
    @Override public short[] shorts() { return array instanceof short[] s ? s : null; }
    @Override public int[] ints() { return array instanceof int[] a ? a : null; }
    @Override public long[] longs() { return array instanceof long[] a ? a : null; }
    @Override public float[] floats() { return array instanceof float[] a ? a : null; }
    @Override public double[] doubles() { return array instanceof double[] a ? a : null; }
}
