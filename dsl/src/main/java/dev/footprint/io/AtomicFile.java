package dev.footprint.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Replaces a file all at once or not at all: the new content goes to a temporary file in the
 * same folder, which is renamed over the target only when it is complete and on disk. A failure
 * at any point (a full disk, an invalid entry found late, an exception or an {@link Error} from
 * the content) deletes the temporary file and leaves the old file byte for byte; a reader never
 * sees a part.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("a.npy"), out -> NpyWriter.write(out, a, NpyWriteOptions.DEFAULT));
 * AtomicFile.write(Path.of("store/.zarray"), json.getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * <p>The folder must exist (a missing folder is an error, as for {@code numpy.save}). A file it
 * replaces keeps its permissions; a new one gets the process's default (the umask), not owner-only
 * as {@code Files.createTempFile} would. A symbolic link is written through: its target is
 * replaced, the link stays. Errors are {@link UncheckedIOException}s whose message names the path
 * and the reason in words ({@link FileErrors}).
 */
public final class AtomicFile {
    /** The content of a file, written to a channel once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    /** Wraps each temporary file's channel; tests replace it to inject a disk that fails midway. */
    static volatile UnaryOperator<WritableByteChannel> channelFilter = UnaryOperator.identity();

    private AtomicFile() {}

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> IoSupport.writeFully(out, ByteBuffer.wrap(bytes)));
    }

    /**
     * Replaces {@code target} with what {@code content} writes.
     *
     * @throws UncheckedIOException the folder is missing or not writable, the target is a folder,
     *     or the disk fails; the old file is then unchanged
     */
    public static void write(Path target, Content content) {
        dev.footprint.array.Arguments.notNull(target, "path");
        Path file = destination(target);
        Path folder = file.toAbsolutePath().getParent();
        FileErrors.checkWritable(file, folder);
        Path temporary = null;
        boolean done = false;
        try {
            temporary = create(folder, file);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(channelFilter.apply(channel));
                channel.force(true);
            }
            keepPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw FileErrors.of("write", target, e);
        } finally {
            if (!done && temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write already failed; its error is the one to report
                }
            }
        }
    }

    /** The file to replace: a symbolic link's target (so the link stays), else {@code target} itself. */
    private static Path destination(Path target) {
        if (Files.isSymbolicLink(target)) {
            try {
                return target.toRealPath();
            } catch (IOException e) {
                return target; // a dangling link: numpy.save would create its target; replacing the link is the safe choice
            }
        }
        return target;
    }

    private static Path create(Path folder, Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID().toString().replace("-", "")
                    + ".partial");
            try {
                return Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path file, Path temporary) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
        }
    }
}
