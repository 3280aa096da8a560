package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.storage.HeapStorage;
import dev.footprint.storage.SmallPieces;
import dev.footprint.storage.SmallSegments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-byte loops (sum, count of non-zeros, comparison with a scalar, cast to float32) of bool, int8 and uint8
 * arrays give what the element-by-element definition gives, on the heap, in big segments of 1, 8
 * and 32 elements and in mapped pieces of 8 and 24 bytes, from odd offsets, at lengths around
 * groups of eight and the sum's folding of its 16-bit lanes (all bytes 0xFF), with results in big
 * storage too.
 */
class ByteKernelsTest {
    private static final DType[] TYPES = {DType.UINT8, DType.INT8, DType.BOOL};
    private static final double[] SCALARS = {0.5, -0.5, 0, -0.0, 1, 127.5, 128, 255, 255.5, -128, -128.5, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @TempDir
    Path dir;

    private int files;

    private static NDArray heap(DType t, int n, boolean allOnes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = allOnes ? (byte) 0xFF : t == DType.BOOL ? (byte) r.nextInt(2) : (byte) r.nextInt(256);
        }
        if (t == DType.BOOL && allOnes) {
            java.util.Arrays.fill(b, (byte) 1);
        }
        return NDArray.wrap(t, b, n);
    }

    /** The heap array and its elements in big segments and mapped pieces, each whole and from offset 3. */
    private List<NDArray> kinds(NDArray heap) {
        List<NDArray> all = new ArrayList<>();
        all.add(heap);
        HeapStorage s = (HeapStorage) heap.storage;
        for (int shift : new int[] {0, 3, 5}) {
            all.add(NDArray.over(heap.dtype, SmallSegments.copy(s, shift), heap.size));
        }
        for (int piece : new int[] {8, 24}) {
            all.add(NDArray.over(heap.dtype, SmallPieces.copy(s, dir.resolve("b" + files++ + ".bin"), 5, piece), heap.size));
        }
        List<NDArray> views = new ArrayList<>();
        for (NDArray a : all) {
            views.add(a);
            if (a.size > 3) {
                views.add(a.slice("3:"));
            }
        }
        return views;
    }


    private void check(NDArray a) {
        long sum = 0;
        for (long i = 0; i < a.size; i++) {
            sum += a.getLongFlat(i);
        }
        assertEquals(sum, a.sum().longValue(), () -> a.dtype + " " + a.storage.describe() + " n=" + a.size);
        assertEquals(nonzero(a), a.countNonzero(), () -> a.dtype + " " + a.storage.describe() + " n=" + a.size);
        for (double s : SCALARS) {
            for (Comparison cmp : Comparison.values()) {
                NDArray got = Elementwise.compare(cmp, a, s);
                for (long i = 0; i < a.size; i++) {
                    long at = i;
                    assertEquals(FastPathTest.expected(cmp, a.getLongFlat(i), s) ? 1 : 0, got.getLongFlat(i),
                            () -> a.dtype + " " + cmp + " " + s + " at " + at + " " + a.storage.describe());
                }
            }
        }
        NDArray f = a.as(DType.FLOAT32);
        for (long i = 0; i < a.size; i++) {
            assertEquals((double) a.getLongFlat(i), f.getDoubleFlat(i));
        }
    }

    private static long nonzero(NDArray a) {
        long count = 0;
        for (long i = 0; i < a.size; i++) {
            count += a.getLongFlat(i) != 0 ? 1 : 0;
        }
        return count;
    }

    /** Zeros beside the bytes nearest them in every bit (0x01, 0x7F, 0x80, 0xFF), so a byte's carry into the next would show. */
    @Test
    void countsNonzeroBytesBesideZerosInEveryStorage() {
        byte[] near = {0, 0, 0, 1, 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0xFF};
        for (DType t : new DType[] {DType.UINT8, DType.INT8}) {
            for (int n : new int[] {0, 5, 8, 64, 1003}) {
                SplittableRandom r = new SplittableRandom(n);
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = near[r.nextInt(near.length)];
                }
                for (NDArray a : kinds(NDArray.wrap(t, b, n))) {
                    assertEquals(nonzero(a), a.countNonzero(), () -> t + " " + a.storage.describe() + " n=" + a.size);
                }
            }
        }
    }

    /** The cast in parts on every worker (2^20 elements each for a large array; here 8 and 13) gives every value, into heap and big results. */
    @Test
    void castsInPartsGiveEveryValue() throws Throwable {
        for (DType t : TYPES) {
            for (NDArray a : kinds(heap(t, 1003, false, 29))) {
                for (int part : new int[] {8, 13}) {
                    org.junit.jupiter.api.function.Executable check = () -> {
                        NDArray out = NDArray.zeros(DType.FLOAT32, a.shape.clone());
                        ByteKernels.toFloat32(a, out, part);
                        for (long i = 0; i < a.size; i++) {
                            assertEquals((double) a.getLongFlat(i), out.getDoubleFlat(i),
                                    t + " at " + i + " in parts of " + part + ", " + a.storage.describe());
                        }
                    };
                    check.execute();
                    SmallSegments.run(3, check);
                }
            }
        }
    }

    @Test
    void sumsComparisonsAndCastsMatchTheDefinitionInEveryStorage() throws Throwable {
        for (DType t : TYPES) {
            for (int n : new int[] {0, 1, 7, 8, 9, 17, 1003}) {
                for (NDArray a : kinds(heap(t, n, false, n))) {
                    check(a);
                    SmallSegments.run(3, () -> check(a));
                }
            }
        }
    }

    @Test
    void everyThresholdAnswersEveryByteValueAsTheDefinition() {
        byte[] all = new byte[256 + 13]; // every value in a scattered order, and a tail past the groups of eight
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 167 + 3);
        }
        for (DType t : new DType[] {DType.UINT8, DType.INT8}) {
            NDArray a = NDArray.wrap(t, all.clone(), all.length);
            for (int k = -130; k <= 257; k++) {
                for (double s : new double[] {k, k + 0.5}) {
                    for (Comparison cmp : Comparison.values()) {
                        NDArray got = Elementwise.compare(cmp, a, s);
                        for (int i = 0; i < all.length; i++) {
                            int at = i;
                            assertEquals(FastPathTest.expected(cmp, a.getLongFlat(i), s) ? 1 : 0, got.getLongFlat(i),
                                    () -> t + " " + cmp + " " + s + " at " + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void longSumsFoldTheirLanesBeforeTheyOverflow() throws Throwable {
        for (DType t : TYPES) {
            for (boolean allOnes : new boolean[] {true, false}) {
                NDArray h = heap(t, 70_001, allOnes, 5);
                long sum = 0;
                for (long i = 0; i < h.size; i++) {
                    sum += h.getLongFlat(i);
                }
                List<NDArray> views = kinds(h);
                for (NDArray a : views) {
                    long offset = a.size == h.size ? 0 : h.getLongFlat(0) + h.getLongFlat(1) + h.getLongFlat(2);
                    assertEquals(sum - offset, a.sum().longValue(), () -> t + " " + a.storage.describe());
                }
                assertEquals(h.as(DType.FLOAT32), views.get(4).as(DType.FLOAT32)); // 8-element segments
                assertEquals(h.lt(0.5), views.get(8).lt(0.5)); // 8-byte pieces
            }
        }
    }
}
