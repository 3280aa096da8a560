package dev.footprint.io;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.MemoryLedger;
import dev.footprint.array.NDArray;
import dev.footprint.array.ReadOnlyArrayException;
import dev.footprint.report.FootprintTable;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arr.load(path, MMAP_*)}: NumPy's {@code mmap_mode} 'r', 'c' and 'r+'. */
class MappedNpyTest {
    @TempDir
    Path dir;

    private Path saved(NDArray a, String name) {
        Path f = dir.resolve(name);
        a.save(f);
        return f;
    }

    @Test
    void aMappedFileGivesTheLoadedArraysResultsAndCountsAsMappedNotHeap() {
        arr.seed(3);
        NDArray a = arr.random(200, 300);
        Path f = saved(a, "a.npy");
        NDArray m = arr.load(f.toString(), MMAP_READ);
        assertTrue(m.isMapped());
        assertFalse(a.isMapped());
        assertEquals(a, m);
        assertEquals(a.sum(), m.sum());
        assertEquals(a.lt(0.5), m.lt(0.5));
        assertEquals(a.as(FLOAT32, UNSAFE), m.as(FLOAT32, UNSAFE));
        assertEquals(a.slice("10:20, ::3").mean(0), m.slice("10:20, ::3").mean(0));
        assertEquals(a.add(m), m.add(a));
        assertEquals(sparse.coo(a).todense(), sparse.coo(m).todense());
        assertEquals(a.toString(), m.toString());

        FootprintTable t = footprint("heap", a, "mapped", m);
        assertEquals(a.nbytes(), t.table().longColumn(FootprintTable.HEAP).get(0));
        assertEquals(0L, t.table().longColumn(FootprintTable.MAPPED).get(0));
        assertEquals(0L, t.table().longColumn(FootprintTable.HEAP).get(1));
        assertEquals(m.nbytes(), t.table().longColumn(FootprintTable.MAPPED).get(1));
        assertTrue(t.toString().contains("mapped bytes"), t.toString());

        var report = memit(() -> arr.load(f.toString(), MMAP_READ).named("kept"));
        assertEquals(0, report.peakIncrement(), "mapping allocates no array heap: " + report);
    }

    @Test
    void memitCountsMappedBytesApartFromHeap() {
        Path f = saved(arr.ones(UINT16, 512, 512), "ones.npy");
        NDArray[] held = new NDArray[1];
        var report = memit(() -> held[0] = arr.load(f.toString(), MMAP_READ));
        assertEquals(0, report.peakIncrement(), report.toString());
        assertEquals(512 * 512 * 2, report.mappedIncrement(), report.toString());
        assertTrue(report.toString().contains("mapped files"), report.toString());
        assertTrue(MemoryLedger.mappedLive() >= 512 * 512 * 2);
        assertEquals(262144L, held[0].countNonzero());
    }

    @Test
    void readOnlyRefusesWritesNamingTheModesThatAllowThem() throws Exception {
        Path f = saved(arr.arange(10).as(INT32), "r.npy");
        byte[] before = Files.readAllBytes(f);
        NDArray m = arr.load(f.toString(), MMAP_READ);
        ReadOnlyArrayException e = assertThrows(ReadOnlyArrayException.class, () -> m.set(5, 3));
        assertTrue(e.getMessage().contains("MMAP_COPY") && e.getMessage().contains("MMAP_READ_WRITE")
                && e.getMessage().contains(f.toString()), e.getMessage());
        assertThrows(ReadOnlyArrayException.class, () -> m.set(m.lt(3), 0));
        assertThrows(ReadOnlyArrayException.class, () -> m.slice("2:").set(1, 0));
        assertArrayEquals(before, Files.readAllBytes(f));
        NDArray copy = m.copy().set(99, 3);
        assertFalse(copy.isMapped());
        assertEquals(99L, copy.getLong(3));
    }

    @Test
    void copyOnWriteChangesMemoryNeverTheFile() throws Exception {
        Path f = saved(arr.arange(1000).as(INT64), "c.npy");
        byte[] before = Files.readAllBytes(f);
        NDArray m = arr.load(f.toString(), MMAP_COPY);
        m.set(m.lt(500), -1);
        m.set(7, 999);
        assertEquals(-1L, m.getLong(0));
        assertEquals(7L, m.getLong(999));
        assertEquals(arr.load(f.toString()), arr.arange(1000).as(INT64));
        assertArrayEquals(before, Files.readAllBytes(f), "copy-on-write leaves the file as it was");
    }

