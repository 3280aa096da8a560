package dev.footprint.compress;

import dev.footprint.array.Arguments;
import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.PiecewiseArray;
import dev.footprint.codec.Codec;
import dev.footprint.display.MimeBundle;
import java.util.Arrays;

/**
 * The compressed array ({@link CompressedNDArray}, where it is documented) as chunks in a
 * {@link ChunkStore}: every operation works a chunk at a time, in parallel.
 */
final class ChunkedNDArray extends PiecewiseArray<CompressedNDArray, CompressedNDArray> implements CompressedNDArray {
    private final ChunkStore store;
    private String name;

    ChunkedNDArray(ChunkStore store) {
        this.store = store;
    }

    ChunkStore store() {
        return store;
    }

    /** {@code c}'s chunks: its own when it is one of these, else its elements compressed again in its chunk shape. */
    static ChunkedNDArray unwrap(CompressedNDArray c) {
        return c instanceof ChunkedNDArray k ? k
                : compress(c.decompress(), c.codec(), c.level(), defaultBlocksize(c.codec()), c.chunkShape());
    }

    /** {@code a} compressed as {@link CompressedNDArray#withBlockSize} says. */
    static ChunkedNDArray compress(NDArray a, String codec, int level, int blockSize, long... chunkShape) {
        Arguments.notNull(a, "a");
        Arguments.notNull(codec, "codec");
        Arguments.notNull(chunkShape, "chunkShape");
        if (blockSize < 0) {
            throw new IllegalArgumentException("blockSize must be 0 (c-blosc's rule) or a number of bytes, got " + blockSize);
        }
        Codec c = Codec.named(codec);
        long[] shape = a.shape();
        int[] chunk = chunkShape.length == 0 ? Chunking.contiguous(shape, a.itemsize(), DEFAULT_CHUNK_BYTES) : Chunking.lengths(chunkShape);
        Chunking chunking = new Chunking(shape, chunk);
        c.compress(new byte[0], 0, 0, new byte[c.maxCompressedLength(0)], 0, level); // refuses a bad level before any work
        NDArray run = a.isContiguous() ? a : a.copy(); // a strided view of a big array is copied into big storage
        return new ChunkedNDArray(ChunkStore.compress(a.dtype(), run.storage(), run.storageOffset(), chunking, c, level,
                blockSize));
    }

    /**
     * The block size a new array compressed with {@code codec} is cut in (0: c-blosc's rule for the
     * level), chosen by measurement ({@code bench/.../BlockSizeMain}, README "Compressed arrays"):
     * zstd gets blocks of a whole default chunk (1 MiB), which stored a smooth float64 image in a
     * tenth of the bytes of c-blosc's 32 KiB blocks at clevel 1; lz4 and zlib, which c-blosc
     * already cuts in 256 KiB to 1 MiB blocks by splitting them per byte, keep c-blosc's rule.
     */
    static int defaultBlocksize(String codec) {
        return "zstd".equals(codec) ? (int) DEFAULT_CHUNK_BYTES : 0;
    }

    // ---- what it is -------------------------------------------------------------------

    /** The length of each axis, as the dense array's. */
    @Override
    public long[] shape() { return store.chunking.shape.clone(); }

    @Override
    public int ndim() { return store.chunking.ndim(); }

    @Override
    public long size() { return ChunkReductions.size(store.chunking.shape); }

    @Override
    public DType dtype() { return store.dtype; }

    public int itemsize() { return store.dtype.itemsize(); }

    /** NumPy's logical size, {@code size() * itemsize()}, as the dense array's: not what is stored. */
    @Override
    public long nbytes() { return size() * itemsize(); }

    /** Bytes the compressed chunks take (each chunk's block; a chunk that did not shrink counts its plain bytes). */
    public long storedBytes() { return store.storedBytes(); }

    /** {@code nbytes() / storedBytes()}: 10.0 means a tenth of the dense size. */
    public double ratio() { return storedBytes() == 0 ? 1 : (double) nbytes() / storedBytes(); }

    /** The codec's name: "zstd", "lz4", "zlib" or "none". */
    public String codec() { return store.codec.name(); }

    /** The codec's level the chunks were compressed at. */
    public int level() { return store.level; }

    /** The chunk shape (edge chunks hold only what is inside the array). */
    public long[] chunkShape() { return Arrays.stream(store.chunking.chunk).asLongStream().toArray(); }

    /** The number of chunks. */
    public int chunkCount() { return store.chunking.count; }

    /** The bytes of each block a whole chunk is cut into before shuffling and compressing (c-blosc's blocks; the last one may be shorter). */
    public int blockSize() { return store.layout(Chunking.elements(store.chunking.chunk) * itemsize()).blocksize(); }

    /** Chunks kept as plain bytes because compressing them did not make them smaller. */
    public int plainChunks() { return store.plainChunks(); }

