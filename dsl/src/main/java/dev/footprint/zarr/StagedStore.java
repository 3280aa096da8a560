package dev.footprint.zarr;

import dev.footprint.io.FileErrors;
import dev.footprint.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A new store is written into a hidden folder beside its path ({@code .name.<random>.partial})
 * and moved into place only when complete: a write that fails part way deletes that folder and
 * leaves whatever was at the path (an older store of the same name) as it was. Replacing an
 * existing store renames it aside, renames the new one in, then deletes the old one; if the
 * second rename fails, the old store is renamed back.
 */
final class StagedStore {
    private StagedStore() {}

    /**
     * Refuses a path Footprint must not replace: a file, or a folder that holds something other
     * than a Zarr array (an empty folder and an existing array may be replaced).
     */
    static void checkReplaceable(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("cannot write a Zarr store at " + path + ": it is a file; choose a folder path");
        }
        if (Files.isDirectory(path) && !Files.isRegularFile(path.resolve(ZarrMetadata.ARRAY_FILE))) {
            boolean empty;
            try (Stream<Path> s = Files.list(path)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw FileErrors.of("list", path, e);
            }
            if (!empty) {
                throw new IllegalArgumentException("cannot write a Zarr store at " + path
                        + ": the folder holds files and is not a Zarr array; choose a new or empty folder");
            }
        }
    }

    /** Creates the hidden folder a store for {@code path} is written into (its parent folders too). */
    static Path create(Path path) {
        Path target = path.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            return Files.createDirectory(sibling(target, "partial"));
        } catch (IOException e) {
            throw FileErrors.of("create a folder for", path, e);
        }
    }

    /** Moves the complete store in {@code staged} to {@code path}, replacing what is there. */
    static void moveIntoPlace(Path staged, Path path) {
        Path target = path.toAbsolutePath().normalize();
        try {
            if (!Files.exists(target)) {
                move(staged, target);
                return;
            }
            Path old = sibling(target, "old");
            move(target, old);
            try {
                move(staged, target);
            } catch (IOException e) {
                move(old, target);
                throw e;
            }
            deleteQuietly(old);
        } catch (IOException e) {
            throw FileErrors.of("move the new store into", path, e);
        }
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left (the caller is already failing). */
    static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException | UncheckedIOException ignored) {
            // the write already failed; its error is the one to report
        }
    }

    private static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID().toString().replace("-", "")
                + "." + kind);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
