package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    private static Map<String, NDArray> sample() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        arrays.put("zeros", NDArray.allocate(DType.UINT16, 300, 200));
        arrays.put("random", TestArrays.random(DType.FLOAT32, 3, 10, 10));
        arrays.put("scalar", TestArrays.random(DType.INT64, 4));
        arrays.put("empty", NDArray.allocate(DType.BOOL, 0));
        return arrays;
    }

    @Test
    void storedArchivesKeepOrderAndEntryLayout() throws IOException {
        Path file = dir.resolve("s.npz");
        Npz.write(file, sample());
        assertEquals(List.of("zeros", "random", "scalar", "empty"), Npz.names(file));
        assertEquals(sample(), Npz.readAll(file));
        assertEquals(sample().get("random"), Npz.read(file, "random"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod());
            }
            assertEquals(List.of("zeros.npy", "random.npy", "scalar.npy", "empty.npy"), names);
        }
    }

    @Test
    void compressedArchivesAreDeflatedAndSmaller() throws IOException {
        Path stored = dir.resolve("s.npz");
        Path deflated = dir.resolve("d.npz");
        Npz.write(stored, sample());
        Npz.writeCompressed(deflated, sample());
        assertEquals(sample(), Npz.readAll(deflated));
        assertTrue(Files.size(deflated) < Files.size(stored) / 10, Files.size(deflated) + " vs " + Files.size(stored));
        try (ZipFile zip = new ZipFile(deflated.toFile())) {
            zip.stream().forEach(e -> assertEquals(ZipEntry.DEFLATED, e.getMethod()));
        }
    }

    @Test
    void unknownNamesListTheNamesThereAre() {
        Path file = dir.resolve("s.npz");
        Npz.write(file, sample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npz.read(file, "nope"));
        assertTrue(e.getMessage().contains("no array named 'nope'") && e.getMessage().contains("zeros"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsAFormatError() throws IOException {
        Path file = dir.resolve("x.npz");
        Npy.write(file, TestArrays.random(DType.INT8, 1, 4));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.readAll(file));
        assertTrue(e.problem().contains("not a readable .npz"), e.getMessage());
        assertEquals(file.toString(), e.file());
    }

    @Test
    void aBadEntryIsNamedWithItsArchive() throws IOException {
        Path file = dir.resolve("bad.npz");
        Npz.write(file, Map.of("ok", TestArrays.random(DType.INT8, 1, 4)));
        byte[] bytes = Files.readAllBytes(file);
        // The first entry's data starts after the local header (30 bytes + "ok.npy"): break its magic.
        bytes[30 + 6 + 1] = 'X';
        Files.write(file, bytes);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file, "ok"));
        assertEquals(file + "!ok.npy", e.file());
    }
}