    /** A label shown by footprint tables; returns this array. */
    @Override
    public CompressedNDArray named(String label) {
        this.name = label;
        return this;
    }

    /** The label given by {@link #named}, or null. */
    @Override
    public String name() { return name; }

    // ---- back to dense --------------------------------------------------------------------

    /**
     * The dense array, bit for bit the one compressed (chunks decoded in parallel).
     *
     * <pre>{@code
     * image.compress().decompress().equals(image);   // true
     * }</pre>
     */
    public NDArray decompress() {
        NDArray out = NDArray.allocate(store.dtype, store.chunking.shape);
        store.decodeInto(out.storage());
        return out;
    }

    /** The same as {@link #decompress()}, named as sparse arrays' {@code todense()}. */
    @Override
    public NDArray todense() { return decompress(); }

    /** The element at {@code index} (negative counts from the end), decoding only its chunk; as {@link NDArray#get}. */
    public Object get(long... index) { return locate(index).get(); }

    public double getDouble(long... index) { return locate(index).getDouble(); }

    public long getLong(long... index) { return locate(index).getLong(); }

    private record Located(NDArray chunk, long[] local) {
        Object get() { return chunk.get(local); }
        double getDouble() { return chunk.getDouble(local); }
        long getLong() { return chunk.getLong(local); }
    }

