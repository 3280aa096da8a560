package dev.footprint.compress;

import dev.footprint.array.Arguments;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.codec.BloscLayout;
import dev.footprint.codec.Codec;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A compressed array's chunks as stored bytes, for stores that keep chunks compressed as they
 * are. A compressed chunk is a Blosc1 buffer without its 16-byte header ({@link BloscLayout},
 * block starts counted from the header's first byte), so a Zarr Blosc chunk of the same layout
 * moves between a store and a compressed array by adding or dropping the header; a chunk that did
 * not shrink is its plain little-endian bytes. Chunks are numbered in C order of their grid
 * position and hold only the part of the array inside it.
 *
 * <pre>{@code
 * CompressedNDArray c = image.compress("lz4", 5, 256, 256);
 * BloscLayout l = StoredChunks.layout(c, 256 * 256 * 2);     // how a full chunk is cut
 * byte[] body = new byte[StoredChunks.storedLength(c, 0)];
 * StoredChunks.copyStored(c, 0, body, 0);
 * }</pre>
 */
public final class StoredChunks {
    private StoredChunks() {}

    /** One chunk handed to {@link #build}: its stored form, kept as it is, or its elements, compressed there. */
    public sealed interface Chunk permits Chunk.Compressed, Chunk.Plain, Chunk.Elements {
        /** A Blosc1 buffer's body in the array's layout ({@link #layout}), kept as it is. */
        record Compressed(byte[] body) implements Chunk {}

        /** The chunk's plain little-endian bytes, kept as they are (as a chunk that did not shrink). */
        record Plain(byte[] bytes) implements Chunk {}

        /** The chunk's elements, a C-order primitive array of its extent, to compress. */
        record Elements(Object data) implements Chunk {}
    }

    /**
     * A compressed array built chunk by chunk from {@code chunks} (called in parallel, a few chunks
     * at a time), each chunk of {@code chunkShape} cut at the array's edge.
     *
     * <pre>{@code
     * StoredChunks.build(FLOAT64, shape, chunks, "lz4", 5, 0, i -> new StoredChunks.Chunk.Elements(data(i)));
     * }</pre>
     */
    public static CompressedNDArray build(DType dtype, long[] shape, long[] chunkShape, String codec, int level,
            int blocksize, IntFunction<Chunk> chunks) {
        Arguments.notNull(chunks, "chunks");
        Codec c = Codec.named(codec);
        Chunking chunking = new Chunking(shape, Chunking.lengths(chunkShape));
        return new ChunkedNDArray(ChunkStore.fromStored(dtype, chunking, c, level, blocksize, chunks));
    }

    /** The block size {@code compress} forces for {@code codec} (0: c-blosc's rule by level), as new compressed arrays get. */
    public static int defaultBlocksize(String codec) {
        return ChunkedNDArray.defaultBlocksize(Arguments.notNull(codec, "codec"));
    }

    /** How {@code c} cuts a chunk of {@code nbytes} bytes (its codec, c-blosc clevel and block size). */
    public static BloscLayout layout(CompressedNDArray c, int nbytes) {
        return ChunkedNDArray.unwrap(c).store().layout(nbytes);
    }

    /** The c-blosc clevel whose rules cut {@code c}'s chunks. */
    public static int clevel(CompressedNDArray c) {
        return ChunkedNDArray.unwrap(c).store().clevel;
    }

    /** The block size forced on c-blosc's rule for {@code c}'s chunks (numcodecs' Blosc {@code blocksize}), or 0 for the rule's own. */
    public static int forcedBlocksize(CompressedNDArray c) {
        return ChunkedNDArray.unwrap(c).store().blocksize;
    }

    /** Whether chunk {@code i} is kept as its plain bytes. */
    public static boolean plain(CompressedNDArray c, int i) {
        Objects.checkIndex(i, c.chunkCount());
        return ChunkedNDArray.unwrap(c).store().isPlain(i);
    }

    /** Bytes chunk {@code i} takes as stored. */
    public static int storedLength(CompressedNDArray c, int i) {
        Objects.checkIndex(i, c.chunkCount());
        return ChunkedNDArray.unwrap(c).store().stored(i).length;
    }

    /** Copies chunk {@code i}'s stored bytes into {@code dst} from {@code at}. */
    public static void copyStored(CompressedNDArray c, int i, byte[] dst, int at) {
        byte[] b = ChunkedNDArray.unwrap(c).store().stored(i);
        System.arraycopy(b, 0, dst, at, b.length);
    }
}
