package dev.footprint.io;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every save path replaces its file whole or not at all: a disk that fills midway, an
 * allocation failure while writing, or an invalid entry found late leaves the old file byte for
 * byte and no temporary file beside it. Failures are injected into the temporary file's channel,
 * so the test runs anywhere, without a small file system.
 */
class AtomicSaveTest {
    @TempDir Path dir;

    /** A save through the public DSL: what it writes is a transposed view, so its copy happens after the header. */
    private record Save(String name, Consumer<Path> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static NDArray big() {
        return arr.arange(0.0, 300_000.0, 1.0).reshape(600, 500).transpose();
    }

    static List<Save> saves() {
        return List.of(
                new Save("a.save", p -> big().save(p)),
                new Save("arr.savez", p -> arr.savez(p.toString(), Map.of("a", big(), "b", arr.ones(3)))),
                new Save("arr.savezCompressed", p -> arr.savezCompressed(p.toString(), Map.of("a", big()))),
                new Save("sparse save", p -> sparse.coo(big().lt(1000.0)).save(p)),
                new Save("sparse saveScipy", p -> sparse.csr(big().lt(1000.0)).saveScipy(p.toString())));
    }

    static Stream<Arguments> savesAndLimits() {
        // Fractions of the complete file: nothing, one byte, inside the first header, half, all but the last byte.
        return saves().stream().flatMap(s -> Stream.of(0.0, 1e-9, 0.001, 0.5, 1.0).map(f -> Arguments.of(s, f)));
    }

    @AfterEach
    void restoreChannels() {
        AtomicFile.channelFilter = c -> c;
    }

    private Path oldFile(String name) throws IOException {
        Path p = dir.resolve(name);
        // A good file in each save's own format, so a cut-off new one would be noticed only by its bytes.
        arr.savez(p.toString(), Map.of("old", arr.of(1.0, 2.0, 3.0)));
        return p;
    }

    private void assertOnlyTheOldFile(Path file, byte[] before) throws IOException {
        assertArrayEquals(before, Files.readAllBytes(file), "the old file is unchanged, byte for byte");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file is left beside it");
        }
    }

    @ParameterizedTest(name = "{0}, disk full at {1} of the file")
    @MethodSource("savesAndLimits")
    void aDiskThatFillsMidwayLeavesTheOldFile(Save save, double fraction) throws IOException {
        Path probe = dir.resolve("probe.npz");
        save.action().accept(probe);
        long complete = Files.size(probe);
        Files.delete(probe);
        long limit = Math.min(complete - 1, (long) Math.ceil(complete * fraction));
        Path file = oldFile("target.npz");
        byte[] before = Files.readAllBytes(file);
        AtomicFile.channelFilter = c -> new FillingDisk(c, limit);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> save.action().accept(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no space left on the device"),
                e.getMessage());
        assertOnlyTheOldFile(file, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saves")
    void anAllocationFailureWhileWritingLeavesTheOldFile(Save save) throws IOException {
        Path file = oldFile("target.npz");
        byte[] before = Files.readAllBytes(file);
        AtomicFile.channelFilter = c -> new FillingDisk(c, 100) {
            @Override
            IOException full() {
                throw new OutOfMemoryError("Java heap space (injected)");
            }
        };
        assertThrows(OutOfMemoryError.class, () -> save.action().accept(file));
        assertOnlyTheOldFile(file, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saves")
    void aCompleteSaveReplacesTheFileAndKeepsItsPermissions(Save save) throws IOException {
        Path file = oldFile("target.npz");
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        save.action().accept(file);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void anInvalidEntryFoundLateLeavesTheOldFile() throws IOException {
        Path file = oldFile("pair.npz");
        byte[] before = Files.readAllBytes(file);
        Map<String, NDArray> emptyName = new LinkedHashMap<>();
        emptyName.put("a", arr.ones(1000));
        emptyName.put("", arr.ones(3));
        assertThrows(IllegalArgumentException.class, () -> arr.savez(file.toString(), emptyName));
        Map<String, NDArray> nullArray = new LinkedHashMap<>();
        nullArray.put("a", arr.ones(1000));
        nullArray.put("b", null);
        String m = assertThrows(IllegalArgumentException.class, () -> arr.savezCompressed(file.toString(), nullArray))
                .getMessage();
        assertTrue(m.contains("'b'"), m);
        var threeD = sparse.coo(arr.ones(2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> threeD.saveScipy(file.toString()));
        assertOnlyTheOldFile(file, before);
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStays() throws IOException {
        Path real = oldFile("real.npy");
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), real);
        arr.of(7.0, 8.0).save(link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(arr.of(7.0, 8.0), arr.load(real));
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsNamedAndNothingIsWritten() throws IOException {
        Path missing = dir.resolve("no-such-folder").resolve("a.npy");
        String m = assertThrows(UncheckedIOException.class, () -> arr.ones(3).save(missing)).getMessage();
        assertTrue(m.contains(missing.toString()) && m.contains("does not exist"), m);
        m = assertThrows(UncheckedIOException.class, () -> arr.ones(3).save(dir)).getMessage();
        assertTrue(m.contains(dir.toString()) && m.contains("it is a folder"), m);
        m = assertThrows(UncheckedIOException.class, () -> arr.ones(3).save("")).getMessage();
        assertTrue(m.contains("empty path"), m);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void readErrorsSayWhatIsWrongAndWhere() throws IOException {
        Path missing = dir.resolve("missing.npy");
        String m = assertThrows(UncheckedIOException.class, () -> arr.load(missing)).getMessage();
        assertEquals("cannot read " + missing + ": no such file", m);
        m = assertThrows(UncheckedIOException.class, () -> arr.load(missing.toString(), "a")).getMessage();
        assertEquals("cannot read " + missing + ": no such file", m);
        m = assertThrows(UncheckedIOException.class, () -> sparse.load(missing.toString())).getMessage();
        assertEquals("cannot read " + missing + ": no such file", m);
        m = assertThrows(UncheckedIOException.class, () -> arr.load(dir)).getMessage();
        assertTrue(m.contains(dir.toString()) && m.contains("it is a folder"), m);
        m = assertThrows(UncheckedIOException.class, () -> arr.load("")).getMessage();
        assertTrue(m.contains("empty path"), m);
        Path locked = dir.resolve("locked.npy");
        arr.ones(3).save(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads anything: then there is no refusal to describe
            m = assertThrows(UncheckedIOException.class, () -> arr.load(locked)).getMessage();
            assertEquals("cannot read " + locked + ": no permission", m);
        }
    }

    /** A disk with {@code limit} bytes free: writes up to it, then fails as a full disk does. */
    private static class FillingDisk implements WritableByteChannel {
        private final WritableByteChannel out;
        private long left;

        FillingDisk(WritableByteChannel out, long limit) {
            this.out = out;
            this.left = limit;
        }

        IOException full() {
            return new java.nio.file.FileSystemException(null, null, "No space left on device");
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (left == 0 && src.hasRemaining()) {
                throw full();
            }
            int n = (int) Math.min(src.remaining(), left);
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + n);
            int written = out.write(part);
            src.position(src.position() + written);
            left -= written;
            return written;
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

}
