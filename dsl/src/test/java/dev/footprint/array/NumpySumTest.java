package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.io.ExternalPython;
import dev.footprint.sparse.SparseArray;
import dev.footprint.storage.SmallSegments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float64 array's {@code sum()} and {@code mean()} are NumPy's bit for bit: NumPy writes arrays
 * whose sums depend on the order of the additions (around a pairwise leaf of 128 elements, a block
 * of 8192 and a part of 2^20 that a second core sums), and prints the bits of {@code np.sum} and
 * {@code np.mean}; Footprint reads each file onto the heap, maps it, and copies it into big
 * storage of 2^13-element segments (blocks then lie across segments), and must print the same bits,
 * for strided, reversed and transposed views too. Along an axis too: NumPy sums the axis its
 * iterator reads innermost pairwise and any other with a running sum, and a compressed array and
 * a sparse one (whatever their fill value) give the same bits as the dense array; a sparse
 * array's sum and mean over every element are NumPy's too.
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
                NDArray v = view(stored, f[2]);
                String where = f[1] + " " + f[2] + " in " + stored.storage.describe();
                assertEquals(f[3], hex(v.sum()), "sum of " + where);
                assertEquals(f[4], hex(v.mean()), "mean of " + where);
            }
        }
    }

    @Test
    void sumsAndMeansAlongAnAxisAreNumpysInEveryStorageCompressedAndSparse() throws Exception {
        ExternalPython.require("numpy");
        List<String> lines = ExternalPython.run("axis_sums.py", dir.toString()).lines().toList();
        assertEquals(28, lines.size());
        // Chunks that cut the rows inside NumPy's blocks of 8192 and its leaves of 128.
        Map<String, long[]> chunks = Map.of("wide", new long[] {2, 3001}, "cube", new long[] {7, 10, 6},
                "column", new long[] {4, 5000, 1}, "short", new long[] {100, 4});
        Map<String, Double> fills = Map.of("sparse-0", 0.0, "sparse-1", 1.0, "sparse-negzero", -0.0, "sparse-gaps", 1.0);
        for (String line : lines) {
            String[] f = line.split(" ");
            String file = dir.resolve("base-" + f[1] + ".npy").toString();
            int axis = Integer.parseInt(f[3]);
            NDArray sum = arr.load(dir.resolve("case-" + f[0] + "-sum.npy").toString());
            NDArray mean = arr.load(dir.resolve("case-" + f[0] + "-mean.npy").toString());
            NDArray heap = arr.load(file);
            NDArray big = NDArray.over(DType.FLOAT64, SmallSegments.copy(heap.storage, 13), heap.shape());
            for (NDArray stored : List.of(heap, arr.load(file, MapMode.MMAP_READ), big)) {
                NDArray v = view(stored, f[2]);
                String where = f[1] + " " + f[2] + " axis " + axis + " in " + stored.storage.describe();
                assertSameBits(sum, v.sum(axis), "sum of " + where);
                assertSameBits(mean, v.mean(axis), "mean of " + where);
            }
            if (!f[2].equals("-")) {
                continue;
            }
            List<Object> others = new ArrayList<>();
            if (chunks.containsKey(f[1])) {
                others.add(heap.compress("zstd", 1, chunks.get(f[1])));
            }
            if (fills.containsKey(f[1])) {
                SparseArray<?> coo = sparse.coo(heap, fills.get(f[1]));
                others.addAll(List.of(coo, coo.tocsr(), coo.tocsc()));
            }
            for (Object o : others) {
                String where = f[1] + " axis " + axis + " as " + o.getClass().getSimpleName();
                if (o instanceof CompressedNDArray c) {
                    assertSameBits(sum, c.sum(axis), "sum of " + where);
                    assertSameBits(mean, c.mean(axis), "mean of " + where);
                } else {
                    SparseArray<?> s = (SparseArray<?>) o;
                    assertSameBits(sum, s.sum(axis), "sum of " + where);
                    assertSameBits(mean, s.mean(axis), "mean of " + where);
                    if (axis == 0) {
                        assertSameBits(arr.load(dir.resolve("whole-" + f[1] + "-sum.npy").toString()), s.sum(), "whole sum of " + where);
                        assertSameBits(arr.load(dir.resolve("whole-" + f[1] + "-mean.npy").toString()), s.mean(), "whole mean of " + where);
                    }
                }
            }
        }
    }

    /** {@code a} after {@code steps}: T (transpose), T:2,0,1 (with axes), S:SPEC (a slice), joined by |; - for none. */
    private static NDArray view(NDArray a, String steps) {
        NDArray v = a;
        for (String step : steps.split("\\|")) {
            if (step.equals("T")) {
                v = v.transpose();
            } else if (step.startsWith("T:")) {
                v = v.transpose(java.util.Arrays.stream(step.substring(2).split(",")).mapToInt(Integer::parseInt).toArray());
            } else if (step.startsWith("S:")) {
                v = v.slice(step.substring(2));
            }
        }
        return v;
    }

    private static void assertSameBits(NDArray expected, NDArray actual, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        assertEquals(DType.FLOAT64, actual.dtype(), what);
        for (long i = 0; i < expected.size(); i++) {
            long want = Double.doubleToRawLongBits(expected.getDoubleFlat(i));
            long got = Double.doubleToRawLongBits(actual.getDoubleFlat(i));
            if (want != got) {
                assertEquals(String.format("%016x", want), String.format("%016x", got), what + " at flat index " + i);
            }
        }
    }

    private static String hex(NDArray zeroD) {
        return String.format("%016x", Double.doubleToRawLongBits(zeroD.getDoubleFlat(0)));
    }
}
