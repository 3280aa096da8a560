package dev.footprint.zarr;

import dev.footprint.array.Arguments;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.compress.StoredChunks;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A Zarr v2 array on disk, opened lazily: only its metadata is read when it is opened, and each
 * operation reads the chunks it needs, one at a time per thread. A store larger than the heap can
 * be reduced, sliced, converted to a smaller dtype, or copied into a new store.
 *
 * <pre>{@code
 * var z = zarr.open("scan.zarr");     // reads .zarray only
 * z.sum(0);                           // one chunk at a time
 * z.slice("0:100, :");                // reads only the chunks of the first 100 rows
 * z.copyTo("scan-u16.zarr", zarr.options().dtype(UINT16));   // fails, naming the index, if a value does not fit
 * }</pre>
 */
public final class ZarrArray implements Displayable {
    private final Path path;
    private final ChunkStore chunks;
    private final Map<String, Object> attrs;

    ZarrArray(Path path, ZarrMetadata meta, Map<String, Object> attrs) {
        this.path = path;
        this.chunks = new ChunkStore(path, meta);
        this.attrs = attrs;
    }

    /** Opens the store at {@code path}, reading and checking its {@code .zarray} and reading its {@code .zattrs}. */
    static ZarrArray open(Path path) {
        ZarrMetadata meta = ZarrMetadata.read(path);
        return new ZarrArray(path, meta, Attributes.read(path));
    }

    ZarrMetadata metadata() {
        return chunks.meta;
    }

    /** The store's folder. */
    public Path path() {
        return path;
    }

    /**
     * The store's user attributes (its {@code .zattrs}, zarr-python's {@code z.attrs}), read when
     * it was opened; empty when it has none. Integers are {@code Long}, other numbers {@code Double};
     * lists and maps nest. Unmodifiable: write new ones with {@code zarr.options().attrs(...)}.
     *
     * <pre>{@code
     * zarr.open("scan.zarr").attrs().get("units");   // "counts"
     * }</pre>
     */
    public Map<String, Object> attrs() {
        return attrs;
    }

    /** The length of each axis. */
    public long[] shape() {
        return chunks.meta.shape().clone();
    }

    public int ndim() {
        return chunks.meta.shape().length;
    }

    /** The number of elements. */
    public long size() {
        return ZarrReductions.size(chunks.meta.shape());
    }

    public DType dtype() {
        return chunks.meta.dtype();
    }

    /** The chunk shape. */
    public long[] chunks() {
        return Blocks.toLongs(chunks.meta.chunks());
    }

    /** Bytes of the elements as an in-memory array would take them ({@code size × itemsize}), as zarr-python's {@code nbytes}. */
    public long nbytes() {
        return size() * dtype().itemsize();
    }

    /** Bytes of the chunk files on disk, as zarr-python's {@code nbytes_stored} less the metadata. */
    public long storedBytes() {
        return StoreFiles.chunkBytes(path);
    }

    /** The number of chunks the array is divided into (stored or not). */
    public long chunkCount() {
        return chunks.chunkCount;
    }

    /** The compressor, e.g. {@code "blosc(lz4, clevel 5, shuffle)"}. */
    public String compressor() {
        return chunks.meta.compressor().describe();
    }

    /**
     * The whole array in memory, assembled one chunk at a time (any size the heap holds, past 2^31
     * elements too); refused before anything is allocated when the heap cannot hold it.
     *
     * <pre>{@code
     * NDArray image = zarr.open("scan.zarr").read();
     * }</pre>
     */
    public NDArray read() {
        return ZarrSlicer.slice(chunks, "");
    }

    /**
     * The elements NumPy's basic indexing selects ({@code "10:20, ::2, 3"}), reading only the
     * chunks the selection touches.
     *
     * <pre>{@code
     * zarr.open("scan.zarr").slice("0:10, -1");
     * }</pre>
     */
    public NDArray slice(String spec) {
        Arguments.notNull(spec, "spec");
        return ZarrSlicer.slice(chunks, spec);
    }

