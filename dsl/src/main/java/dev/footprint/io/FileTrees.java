package dev.footprint.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder and everything in it, deleted deepest first.
 *
 * <pre>{@code
 * FileTrees.delete(Path.of("image.zarr"));   // the store's folder and its chunk files; nothing if absent
 * }</pre>
 */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes {@code folder} (or a single file) and everything under it; does nothing when it does not exist. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
