package dev.footprint.io;

import dev.footprint.array.NDArray;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NumPy's {@code .npz} archives: a zip of {@code name.npy} entries, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}), ZIP64 included.
 *
 * <pre>{@code
 * Npz.write(Path.of("pair.npz"), Map.of("image", image, "mask", mask));
 * NDArray mask = Npz.read(Path.of("pair.npz"), "mask");
 * Map<String, NDArray> all = Npz.readAll(Path.of("pair.npz"));   // in archive order
 * }</pre>
 *
 * <p>Failure modes: an archive or entry that cannot be read as {@code .npz}/{@code .npy} gives
 * an {@link NpyFormatException} naming {@code archive.npz!entry.npy}; an unknown name an
 * {@link IllegalArgumentException} listing the names there are; a failing disk an
 * {@link UncheckedIOException}.
 */
public final class Npz {
    private Npz() {}

    /** The array names in {@code file}, in archive order (entry names without {@code .npy}). */
    public static List<String> names(Path file) {
        try (NpzArchive archive = NpzArchive.open(file)) {
            return archive.names();
        }
    }

    /**
     * Loads one array, as {@code numpy.load(file)[name]}.
     *
     * <pre>{@code
     * NDArray a = Npz.read(Path.of("arrays.npz"), "a");
     * }</pre>
     */
    public static NDArray read(Path file, String name) {
        dev.footprint.array.Arguments.notNull(file, "path");
        dev.footprint.array.Arguments.notNull(name, "name");
        try (NpzArchive archive = NpzArchive.open(file)) {
            return archive.read(name, ProgressListener.standardError());
        }
    }

    /** Loads every array, in archive order. Entries that are not {@code .npy} are skipped. */
    public static Map<String, NDArray> readAll(Path file) {
        try (NpzArchive archive = NpzArchive.open(file)) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (String name : archive.names()) {
                out.put(name, archive.read(name, ProgressListener.standardError()));
            }
            return out;
        }
    }

    /**
     * Saves arrays uncompressed, as {@code numpy.savez(file, **arrays)}; the map's order is the
     * archive's order.
     *
     * <pre>{@code
     * Npz.write(Path.of("arrays.npz"), Map.of("a", a));
     * }</pre>
     */
    public static void write(Path file, Map<String, NDArray> arrays) {
        NpzWriter.write(file, arrays, false);
    }

    /** Saves arrays deflated, as {@code numpy.savez_compressed(file, **arrays)}. */
    public static void writeCompressed(Path file, Map<String, NDArray> arrays) {
        NpzWriter.write(file, arrays, true);
    }
}
