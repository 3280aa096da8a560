package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.codec.Codec;
import dev.footprint.codec.CodecException;
import dev.footprint.codec.Shuffle;
import dev.footprint.storage.Parallel;
import dev.footprint.storage.Storage;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The compressed chunks of one array and the two ways through them: a chunk's elements are
 * written as little-endian bytes and compressed as c-blosc compresses a buffer at the matching
 * clevel and block size ({@link BloscLayout}: blocks byte-shuffled by the element size, lz4 and
 * zlib blocks split into one stream per byte of the type). A chunk's bytes are exactly a Blosc1
 * buffer after its 16-byte header (block starts count from the header's first byte), so a Zarr
 * store's Blosc chunk of the same layout is this chunk with a header in front. When compressing
 * does not make a chunk smaller it is kept as plain bytes instead, so a chunk never takes more
 * than its elements' bytes.
 */
final class ChunkStore {
    final DType dtype;
    final Chunking chunking;
    final Codec codec;
    final int level;
    private final byte[][] blocks;
    /** Whether chunk i is kept as plain, unshuffled bytes. */
    private final boolean[] plain;
    private final long storedBytes;
    /** The c-blosc clevel whose block sizes the chunks are cut in. */
    final int clevel;
    /** The block size forced on c-blosc's rule ({@code blocksize} of numcodecs' Blosc), or 0 for the rule's own. */
    final int blocksize;

    private ChunkStore(DType dtype, Chunking chunking, Codec codec, int level, int blocksize, byte[][] blocks,
            boolean[] plain) {
        this.dtype = dtype;
        this.chunking = chunking;
        this.codec = codec;
        this.level = level;
        this.blocksize = blocksize;
        this.blocks = blocks;
        this.plain = plain;
        long n = 0;
        for (byte[] b : blocks) {
            n += b == null ? 0 : b.length;
        }
        this.storedBytes = n;
        this.clevel = BloscLayout.clevel(codec.name(), level);
    }

    /** Per-worker buffers, each a chunk's bytes long (the packed one the layout's bound). */
    private final class Scratch {
        final byte[] raw;
        final byte[] shuffled;
        byte[] packed;

        Scratch(int chunkBytes) {
            raw = new byte[chunkBytes];
            shuffled = new byte[chunkBytes];
            packed = new byte[layout(chunkBytes).maxLength(codec, chunkBytes)];
        }
    }

    private int chunkBytes() {
        return Chunking.elements(chunking.chunk) * dtype.itemsize();
    }

    /**
     * Compresses a C-order array's elements ({@code data} from element {@code base}, in any storage:
     * heap, big or mapped) chunk by chunk; each worker holds only its chunk's buffers.
     */
    static ChunkStore compress(DType dtype, Storage data, long base, Chunking chunking, Codec codec, int level, int blocksize) {
        ChunkStore s = empty(dtype, chunking, codec, level, blocksize);
        int item = dtype.itemsize();
        Parallel.forEach(chunking.count, () -> s.new Scratch(s.chunkBytes()), (scratch, i) -> {
            Runnable raw = () -> chunking.runs(i, (dense, at, len) -> ElementBytes.put(dtype, data, base + dense, len, scratch.raw, at * item));
            long start = s.contiguousStart(i);
            BloscLayout.BlockShuffler direct = start < 0 ? null : s.directShuffler(data.doubles(), data.longs(), base + start);
            if (direct == null) {
                raw.run();
            }
            s.pack(i, scratch, direct, raw);
        });
        return s.sealed();
    }

    /** Where chunk {@code i}'s elements start in a C-order array of the whole shape when they are one run there, else -1. */
    long contiguousStart(int i) {
        long[] start = {-1}; // the first run's dense offset
        boolean[] apart = {false};
        chunking.runs(i, (dense, at, len) -> {
            if (at == 0) {
                start[0] = dense;
            } else if (dense != start[0] + at) {
                apart[0] = true;
            }
        });
        return apart[0] ? -1 : start[0];
    }

    /**
     * Shuffles blocks straight from 8-byte elements on the heap ({@code doubles} or {@code longs}
     * from element {@code from}), or null when this store's chunks cannot be shuffled that way.
     */
    private BloscLayout.BlockShuffler directShuffler(double[] doubles, long[] longs, long from) {
        if (dtype.itemsize() != 8 || codec.name().equals("none") || (doubles == null && longs == null)) {
            return null;
        }
        int at = Math.toIntExact(from);
        return doubles != null
                ? (start, len, tmp) -> Shuffle.shuffle(doubles, at + start / 8, len / 8, tmp, 0)
                : (start, len, tmp) -> Shuffle.shuffle(longs, at + start / 8, len / 8, tmp, 0);
    }

    /** Unshuffles blocks straight into 8-byte elements on the heap, or null as {@link #directShuffler}. */
    private BloscLayout.BlockUnshuffler directUnshuffler(double[] doubles, long[] longs, long from) {
        if (dtype.itemsize() != 8 || (doubles == null && longs == null)) {
            return null;
        }
        int at = Math.toIntExact(from);
        return doubles != null
                ? (tmp, start, len) -> Shuffle.unshuffle(tmp, 0, len / 8, doubles, at + start / 8)
                : (tmp, start, len) -> Shuffle.unshuffle(tmp, 0, len / 8, longs, at + start / 8);
    }

    /** Compresses chunks given as C-order primitive arrays of each chunk's extent (results of chunk-wise operations). */
    static ChunkStore fromChunks(DType dtype, Chunking chunking, Codec codec, int level, int blocksize,
            IntFunction<Object> chunk) {
        ChunkStore s = empty(dtype, chunking, codec, level, blocksize);
        Parallel.forEach(chunking.count, () -> s.new Scratch(s.chunkBytes()), (scratch, i) -> {
            Object elements = chunk.apply(i);
            ElementBytes.put(dtype, elements, 0, Chunking.elements(chunking.extent(i)), scratch.raw, 0);
            s.pack(i, scratch);
        });
        return s.sealed();
    }

    /**
     * Builds the chunks from another store's: a chunk given as its stored form ({@link StoredChunks.Chunk})
     * is kept as it is; one given as elements is compressed here. Chunks are handled in parallel,
     * a few at a time.
     */
    static ChunkStore fromStored(DType dtype, Chunking chunking, Codec codec, int level, int blocksize,
            IntFunction<StoredChunks.Chunk> chunk) {
        ChunkStore s = empty(dtype, chunking, codec, level, blocksize);
        Parallel.forEach(chunking.count, () -> s.new Scratch(s.chunkBytes()), (scratch, i) -> {
            int len = Chunking.elements(chunking.extent(i)) * dtype.itemsize();
            StoredChunks.Chunk c = chunk.apply(i);
            if (c instanceof StoredChunks.Chunk.Compressed k) {
                s.blocks[i] = k.body();
            } else if (c instanceof StoredChunks.Chunk.Plain p) {
                if (p.bytes().length != len) {
                    throw new IllegalArgumentException("chunk " + i + " has " + p.bytes().length
                            + " plain bytes, its extent needs " + len);
                }
                s.blocks[i] = p.bytes();
                s.plain[i] = true;
            } else {
                ElementBytes.put(dtype, ((StoredChunks.Chunk.Elements) c).data(), 0, len / dtype.itemsize(), scratch.raw, 0);
                s.pack(i, scratch);
            }
        });
        return s.sealed();
    }

    private static ChunkStore empty(DType dtype, Chunking chunking, Codec codec, int level, int blocksize) {
        return new ChunkStore(dtype, chunking, codec, level, blocksize, new byte[chunking.count][],
                new boolean[chunking.count]);
    }

    private ChunkStore sealed() {
        return new ChunkStore(dtype, chunking, codec, level, blocksize, blocks, plain);
    }

    /** How a chunk of {@code len} bytes is cut: c-blosc's blocks for this codec, level and block size. */
    BloscLayout layout(int len) {
        return BloscLayout.of(codec.name(), clevel, dtype.itemsize(), len, blocksize, dtype.itemsize() > 1);
    }

    /** Chunk {@code i}'s stored bytes (not a copy): a Blosc1 buffer's body, or its plain bytes. */
    byte[] stored(int i) {
        return blocks[i];
    }

    /** Whether chunk {@code i} is kept as plain bytes. */
    boolean isPlain(int i) {
        return plain[i];
    }

    private void pack(int i, Scratch s) {
        pack(i, s, null, () -> {});
    }

    /**
     * Compresses chunk {@code i}: from its bytes in {@code s.raw}, or, given {@code direct}, from the
     * elements it shuffles, calling {@code raw} to fill {@code s.raw} only if the chunk is kept plain.
     */
    private void pack(int i, Scratch s, BloscLayout.BlockShuffler direct, Runnable raw) {
        int len = Chunking.elements(chunking.extent(i)) * dtype.itemsize();
        int n = -1;
        if (!codec.name().equals("none")) {
            BloscLayout layout = layout(len);
            if (s.packed.length < layout.maxLength(codec, len)) {
                s.packed = new byte[layout.maxLength(codec, len)];
            }
            n = direct != null && layout.shuffle()
                    ? layout.encode(codec, level, direct, len, s.packed, -BloscLayout.HEADER, 0, len - 1, s.shuffled)
                    : layout.encode(codec, level, s.raw, 0, len, s.packed, -BloscLayout.HEADER, 0, len - 1, s.shuffled);
        }
        if (n >= 0) {
            blocks[i] = Arrays.copyOf(s.packed, n);
        } else {
            if (direct != null) {
                raw.run();
            }
            blocks[i] = Arrays.copyOf(s.raw, len);
            plain[i] = true;
        }
    }

    /** Decodes chunk {@code i}'s bytes into {@code s.raw} and returns their length. */
    private int unpack(int i, Scratch s) {
        return unpack(i, s, null);
    }

    /**
     * Decodes chunk {@code i}'s bytes and returns their length: into {@code s.raw}, or, given
     * {@code direct} and a compressed chunk, into the elements it unshuffles (returning -1).
     */
    private int unpack(int i, Scratch s, BloscLayout.BlockUnshuffler direct) {
        int len = Chunking.elements(chunking.extent(i)) * dtype.itemsize();
        if (plain[i]) {
            System.arraycopy(blocks[i], 0, s.raw, 0, len);
            return len;
        }
        try {
            BloscLayout layout = layout(len);
            if (direct != null && layout.shuffle()) {
                layout.decode(codec, blocks[i], -BloscLayout.HEADER, 0, blocks[i].length, direct, len, s.shuffled);
                return -1;
            }
            layout.decode(codec, blocks[i], -BloscLayout.HEADER, 0, blocks[i].length, s.raw, 0, len, s.shuffled);
        } catch (CodecException e) {
            throw new CodecException("chunk " + i + " " + Arrays.toString(chunking.position(i)) + " of a compressed "
                    + dtype.numpyName() + " array is damaged: " + e.getMessage(), e);
        }
        return len;
    }

    /** Writes every element into storage that holds the whole shape in C order from element 0 (heap or big). */
    void decodeInto(Storage dense) {
        int item = dtype.itemsize();
        Parallel.forEach(chunking.count, () -> new Scratch(chunkBytes()), (scratch, i) -> {
            long start = contiguousStart(i);
            if (unpack(i, scratch, start < 0 ? null : directUnshuffler(dense.doubles(), dense.longs(), start)) >= 0) {
                chunking.runs(i, (at, from, len) -> ElementBytes.get(dtype, scratch.raw, from * item, dense, at, len));
            }
        });
    }

    /** Chunk {@code i}'s elements, a new C-order primitive array of its extent. */
    Object chunk(int i) {
        Scratch s = new Scratch(chunkBytes());
        int n = Chunking.elements(chunking.extent(i));
        Object out = ElementBytes.allocate(dtype, n);
        if (unpack(i, s, directUnshuffler(out instanceof double[] d ? d : null, out instanceof long[] l ? l : null, 0)) >= 0) {
            ElementBytes.get(dtype, s.raw, 0, out, 0, n);
        }
        return out;
    }

    /** Chunk {@code i} as a dense array of its extent. */
    NDArray chunkArray(int i) {
        int[] e = chunking.extent(i);
        return NDArray.wrap(dtype, chunk(i), Arrays.stream(e).asLongStream().toArray());
    }

    long storedBytes() {
        return storedBytes;
    }

    /** Chunks kept as plain bytes because compressing did not make them smaller. */
    int plainChunks() {
        int n = 0;
        for (boolean p : plain) {
            n += p ? 1 : 0;
        }
        return n;
    }
}
