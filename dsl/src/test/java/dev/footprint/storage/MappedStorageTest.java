package dev.footprint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mapped storage against heap storage of the same elements, with pieces of 64 bytes so that runs
 * cross piece ends as they do every GiB in a large file.
 */
class MappedStorageTest {
    private static final int PIECE = 64;
    private static final int N = 1000;

    @TempDir
    Path dir;

    /** Random bits of {@code n} elements of {@code e}, little endian, after {@code skip} header bytes. */
    private Path file(Encoding e, int skip, long seed) throws Exception {
        byte[] bytes = new byte[skip + N * e.itemsize()];
        new SplittableRandom(seed).nextBytes(bytes);
        Path f = dir.resolve(e + "-" + seed + ".bin");
        Files.write(f, bytes);
        return f;
    }

    private static HeapStorage heapOf(Path f, Encoding e, int skip) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(skip);
        HeapStorage h = HeapStorage.allocate(e, N);
        h.decode(buf.slice().order(ByteOrder.LITTLE_ENDIAN), 0, N);
        return h;
    }

    private static MappedStorage map(Path f, Encoding e, int skip, MappedStorage.Mode mode) throws Exception {
        var opts = mode != MappedStorage.Mode.READ
                ? new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.READ};
        try (FileChannel ch = FileChannel.open(f, opts)) {
            return MappedStorage.map(ch, skip, e, N, ByteOrder.LITTLE_ENDIAN, mode, f.toString(), PIECE);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void readsAcrossPieceEndsEqualTheHeapsBitForBit(Encoding e) throws Exception {
        Path f = file(e, 24, e.ordinal());
        HeapStorage heap = heapOf(f, e, 24);
        MappedStorage mapped = map(f, e, 24, MappedStorage.Mode.READ);
        assertEquals(0, mapped.heapBytes());
        assertEquals((long) N * e.itemsize(), mapped.mappedBytes());
        assertTrue(mapped.sameBits(0, heap, 0, N));
        assertTrue(heap.sameBits(0, mapped, 0, N));
        for (int base : new int[] {0, 3, 7, PIECE / e.itemsize() - 1, 501}) {
            int n = Math.min(300, N - base);
            long[] hl = new long[n], ml = new long[n];
            double[] hd = new double[n], md = new double[n];
            heap.gatherLong(null, base, n, hl);
            mapped.gatherLong(null, base, n, ml);
            heap.gatherDouble(null, base, n, hd);
            mapped.gatherDouble(null, base, n, md);
            assertArrayEquals(hl, ml, "long lane from " + base);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(hd[i]) == Double.doubleToRawLongBits(md[i]) || (hd[i] != hd[i] && md[i] != md[i]),
                        true, "double lane at " + (base + i));
            }
        }
        int[] offs = new SplittableRandom(5).ints(200, 0, N).toArray();
        long[] hl = new long[200], ml = new long[200];
        heap.gatherLong(offs, 0, 200, hl);
        mapped.gatherLong(offs, 0, 200, ml);
        assertArrayEquals(hl, ml, "long lane at listed offsets");
        assertEquals(heap.readDouble(N - 1), mapped.readDouble(N - 1), 0.0);
    }

    @Test
    void boolElementsReadAsZeroOrOneWhateverTheByte() throws Exception {
        Path f = file(Encoding.BOOL, 0, 11);
        MappedStorage mapped = map(f, Encoding.BOOL, 0, MappedStorage.Mode.READ);
        long[] x = new long[N];
        mapped.gatherLong(null, 0, N, x);
        byte[] raw = Files.readAllBytes(f);
        for (int i = 0; i < N; i++) {
            assertEquals(raw[i] != 0 ? 1 : 0, x[i], "element " + i);
        }
    }

    @Test
    void readWriteReachesTheFileCopyOnWriteNeverDoesAndReadOnlyRefuses() throws Exception {
        Encoding e = Encoding.INT32;
        Path rw = file(e, 8, 1);
        MappedStorage m = map(rw, e, 8, MappedStorage.Mode.READ_WRITE);
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) v[i] = -i * 1000L;
        m.scatterLong(null, 10, 100, v); // crosses several 64-byte pieces
        m.writeDouble(999, 7.9);         // truncates as C does
        m.flush();
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(rw)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 100; i++) {
            assertEquals(-i * 1000, file.getInt(8 + 4 * (10 + i)), "element " + (10 + i) + " in the file");
        }
        assertEquals(7, file.getInt(8 + 4 * 999));

        Path cow = file(e, 8, 2);
        byte[] before = Files.readAllBytes(cow);
        MappedStorage c = map(cow, e, 8, MappedStorage.Mode.COPY_ON_WRITE);
        c.fill(5, 5.0);
        assertEquals(5, c.readLong(N - 1));
        assertArrayEquals(before, Files.readAllBytes(cow), "copy-on-write leaves the file as it was");

        MappedStorage r = map(cow, e, 8, MappedStorage.Mode.READ);
        assertTrue(!r.writable());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> r.writeLong(0, 1));
        assertTrue(refused.getMessage().contains("MMAP_READ_WRITE") && refused.getMessage().contains("'r+'"),
                refused.getMessage());
    }

    @Test
    void codecRunsCrossPieceEnds() throws Exception {
        Encoding e = Encoding.FLOAT64;
        Path f = file(e, 0, 3);
        MappedStorage m = map(f, e, 0, MappedStorage.Mode.READ);
        ByteBuffer out = ByteBuffer.allocate(N * 8).order(ByteOrder.BIG_ENDIAN);
        m.encode(0, N, out);
        assertEquals(N * 8, out.limit());
        HeapStorage back = HeapStorage.allocate(e, N);
        back.decode(out, 0, N);
        assertTrue(back.sameBits(0, m, 0, N));
        HeapStorage part = m.copyRange(5, 400);
        assertTrue(part.sameBits(0, m, 5, 400));
    }
}
