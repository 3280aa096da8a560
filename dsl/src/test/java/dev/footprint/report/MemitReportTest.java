package dev.footprint.report;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** The article's last section: a uint16 image plus the float64 copy img_as_float makes. */
class MemitReportTest {

    @Test
    void memitMeasuresThePeakOfArrayMemory() {
        MemitReport r = memit(() -> arr.ones(1024, 1024));
        assertEquals(8388608, r.peakIncrement());
        assertEquals(8388608, r.arrayAllocated());
        assertTrue(r.jvmAllocated() >= 8388608 || r.jvmAllocated() == -1, String.valueOf(r.jvmAllocated()));
        assertTrue(r.toString().startsWith("peak array memory"), r.toString());
        assertTrue(r.mimeBundle().get("text/html").contains("increment (peak - start)"));
    }

    @Test
    void anOlderArrayFreedWhileTheCodeRunsDoesNotHideWhatTheCodeTook() {
        NDArray[] older = {arr.ones(2048, 1024)};
        MemitReport r = memit(() -> {
            long held = dev.footprint.array.MemoryLedger.live();
            older[0] = null;
            // Wait (bounded) until the collector and the cleaner have taken the older 16 MiB off.
            for (int i = 0; i < 200 && dev.footprint.array.MemoryLedger.live() > held - 16 * 1024 * 1024; i++) {
                System.gc();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            assertTrue(dev.footprint.array.MemoryLedger.live() <= held - 16 * 1024 * 1024, "the older array was not freed");
            arr.ones(1024, 1024);
        });
        assertEquals(8388608, r.peakIncrement(), "the 8 MiB the code allocated, though 16 MiB of older storage left meanwhile");
    }

    @Test
    void aUint16ImageAndItsFloat64CopyCostEightyBitsPerPixel() {
        NDArray[] keep = new NDArray[2];
        MemitReport r = memit(() -> {
            keep[0] = arr.ones(UINT16, 1024, 1024);
            keep[1] = Upcast.imgAsFloat(keep[0]);
        });
        assertEquals(FLOAT64, keep[1].dtype());
        assertEquals(1.0 / 65535, keep[1].getDouble(0, 0));
        // The 0-d operand of the scalar multiplication adds 8 bytes to the million pixels.
        assertEquals(80.0, r.bitsPer(1024 * 1024), 1e-3, "16 bits of image + 64 of its float64 copy");

        FootprintTable cost = Upcast.cost(keep[0]);
        assertEquals(3, cost.size());
        assertEquals(16.0, cost.bitsPerElement(0));
        assertEquals(64.0, cost.bitsPerElement(1));
        assertEquals(80.0, cost.bitsPerElement(2));
        assertEquals(10L * 1024 * 1024, cost.bytes(2));
        assertTrue(cost.toString().startsWith("What img_as_float costs"), cost.toString());
    }
}
