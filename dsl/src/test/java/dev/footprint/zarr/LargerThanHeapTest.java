package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 160 MB store is reduced, sliced and copied into a smaller dtype by a JVM whose heap is 48 MB:
 * opening is lazy and operations hold only a few chunks at a time.
 */
class LargerThanHeapTest {
    static final int ROWS = 4000;
    static final int COLS = 5000;

    @TempDir
    Path dir;

    /** Element [r, c] is r + c, so every result has a closed form. */
    static NDArray region(long r0, long c0, int h, int w) {
        ArrayFactory arr = new ArrayFactory();
        NDArray rows = arr.arange(r0, r0 + h).as(DType.FLOAT64).reshape(h, 1);
        NDArray cols = arr.arange(c0, c0 + w).as(DType.FLOAT64).reshape(1, w);
        return rows.add(cols);
    }

    @Test
    void aStoreLargerThanTheHeapIsReducedSlicedAndConverted() throws IOException, InterruptedException {
        Path store = dir.resolve("big.zarr");
        ZarrMetadata meta = new ZarrMetadata(new long[] {ROWS, COLS}, new int[] {500, 1000}, DType.FLOAT64,
                java.nio.ByteOrder.LITTLE_ENDIAN, false, FillValue.zero(DType.FLOAT64), ZarrOptions.DEFAULT.compressor(), ".");
        ZarrWriter.write(store, meta, null, (target, at) -> {
            long[] o = target.origin(at);
            int[] v = target.valid(at);
            return target.encode(at, region(o[0], o[1], v[0], v[1]));
        });
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-cp", classpath, LazyStoreMain.class.getName(),
                store.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        double sumRows = (double) ROWS * (ROWS - 1) / 2;
        double sumCols = (double) COLS * (COLS - 1) / 2;
        double total = COLS * sumRows + ROWS * sumCols;
        assertEquals(String.join("\n",
                "nbytes " + 8L * ROWS * COLS,
                "sum " + total,
                "countNonzero " + ((long) ROWS * COLS - 1),
                "max(0) " + region(ROWS - 1, 0, 1, COLS).reshape(COLS).sum().doubleValue(),
                "slice " + region(3990, 4995, 10, 5).sum().doubleValue(),
                "copyTo(UINT16) uint16 " + (long) total), out.strip());
    }

    /** Runs in the small-heap JVM. */
    public static final class LazyStoreMain {
        public static void main(String[] args) {
            ZarrArray z = ZarrArray.open(Path.of(args[0]));
            System.out.println("nbytes " + z.nbytes());
            System.out.println("sum " + z.sum().doubleValue());
            System.out.println("countNonzero " + z.countNonzero());
            System.out.println("max(0) " + z.max(0).sum().doubleValue());
            System.out.println("slice " + z.slice("3990:, 4995:").sum().doubleValue());
            ZarrArray small = z.copyTo(args[0] + "-u16", ZarrOptions.DEFAULT.dtype(DType.UINT16));
            System.out.println("copyTo(UINT16) " + small.dtype() + " " + small.sum().longValue());
        }
    }
}
