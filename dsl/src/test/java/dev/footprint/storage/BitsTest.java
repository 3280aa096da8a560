package dev.footprint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bits-lane kernels on heap storage and on mapped storage (staged through scratch arrays in
 * steps, mapped in small pieces so runs cross piece ends), against a plain reference loop over
 * the bits: NaN payloads, -0.0 and every encoding's width, on more elements than one step.
 */
class BitsTest {
    private static final int N = 2 * Storage.STEP + 77;
    private static final int BASE = 5;
    private static final int COLS = 97;
    private static final int PIECE = 4096;

    @TempDir
    Path dir;

    private static long mask(Encoding e) {
        return e.itemsize() == 8 ? -1L : (1L << (8 * e.itemsize())) - 1;
    }

    /** Bits worth testing: signalling and quiet NaNs with payloads, -0.0, infinities. */
    private static long[] specials(Encoding e) {
        return switch (e) {
            case FLOAT64 -> new long[] {0x7FF0_0000_0000_0001L, 0xFFF8_0000_0000_0123L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L};
            case FLOAT32 -> new long[] {0x7F80_0001L, 0xFFC0_0123L, 0x8000_0000L, 0x7F80_0000L};
            case FLOAT16 -> new long[] {0x7C01L, 0xFE01L, 0x8000L, 0x7C00L};
            case BOOL -> new long[] {1};
            default -> new long[] {mask(e), 1L << (8 * e.itemsize() - 1)};
        };
    }

    /** {@code n} elements' bits: most equal to {@code fill}, the rest specials or random within the width. */
    private static long[] bits(Encoding e, long fill, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] sp = specials(e);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            long v = u < 0.7 ? fill : u < 0.8 ? sp[r.nextInt(sp.length)] : r.nextLong() & mask(e);
            out[i] = e == Encoding.BOOL ? (v != 0 ? 1 : 0) : v;
        }
        return out;
    }

    /** Mapped storage of {@code bits}, written little endian to a new file. */
    private MappedStorage mapped(Encoding e, long[] bits, MappedStorage.Mode mode) throws Exception {
        HeapStorage h = Bits.heap(e, bits, 0, bits.length);
        ByteBuffer buf = ByteBuffer.allocate(bits.length * e.itemsize()).order(ByteOrder.LITTLE_ENDIAN);
        h.encode(0, bits.length, buf);
        Path f = Files.createTempFile(dir, e.name(), ".bin");
        Files.write(f, buf.array());
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return MappedStorage.map(ch, 0, e, bits.length, ByteOrder.LITTLE_ENDIAN, mode, f.toString(), PIECE);
        }
    }

    private static long[] readAll(Storage s) {
        long[] out = new long[(int) s.length()];
        Bits.read(s, 0, out.length, out);
        return out;
    }

    private static long[] fills(Encoding e) {
        return e == Encoding.BOOL ? new long[] {0, 1} : new long[] {0, specials(e)[0]};
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void readAndHeapKeepEveryBit(Encoding e) throws Exception {
        long[] bits = bits(e, 0, N, e.ordinal());
        HeapStorage heap = Bits.heap(e, bits, 0, N);
        assertArrayEquals(bits, readAll(heap));
        assertArrayEquals(bits, readAll(mapped(e, bits, MappedStorage.Mode.READ)));
        long[] part = new long[N - 2 * BASE];
        Bits.read(mapped(e, bits, MappedStorage.Mode.READ), BASE, part.length, part);
        assertArrayEquals(java.util.Arrays.copyOfRange(bits, BASE, N - BASE), part);
        assertEquals(bits[N - 1], Bits.read(heap, N - 1));
        assertArrayEquals(java.util.Arrays.copyOfRange(bits, 3, 10), readAll(Bits.heap(e, bits, 3, 7)));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void marksAndGathersTheElementsThatDifferFromTheFill(Encoding e) throws Exception {
        for (long fill : fills(e)) {
            long[] bits = bits(e, fill, N, 31L * e.ordinal() + fill);
            int n = N - 2 * BASE;
            int rows = n / COLS;
            int n2 = rows * COLS;
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (bits[BASE + i] != fill) {
                    expected.add(i);
                }
            }
            for (Storage s : new Storage[] {Bits.heap(e, bits, 0, N), mapped(e, bits, MappedStorage.Mode.READ)}) {
                String where = s.describe() + " " + e + " fill " + Long.toHexString(fill);
                long[] marks = new long[(n + 63) >>> 6];
                assertEquals(expected.size(), Bits.mark(s, BASE, n, fill, marks), where);
                for (int i = 0; i < n; i++) {
                    assertEquals(bits[BASE + i] != fill, (marks[i >>> 6] >>> (i & 63) & 1) == 1, where + " mark " + i);
                }
                long[] gathered = readAll(Bits.gatherMarked(s, BASE, n, marks, expected.size()));
                for (int k = 0; k < expected.size(); k++) {
                    assertEquals(bits[BASE + expected.get(k)], gathered[k], where + " value " + k);
                }
                long[] marks2 = new long[(n2 + 63) >>> 6];
                int nnz2 = Bits.mark(s, BASE, n2, fill, marks2);
                long[] coords = new long[2 * nnz2];
                long[] values2 = readAll(Bits.gatherMarked2d(s, BASE, n2, marks2, nnz2, COLS, coords));
                int k = 0;
                for (int p = 0; p < n2; p++) {
                    if (bits[BASE + p] != fill) {
                        assertEquals(bits[BASE + p], values2[k], where + " 2-d value " + k);
                        assertEquals(p / COLS, coords[k], where + " row " + k);
                        assertEquals(p % COLS, coords[nnz2 + k], where + " column " + k);
                        k++;
                    }
                }
                assertEquals(nnz2, k, where);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void fillsAndScattersBitForBit(Encoding e) throws Exception {
        long fill = specials(e)[0];
        int rows = N / COLS;
        int size = rows * COLS;
        long[] src = bits(e, 0, N, 7L + e.ordinal());
        // every other position of the 2-d array, in a shuffled order
        int nnz = size / 2;
        int[] at = new int[nnz];
        for (int k = 0; k < nnz; k++) at[k] = 2 * k + 1;
        SplittableRandom r = new SplittableRandom(e.ordinal());
        for (int k = nnz - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int t = at[k]; at[k] = at[j]; at[j] = t;
        }
        long[] xy = new long[2 * nnz];
        for (int k = 0; k < nnz; k++) {
            xy[k] = at[k] / COLS;
            xy[nnz + k] = at[k] % COLS;
        }
        long[] expected = new long[size];
        java.util.Arrays.fill(expected, fill);
        for (int k = 0; k < nnz; k++) expected[at[k]] = src[BASE + k];
        Storage[] sources = {Bits.heap(e, src, 0, N), mapped(e, src, MappedStorage.Mode.READ)};
        for (Storage from : sources) {
            for (int way = 0; way < 4; way++) {
                Storage to = way < 2 ? HeapStorage.allocate(e, size) : mapped(e, new long[size], MappedStorage.Mode.READ_WRITE);
                Bits.fill(to, fill);
                long[] filled = readAll(to);
                for (long b : filled) assertEquals(fill, b, "fill of " + to.describe());
                if (way % 2 == 0) {
                    Bits.scatter(from, BASE, nnz, to, at);
                } else {
                    Bits.scatter2d(from, BASE, nnz, to, xy, COLS);
                }
                assertArrayEquals(expected, readAll(to), e + " from " + from.describe() + " to " + to.describe() + " way " + way);
            }
        }
    }
}
