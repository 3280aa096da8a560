package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.io.ExternalPython;
import dev.footprint.storage.SmallSegments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float64 array's {@code sum()} and {@code mean()} are NumPy's bit for bit: NumPy writes arrays
 * whose sums depend on the order of the additions (around a pairwise leaf of 128 elements, a block
 * of 8192 and a part of 2^20 that a second core sums), and prints the bits of {@code np.sum} and
 * {@code np.mean}; Footprint reads each file onto the heap, maps it, and copies it into big
 * storage of 2^13-element segments (blocks then lie across segments), and must print the same bits,
 * for strided, reversed and transposed views too.
 */
class NumpySumTest {
    @TempDir
    Path dir;

    @Test
    void floatSumsAndMeansAreNumpysBitForBit() throws Exception {
        ExternalPython.require("numpy");
        String out = ExternalPython.run("float_sums.py", dir.toString(), "1", "7", "8", "9", "127", "128", "129", "1000",
                "8191", "8192", "8193", "24593", "1048576", "1056769", "3000017");
        List<String> lines = out.lines().filter(l -> !l.startsWith("view ")).toList();
        assertEquals(16, lines.size(), out);
        for (String line : lines) {
            String[] f = line.split(" ");
            String file = dir.resolve(f[0] + ".npy").toString();
            NDArray heap = arr.load(file);
            NDArray mapped = arr.load(file, MapMode.MMAP_READ);
            NDArray big = NDArray.over(DType.FLOAT64, SmallSegments.copy(heap.storage, 13), heap.shape());
            for (NDArray a : List.of(heap, mapped, big)) {
                String where = f[0] + " in " + a.storage.describe();
                assertEquals(f[1], hex(a.sum()), "sum of " + where);
                assertEquals(f[2], hex(a.mean()), "mean of " + where);
                assertEquals(f[3], hex(a.reshape(a.size).slice("5:").sum()), "sum from element 5 of " + where);
            }
        }
    }

    @Test
    void viewsAreSummedInNumpysOrder() throws Exception {
        // NumPy reads a view with its axes by decreasing stride (memory order for a transposed
        // array, the view's order for a reversed one), in blocks of 8192 summed pairwise.
        ExternalPython.require("numpy");
        List<String> lines = ExternalPython.run("float_sums.py", dir.toString(), "8")
                .lines().filter(l -> l.startsWith("view ")).toList();
        assertEquals(13, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            String file = dir.resolve(f[1] + ".npy").toString();
            NDArray heap = arr.load(file);
            NDArray big = NDArray.over(DType.FLOAT64, SmallSegments.copy(heap.storage, 13), heap.shape());
            for (NDArray stored : List.of(heap, arr.load(file, MapMode.MMAP_READ), big)) {
                NDArray v = stored;
                for (String step : f[2].split("\\|")) {
                    if (step.equals("T")) {
                        v = v.transpose();
                    } else if (step.startsWith("T:")) {
                        v = v.transpose(java.util.Arrays.stream(step.substring(2).split(",")).mapToInt(Integer::parseInt).toArray());
                    } else {
                        v = v.slice(step.substring(2));
                    }
                }
                String where = f[1] + " " + f[2] + " in " + stored.storage.describe();
                assertEquals(f[3], hex(v.sum()), "sum of " + where);
                assertEquals(f[4], hex(v.mean()), "mean of " + where);
            }
        }
    }

    private static String hex(NDArray zeroD) {
        return String.format("%016x", Double.doubleToRawLongBits(zeroD.getDoubleFlat(0)));
    }
}
