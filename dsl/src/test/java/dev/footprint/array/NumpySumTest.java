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
 * array's sum and mean over every element are NumPy's too. The same holds for float32 arrays,
 * which NumPy sums in float32, and for the means of integer and bool arrays, which NumPy takes by
 * a float64 sum of their values.
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
        List<String> cases = lines.stream().filter(l -> !l.startsWith("view ")).toList();
        List<String> views = lines.stream().filter(l -> l.startsWith("view ")).toList();
        assertEquals(67, cases.size());
        assertEquals(8, views.size());
        // Chunks that cut the rows inside NumPy's blocks of 8192 and its leaves of 128.
        Map<String, long[]> chunks = Map.of("wide", new long[] {2, 3001}, "cube", new long[] {7, 10, 6},
                "column", new long[] {4, 5000, 1}, "short", new long[] {100, 4}, "ints", new long[] {3, 2500},
                "unsigned", new long[] {7, 64}, "bytes", new long[] {16, 1000}, "flags", new long[] {8, 100});
        Map<String, Double> fills = Map.of("sparse-0", 0.0, "sparse-1", 1.0, "sparse-negzero", -0.0, "sparse-gaps", 1.0);
        for (String line : cases) {
            String[] f = line.split(" ");
            String name = f[1];
            String base = name.replace("-f32", "").replace("-f16", "");
            int axis = Integer.parseInt(f[3]);
            NDArray heap = arr.load(dir.resolve("base-" + name + ".npy").toString());
            NDArray sum = expected("case-" + f[0] + "-sum");
            NDArray mean = expected("case-" + f[0] + "-mean");
            for (NDArray stored : storages(name)) {
                NDArray v = view(stored, f[2]);
                String where = name + " " + f[2] + " axis " + axis + " in " + stored.storage.describe();
                assertSameBits(sum, v.sum(axis), "sum of " + where);
                assertSameBits(mean, v.mean(axis), "mean of " + where);
            }
            if (!f[2].equals("-")) {
                continue;
            }
            List<Object> others = new ArrayList<>();
            if (chunks.containsKey(base)) {
                others.add(heap.compress("zstd", 1, chunks.get(base)));
            }
            if (fills.containsKey(base) || base.equals("sparse-int")) {
                SparseArray<?> coo = heap.dtype().isFloat() ? sparse.coo(heap, fills.get(base)) : sparse.coo(heap);
                others.addAll(List.of(coo, coo.tocsr(), coo.tocsc()));
            }
            if (axis == 0) {
                others.addAll(storages(name));
            }
            for (Object o : others) {
                String where = name + " axis " + axis + " as " + o.getClass().getSimpleName();
                NDArray[] got = o instanceof CompressedNDArray c ? new NDArray[] {c.sum(axis), c.mean(axis), c.sum(), c.mean()}
                        : o instanceof SparseArray<?> sp ? new NDArray[] {sp.sum(axis), sp.mean(axis), sp.sum(), sp.mean()}
                        : new NDArray[] {sum, mean, ((NDArray) o).sum(), ((NDArray) o).mean()};
                assertSameBits(sum, got[0], "sum of " + where);
                assertSameBits(mean, got[1], "mean of " + where);
                if (axis == 0) {
                    assertSameBits(expected("whole-" + name + "-sum"), got[2], "whole sum of " + where);
                    assertSameBits(expected("whole-" + name + "-mean"), got[3], "whole mean of " + where);
                }
            }
        }
        for (String line : views) {
            String[] f = line.split(" ");
            for (NDArray stored : storages(f[2])) {
                String where = f[2] + " " + f[3] + " in " + stored.storage.describe();
                assertSameBits(expected("view-" + f[1] + "-sum"), view(stored, f[3]).sum(), "sum of " + where);
                assertSameBits(expected("view-" + f[1] + "-mean"), view(stored, f[3]).mean(), "mean of " + where);
            }
        }
    }

    /** DIR/base-NAME.npy on the heap, mapped, and in big storage of 2^13-element segments. */
    private List<NDArray> storages(String name) {
        String file = dir.resolve("base-" + name + ".npy").toString();
        NDArray heap = arr.load(file);
        NDArray big = NDArray.over(heap.dtype(), SmallSegments.copy(heap.storage, 13), heap.shape());
        return List.of(heap, arr.load(file, MapMode.MMAP_READ), big);
    }

    private NDArray expected(String name) {
        return arr.load(dir.resolve(name + ".npy").toString());
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

    /** Same shape, dtype and elements: a float's bits, an integer's value. */
    private static void assertSameBits(NDArray expected, NDArray actual, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        assertEquals(expected.dtype(), actual.dtype(), what);
        boolean floats = expected.dtype().isFloat();
        for (long i = 0; i < expected.size(); i++) {
            long want = floats ? Double.doubleToRawLongBits(expected.getDoubleFlat(i)) : expected.getLongFlat(i);
            long got = floats ? Double.doubleToRawLongBits(actual.getDoubleFlat(i)) : actual.getLongFlat(i);
            if (want != got) {
                assertEquals(String.format("%016x", want), String.format("%016x", got), what + " at flat index " + i);
            }
        }
    }

    private static String hex(NDArray zeroD) {
        return String.format("%016x", Double.doubleToRawLongBits(zeroD.getDoubleFlat(0)));
    }
}
