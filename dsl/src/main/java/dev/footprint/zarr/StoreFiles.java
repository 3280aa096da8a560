package dev.footprint.zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a store's folder holds on disk. */
final class StoreFiles {
    private StoreFiles() {}

    /** Bytes of the chunk files: every file whose name does not start with a dot (metadata and temporaries do). */
    static long chunkBytes(Path store) {
        try (Stream<Path> s = Files.walk(store)) {
            return s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Zarr store " + store + ": " + e.getMessage(), e);
        }
    }
}
