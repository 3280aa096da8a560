package dev.footprint.zarr;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes Zarr v2 stores safely: an existing store's {@code .zarray} goes first, then its chunks;
 * every chunk is written beside its place and renamed; the new {@code .zarray} comes last. A
 * write that fails part way leaves a folder without metadata, which reads as "not a Zarr array",
 * never as an array with wrong values.
 */
final class ZarrWriter {
    /** The stored bytes of the chunk at a grid position of the new store, or null to leave it missing. */
    interface ChunkSource {
        byte[] chunk(ChunkStore target, long[] at);
    }

    private ZarrWriter() {}

    /** Saves {@code a} as a new store at {@code path}. */
    static ZarrArray save(Path path, NDArray a, ZarrOptions options) {
        DType t = options.dtype() == null ? a.dtype() : options.dtype();
        NDArray src = t == a.dtype() ? a : a.as(t);
        long[] shape = src.shape();
        long[] chunks = options.chunkShape() == null ? ChunkGuess.guess(shape, t.itemsize()) : options.chunkShape();
        if (chunks.length != shape.length) {
            throw new IllegalArgumentException("chunks " + java.util.Arrays.toString(chunks) + " need one length per axis of shape "
                    + java.util.Arrays.toString(shape));
        }
        ZarrMetadata meta = new ZarrMetadata(shape, Blocks.toInts(chunks), t, ByteOrder.LITTLE_ENDIAN, false,
                options.fill(t), options.compressor(), ".");
        checkChunkSize(meta);
        Object data = src.contiguousData();
        int[] dims = Blocks.toInts(shape);
        return write(path, meta, (target, at) -> target.encodeFrom(at, data, dims));
    }

    static void checkChunkSize(ZarrMetadata meta) {
        long bytes = meta.dtype().itemsize();
        for (int c : meta.chunks()) {
            bytes *= c;
        }
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a chunk of " + bytes + " bytes is larger than a chunk can be (2 GiB);"
                    + " choose smaller chunks");
        }
    }

    /** Writes every chunk from {@code source} (in parallel), then the metadata. */
    static ZarrArray write(Path path, ZarrMetadata meta, ChunkSource source) {
        prepare(path);
        ChunkStore target = new ChunkStore(path, meta);
        ChunkTasks.forEachAll(target.chunkCount, i -> {
            long[] at = target.position(i);
            byte[] bytes = source.chunk(target, at);
            if (bytes != null) {
                target.writeStored(target.key(at), bytes);
            }
        }, StoreCastException.class, StoreCastException.IN_C_ORDER);
        SafeFiles.write(path.resolve(ZarrMetadata.ARRAY_FILE), meta.toJson().getBytes(StandardCharsets.UTF_8));
        return new ZarrArray(path, meta);
    }

    /** The slice spec of the region of the array that the chunk at {@code at} covers. */
    static String regionSpec(ChunkStore s, long[] at) {
        long[] o = s.origin(at);
        int[] v = s.valid(at);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < o.length; i++) {
            b.append(i == 0 ? "" : ",").append(o[i]).append(':').append(o[i] + v[i]);
        }
        return b.toString();
    }

    /**
     * Makes {@code path} an empty folder: creates it, or empties an existing Zarr array, metadata
     * first. Refuses a file, a group, or a folder that holds something other than a Zarr array.
     */
    private static void prepare(Path path) {
        try {
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException("cannot write a Zarr store at " + path + ": it is a file; choose a folder path");
            }
            if (Files.isDirectory(path)) {
                boolean empty;
                try (Stream<Path> s = Files.list(path)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty) {
                    if (!Files.isRegularFile(path.resolve(ZarrMetadata.ARRAY_FILE))) {
                        throw new IllegalArgumentException("cannot write a Zarr store at " + path
                                + ": the folder holds files and is not a Zarr array; choose a new or empty folder");
                    }
                    Files.delete(path.resolve(ZarrMetadata.ARRAY_FILE));
                    try (Stream<Path> s = Files.walk(path)) {
                        for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                            if (!p.equals(path)) {
                                Files.delete(p);
                            }
                        }
                    }
                }
            }
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Zarr store " + path + ": " + e.getMessage(), e);
        }
    }
}