    /** One element, reading only its chunk. */
    public Object get(long... index) {
        Arguments.notNull(index, "index");
        if (index.length != ndim()) {
            throw new IndexOutOfBoundsException("array is " + ndim() + "-dimensional, but " + index.length
                    + " indices were given: " + Arrays.toString(index));
        }
        StringBuilder spec = new StringBuilder();
        for (long i : index) {
            spec.append(spec.length() == 0 ? "" : ",").append(i);
        }
        return slice(spec.toString()).get();
    }

    /** The one chunk at grid position {@code at}, trimmed to the part inside the array. */
    public NDArray chunk(long... at) {
        Arguments.notNull(at, "at");
        if (at.length != ndim()) {
            throw new IndexOutOfBoundsException("chunk positions have " + ndim() + " numbers, not " + at.length);
        }
        for (int i = 0; i < at.length; i++) {
            if (at[i] < 0 || at[i] >= chunks.grid[i]) {
                throw new IndexOutOfBoundsException("chunk " + Arrays.toString(at) + " is outside the grid "
                        + Arrays.toString(chunks.grid));
            }
        }
        return chunks.read(at);
    }

    /** The sum of all elements, with NumPy's result dtype, reading one chunk at a time. */
    public NDArray sum() {
        return ZarrReductions.whole(chunks, ZarrReductions.Kind.SUM);
    }

    /** Sums along {@code axis}, reading one chunk at a time. */
    public NDArray sum(int axis) {
        return ZarrReductions.along(chunks, ZarrReductions.Kind.SUM, axis);
    }

    public NDArray mean() {
        return ZarrReductions.whole(chunks, ZarrReductions.Kind.MEAN);
    }

    public NDArray mean(int axis) {
        return ZarrReductions.along(chunks, ZarrReductions.Kind.MEAN, axis);
    }

    public NDArray min() {
        return ZarrReductions.whole(chunks, ZarrReductions.Kind.MIN);
    }

    public NDArray min(int axis) {
        return ZarrReductions.along(chunks, ZarrReductions.Kind.MIN, axis);
    }

    public NDArray max() {
        return ZarrReductions.whole(chunks, ZarrReductions.Kind.MAX);
    }

    public NDArray max(int axis) {
        return ZarrReductions.along(chunks, ZarrReductions.Kind.MAX, axis);
    }

    /** The number of non-zero elements (NaN counts; the fill of missing chunks counts too). */
    public long countNonzero() {
        return ZarrReductions.whole(chunks, ZarrReductions.Kind.COUNT_NONZERO).longValue();
    }

    public NDArray countNonzero(int axis) {
        return ZarrReductions.along(chunks, ZarrReductions.Kind.COUNT_NONZERO, axis);
    }

    /**
     * The whole array in memory in a smaller dtype, converted chunk by chunk, so the store's own
     * dtype never needs to fit the heap. Lossless as {@code NDArray.as}: a value that does not
     * survive is named with its index.
     *
     * <pre>{@code
     * NDArray image = zarr.open("scan-f64.zarr").as(UINT16);
     * }</pre>
     */
    public NDArray as(DType target) {
        Arguments.notNull(target, "target");
        NDArray out = NDArray.allocate(target, shape());
        ChunkTasks.forEachAll(chunks.chunkCount, i -> {
            long[] at = chunks.position(i);
            Blocks.place(cast(chunks, at, chunks.read(at), target), out, chunks.origin(at));
        }, StoreCastException.class, StoreCastException.IN_C_ORDER);
        return out;
    }

    /**
     * Copies the store to a new store at {@code target} with the same dtype, chunks and
     * compressor: the chunk files are copied as they are, not decoded.
     */
    public ZarrArray copyTo(String target) {
        return copyTo(Path.of(Arguments.notNull(target, "target")), ZarrOptions.DEFAULT);
    }

    /**
     * Copies the store chunk by chunk into a new store, with another dtype (lossless, as
     * {@code NDArray.as}) and/or compressor from {@code options}; chunks keep their shape. Where
     * dtype and compressor stay the same, chunk files are copied without decoding.
     *
     * <pre>{@code
     * zarr.open("big.zarr").copyTo("big-u16.zarr", zarr.options().dtype(UINT16));
     * zarr.open("big.zarr").copyTo("big-zstd.zarr", zarr.options().blosc("zstd", 5));
     * }</pre>
     */
    public ZarrArray copyTo(String target, ZarrOptions options) {
        return copyTo(Path.of(Arguments.notNull(target, "target")), options);
    }