    @Test
    void readWriteWritesReachTheFileAsNumpyReadsIt() throws Exception {
        ExternalPython.require("numpy");
        Path f = dir.resolve("fortran.npy");
        ExternalPython.run("mapped_npy.py", "write", f.toString());
        NDArray loaded = arr.load(f.toString());
        NDArray m = arr.load(f.toString(), MMAP_READ_WRITE);
        assertEquals(loaded, m, "a Fortran-ordered file maps as the transpose of its C order");
        m.set(0.25, 299, 6);
        m.set(-0.5, 3, 1);
        m.slice("100:110, 4").set(m.slice("100:110, 4").ge(0.0), 2.0);
        assertEquals("0.25", ExternalPython.run("mapped_npy.py", "get", f.toString(), "299", "6").strip());
        assertEquals("-0.5", ExternalPython.run("mapped_npy.py", "get", f.toString(), "3", "1").strip());
        assertEquals("2.0", ExternalPython.run("mapped_npy.py", "get", f.toString(), "105", "4").strip());
        assertEquals(m, arr.load(f.toString()));
    }

    @Test
    void aFileShorterThanItsHeaderSaysIsRefusedNamingTheBytes() throws Exception {
        Path f = saved(arr.ones(1000), "short.npy");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(f) - 100);
        }
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> arr.load(f.toString(), MMAP_READ));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("8000")
                && e.getMessage().contains("7900"), e.getMessage());
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 2, 0, '{', '}'});
        NpyFormatException malformed = assertThrows(NpyFormatException.class, () -> arr.load(bad.toString(), MMAP_READ));
        assertTrue(malformed.getMessage().contains(bad.toString()), malformed.getMessage());
        Path cut = dir.resolve("cut-header.npy");
        Files.write(cut, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 200, 0, '{'});
        NpyFormatException header = assertThrows(NpyFormatException.class, () -> arr.load(cut.toString(), MMAP_READ_WRITE));
        assertTrue(header.getMessage().contains(cut.toString()) && header.getMessage().contains("200 bytes")
                && header.getMessage().contains("only 11 bytes"), header.getMessage());
        assertEquals(11, Files.size(cut), "a refused mapping leaves the file alone");
    }

    @Test
    void savingAMappedArrayWritesTheSameFileNumpyWould() throws Exception {
        Path f = saved(arr.arange(12).as(UINT16).reshape(3, 4), "u.npy");
        NDArray m = arr.load(f.toString(), MMAP_READ);
        Path again = dir.resolve("again.npy");
        m.save(again);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again));
        Path t = dir.resolve("t.npy");
        m.transpose().save(t);
        assertEquals(arr.load(f.toString()).transpose(), arr.load(t.toString()));
    }

    @Test
    void createMakesTheFileNumpySaveWouldAndMapsItReadWrite() throws Exception {
        Path f = dir.resolve("created.npy");
        NDArray big = arr.create(f.toString(), FLOAT64, 300, 7);
        assertTrue(big.isMapped());
        assertArrayEquals(Files.readAllBytes(saved(arr.zeros(FLOAT64, 300, 7), "zeros.npy")), Files.readAllBytes(f),
                "header and zeros as numpy.save writes them");
        NDArray rows = big.slice("290:300");
        rows.set(rows.eq(0.0), 0.25);
        big.set(-0.5, 3, 1);
        NDArray expected = arr.zeros(FLOAT64, 300, 7);
        expected.slice("290:300").set(expected.slice("290:300").eq(0.0), 0.25);
        expected.set(-0.5, 3, 1);
        assertEquals(expected, arr.load(f.toString()));
        NDArray empty = arr.create(dir.resolve("empty.npy").toString(), UINT16, 0, 5);
        assertEquals(0, empty.size());
        assertArrayEquals(Files.readAllBytes(saved(arr.zeros(UINT16, 0, 5), "empty-saved.npy")),
                Files.readAllBytes(dir.resolve("empty.npy")));
        ExternalPython.require("numpy");
        assertEquals("0.25", ExternalPython.run("mapped_npy.py", "get", f.toString(), "299", "6").strip());
        assertEquals("-0.5", ExternalPython.run("mapped_npy.py", "get", f.toString(), "3", "1").strip());
    }
}
