package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.storage.SmallPieces;
import dev.footprint.storage.SmallSegments;
import dev.footprint.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sum}, comparisons with a scalar and the float32 cast of float64 arrays run where the
 * elements lie (a mapped piece's buffer, a big array's segment); they give bit for bit what the
 * heap loops give over one array, whatever the pieces and segments cut: pieces of 1, 3 and 8
 * elements and larger than a copied block, segments of 1, 8 and 32 elements, views that start at
 * odd offsets, odd lengths, strided views (which take the general loops), NaN, -0.0, infinities,
 * and results in big storage too.
 */
class RunKernelsTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0001L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        0.5, Math.nextDown(0.5), Math.nextUp(0.5), -1.5, 0.1};

    @TempDir
    Path dir;

    private int files;

    /** Values whose sum depends on the order of the additions (magnitudes from 1e-8 to 1e12). */
    private static double[] finite(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 29 == 0 ? -0.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 13));
        }
        return x;
    }

    private static double[] special(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextDouble() * 2 - 1;
        }
        return x;
    }

    /** float64 values float32 holds exactly (NaN and -0.0 among them). */
    private static double[] exactInFloat32(int n, long seed) {
        double[] x = special(n, seed);
        for (int i = 0; i < n; i++) {
            x[i] = Double.isNaN(x[i]) ? x[i] : (float) x[i];
        }
        return x;
    }

    /** The heap array's elements in mapped pieces and big segments of several sizes. */
    private List<NDArray> otherStorage(NDArray heap) {
        Storage s = heap.storage;
        List<NDArray> out = new ArrayList<>();
        for (int piece : new int[] {8, 24, 64, 1 << 17}) {
            out.add(NDArray.over(DType.FLOAT64, SmallPieces.copy(s, dir.resolve("p" + files++ + ".bin"), 16, piece), heap.size));
        }
        for (int shift : new int[] {0, 3, 5, 13}) {
            out.add(NDArray.over(DType.FLOAT64, SmallSegments.copy(s, shift), heap.size));
        }
        return out;
    }

    /** The views compared: whole, from an odd offset, an odd stretch inside, and a strided view (the general loops). */
    private static List<NDArray> views(NDArray a) {
        long n = a.size;
        return List.of(a, a.slice("5:"), a.slice("3:" + (n - 2)), a.slice("13:" + (n / 2 + 13)), a.slice("1::3"));
    }

    /** A check of one view of the heap array against the same view of the elements in other storage. */
    private interface PairCheck {
        void check(NDArray heapView, NDArray otherView) throws Throwable;
    }

    /** Runs {@code check} on each view of {@code heap} and the same view of each {@link #otherStorage} copy. */
    private void eachViewPair(NDArray heap, PairCheck check) throws Throwable {
        List<NDArray> heapViews = views(heap);
        for (NDArray other : otherStorage(heap)) {
            List<NDArray> otherViews = views(other);
            for (int v = 0; v < heapViews.size(); v++) {
                check.check(heapViews.get(v), otherViews.get(v));
            }
        }
    }

    /** Runs {@code body} with results on the heap, then with results in big storage of 8-element segments. */
    private static void bothResultStorages(org.junit.jupiter.api.function.Executable body) throws Throwable {
        body.execute();
        SmallSegments.run(3, body);
    }

    /** The sum's bits; every NaN alike (the JIT may swap the operands of an addition, and with them which NaN propagates). */
    private static long sumBits(NDArray a) {
        return Double.doubleToLongBits(a.sum().getDoubleFlat(0));
    }

    @Test
    void sumsEqualTheHeapSumBitForBit() throws Throwable {
        for (int n : new int[] {1003, 20_001}) {
            for (double[] x : new double[][] {finite(n, n), special(n, n + 1)}) {
                eachViewPair(NDArray.wrap(DType.FLOAT64, x, n), (h, o) -> {
                    assertEquals(sumBits(h), sumBits(o), () -> o.storage.describe() + " view of " + h.size);
                    assertEquals(Double.doubleToLongBits(h.mean().getDoubleFlat(0)),
                            Double.doubleToLongBits(o.mean().getDoubleFlat(0)));
                });
            }
        }
        // The order matters for these values: one running sum gives other bits, so a changed order would show.
        double[] x = finite(1003, 1003);
        double running = 0;
        for (double v : x) {
            running += v;
        }
        assertNotEquals(Double.doubleToRawLongBits(running), sumBits(NDArray.wrap(DType.FLOAT64, x, 1003)));
    }

    /** NumPy 1.24's order, written as its C source reads: blocks of 8192 added to 0.0, each summed pairwise. */
    private static double numpySum(double[] x, int from, int n) {
        double total = 0.0;
        for (int b = 0; b < n; b += 8192) {
            total += pairwise(x, from + b, Math.min(8192, n - b));
        }
        return total;
    }

    private static double pairwise(double[] a, int lo, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[lo + i];
            }
            return res;
        } else if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[lo + j];
            }
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[lo + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[lo + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
    }

    @Test
    void sumsInSmallPartsAndBatchesAddInNumpysOrder() throws Throwable {
        // Parts of two blocks on every worker and batches of three blocks, as an array of billions
        // of elements is cut into parts of 2^20 and batches of 4096 blocks.
        int n = 13 * 8192 + 77;
        double[] x = finite(n, 5);
        NDArray heap = NDArray.wrap(DType.FLOAT64, x, n);
        long expected = Double.doubleToRawLongBits(numpySum(x, 0, n));
        // Mapped pieces of 4097 elements and segments of 1024 cut blocks (few pieces: each is a mapping).
        List<NDArray> others = List.of(
                NDArray.over(DType.FLOAT64, SmallPieces.copy(heap.storage, dir.resolve("batches.bin"), 16, 4097 * 8), n),
                NDArray.over(DType.FLOAT64, SmallSegments.copy(heap.storage, 10), n));
        for (NDArray a : others) {
            assertEquals(expected, Double.doubleToRawLongBits(RunKernels.sum(a, 2 * 8192, 3)), a.storage::describe);
        }
        assertEquals(expected, Double.doubleToRawLongBits(RunKernels.sum(heap, 2 * 8192, 3)));
        assertEquals(Double.doubleToRawLongBits(numpySum(x, 9, n - 9)),
                Double.doubleToRawLongBits(RunKernels.sum(heap.slice("9:"), 2 * 8192, 3)));
    }

    @Test
    void sumsAddInNumpysOrderInEveryStorageAndOnEveryWorker() throws Throwable {
        // Around a leaf, a block and a part of 2^20 (the larger arrays are summed on every worker).
        for (int n : new int[] {0, 1, 7, 8, 9, 127, 128, 129, 136, 8191, 8192, 8193, 3 * 8192 + 17, (1 << 20) + 8193}) {
            double[] x = finite(n, 31L * n);
            NDArray heap = NDArray.wrap(DType.FLOAT64, x, n);
            assertEquals(Double.doubleToRawLongBits(numpySum(x, 0, n)), Double.doubleToRawLongBits(heap.sum().getDoubleFlat(0)),
                    "sum of " + n);
            if (n > 20) {
                assertEquals(Double.doubleToRawLongBits(numpySum(x, 5, n - 7) / (n - 7)),
                        Double.doubleToRawLongBits(heap.slice("5:" + (n - 2)).mean().getDoubleFlat(0)), "mean of a view of " + n);
            }
            if (n < 40_000 && n > 0) {
                for (NDArray other : otherStorage(heap)) {
                    assertEquals(Double.doubleToRawLongBits(numpySum(x, 0, n)), Double.doubleToRawLongBits(other.sum().getDoubleFlat(0)),
                            () -> other.storage.describe() + " of " + n);
                    assertEquals(Double.doubleToRawLongBits(numpySum(x, 3, n - 3)),
                            Double.doubleToRawLongBits(other.slice("3:").sum().getDoubleFlat(0)), () -> other.storage.describe());
                }
            }
        }
    }

    @Test
    void comparisonsEqualTheHeapsAndJavasOperators() throws Throwable {
        for (int n : new int[] {1003, 20_001}) {
            NDArray heap = NDArray.wrap(DType.FLOAT64, special(n, 7 * n), n);
            bothResultStorages(() -> eachViewPair(heap, (h, o) -> {
                for (double s : new double[] {0.5, 0.0, -0.0, -1.5, Double.MAX_VALUE}) {
                    for (Comparison cmp : Comparison.values()) {
                        assertEquals(Elementwise.compare(cmp, h, s), Elementwise.compare(cmp, o, s),
                                () -> cmp + " " + s + " " + o.storage.describe());
                    }
                    NDArray lt = o.lt(s);
                    for (long i = 0; i < o.size; i++) {
                        assertEquals(h.getDoubleFlat(i) < s ? 1 : 0, lt.getLongFlat(i));
                    }
                }
            }));
        }
    }

    @Test
    void float32CastsEqualTheHeapsAndTheCheckNamesTheSameElement() throws Throwable {
        for (int n : new int[] {1003, 20_001}) {
            double[] exact = exactInFloat32(n, 3 * n);
            double[] lossy = exact.clone();
            lossy[n - 40] = 0.1; // past every seam of the views that hold it
            for (double[] x : new double[][] {exact, lossy, special(n, 5 * n)}) {
                bothResultStorages(() -> eachViewPair(NDArray.wrap(DType.FLOAT64, x, n), (h, o) -> {
                    assertEquals(h.as(DType.FLOAT32, Casting.UNSAFE), o.as(DType.FLOAT32, Casting.UNSAFE),
                            () -> o.storage.describe());
                    if (x == exact) {
                        assertEquals(h.as(DType.FLOAT32), o.as(DType.FLOAT32));
                    } else if (x == lossy && h.size > n / 2) {
                        LossyCastException he = assertThrows(LossyCastException.class, () -> h.as(DType.FLOAT32));
                        LossyCastException oe = assertThrows(LossyCastException.class, () -> o.as(DType.FLOAT32));
                        assertArrayEquals(he.index(), oe.index(), oe.getMessage());
                    }
                }));
            }
        }
    }

    /** {@link RunKernels#compareFinite} into a fresh bool array, in parts of {@code part} elements. */
    private static NDArray compareInParts(Comparison cmp, NDArray a, double s, int part) {
        NDArray out = NDArray.zeros(DType.BOOL, a.shape.clone());
        RunKernels.compareFinite(cmp, a, s, out, part);
        return out;
    }

    /**
     * A comparison or cast split into parts on every worker (a large array's are 2^20 elements;
     * here 8 to 1000, so several parts run at once and cut pieces and segments anywhere) gives
     * what one pass gives, and Java's operators, element for element.
     */
    @Test
    void partsOnEveryWorkerGiveWhatOnePassGives() throws Throwable {
        int n = 20_001;
        NDArray heap = NDArray.wrap(DType.FLOAT64, special(n, 11), n);
        bothResultStorages(() -> eachViewPair(heap, (h, o) -> {
            if (!h.isContiguous()) {
                return; // the general loops' case
            }
            for (int part : new int[] {8, 13, 1000}) {
                for (Comparison cmp : Comparison.values()) {
                    NDArray whole = compareInParts(cmp, h, 0.5, Integer.MAX_VALUE);
                    assertEquals(whole, compareInParts(cmp, h, 0.5, part), () -> cmp + " in parts of " + part);
                    assertEquals(whole, compareInParts(cmp, o, 0.5, part),
                            () -> cmp + " in parts of " + part + ", " + o.storage.describe());
                }
                NDArray lt = compareInParts(Comparison.LT, o, -0.0, part);
                for (long i = 0; i < o.size; i++) {
                    assertEquals(h.getDoubleFlat(i) < -0.0 ? 1 : 0, lt.getLongFlat(i));
                }
                NDArray cast = NDArray.zeros(DType.FLOAT32, o.shape.clone());
                RunKernels.float64ToFloat32(o, cast, false, part);
                assertEquals(h.as(DType.FLOAT32, Casting.UNSAFE), cast, () -> "cast in parts of " + part);
            }
        }));
    }

    /** The checked cast in parts finds a change in any part, and only where there is one. */
    @Test
    void checkedCastInPartsFindsAChangeInAnyPart() throws Throwable {
        int n = 20_001;
        double[] exact = exactInFloat32(n, 17);
        NDArray heap = NDArray.wrap(DType.FLOAT64, exact, n);
        for (int part : new int[] {8, 1000}) {
            assertEquals(false, RunKernels.float64ToFloat32(heap, NDArray.zeros(DType.FLOAT32, new int[] {n}), true, part));
            for (int at : new int[] {0, 7, 8, 9999, n - 1}) {
                double[] lossy = exact.clone();
                lossy[at] = 0.1;
                NDArray a = NDArray.wrap(DType.FLOAT64, lossy, n);
                assertEquals(true, RunKernels.float64ToFloat32(a, NDArray.zeros(DType.FLOAT32, new int[] {n}), true, part),
                        () -> "0.1 at " + at + " in parts of " + part);
                LossyCastException e = assertThrows(LossyCastException.class, () -> a.as(DType.FLOAT32));
                assertArrayEquals(new long[] {at}, e.index());
            }
        }
    }
}