    /** As {@link #copyTo(String, ZarrOptions)}. */
    public ZarrArray copyTo(Path target, ZarrOptions options) {
        return StoreCopy.copy(this, chunks, Arguments.notNull(target, "target"), Arguments.notNull(options, "options"));
    }

    /**
     * The store as a compressed array in memory, read chunk by chunk (never the whole array
     * decoded at once), with the store's chunk shape. A store compressed with Blosc (lz4, zstd or
     * zlib inside, byte shuffle, clevel 1–9, little-endian, C order) gives an array with that codec,
     * level and block size, and its chunks are kept as they are stored, not compressed again (edge
     * chunks, which Zarr pads to the chunk shape, are). Other stores are compressed with
     * {@code CompressedNDArray}'s defaults.
     *
     * <pre>{@code
     * var c = zarr.open("scan.zarr").compress();   // Blosc lz4 chunks kept as they are
     * c.sum(0);
     * zarr.save("copy.zarr", c);                   // and written back as they are
     * }</pre>
     */
    public CompressedNDArray compress() {
        return compress(new StoreCompression.Counts());
    }

    /**
     * The store as a compressed array with {@code codec} ("zstd", "lz4", "zlib", "none") at its own
     * {@code level}, chunk by chunk with the store's chunk shape; Blosc chunks already compressed
     * so (the same codec, level and c-blosc blocks) are kept as they are.
     *
     * <pre>{@code
     * zarr.open("scan.zarr").compress("zstd", 1).ratio();
     * }</pre>
     */
    public CompressedNDArray compress(String codec, int level) {
        Arguments.notNull(codec, "codec");
        return StoreCompression.compress(chunks, codec, level, StoredChunks.defaultBlocksize(codec), new StoreCompression.Counts());
    }

    /** As {@link #compress()}, counting the chunks kept as stored and those compressed again. */
    CompressedNDArray compress(StoreCompression.Counts counts) {
        if (chunks.meta.compressor() instanceof BloscCompressor b && b.clevel() > 0 && !b.cname().equals("lz4hc")) {
            return StoreCompression.compress(chunks, b.cname(), BloscLayout.nativeLevel(b.cname(), b.clevel()), b.blocksize(),
                    counts);
        }
        String codec = CompressedNDArray.DEFAULT_CODEC;
        return StoreCompression.compress(chunks, codec, CompressedNDArray.DEFAULT_LEVEL, StoredChunks.defaultBlocksize(codec),
                counts);
    }

    /** Casts a chunk, naming the element that does not fit by its index in the whole array. */
    static NDArray cast(ChunkStore s, long[] at, NDArray chunk, DType target) {
        if (chunk.dtype() == target) {
            return chunk;
        }
        try {
            return chunk.as(target);
        } catch (LossyCastException e) {
            long[] local = e.index();
            long[] origin = s.origin(at);
            for (int i = 0; i < local.length && i < origin.length; i++) {
                local[i] += origin[i];
            }
            throw new StoreCastException(target + " cannot hold " + e.value() + " at " + Arrays.toString(local)
                    + " of Zarr store " + s.store + " (chunk " + s.key(at) + ", " + chunk.dtype() + "); that chunk needs "
                    + e.suggestion() + " (" + e.suggestion().name() + ")", local, e);
        }
    }

    @Override
    public String toString() {
        ZarrMetadata m = chunks.meta;
        return "ZarrArray " + path + ": " + m.dtype() + " " + Arrays.toString(m.shape()) + ", chunks "
                + Arrays.toString(m.chunks()) + ", " + compressor() + ", fill " + m.fill() + ", order "
                + (m.fortranOrder() ? "F" : "C");
    }

    @Override
    public MimeBundle mimeBundle() {
        return ZarrText.bundle(this);
    }
}
