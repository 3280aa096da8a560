package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static dev.footprint.Footprint.zarr;
import static dev.footprint.array.DType.BOOL;
import static dev.footprint.array.DType.FLOAT32;
import static dev.footprint.array.DType.INT64;
import static dev.footprint.array.DType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.io.ExternalPython;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CsrArray;
import dev.footprint.storage.BigStorage;
import dev.footprint.zarr.ZarrArray;
import dev.footprint.zarr.ZarrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One array of 2.2 billion uint8 elements, past the 2^31 one Java array holds: filled, written,
 * reduced, compared, sliced and saved in part; a Zarr store of that size read into one array and
 * written back. Tagged "huge": it runs in its own JVM with a 6 GiB heap during {@code mvn verify}
 * (the dsl pom's {@code huge-arrays} execution), not in {@code mvn test}.
 */
@Tag("huge")
class HugeArrayTest {
    private static final long ROWS = 44_000;
    private static final long COLS = 50_000;
    private static final long N = ROWS * COLS; // 2.2e9

    /** Row and column of flat element 2^31, the first one past an int index. */
    private static final long PAST_ROW = (1L << 31) / COLS;
    private static final long PAST_COL = (1L << 31) % COLS;

    @Test
    void anArrayPastTwoToThe31ElementsWorksEnd(@TempDir Path dir) throws Exception {
        NDArray a = arr.full(UINT8, 3L, ROWS, COLS);
        assertTrue(a.storage() instanceof BigStorage, a.storage().describe());
        assertEquals(N, a.size());
        assertEquals(N, a.nbytes());
        assertArrayEquals(new long[] {ROWS, COLS}, a.shape());

        a.set(0L, 0, 0);
        a.set(200L, PAST_ROW, PAST_COL);
        a.set(0L, PAST_ROW, PAST_COL - 1);
        a.set(255L, ROWS - 1, COLS - 1);
        assertEquals(200L, a.getLong(PAST_ROW, PAST_COL));
        assertEquals(0L, a.getLongFlat((1L << 31) - 1));
        assertEquals(255L, a.getLong(-1, -1));

        // 3 everywhere but the four set: two zeros, 200 and 255.
        long expected = 3 * (N - 4) + 200 + 255;
        assertEquals(expected, a.sum().longValue());
        assertEquals(N - 2, a.countNonzero());
        assertEquals(0L, a.min().longValue());
        assertEquals(255L, a.max().longValue());
        assertEquals((double) expected / N, a.mean().doubleValue(), 1e-12);

        NDArray small = a.lt(3);
        assertEquals(BOOL, small.dtype());
        assertEquals(N, small.size());
        assertEquals(2, small.countNonzero());
        assertEquals(true, small.get(PAST_ROW, PAST_COL - 1));
        small = null;

        // A view around element 2^31, and a strided one over the whole array.
        NDArray around = a.slice(PAST_ROW + ", " + (PAST_COL - 2) + ":" + (PAST_COL + 2));
        assertEquals("array([  3,   0, 200,   3], dtype=uint8)", around.toString());
        NDArray sparseGrid = a.slice("::1000, ::1000");
        assertEquals(44 * 50, sparseGrid.size());
        assertEquals(3L * 44 * 50 - 3, sparseGrid.sum().longValue());
        NDArray rows = a.slice((PAST_ROW - 1) + ":" + (PAST_ROW + 2) + ", :");
        assertEquals(3L * 3 * COLS - 3 - 3 + 200, rows.sum().longValue());
        assertEquals("array([150000, 150194, 150000], dtype=uint64)", rows.sum(1).toString());
        assertEquals(1L, rows.as(FLOAT32).lt(3.0).countNonzero());
        assertEquals(100L, rows.slice("1, " + PAST_COL + ":" + (PAST_COL + 1)).sub(100L).sum().longValue());

        // A part of it saved as .npy and read back: the same elements.
        Path file = dir.resolve("rows.npy");
        rows.save(file);
        assertEquals(128 + 3 * COLS, Files.size(file));
        assertEquals(rows.copy(), arr.load(file.toString()));
    }

    @Test
    void sparseCooOfAHugeArrayFindsElementsPastTwoToThe31AndGoesBack() {
        NDArray a = arr.zeros(UINT8, ROWS, COLS);
        long[][] at = {{0, 0}, {PAST_ROW, PAST_COL - 1}, {PAST_ROW, PAST_COL}, {ROWS - 1, 7}, {ROWS - 1, COLS - 1}};
        for (int k = 0; k < at.length; k++) {
            a.set(k + 1L, at[k][0], at[k][1]);
        }
        CooArray s = sparse.coo(a);
        assertEquals(at.length, s.nnz());
        assertEquals(INT64, s.indexType());
        long[] coords = new long[2 * at.length];
        for (int k = 0; k < at.length; k++) {
            coords[k] = at[k][0];
            coords[at.length + k] = at[k][1];
        }
        assertEquals(NDArray.wrap(INT64, coords, 2, at.length), s.coords());
        assertEquals("array([1, 2, 3, 4, 5], dtype=uint8)", s.data().toString());
        assertEquals(DType.UINT16, s.smallestIndexType()); // each axis fits uint16, though the flat positions pass int32

        CsrArray csr = s.tocsr();
        assertEquals(2L, csr.indptr().getLongFlat(PAST_ROW + 1) - csr.indptr().getLongFlat(PAST_ROW));
        assertEquals(5L, csr.indptr().getLongFlat(ROWS));
        csr = null;

        NDArray back = s.todense();
        assertTrue(back.storage() instanceof BigStorage, back.storage().describe());
        assertEquals(a, back);
    }

    @Test
    void aHugeArrayCompressesChunkByChunkAndComesBackBitForBit() {
        NDArray a = arr.zeros(UINT8, ROWS, COLS);
        a.set(7L, 0, 1);
        a.set(200L, PAST_ROW, PAST_COL);
        a.set(255L, ROWS - 1, COLS - 1);
        CompressedNDArray c = a.compress();
        assertEquals(N, c.nbytes());
        assertTrue(c.storedBytes() < N / 100, "stored " + c.storedBytes());
        assertEquals(200L, ((Number) c.get(PAST_ROW, PAST_COL)).longValue());
        assertEquals(462L, c.sum().longValue());
        NDArray back = c.decompress();
        assertTrue(back.storage() instanceof BigStorage, back.storage().describe());
        assertEquals(a, back);
    }

    @Test
    void aZarrStorePastTwoToThe31ElementsReadsAndWritesChunkByChunk(@TempDir Path dir) throws Exception {
        // Chunks of 1000 x 7000: a grid of 44 x 8, the last column of chunks 1000 wide (edge chunks).
        ZarrOptions options = zarr.options().chunks(1000, 7000).fillValue(3L);
        NDArray a = arr.zeros(UINT8, ROWS, COLS);
        a.set(9L, PAST_ROW, PAST_COL - 1);
        a.set(200L, PAST_ROW, PAST_COL);
        a.set(255L, ROWS - 1, COLS - 1);
        Path store = dir.resolve("big.zarr");
        zarr.save(store, a, options);
        a = null;
        // Only the row of chunks holding element 2^31 and the last (edge) chunk stay on disk: the
        // others are missing, so they read as the fill value 3.
        long kept = 1000 * COLS + 1000 * 1000;
        try (var files = Files.list(store)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith(PAST_ROW / 1000 + ".") && !name.equals("43.7")) {
                    Files.delete(f);
                }
            }
        }
        long expectedSum = 3 * (N - kept) + 9 + 200 + 255;
        ZarrArray z = zarr.open(store);
        assertEquals(N, z.size());
        assertEquals(8 + 1, countChunkFiles(store));
        assertEquals(expectedSum, z.sum().longValue());

        NDArray read = z.read();
        assertTrue(read.storage() instanceof BigStorage, read.storage().describe());
        assertEquals(200L, read.getLong(PAST_ROW, PAST_COL));
        assertEquals(9L, read.getLongFlat((1L << 31) - 1));
        assertEquals(0L, read.getLong(PAST_ROW, PAST_COL - 2));
        assertEquals(3L, read.getLong(0, 0));
        assertEquals(3L, read.getLong(PAST_ROW - 1000, PAST_COL));
        assertEquals(255L, read.getLong(-1, -1));
        assertEquals(0L, read.getLong(-1, -2));
        assertEquals(expectedSum, read.sum().longValue());
        assertEquals("array([  0,   9, 200,   0], dtype=uint8)",
                z.slice(PAST_ROW + ", " + (PAST_COL - 2) + ":" + (PAST_COL + 2)).toString());

        // The whole array in memory written back chunk by chunk: the chunks kept are the same files.
        Path again = dir.resolve("again.zarr");
        ZarrArray z2 = zarr.save(again, read, options);
        for (String key : new String[] {PAST_ROW / 1000 + ".0", PAST_ROW / 1000 + ".6", "43.7"}) {
            assertArrayEquals(Files.readAllBytes(store.resolve(key)), Files.readAllBytes(again.resolve(key)), key);
        }
        assertEquals(arr.full(UINT8, 3L, 1000, 7000), z2.chunk(0, 0));
        System.out.printf("Zarr store of %d uint8: %d bytes of chunks with most missing, %d written whole%n", N,
                z.storedBytes(), z2.storedBytes());
        read = null;

        NDArray reversed = z.slice("::-1, :");
        assertTrue(reversed.storage() instanceof BigStorage, reversed.storage().describe());
        assertEquals(200L, reversed.getLong(ROWS - 1 - PAST_ROW, PAST_COL));
        assertEquals(255L, reversed.getLong(0, COLS - 1));
        assertEquals(3L, reversed.getLong(-1, 0));
        reversed = null;

        CompressedNDArray c = z.compress();
        assertEquals(N, c.nbytes());
        assertEquals(200L, ((Number) c.get(PAST_ROW, PAST_COL)).longValue());

        // zarr-python reads the same elements, each from its own chunk only.
        ExternalPython.require("zarr");
        assertEquals("(44000, 50000) uint8 3 9 [0, 9, 200, 0] 3 255",
                ExternalPython.run("zarr_big_check.py", store.toString(), String.valueOf(PAST_ROW), String.valueOf(PAST_COL)).strip());
    }

    private static long countChunkFiles(Path store) throws java.io.IOException {
        try (var files = Files.list(store)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void aShapePastTheHeapIsRefusedBeforeAllocating() {
        long rows = Runtime.getRuntime().maxMemory() / COLS + 1;
        long before = MemoryLedger.allocatedTotal();
        String message = org.junit.jupiter.api.Assertions.assertThrows(ArrayAllocationException.class,
                () -> arr.zeros(UINT8, rows, COLS)).getMessage();
        assertTrue(message.contains("cannot allocate " + rows * COLS + " bytes") && message.contains("available"), message);
        assertEquals(before, MemoryLedger.allocatedTotal());
    }
}
