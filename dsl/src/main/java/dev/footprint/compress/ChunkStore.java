package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.codec.Codec;
import dev.footprint.codec.CodecException;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The compressed chunks of one array and the two ways through them: a chunk's elements are
 * written as little-endian bytes and compressed as c-blosc compresses a buffer at the matching
 * clevel ({@link BloscLayout}: blocks byte-shuffled by the element size, lz4 and zlib blocks split
 * into one stream per byte of the type), without Blosc's 16-byte header. When that does not
 * make a chunk smaller it is kept as plain bytes instead, so a chunk never takes more than its
 * elements' bytes.
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
    private final int clevel;

    private ChunkStore(DType dtype, Chunking chunking, Codec codec, int level, byte[][] blocks, boolean[] plain) {
        this.dtype = dtype;
        this.chunking = chunking;
        this.codec = codec;
        this.level = level;
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

    /** Compresses a C-order array's elements ({@code data} from index 0) chunk by chunk. */
    static ChunkStore compress(DType dtype, Object data, Chunking chunking, Codec codec, int level) {
        ChunkStore s = new ChunkStore(dtype, chunking, codec, level, new byte[chunking.count][], new boolean[chunking.count]);
        int item = dtype.itemsize();
        Parallel.forEach(chunking.count, () -> s.new Scratch(s.chunkBytes()), (scratch, i) -> {
            chunking.runs(i, (dense, at, len) -> ElementBytes.put(dtype, data, (int) dense, len, scratch.raw, at * item));
            s.pack(i, scratch);
        });
        return s.sealed();
    }

    /** Compresses chunks given as C-order primitive arrays of each chunk's extent (results of chunk-wise operations). */
    static ChunkStore fromChunks(DType dtype, Chunking chunking, Codec codec, int level, IntFunction<Object> chunk) {
        ChunkStore s = new ChunkStore(dtype, chunking, codec, level, new byte[chunking.count][], new boolean[chunking.count]);
        Parallel.forEach(chunking.count, () -> s.new Scratch(s.chunkBytes()), (scratch, i) -> {
            Object elements = chunk.apply(i);
            ElementBytes.put(dtype, elements, 0, Chunking.elements(chunking.extent(i)), scratch.raw, 0);
            s.pack(i, scratch);
        });
        return s.sealed();
    }

    private ChunkStore sealed() {
        return new ChunkStore(dtype, chunking, codec, level, blocks, plain);
    }

    /** How a chunk of {@code len} bytes is cut: c-blosc's blocks for this codec and level. */
    private BloscLayout layout(int len) {
        return BloscLayout.of(codec.name(), clevel, dtype.itemsize(), len, 0, dtype.itemsize() > 1);
    }

    private void pack(int i, Scratch s) {
        int len = Chunking.elements(chunking.extent(i)) * dtype.itemsize();
        int n = -1;
        if (!codec.name().equals("none")) {
            BloscLayout layout = layout(len);
            if (s.packed.length < layout.maxLength(codec, len)) {
                s.packed = new byte[layout.maxLength(codec, len)];
            }
            n = layout.encode(codec, level, s.raw, 0, len, s.packed, 0, 0, len - 1, s.shuffled);
        }
        if (n >= 0) {
            blocks[i] = Arrays.copyOf(s.packed, n);
        } else {
            blocks[i] = Arrays.copyOf(s.raw, len);
            plain[i] = true;
        }
    }

    /** Decodes chunk {@code i}'s bytes into {@code s.raw} and returns their length. */
    private int unpack(int i, Scratch s) {
        int len = Chunking.elements(chunking.extent(i)) * dtype.itemsize();
        if (plain[i]) {
            System.arraycopy(blocks[i], 0, s.raw, 0, len);
            return len;
        }
        try {
            layout(len).decode(codec, blocks[i], 0, 0, blocks[i].length, s.raw, 0, len, s.shuffled);
        } catch (CodecException e) {
            throw new CodecException("chunk " + i + " " + Arrays.toString(chunking.position(i)) + " of a compressed "
                    + dtype.numpyName() + " array is damaged: " + e.getMessage(), e);
        }
        return len;
    }

    /** Writes every element into a C-order primitive array of the whole shape. */
    void decodeInto(Object dense) {
        int item = dtype.itemsize();
        Parallel.forEach(chunking.count, () -> new Scratch(chunkBytes()), (scratch, i) -> {
            unpack(i, scratch);
            chunking.runs(i, (at, from, len) -> ElementBytes.get(dtype, scratch.raw, from * item, dense, (int) at, len));
        });
    }

    /** Chunk {@code i}'s elements, a new C-order primitive array of its extent. */
    Object chunk(int i) {
        Scratch s = new Scratch(chunkBytes());
        int len = unpack(i, s);
        Object out = ElementBytes.allocate(dtype, len / dtype.itemsize());
        ElementBytes.get(dtype, s.raw, 0, out, 0, len / dtype.itemsize());
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
