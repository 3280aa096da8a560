package dev.footprint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Big storage in 16-element segments holds and moves every encoding's elements exactly as one heap array does. */
class BigStorageTest {
    private static final int SHIFT = 4;
    private static final int N = 200; // 12.5 segments

    /** The same random elements in heap storage and in big storage. */
    private static Storage[] pair(Encoding e, long seed) {
        HeapStorage heap = HeapStorage.allocate(e, N);
        SplittableRandom r = new SplittableRandom(seed);
        long[] v = new long[N];
        for (int i = 0; i < N; i++) {
            v[i] = r.nextLong();
        }
        if (e.isFloat()) {
            double[] d = new double[N];
            for (int i = 0; i < N; i++) {
                d[i] = i % 17 == 0 ? Double.NaN : i % 13 == 0 ? -0.0 : (r.nextDouble() - 0.5) * 1e6;
            }
            heap.scatterDouble(null, 0, N, d);
        } else {
            heap.scatterLong(null, 0, N, v);
        }
        BigStorage big = BigStorage.allocate(e, N, SHIFT);
        heap.copyTo(null, 0, N, big, 0);
        return new Storage[] {heap, big};
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void runsAcrossSegmentEndsReadAsTheHeapDoes(Encoding e) {
        Storage[] p = pair(e, 1);
        Storage heap = p[0];
        Storage big = p[1];
        assertTrue(heap.sameBits(0, big, 0, N));
        assertEquals(13, ((BigStorage) big).segmentCount());
        for (int base : new int[] {0, 5, 15, 16, 31, 100, 150}) {
            int n = Math.min(50, N - base);
            long[] hl = new long[n];
            long[] bl = new long[n];
            double[] hd = new double[n];
            double[] bd = new double[n];
            heap.gatherLong(null, base, n, hl);
            big.gatherLong(null, base, n, bl);
            heap.gatherDouble(null, base, n, hd);
            big.gatherDouble(null, base, n, bd);
            assertArrayEquals(hl, bl, "longs from " + base);
            assertEquals(bitsOf(hd), bitsOf(bd), "doubles from " + base);
            assertTrue(heap.copyRange(base, n).sameBits(0, big.copyRange(base, n), 0, n));
            for (int i = 0; i < n; i++) {
                assertEquals(heap.readLong(base + i), big.readLong(base + i));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void offsetsRelativeToABaseGatherAndScatterAsTheHeapDoes(Encoding e) {
        Storage[] p = pair(e, 2);
        Storage heap = p[0];
        Storage big = p[1];
        // Offsets around a base, negative ones included: within one segment, and across several.
        int[][] chunks = {{0, 1, 2, 3}, {-3, -2, -1, 0}, {-40, 7, 0, 33, -12, 60}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
        for (int[] offs : chunks) {
            long base = 100;
            int n = offs.length;
            long[] hl = new long[n];
            long[] bl = new long[n];
            heap.gatherLong(offs, base, n, hl);
            big.gatherLong(offs, base, n, bl);
            assertArrayEquals(hl, bl);
            double[] hd = new double[n];
            double[] bd = new double[n];
            heap.gatherDouble(offs, base, n, hd);
            big.gatherDouble(offs, base, n, bd);
            assertEquals(bitsOf(hd), bitsOf(bd));
            long[] w = new long[n];
            for (int i = 0; i < n; i++) {
                w[i] = 1000 + 37L * i;
            }
            heap.scatterLong(offs, base, n, w);
            big.scatterLong(offs, base, n, w);
            double[] wd = {0.5, -1.25, 3e9, -0.0, 7, 8, 9, 10, 11, 12};
            heap.scatterDouble(offs, base - 1, n, wd);
            big.scatterDouble(offs, base - 1, n, wd);
            HeapStorage hc = HeapStorage.allocate(e, n);
            HeapStorage bc = HeapStorage.allocate(e, n);
            heap.copyTo(offs, base, n, hc, 0);
            big.copyTo(offs, base, n, bc, 0);
            assertTrue(hc.sameBits(0, bc, 0, n));
        }
        assertTrue(heap.sameBits(0, big, 0, N));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void fillCopyAndCodecCrossSegmentsAsTheHeapDoes(Encoding e) {
        Storage[] p = pair(e, 3);
        Storage heap = p[0];
        Storage big = p[1];
        ByteBuffer hb = ByteBuffer.allocate(N * e.itemsize()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bb = ByteBuffer.allocate(N * e.itemsize()).order(ByteOrder.LITTLE_ENDIAN);
        heap.encode(3, N - 3, hb);
        big.encode(3, N - 3, bb);
        assertEquals(hb, bb);
        // Decode shifted by 7 into fresh storage of each kind.
        Storage h2 = HeapStorage.allocate(e, N);
        Storage b2 = BigStorage.allocate(e, N, SHIFT);
        h2.decode(hb, 7, N - 7);
        b2.decode(bb, 7, N - 7);
        assertTrue(h2.sameBits(0, b2, 0, N));
        // Big to big, shifted so the pieces of source and target segments do not line up.
        Storage b3 = BigStorage.allocate(e, N, SHIFT);
        big.copyTo(null, 5, N - 20, b3, 11);
        Storage h3 = HeapStorage.allocate(e, N);
        heap.copyTo(null, 5, N - 20, h3, 11);
        assertTrue(h3.sameBits(0, b3, 0, N));
        heap.fill(-3, 2.5);
        big.fill(-3, 2.5);
        assertTrue(heap.sameBits(0, big, 0, N));
        heap.writeLong(N - 1, 0);
        assertTrue(!heap.sameBits(0, big, 0, N), "a changed last element is seen");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void newStorageIsBigOnlyPastOneJavaArray(Encoding e) throws Throwable {
        assertTrue(Storage.allocate(e, 1000) instanceof HeapStorage);
        SmallSegments.run(SHIFT, () -> {
            Storage s = Storage.allocate(e, 40);
            assertTrue(s instanceof BigStorage);
            assertEquals(3, ((BigStorage) s).segmentCount());
            assertEquals(40L * e.itemsize(), s.heapBytes());
            assertEquals(0, s.mappedBytes());
        });
    }

    private static String bitsOf(double[] d) {
        StringBuilder sb = new StringBuilder();
        for (double v : d) {
            sb.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
        }
        return sb.toString();
    }
}
