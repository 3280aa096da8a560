package dev.footprint.storage;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;

/**
 * Elements in a region of a file, mapped into memory in pieces of at most 1 GiB (one
 * {@link MappedByteBuffer} cannot pass 2 GiB on Java 17), so a file larger than the heap is read
 * page by page as the loops reach it. The operating system keeps the pages; none of them is heap.
 * The mapping ends when the storage is collected.
 */
public final class MappedStorage extends Storage {
    /** Bytes per piece: a multiple of every element width, so no element straddles two pieces. */
    static final int PIECE_BYTES = 1 << 30;

    /** How the file is mapped, as NumPy's {@code mmap_mode}. */
    public enum Mode {
        /** NumPy's {@code 'r'}: reads only; a write is refused. */
        READ("r", FileChannel.MapMode.READ_ONLY),
        /** NumPy's {@code 'c'}: copy-on-write; writes change memory, never the file. */
        COPY_ON_WRITE("c", FileChannel.MapMode.PRIVATE),
        /** NumPy's {@code 'r+'}: writes go to the file. */
        READ_WRITE("r+", FileChannel.MapMode.READ_WRITE);

        private final String numpy;
        private final FileChannel.MapMode mapMode;

        Mode(String numpy, FileChannel.MapMode mapMode) {
            this.numpy = numpy;
            this.mapMode = mapMode;
        }

        /** NumPy's name of the mode ({@code "r"}, {@code "c"}, {@code "r+"}). */
        public String numpyName() {
            return numpy;
        }
    }

    private final Mode mode;
    private final String file;
    private final long length;
    private final int perPiece;
    private final MappedByteBuffer[] pieces;
    private final Buffer[] views;

    private MappedStorage(Encoding encoding, Mode mode, String file, long length, MappedByteBuffer[] pieces,
            int pieceBytes, ByteOrder order) {
        super(encoding);
        this.mode = mode;
        this.file = file;
        this.length = length;
        this.perPiece = pieceBytes / encoding.itemsize();
        this.pieces = pieces;
        this.views = new Buffer[pieces.length];
        for (int p = 0; p < pieces.length; p++) {
            ByteBuffer b = pieces[p].duplicate().order(order);
            views[p] = switch (encoding.primitive()) {
                case BYTE -> b;
                case SHORT -> b.asShortBuffer();
                case INT -> b.asIntBuffer();
                case LONG -> b.asLongBuffer();
                case FLOAT -> b.asFloatBuffer();
                case DOUBLE -> b.asDoubleBuffer();
            };
        }
    }

    /**
     * Maps {@code n} elements of {@code encoding}, stored in {@code order} from byte
     * {@code position} of {@code channel}. The channel must be open for reading, and for writing
     * in {@link Mode#READ_WRITE}; it may be closed once this returns.
     */
    public static MappedStorage map(FileChannel channel, long position, Encoding encoding, long n, ByteOrder order,
            Mode mode, String file) throws IOException {
        return map(channel, position, encoding, n, order, mode, file, PIECE_BYTES);
    }

    /** As the public {@code map}, in pieces of {@code pieceBytes} (a multiple of 8; small in tests, to cross piece ends). */
    static MappedStorage map(FileChannel channel, long position, Encoding encoding, long n, ByteOrder order,
            Mode mode, String file, int pieceBytes) throws IOException {
        long bytes = Math.multiplyExact(n, (long) encoding.itemsize());
        int count = (int) ((bytes + pieceBytes - 1) / pieceBytes);
        MappedByteBuffer[] pieces = new MappedByteBuffer[count];
        for (int p = 0; p < count; p++) {
            long from = (long) p * pieceBytes;
            pieces[p] = channel.map(mode.mapMode, position + from, Math.min(pieceBytes, bytes - from));
        }
        return new MappedStorage(encoding, mode, file, n, pieces, pieceBytes, order);
    }

    public Mode mode() {
        return mode;
    }

    /** The file the elements live in. */
    public String file() {
        return file;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long heapBytes() {
        return 0;
    }

    @Override
    public long mappedBytes() {
        return length * encoding.itemsize();
    }

    @Override
    public boolean writable() {
        return mode != Mode.READ;
    }

    @Override
    public String describe() {
        return "mapped '" + mode.numpyName() + "' from " + file;
    }

    /** Writes what changed to the file now ({@link Mode#READ_WRITE}; the system writes it back eventually anyway). */
    public void flush() {
        if (mode == Mode.READ_WRITE) {
            for (MappedByteBuffer p : pieces) {
                p.force();
            }
        }
    }

    @Override
    void readRaw(int[] offs, long base, int n, Object dst) {
        move(offs, base, n, dst, false);
        if (encoding == Encoding.BOOL) {
            HeapLoops.normalizeBool((byte[]) dst, 0, n);
        }
    }

    @Override
    void writeRaw(int[] offs, long base, int n, Object src) {
        if (mode == Mode.READ) {
            throw new IllegalStateException("cannot write to " + describe() + ": it is mapped read-only; "
                    + "map it copy-on-write (MMAP_COPY, NumPy's 'c') or read-write (MMAP_READ_WRITE, 'r+'), or copy() it");
        }
        move(offs, base, n, src, true);
    }

    @Override
    void visitRuns(long from, long n, DoubleRuns runs) {
        for (long done = 0; done < n; ) {
            long at = from + done;
            int p = (int) (at / perPiece);
            int i = (int) (at % perPiece);
            int m = (int) Math.min(n - done, perPiece - i);
            runs.buffer((DoubleBuffer) views[p], i, m, done);
            done += m;
        }
    }

    /** Moves elements between {@code array[0..n)} and the file: runs split where a piece ends, or one by one at {@code base + offs}. */
    private void move(int[] offs, long base, int n, Object array, boolean put) {
        for (int done = 0; done < n; ) {
            long at = base + (offs == null ? done : offs[done]);
            int p = (int) (at / perPiece);
            int i = (int) (at % perPiece);
            int m = offs == null ? Math.min(n - done, perPiece - i) : 1;
            if (put) {
                bulkPut(views[p], i, array, done, m);
            } else {
                bulkGet(views[p], i, array, done, m);
            }
            done += m;
        }
    }

    private void bulkGet(Buffer view, int index, Object dst, int off, int n) {
        switch (encoding.primitive()) {
            case BYTE -> ((ByteBuffer) view).get(index, (byte[]) dst, off, n);
            case SHORT -> ((ShortBuffer) view).get(index, (short[]) dst, off, n);
            case INT -> ((IntBuffer) view).get(index, (int[]) dst, off, n);
            case LONG -> ((LongBuffer) view).get(index, (long[]) dst, off, n);
            case FLOAT -> ((FloatBuffer) view).get(index, (float[]) dst, off, n);
            case DOUBLE -> ((DoubleBuffer) view).get(index, (double[]) dst, off, n);
        }
    }

    private void bulkPut(Buffer view, int index, Object src, int off, int n) {
        switch (encoding.primitive()) {
            case BYTE -> ((ByteBuffer) view).put(index, (byte[]) src, off, n);
            case SHORT -> ((ShortBuffer) view).put(index, (short[]) src, off, n);
            case INT -> ((IntBuffer) view).put(index, (int[]) src, off, n);
            case LONG -> ((LongBuffer) view).put(index, (long[]) src, off, n);
            case FLOAT -> ((FloatBuffer) view).put(index, (float[]) src, off, n);
            case DOUBLE -> ((DoubleBuffer) view).put(index, (double[]) src, off, n);
        }
    }
}
