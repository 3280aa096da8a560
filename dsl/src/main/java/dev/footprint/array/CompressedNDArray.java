package dev.footprint.array;

/**
 * A dense array held compressed: cut into chunks, each byte-shuffled and compressed (zstd, lz4,
 * zlib), as python-blosc2's {@code NDArray} and Zarr hold data. Reductions, comparisons and
 * arithmetic with a scalar or another array (compressed or dense, broadcast as NumPy broadcasts;
 * a dense array on the left, {@code dense.sub(c)}, gives a compressed array too), slices, casts
 * and single elements work a chunk at a time, in parallel, without decompressing the whole array;
 * results are equal bit for bit to the dense array's. {@link #nbytes()} is NumPy's logical size;
 * {@link #storedBytes()} what the chunks take.
 *
 * <pre>{@code
 * var c = image.compress();                    // zstd level 1, ~1 MiB C-contiguous chunks
 * c.storedBytes();  c.ratio();                 // e.g. 3.4 MB, 9.8x
 * c.sum(0); c.gt(1000).countNonzero(); c.slice("100:200, ::2");
 * c.decompress().equals(image);                // true: every bit, NaN and -0.0 included
 * image.compress("lz4", 1, 256, 256);          // codec, its level, chunk shape
 * }</pre>
 *
 * <p>The level is the codec's own: zstd's level (1 to 22, negative for faster), LZ4's acceleration
 * (1 compresses most; larger is faster), zlib's 0 to 9. A chunk that does not get smaller is kept
 * as its plain bytes, so the stored size never exceeds {@link #nbytes()}.
 *
 * <p>The engine declares the type; {@code dev.footprint.compress} implements it (found once on
 * the class path, see {@link ArrayCompressor}), so that {@code a.compress()} needs no import of
 * the package built on this one.
 */
