package dev.footprint.report;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.MemoryLedger;
import dev.footprint.array.NDArray;
import dev.footprint.report.AllocationTrace.Allocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationTraceTest {

    @Test
    void findsTheFloat64CopyOfAnUpcastingFunction() {
        NDArray image = arr.ones(UINT16, 256, 256);
        AllocationTrace t = trace(() -> Upcast.imgAsFloat(image));
        // The scale factor is a weak scalar, held for the operation as a 0-d array of 8 bytes.
        assertTrue(t.allocations().stream().filter(x -> x.bytes() > 8).count() == 1, t.toString());
        assertTrue(t.allocations().stream().filter(x -> x.bytes() <= 8).allMatch(x -> x.shape().length == 0), t.toString());
        Allocation copy = t.allocations().stream().filter(x -> x.bytes() > 8).findFirst().orElseThrow();
        assertEquals(FLOAT64, copy.dtype());
        assertArrayEquals(new long[] {256, 256}, copy.shape());
        assertEquals(256 * 256 * 8, copy.bytes());
        assertEquals("NDArray.mul", copy.operation());
        assertTrue(copy.calledFrom().startsWith("Upcast.imgAsFloat:"), copy.calledFrom());
        assertFalse(copy.kept(), "the copy was dropped when the code ended");
        assertTrue(t.peakIncrement() >= 256 * 256 * 8 && t.peakIncrement() <= 256 * 256 * 8 + 8, t.toString());
        assertEquals(0, t.keptBytes());
    }

    @Test
    void listsAllocationsInOrderAndTellsWhichAreKept() {
        List<NDArray> kept = new ArrayList<>();
        AllocationTrace t = trace(() -> {
            NDArray a = arr.ones(UINT16, 100, 100);
            kept.add(a.as(INT32));
        });
        assertEquals(2, t.count());
        Allocation ones = t.allocations().get(0);
        Allocation cast = t.allocations().get(1);
        assertEquals("arr.ones", ones.operation());
        assertEquals(UINT16, ones.dtype());
        assertEquals(20_000, ones.bytes());
        assertFalse(ones.kept());
        assertEquals("NDArray.as", cast.operation());
        assertEquals(INT32, cast.dtype());
        assertTrue(cast.kept(), "still referenced from the list");
        assertTrue(cast.calledFrom().startsWith("AllocationTraceTest.lambda"), cast.calledFrom());
        assertEquals(60_000, t.allocatedBytes());
        assertEquals(40_000, t.keptBytes());
        assertEquals(1, kept.size());
    }

    @Test
    void viewsAllocateNothingButReshapingATransposeCopies() {
        NDArray a = arr.ones(4, 6);
        AllocationTrace views = trace(() -> a.reshape(24).reshape(3, 8).transpose().slice("::2"));
        assertEquals(0, views.count());
        assertTrue(views.allocations().isEmpty());
        assertEquals("0 arrays allocated, 0 B; peak +0 B; kept 0 B", views.toString());

        // As in NumPy, a transposed array cannot be reshaped in place: its data is copied.
        AllocationTrace copy = trace(() -> a.transpose().reshape(24));
        assertEquals(1, copy.count());
        assertEquals("NDArray.reshape", copy.allocations().get(0).operation());
        assertEquals(4 * 6 * 8, copy.allocations().get(0).bytes());
    }

    @Test
    void sparseOperationsAreNamedAsTheDslSpellsThem() {
        NDArray a = arr.eye(50);
        AllocationTrace t = trace(() -> sparse.coo(a));
        assertTrue(t.count() >= 2, "data and coordinates");
        assertTrue(t.allocations().stream().allMatch(x -> x.operation().equals("sparse.coo")), t.toString());
    }

    @Test
    void otherThreadsAreNotListedAndTheListenerIsRestored() throws Exception {
        MemoryLedger.AllocationListener outer = (dtype, shape, bytes, owner) -> { };
        MemoryLedger.listen(outer);
        try {
            AllocationTrace t = trace(() -> {
                Thread other = new Thread(() -> arr.zeros(1000));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                arr.zeros(10);
            });
            assertEquals(1, t.count());
            assertEquals(80, t.allocations().get(0).bytes());
            assertSame(outer, MemoryLedger.listen(null), "the outer listener is back");
        } finally {
            MemoryLedger.listen(null);
        }
    }

    @Test
    void aFailingCodeStillRestoresTheListener() {
        assertThrows(IllegalStateException.class, () -> trace(() -> {
            arr.zeros(10);
            throw new IllegalStateException("on purpose");
        }));
        assertEquals(null, MemoryLedger.listen(null));
    }

    @Test
    void rendersAsATableInTextAndEscapedHtml() {
        NDArray image = arr.ones(UINT16, 64, 64);
        AllocationTrace t = trace(() -> Upcast.imgAsFloat(image));
        String text = t.toString();
        assertTrue(text.startsWith(t.count() + " arrays allocated, 32.0 KiB; peak +32.0 KiB; kept 0 B"), text);
        assertTrue(text.contains("operation") && text.contains("NDArray.mul") && text.contains("(64, 64)"), text);
        String html = t.mimeBundle().get("text/html");
        assertTrue(html.contains("<table") && html.contains("NDArray.mul") && html.contains("float64"), html);
        assertEquals(t.count(), t.table().rowCount());
    }

    @Test
    void aMappedFileIsListedAsMappedAndCountsInNoHeapFigure(@TempDir Path dir) {
        Path f = dir.resolve("m.npy");
        arr.ones(UINT16, 512, 512).save(f);
        NDArray[] held = new NDArray[2];
        AllocationTrace t = trace(() -> {
            held[0] = arr.load(f.toString(), MMAP_READ);
            held[1] = held[0].lt(1);
        });
        assertEquals(2, t.allocations().size(), t.toString());
        Allocation mapped = t.allocations().get(0);
        assertTrue(mapped.mapped() && mapped.kept(), t.toString());
        assertEquals("arr.load", mapped.operation());
        assertEquals(512L * 512 * 2, mapped.bytes());
        Allocation mask = t.allocations().get(1);
        assertFalse(mask.mapped());
        assertEquals(BOOL, mask.dtype());
        assertEquals(1, t.count(), "only the mask is heap");
        assertEquals(512L * 512, t.allocatedBytes());
        assertEquals(512L * 512, t.peakIncrement());
        assertEquals(512L * 512, t.keptBytes());
        assertEquals(512L * 512 * 2, t.mappedBytes());
        assertTrue(t.summary().endsWith("; mapped 512.0 KiB, not heap"), t.summary());
        assertEquals(List.of("mapped", "heap"), t.table().stringColumn("storage").asList());
        assertEquals(0L, held[1].countNonzero());
        assertEquals(512L * 512, held[0].countNonzero());
    }
}
