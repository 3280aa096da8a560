package dev.footprint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Mapped storage in pieces of a few bytes, for tests in any package: arrays of a few hundred
 * elements then cross piece ends as a mapped file's do every GiB.
 */
public final class SmallPieces {
    private SmallPieces() {}

    /**
     * A copy of {@code src}'s elements, little endian after {@code skip} bytes of {@code file}
     * (written here), mapped read-only in pieces of {@code pieceBytes} (a multiple of 8).
     */
    public static MappedStorage copy(Storage src, Path file, int skip, int pieceBytes) {
        int n = Math.toIntExact(src.length());
        ByteBuffer bytes = ByteBuffer.allocate(skip + n * src.encoding().itemsize()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer body = bytes.slice(skip, bytes.capacity() - skip).order(ByteOrder.LITTLE_ENDIAN);
        src.encode(0, n, body);
        try {
            Files.write(file, bytes.array());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return MappedStorage.map(ch, skip, src.encoding(), n, ByteOrder.LITTLE_ENDIAN, MappedStorage.Mode.READ,
                        file.toString(), pieceBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
