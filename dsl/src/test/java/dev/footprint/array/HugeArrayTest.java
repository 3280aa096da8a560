package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static dev.footprint.array.DType.BOOL;
import static dev.footprint.array.DType.FLOAT32;
import static dev.footprint.array.DType.INT64;
import static dev.footprint.array.DType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.compress.CompressedNDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CsrArray;
import dev.footprint.storage.BigStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One array of 2.2 billion uint8 elements, past the 2^31 one Java array holds: filled, written,
 * reduced, compared, sliced and saved in part. Tagged "huge": it runs in its own JVM with a 6 GiB
 * heap during {@code mvn verify} (the dsl pom's {@code huge-arrays} execution), not in {@code mvn test}.
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
    void aShapePastTheHeapIsRefusedBeforeAllocating() {
        long rows = Runtime.getRuntime().maxMemory() / COLS + 1;
        long before = MemoryLedger.allocatedTotal();
        String message = org.junit.jupiter.api.Assertions.assertThrows(ArrayAllocationException.class,
                () -> arr.zeros(UINT8, rows, COLS)).getMessage();
        assertTrue(message.contains("cannot allocate " + rows * COLS + " bytes") && message.contains("available"), message);
        assertEquals(before, MemoryLedger.allocatedTotal());
    }
}
