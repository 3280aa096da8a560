package dev.footprint.zarr;

import dev.footprint.array.NDArray;
import dev.footprint.io.FileErrors;
import dev.footprint.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.StringJoiner;

/**
 * The chunks of one Zarr v2 array on disk: where each chunk lives, which region of the array it
 * covers, and its elements (decoded, or the fill value when the chunk file is missing).
 */
final class ChunkStore {
    final Path store;
    final ZarrMetadata meta;
    /** Chunks along each axis. */
    final long[] grid;
    final long chunkCount;
    private final int chunkElements;

    ChunkStore(Path store, ZarrMetadata meta) {
        this.store = store;
        this.meta = meta;
        this.grid = new long[meta.shape().length];
        long n = 1;
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (meta.shape()[i] + meta.chunks()[i] - 1) / meta.chunks()[i];
            n *= grid[i];
        }
        this.chunkCount = n;
        this.chunkElements = (int) Blocks.size(meta.chunks());
    }

    /** The grid position of the {@code flat}-th chunk in C order. */
    long[] position(long flat) {
        return position(grid, flat);
    }

    /** The position of the {@code flat}-th cell, in C order, of a grid with {@code grid[i]} cells along axis i. */
    static long[] position(long[] grid, long flat) {
        long[] at = new long[grid.length];
        for (int i = grid.length - 1; i >= 0; i--) {
            at[i] = flat % grid[i];
            flat /= grid[i];
        }
        return at;
    }

    /** The chunk's key: {@code "1.2"} (or {@code "1/2"}); {@code "0"} for a 0-d array. */
    String key(long[] at) {
        if (at.length == 0) {
            return "0";
        }
        StringJoiner j = new StringJoiner(meta.separator());
        for (long k : at) {
            j.add(Long.toString(k));
        }
        return j.toString();
    }

    Path file(String key) {
        return store.resolve(key);
    }

    /** The first element of the chunk in the array. */
    long[] origin(long[] at) {
        long[] o = new long[at.length];
        for (int i = 0; i < at.length; i++) {
            o[i] = at[i] * meta.chunks()[i];
        }
        return o;
    }

    /** The part of the chunk inside the array (smaller than the chunk shape at the far edges). */
    int[] valid(long[] at) {
        int[] v = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            v[i] = (int) Math.min(meta.chunks()[i], meta.shape()[i] - at[i] * meta.chunks()[i]);
        }
        return v;
    }

    /** The stored bytes of a chunk, or null when its file does not exist (the chunk is all fill). */
    byte[] readStored(String key) {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chunk " + key + " of Zarr store " + store + ": " + e.getMessage(), e);
        }
    }

    /** The chunk at {@code at}, trimmed to the part inside the array. */
    NDArray read(long[] at) {
        String key = key(at);
        return read(at, readStored(key));
    }

    /** The chunk at {@code at} from its stored bytes (null: all fill), trimmed to the part inside the array. */
    NDArray read(long[] at, byte[] stored) {
        NDArray full = stored == null ? fillChunk() : decode(key(at), stored);
        int[] v = valid(at);
        for (int i = 0; i < v.length; i++) {
            if (v[i] != meta.chunks()[i]) {
                return full.slice(trimSpec(v));
            }
        }
        return full;
    }

    /** Decodes a whole chunk's stored bytes into an array of the chunk shape. */
    NDArray decode(String key, byte[] stored) {
        byte[] raw = decodeBytes(key, stored);
        Object data = ChunkBytes.toElements(raw, meta.dtype(), meta.byteOrder(), chunkElements);
        long[] shape = Blocks.toLongs(meta.chunks());
        if (!meta.fortranOrder()) {
            return NDArray.wrap(meta.dtype(), data, shape);
        }
        long[] reversed = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            reversed[i] = shape[shape.length - 1 - i];
        }
        return NDArray.wrap(meta.dtype(), data, reversed).transpose();
    }

    /**
     * A whole chunk's bytes (in the store's byte and memory order) from its stored bytes, in this
     * thread's scratch buffer: valid until the thread decodes or encodes another chunk.
     */
    byte[] decodeBytes(String key, byte[] stored) {
        byte[] raw = Scratch.bytes(Scratch.Use.CHUNK, meta.chunkBytes());
        try {
            meta.compressor().decode(stored, raw, meta.chunkBytes());
        } catch (ChunkCompressor.BadChunkException e) {
            throw ZarrFormatException.chunk(store, key, e.getMessage() + " (" + meta.compressor().describe()
                    + ", " + stored.length + " bytes stored)");
        }
        return raw;
    }

    /**
     * Encodes the chunk at {@code at} straight from the storage of a C-order array of
     * {@code shape} whose element 0 is element {@code base} of {@code data} (heap, big or mapped
     * storage), padding an edge chunk with the fill value.
     */
    byte[] encodeFrom(long[] at, Storage data, long base, long[] shape) {
        int[] v = valid(at);
        byte[] raw = Scratch.bytes(Scratch.Use.CHUNK, meta.chunkBytes());
        if (Blocks.size(v) != chunkElements) {
            ChunkBytes.toBytes(meta.fill().asArray(chunkElements).contiguousData(), meta.dtype(), meta.byteOrder(),
                    chunkElements, raw);
        }
        ChunkBytes.putRows(data, base, shape, origin(at), v, raw, meta.chunks(), meta.byteOrder());
        return meta.compressor().encode(raw, meta.chunkBytes(), meta.dtype().itemsize());
    }

    private NDArray fillChunk() {
        return meta.fill().asArray(chunkElements).reshape(Blocks.toLongs(meta.chunks()));
    }

    /** Encodes {@code region} (the part of the chunk inside the array) padded with the fill value to the chunk shape. */
    byte[] encode(long[] at, NDArray region) {
        int[] v = valid(at);
        Object data;
        if (Blocks.size(v) == chunkElements) {
            data = region.contiguousData();
        } else {
            data = meta.fill().asArray(chunkElements).contiguousData();
            Blocks.place(region.contiguousData(), v, data, meta.chunks(), new int[v.length]);
        }
        byte[] raw = ChunkBytes.toBytes(data, meta.dtype(), meta.byteOrder(), chunkElements,
                Scratch.bytes(Scratch.Use.CHUNK, meta.chunkBytes()));
        return meta.compressor().encode(raw, meta.chunkBytes(), meta.dtype().itemsize());
    }

    /**
     * Writes a chunk's stored bytes to its file, which must not exist yet: stores are written
     * whole into a new folder that replaces the old store only when complete ({@link StagedStore}).
     */
    void writeStored(String key, byte[] bytes) {
        Path f = file(key);
        try {
            if (key.contains("/")) {
                Files.createDirectories(f.getParent());
            }
            Files.write(f, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileErrors.of("write", f, e);
        }
    }

    private static String trimSpec(int[] v) {
        StringJoiner j = new StringJoiner(",");
        for (int n : v) {
            j.add(":" + n);
        }
        return j.toString();
    }
}
