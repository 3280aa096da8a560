package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading takes the array's own size in heap and not a second copy, in either memory order. */
class NpyLargeFileTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void loadingAllocatesTheArrayAndLittleMore() {
        for (boolean fortran : new boolean[] {false, true}) {
            NDArray a = NDArray.allocate(DType.FLOAT64, 2048, 4096); // 64 MiB
            Path file = dir.resolve("big.npy");
            Npy.write(file, a, NpyWriteOptions.DEFAULT.fortranOrder(fortran));
            a = null;
            long before = allocatedBytes();
            NDArray back = Npy.read(file, ProgressListener.NONE);
            long allocated = allocatedBytes() - before;
            assertEquals(64 * MIB, back.nbytes());
            assertTrue(allocated < 64 * MIB + 4 * MIB, "loading 64 MiB allocated " + allocated / MIB + " MiB");
            assertTrue(file.toFile().delete());
        }
    }

    @Test
    void writingAContiguousArrayCopiesNothing() throws Exception {
        NDArray a = NDArray.allocate(DType.INT32, 4096, 4096); // 64 MiB
        Path file = dir.resolve("w.npy");
        long before = allocatedBytes();
        Npy.write(file, a);
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < 4 * MIB, "writing 64 MiB allocated " + allocated / MIB + " MiB");
        assertEquals(64 * MIB + 128, Files.size(file));
    }

    /** Bytes this thread has allocated on the heap so far (HotSpot's per-thread counter). */
    private static long allocatedBytes() {
        var threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        return ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