    private Located locate(long[] index) {
        Arguments.notNull(index, "index");
        long[] shape = store.chunking.shape;
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("array is " + shape.length + "-dimensional, but " + index.length
                    + " indices were given: " + Arrays.toString(index));
        }
        int[] p = new int[shape.length];
        long[] local = new long[shape.length];
        for (int d = 0; d < shape.length; d++) {
            long k = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (k < 0 || k >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of bounds for axis " + d + " with size " + shape[d]);
            }
            p[d] = (int) (k / store.chunking.chunk[d]);
            local[d] = k % store.chunking.chunk[d];
        }
        return new Located(store.chunkArray(store.chunking.index(p)), local);
    }

    /**
     * NumPy basic indexing ({@code "1:10:2, :"}, {@code "..., 0"}), decoding only the chunks the
     * selection touches; a new dense array.
     *
     * <pre>{@code
     * c.slice("0:10, ::2");
     * }</pre>
     */
    public NDArray slice(String spec) { return ChunkOps.slice(store, Arguments.notNull(spec, "spec")); }

    // ---- reductions -------------------------------------------------------------------

    /** The sum as a 0-d array, equal bit for bit to {@code decompress().sum()}. */
    @Override
    public NDArray sum() { return empty() ? decompress().sum() : ChunkReductions.whole(store, ChunkReductions.Kind.SUM); }

    /** Sums along {@code axis}: a dense array equal bit for bit to {@code decompress().sum(axis)}. */
    @Override
    public NDArray sum(int axis) { return empty() ? decompress().sum(axis) : ChunkReductions.alongAxis(store, ChunkReductions.Kind.SUM, axis); }

    @Override
    public NDArray mean() { return empty() ? decompress().mean() : ChunkReductions.whole(store, ChunkReductions.Kind.MEAN); }

    @Override
    public NDArray mean(int axis) { return empty() ? decompress().mean(axis) : ChunkReductions.alongAxis(store, ChunkReductions.Kind.MEAN, axis); }

    @Override
    public NDArray min() { return empty() ? decompress().min() : ChunkReductions.whole(store, ChunkReductions.Kind.MIN); }

    @Override
    public NDArray min(int axis) { return empty() ? decompress().min(axis) : ChunkReductions.alongAxis(store, ChunkReductions.Kind.MIN, axis); }

    @Override
    public NDArray max() { return empty() ? decompress().max() : ChunkReductions.whole(store, ChunkReductions.Kind.MAX); }

    @Override
    public NDArray max(int axis) { return empty() ? decompress().max(axis) : ChunkReductions.alongAxis(store, ChunkReductions.Kind.MAX, axis); }

    @Override
    public long countNonzero() { return empty() ? 0 : ChunkReductions.whole(store, ChunkReductions.Kind.COUNT_NONZERO).getLongFlat(0); }

    @Override
    public NDArray countNonzero(int axis) { return empty() ? decompress().countNonzero(axis) : ChunkReductions.alongAxis(store, ChunkReductions.Kind.COUNT_NONZERO, axis); }

    // ---- elementwise (documented once, in ArrayOperations): compressed results, chunk by chunk -----
    // With a scalar (PiecewiseArray): each chunk's dense result, in the same chunks, codec and level.

    /** With another compressed array: this array's codec, level and (when it has the result's shape) chunks. */
    @Override
    public CompressedNDArray apply(Operation op, CompressedNDArray other) {
        Arguments.notNull(op, "op");
        return zip(unwrap(Arguments.notNull(other, "other")), op.method(), (x, y) -> x.apply(op, y));
    }

    @Override
    public CompressedNDArray apply(Operation op, NDArray other) {
        Arguments.notNull(op, "op");
        return zip(Arguments.notNull(other, "other"), false, op.method(), (x, y) -> x.apply(op, y));
    }

    /**
     * {@code left op this}, the dense array on the left: compressed, by symmetry with
     * {@link #apply(Operation, NDArray)}, with this array's codec and level and its chunks when it
     * has the result's shape.
     */
    @Override
    public CompressedNDArray applyReflected(Operation op, NDArray left) {
        Arguments.notNull(op, "op");
        return zip(Arguments.notNull(left, "left"), true, op.method(), (x, y) -> x.apply(op, y));
    }

    private CompressedNDArray zip(ChunkedNDArray other, String name, java.util.function.BinaryOperator<NDArray> op) {
        long[] out = BroadcastOps.shape(name, shape(), other.shape());
        if (ChunkReductions.size(out) == 0 || empty() || other.empty()) {
            return CompressedNDArray.of(op.apply(decompress(), other.decompress()), codec(), level(), Arrays.equals(out, shape()) ? chunkShape() : new long[0]);
        }
        if (Arrays.equals(shape(), other.shape())) {
            return new ChunkedNDArray(ChunkOps.zip(store, other.store, op));
        }
        return new ChunkedNDArray(BroadcastOps.zip(BroadcastOps.Operand.of(store), BroadcastOps.Operand.of(other.store), store, out, op));
    }

    /** {@code this op dense}, or {@code dense op this} when {@code reflected}: compressed with this array's settings. */
    private CompressedNDArray zip(NDArray dense, boolean reflected, String name, java.util.function.BinaryOperator<NDArray> op) {
        long[] out = reflected ? BroadcastOps.shape(name, dense.shape(), shape()) : BroadcastOps.shape(name, shape(), dense.shape());
        if (ChunkReductions.size(out) == 0 || empty() || dense.size() == 0) {
            NDArray r = reflected ? op.apply(dense, decompress()) : op.apply(decompress(), dense);
            return CompressedNDArray.of(r, codec(), level(), Arrays.equals(out, shape()) ? chunkShape() : new long[0]);
        }
        BroadcastOps.Operand mine = BroadcastOps.Operand.of(store);
        BroadcastOps.Operand theirs = BroadcastOps.Operand.of(dense);
        return new ChunkedNDArray(reflected ? BroadcastOps.zip(theirs, mine, store, out, op) : BroadcastOps.zip(mine, theirs, store, out, op));
    }

    /** {@code op} on every chunk: a compressed array with the same chunks, codec and level. */
    @Override
    protected CompressedNDArray mapPieces(java.util.function.UnaryOperator<NDArray> op) {
        if (empty()) {
            return CompressedNDArray.of(op.apply(decompress()), codec(), level(), chunkShape());
        }
        return new ChunkedNDArray(ChunkOps.map(store, op));
    }

    /** No elements: operations go through the (empty) dense array, which costs nothing. */
    private boolean empty() {
        return size() == 0;
    }

    /** Chunk by chunk; a refusal names the first element of the whole array that would change. */
    @Override
    public CompressedNDArray as(DType target) { return as(target, Casting.SAME_VALUE); }

    /** A cast under {@code casting}, as {@link NDArray#as(DType, Casting)}. */
    public CompressedNDArray as(DType target, Casting casting) {
        Arguments.notNull(target, "target");
        Arguments.notNull(casting, "casting");
        return empty() ? mapPieces(c -> c.as(target, casting)) : new ChunkedNDArray(ChunkOps.cast(store, target, casting));
    }

    /** The same elements compressed again with another codec, level or chunk shape. */
    public CompressedNDArray recompress(String codec, int level, long... chunkShape) {
        Arguments.notNull(chunkShape, "chunkShape");
        return CompressedNDArray.of(decompress(), codec, level, chunkShape);
    }

    /** Chunk {@code i}'s elements as a dense array of its extent (for chunk-by-chunk work such as COO conversion). */
    public NDArray chunk(int i) {
        java.util.Objects.checkIndex(i, chunkCount());
        return store.chunkArray(i);
    }

    /** Where chunk {@code i} starts in the array, per axis. */
    public long[] chunkOrigin(int i) {
        java.util.Objects.checkIndex(i, chunkCount());
        return store.chunking.origin(i);
    }

    // ---- display ----------------------------------------------------------------------

    /** One line: dtype, shape, codec and level, chunk shape, logical and stored size, ratio. */
    @Override
    public String toString() {
        return CompressedText.plain(this);
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(CompressedText.plain(this), CompressedText.html(this));
    }
}
