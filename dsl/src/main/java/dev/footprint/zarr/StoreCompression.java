package dev.footprint.zarr;

import com.google.gson.JsonObject;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.compress.StoredChunks;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves an array between a Zarr store and a compressed array in memory chunk by chunk, never
 * decoding the whole array. Where the store's chunks are Blosc buffers with the compressed array's
 * codec, level and block layout (same chunk shape, dtype, little-endian, C order), a chunk is kept
 * as it is: its stored bytes lose or gain Blosc's 16-byte header and nothing else. Other chunks,
 * and edge chunks (stored padded to the chunk shape in Zarr, cut at the edge in a compressed
 * array), are decoded and compressed again, one chunk at a time per thread.
 */
final class StoreCompression {
    /** How many chunks kept their stored bytes and how many were compressed again. */
    record Counts(AtomicLong kept, AtomicLong recompressed) {
        Counts() {
            this(new AtomicLong(), new AtomicLong());
        }
    }

    private StoreCompression() {}

    /** The store's chunks as a compressed array with {@code codec} at {@code level} in c-blosc blocks of {@code blocksize} (0: c-blosc's rule). */
    static CompressedNDArray compress(ChunkStore src, String codec, int level, int blocksize, Counts counts) {
        ZarrMetadata m = src.meta;
        boolean sameForm = m.compressor() instanceof BloscCompressor b && b.cname().equals(codec) && b.clevel() > 0
                && BloscLayout.nativeLevel(b.cname(), b.clevel()) == level && littleEndianC(m);
        DType t = m.dtype();
        return StoredChunks.build(t, m.shape(), Blocks.toLongs(m.chunks()), codec, level, blocksize, i -> {
            long[] at = src.position(i);
            byte[] stored = src.readStored(src.key(at));
            if (sameForm && stored != null && interior(src, at)) {
                StoredChunks.Chunk kept = keep(stored, codec, level, blocksize, m.chunkBytes(), t.itemsize());
                if (kept != null) {
                    counts.kept().incrementAndGet();
                    return kept;
                }
            }
            counts.recompressed().incrementAndGet();
            return new StoredChunks.Chunk.Elements(src.read(at, stored).contiguousData());
        });
    }

    /** A stored Blosc chunk as the compressed array keeps it, or null when its header shows another codec or layout. */
    private static StoredChunks.Chunk keep(byte[] stored, String codec, int level, int blocksize, int len, int itemsize) {
        BloscCompressor.Header h = BloscCompressor.header(stored);
        if (h == null || h.nbytes() != len) {
            return null;
        }
        byte[] body = Arrays.copyOfRange(stored, BloscLayout.HEADER, stored.length);
        if (h.layout() == null) {
            return new StoredChunks.Chunk.Plain(body);
        }
        BloscLayout expected = BloscLayout.of(codec, BloscLayout.clevel(codec, level), itemsize, len, blocksize, itemsize > 1);
        boolean same = h.codec().equals(codec) && h.layout().equals(new BloscLayout(expected.typesize(),
                expected.blocksize(), expected.shuffle() && itemsize > 1, expected.split()));
        return same ? new StoredChunks.Chunk.Compressed(body) : null;
    }

    /** Writes {@code c} as a new store at {@code path}. */
    static ZarrArray save(Path path, CompressedNDArray c, ZarrOptions options, Counts counts) {
        CompressedNDArray src = options.dtype() == null || options.dtype() == c.dtype() ? c : c.as(options.dtype());
        DType t = src.dtype();
        long[] chunks = options.chunkShape() == null ? c.chunkShape() : options.chunkShape();
        if (chunks.length != c.ndim()) {
            throw new IllegalArgumentException("chunks " + Arrays.toString(chunks) + " need one length per axis of shape "
                    + Arrays.toString(c.shape()));
        }
        ChunkCompressor comp = options.compressorChosen() ? options.compressor() : matching(c);
        ZarrMetadata meta = new ZarrMetadata(c.shape(), Blocks.toInts(chunks), t, ByteOrder.LITTLE_ENDIAN, false,
                options.fill(t), comp, ".");
        ZarrWriter.checkChunkSize(meta);
        boolean sameChunks = Arrays.equals(chunks, c.chunkShape());
        int len = meta.chunkBytes();
        BloscLayout layout = comp instanceof BloscCompressor b && b.cname().equals(c.codec())
                && BloscLayout.nativeLevel(b.cname(), b.clevel()) == c.level() ? b.layout(len, t.itemsize()) : null;
        boolean keep = sameChunks && layout != null && layout.equals(normalized(StoredChunks.layout(src, len), t));
        JsonObject attrs = options.attrs();
        return ZarrWriter.write(path, meta, attrs, (target, at) -> {
            if (!sameChunks) {
                counts.recompressed().incrementAndGet();
                return target.encode(at, src.slice(ZarrWriter.regionSpec(target, at)));
            }
            int i = flat(target, at);
            if (keep && interior(target, at)) {
                counts.kept().incrementAndGet();
                int n = StoredChunks.storedLength(src, i);
                return ((BloscCompressor) comp).framed(StoredChunks.plain(src, i) ? null : layout, len, t.itemsize(), n,
                        (out, from) -> StoredChunks.copyStored(src, i, out, from));
            }
            counts.recompressed().incrementAndGet();
            return target.encode(at, src.chunk(i));
        });
    }

    /** The Blosc compressor whose chunks are {@code c}'s with a header: its codec, clevel and block size, byte shuffle. */
    static ChunkCompressor matching(CompressedNDArray c) {
        if (c.codec().equals("none")) {
            return new Uncompressed();
        }
        return new BloscCompressor(c.codec(), StoredChunks.clevel(c), BloscCompressor.SHUFFLE, StoredChunks.forcedBlocksize(c));
    }

    private static BloscLayout normalized(BloscLayout l, DType t) {
        return new BloscLayout(l.typesize(), l.blocksize(), l.shuffle() && t.itemsize() > 1, l.split());
    }

    private static boolean littleEndianC(ZarrMetadata m) {
        return !m.fortranOrder() && (m.dtype().itemsize() == 1 || m.byteOrder().equals(ByteOrder.LITTLE_ENDIAN));
    }

    private static boolean interior(ChunkStore s, long[] at) {
        int[] v = s.valid(at);
        for (int d = 0; d < v.length; d++) {
            if (v[d] != s.meta.chunks()[d]) {
                return false;
            }
        }
        return true;
    }

    /** The C-order number of the chunk at grid position {@code at}. */
    private static int flat(ChunkStore s, long[] at) {
        long i = 0;
        for (int d = 0; d < at.length; d++) {
            i = i * s.grid[d] + at[d];
        }
        return Math.toIntExact(i);
    }
}
