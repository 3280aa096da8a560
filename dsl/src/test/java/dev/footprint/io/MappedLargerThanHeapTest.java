package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.MapMode;
import dev.footprint.array.MemoryLedger;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3 GiB int32 {@code .npy} that NumPy writes is mapped by a JVM whose heap is 512 MiB, summed
 * whole, then compared ({@code lt(0.5)}) and cast ({@code as(FLOAT32, UNSAFE)}) a block of rows
 * at a time (each result is a heap array; the blocks are mapped views), and every result equals
 * NumPy's on the same file bit for bit: the sum exactly, the masks and the float32 arrays by the
 * CRC-32 of their bytes, block by block. The file spans three 1 GiB pieces of the mapping, so the
 * loops cross their seams. The child JVM measures its own heap: what is in use after each
 * collection (the live set, sampled after every block and at the end) stays under 64 MiB. Then it
 * writes on both sides of the seams through a copy-on-write mapping (the file keeps its values)
 * and through a read-write one (NumPy reads the new values from the file).
 */
class MappedLargerThanHeapTest {
    static final int ROWS = 24576;
    static final int COLS = 32768; // 805306368 int32 elements: 3 GiB
    static final int BLOCK_ROWS = 128; // 16 MiB of the file per block
    static final long HEAP_LIMIT = 64L << 20;
    /** The first int32 element of the mapping's second 1 GiB piece. */
    static final long SEAM = 1L << 28;

    @TempDir
    Path dir;

    @Test
    void aThreeGibFileIsSummedComparedAndCastOnA512MibHeapAsNumpyDoes() throws IOException, InterruptedException {
        ExternalPython.require("numpy");
        Path file = dir.resolve("big.npy");
        try {
            ExternalPython.run("mapped_npy.py", "big", file.toString(), Integer.toString(ROWS), Integer.toString(COLS));
            assertEquals(128 + 4L * ROWS * COLS, Files.size(file));
            List<String> numpy = ExternalPython.run("mapped_npy.py", "digest", file.toString(), Integer.toString(BLOCK_ROWS))
                    .strip().lines().toList();
            List<String> child = runChild(file);
            assertEquals(numpy.get(0), child.get(0), "sum");
            assertEquals(numpy.get(1), child.get(1), "lt(0.5): true count and per-block CRC-32 of the masks");
            assertEquals(numpy.get(2), child.get(2), "as(FLOAT32, UNSAFE): per-block CRC-32 of the float32 bytes");
            long heapAfterGc = Long.parseLong(child.get(3).split(" ")[1]);
            long collections = Long.parseLong(child.get(4).split(" ")[1]);
            assertTrue(heapAfterGc > 0 && heapAfterGc < HEAP_LIMIT, "heap in use after a collection, at most: " + heapAfterGc);
            assertTrue(collections > 0, "the blocks' results are garbage the collector must have collected while the loop ran");
            assertEquals("mapped " + (4L * ROWS * COLS), child.get(5));
            // Copy-on-write: the child's writes on both sides of the seams showed in memory, never in the file.
            String[] cow = child.get(6).split(" ");
            assertEquals("cow", cow[0]);
            assertEquals(cow[1].replaceAll("[^,]+", "-1"), cow[1], "the copy-on-write mapping reads its own writes");
            assertEquals(cow[2], cow[3], "a copy-on-write mapping leaves the file as it was");
            // Read-write: the child's writes, on both sides of the seams, are in the file NumPy reads.
            assertEquals("7,7,7,7,123456789,-987654321,42", ExternalPython.run("mapped_npy.py", "items", file.toString(),
                    SEAM - 2 + "," + (SEAM - 1) + "," + SEAM + "," + (SEAM + 1) + "," + (2 * SEAM - 1) + "," + 2 * SEAM + ","
                            + ((long) ROWS * COLS - 1)).strip());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> runChild(Path file) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-cp", classpath, MappedMain.class.getName(),
                file.toString(), Integer.toString(BLOCK_ROWS))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.strip().lines().toList();
        assertEquals(7, lines.size(), out);
        return lines;
    }

    /** Runs in the JVM with a 512 MiB heap. */
    public static final class MappedMain {
        private static long heapAfterGc;

        public static void main(String[] args) {
            ArrayFactory arr = new ArrayFactory();
            int blockRows = Integer.parseInt(args[1]);
            NDArray a = arr.load(args[0], MapMode.MMAP_READ);
            System.out.println("sum " + a.sum().longValue());
            long rows = a.shape()[0];
            long count = 0;
            List<String> lt = new ArrayList<>();
            List<String> cast = new ArrayList<>();
            ByteBuffer floats = null;
            for (long i = 0; i < rows; i += blockRows) {
                NDArray part = a.slice(i + ":" + Math.min(rows, i + blockRows));
                NDArray mask = part.lt(0.5);
                count += mask.countNonzero();
                lt.add(crc(ByteBuffer.wrap((byte[]) mask.contiguousData())));
                float[] f = (float[]) part.as(DType.FLOAT32, Casting.UNSAFE).contiguousData();
                if (floats == null || floats.capacity() < 4 * f.length) {
                    floats = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
                }
                floats.clear();
                floats.asFloatBuffer().put(f);
                floats.limit(4 * f.length);
                cast.add(crc(floats));
                sampleHeap();
            }
            System.out.println("lt " + count + " " + String.join(",", lt));
            System.out.println("as(FLOAT32, UNSAFE) " + String.join(",", cast));
            long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
            System.gc();
            sampleHeap();
            System.out.println("heapAfterGc " + heapAfterGc);
            System.out.println("collectionsDuringTheLoop " + collections);
            System.out.println("mapped " + MemoryLedger.mappedLive());
            long n = a.size();
            long[] seams = {SEAM - 1, SEAM, 2 * SEAM - 1, 2 * SEAM, n - 1};
            NDArray cow = arr.load(args[0], MapMode.MMAP_COPY).reshape(n);
            for (long i : seams) {
                cow.set(-1L, i);
            }
            NDArray flat = a.reshape(n);
            NDArray fresh = arr.load(args[0], MapMode.MMAP_READ).reshape(n);
            System.out.println("cow " + values(cow, seams) + " " + values(flat, seams) + " " + values(fresh, seams));
            NDArray rw = arr.load(args[0], MapMode.MMAP_READ_WRITE).reshape(n);
            NDArray across = rw.slice(SEAM - 2 + ":" + (SEAM + 2));
            across.set(across.ge(Integer.MIN_VALUE), 7L);
            rw.set(123456789L, 2 * SEAM - 1);
            rw.set(-987654321L, 2 * SEAM);
            rw.set(42L, n - 1);
        }

        private static String values(NDArray a, long[] at) {
            List<String> out = new ArrayList<>();
            for (long i : at) {
                out.add(Long.toString(a.getLong(i)));
            }
            return String.join(",", out);
        }

        private static String crc(ByteBuffer bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return String.format("%08x", crc.getValue());
        }

        /** The heap in use after the latest collection of each collector (the live set), the largest seen. */
        private static void sampleHeap() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                GcInfo info = bean instanceof GarbageCollectorMXBean hotspot ? hotspot.getLastGcInfo() : null;
                if (info != null) {
                    long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    heapAfterGc = Math.max(heapAfterGc, used);
                }
            }
        }
    }
}
