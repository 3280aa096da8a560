package dev.footprint.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * File errors in words a user can act on: what was being done, to which path, and what is wrong
 * (no such file, is a folder, no permission, no space left), instead of the platform's bare
 * "P: P". Used by every reader and writer of this package.
 */
public final class FileErrors {
    private FileErrors() {}

    /** An error for {@code verb} ("read", "write") of {@code path}, with the reason in words. */
    public static UncheckedIOException of(String verb, Path path, IOException e) {
        return new UncheckedIOException("cannot " + verb + " " + shown(path) + ": " + reason(path, e), e);
    }

    /** Refuses, before anything is written, a target that is a folder or whose folder is missing or read-only. */
    static void checkWritable(Path file, Path folder) {
        if (file.toString().isEmpty()) {
            throw new UncheckedIOException("cannot write the empty path: give a file name", new NoSuchFileException(""));
        }
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot write " + shown(file) + ": it is a folder; give a file name",
                    new IOException("is a directory"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            String why = folder != null && Files.exists(folder) ? " is not a folder" : " does not exist; create it first";
            throw new UncheckedIOException("cannot write " + shown(file) + ": the folder " + folder + why,
                    new NoSuchFileException(String.valueOf(folder)));
        }
        if (!Files.isWritable(folder)) {
            throw new UncheckedIOException("cannot write " + shown(file) + ": no permission to create files in " + folder,
                    new AccessDeniedException(folder.toString()));
        }
    }

    /** Refuses, before opening, a path that is empty, missing or a folder. */
    static void checkReadable(Path file) {
        if (file.toString().isEmpty()) {
            throw new UncheckedIOException("cannot read the empty path: give a file name", new NoSuchFileException(""));
        }
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot read " + file + ": it is a folder, not a file",
                    new IOException("is a directory"));
        }
    }

    private static String shown(Path path) {
        return path.toString().isEmpty() ? "the empty path" : path.toString();
    }

    private static String reason(Path path, IOException e) {
        if (e instanceof NoSuchFileException n) {
            String missing = n.getFile();
            return missing == null || missing.equals(path.toString()) ? "no such file"
                    : "no such file or folder: " + missing;
        }
        if (e instanceof AccessDeniedException) {
            return "no permission";
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException f && f.getReason() != null) {
            text = f.getReason();
        }
        if (text.contains("No space left on device")) {
            return "no space left on the device";
        }
        if (text.contains("Is a directory")) {
            return "it is a folder, not a file";
        }
        if (text.contains("Disk quota exceeded")) {
            return "the disk quota is exceeded";
        }
        return text;
    }
}