public interface CompressedNDArray extends ArrayOperations<CompressedNDArray, CompressedNDArray>,
        ReflectedOperand<CompressedNDArray> {
    /** The codec, level and chunk size chosen by measurement (see the README's "Compressed arrays"). */
    String DEFAULT_CODEC = "zstd";
    int DEFAULT_LEVEL = 1;
    long DEFAULT_CHUNK_BYTES = 1 << 20;

    /**
     * Compresses {@code a} with the default codec, level and chunk shape: {@code a.compress()}.
     *
     * <pre>{@code
     * CompressedNDArray.of(image).ratio();
     * }</pre>
     */
    static CompressedNDArray of(NDArray a) {
        return of(a, DEFAULT_CODEC, DEFAULT_LEVEL);
    }

    /**
     * Compresses {@code a} with {@code codec} ("zstd", "lz4", "zlib", "none") at {@code level} in
     * chunks of {@code chunkShape} (one length per axis; none for C-contiguous chunks of about 1 MiB).
     *
     * <pre>{@code
     * CompressedNDArray.of(image, "lz4", 1, 512, 512);
     * }</pre>
     *
     * @throws IllegalArgumentException for an unknown codec, a level outside its range or a bad chunk shape
     */
    static CompressedNDArray of(NDArray a, String codec, int level, long... chunkShape) {
        ArrayCompressor c = ArrayCompressor.installed();
        return c.compress(a, codec, level, c.defaultBlockSize(Arguments.notNull(codec, "codec")), chunkShape);
    }

    /**
     * As {@link #of(NDArray, String, int, long...)} with the size of the blocks each chunk is cut
     * into before shuffling and compressing chosen: {@code blockSize} bytes as numcodecs' Blosc
     * {@code blocksize} forces it on c-blosc (lz4 and zlib still make it a multiple of the element
     * size within 64 KiB to 1 MiB), or 0 for c-blosc's own rule for the level, which Zarr's Blosc
     * uses by default (32 KiB to 1 MiB).
     *
     * <pre>{@code
     * CompressedNDArray.withBlockSize(image, "zstd", 1, 0);   // c-blosc's blocks, as blosc.compress cuts them
     * }</pre>
     */
    static CompressedNDArray withBlockSize(NDArray a, String codec, int level, int blockSize, long... chunkShape) {
        return ArrayCompressor.installed().compress(a, codec, level, blockSize, chunkShape);
    }

    /** Bytes per element. */
    int itemsize();

    /** Bytes the compressed chunks take (each chunk's block; a chunk that did not shrink counts its plain bytes). */
    long storedBytes();

    /** {@code nbytes() / storedBytes()}: 10.0 means a tenth of the dense size. */
    double ratio();

    /** The codec's name: "zstd", "lz4", "zlib" or "none". */
    String codec();

    /** The codec's level the chunks were compressed at. */
    int level();

    /** The chunk shape (edge chunks hold only what is inside the array). */
    long[] chunkShape();

    /** The number of chunks. */
    int chunkCount();

    /** The bytes of each block a whole chunk is cut into before shuffling and compressing (c-blosc's blocks; the last one may be shorter). */
    int blockSize();

    /** Chunks kept as plain bytes because compressing them did not make them smaller. */
    int plainChunks();

    /**
     * The dense array, bit for bit the one compressed (chunks decoded in parallel); the same as
     * {@link #todense()}.
     *
     * <pre>{@code
     * image.compress().decompress().equals(image);   // true
     * }</pre>
     */
    NDArray decompress();

    /** The element at {@code index} (negative counts from the end), decoding only its chunk; as {@link NDArray#get}. */
    Object get(long... index);

    /** The element at {@code index} as a double, as {@link NDArray#getDouble}. */
    double getDouble(long... index);

    /** The element at {@code index} as a long, as {@link NDArray#getLong}. */
    long getLong(long... index);

    /**
     * NumPy basic indexing ({@code "1:10:2, :"}, {@code "..., 0"}), decoding only the chunks the
     * selection touches; a new dense array.
     *
     * <pre>{@code
     * c.slice("0:10, ::2");
     * }</pre>
     */
    NDArray slice(String spec);

    /** A cast under {@code casting}, chunk by chunk, as {@link NDArray#as(DType, Casting)}. */
    CompressedNDArray as(DType target, Casting casting);

    /** The same elements compressed again with another codec, level or chunk shape. */
    CompressedNDArray recompress(String codec, int level, long... chunkShape);

    /** Chunk {@code i}'s elements as a dense array of its extent (for chunk-by-chunk work such as COO conversion). */
    NDArray chunk(int i);

    /** Where chunk {@code i} starts in the array, per axis. */
    long[] chunkOrigin(int i);

    /**
     * {@code op} with a dense array, broadcast and compressed chunk by chunk as with another
     * compressed array; equal bit for bit to the dense arrays' result. The named forms below
     * ({@code add(NDArray)}, ...) are this under their constant.
     *
     * <pre>{@code
     * image.compress().sub(arr.ones(1024));   // each row less a dense row
     * }</pre>
     *
     * @throws ShapeMismatchException when the shapes do not broadcast, naming both
     */
    CompressedNDArray apply(Operation op, NDArray other);

    /** {@code apply(ADD, other)} with a dense array. */
    default CompressedNDArray add(NDArray other) { return apply(Arithmetic.ADD, other); }
    /** {@code apply(SUB, other)} with a dense array. */
    default CompressedNDArray sub(NDArray other) { return apply(Arithmetic.SUB, other); }
    /** {@code apply(MUL, other)} with a dense array. */
    default CompressedNDArray mul(NDArray other) { return apply(Arithmetic.MUL, other); }
    /** {@code apply(DIV, other)} with a dense array. */
    default CompressedNDArray div(NDArray other) { return apply(Arithmetic.DIV, other); }
    /** {@code apply(LT, other)} with a dense array. */
    default CompressedNDArray lt(NDArray other) { return apply(Comparison.LT, other); }
    /** {@code apply(LE, other)} with a dense array. */
    default CompressedNDArray le(NDArray other) { return apply(Comparison.LE, other); }
    /** {@code apply(GT, other)} with a dense array. */
    default CompressedNDArray gt(NDArray other) { return apply(Comparison.GT, other); }
    /** {@code apply(GE, other)} with a dense array. */
    default CompressedNDArray ge(NDArray other) { return apply(Comparison.GE, other); }
    /** {@code apply(EQ, other)} with a dense array. */
    default CompressedNDArray eq(NDArray other) { return apply(Comparison.EQ, other); }
    /** {@code apply(NE, other)} with a dense array. */
    default CompressedNDArray ne(NDArray other) { return apply(Comparison.NE, other); }
}
