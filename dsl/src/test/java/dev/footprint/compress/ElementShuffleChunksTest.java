package dev.footprint.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.codec.Codec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Chunks of 8-byte elements on the heap are shuffled straight from the elements and unshuffled
 * straight into them: the stored bytes must be those of the elements' little-endian bytes
 * compressed by {@link BloscLayout}, and the round trip bit for bit, over several blocks, chunk
 * lengths that are not a multiple of eight elements, and chunks that are not one run.
 */
class ElementShuffleChunksTest {
    private static NDArray sparse(DType t, long rows, long cols, long seed) {
        NDArray a = NDArray.allocate(t, rows, cols);
        Random r = new Random(seed);
        Object d = a.contiguousData();
        int n = (int) (rows * cols);
        for (int k = 0; k < n / 20; k++) {
            int i = r.nextInt(n);
            long bits = switch (k % 4) {
                case 0 -> Double.doubleToRawLongBits(-0.0);
                case 1 -> 0x7FF0_0000_0000_0001L | r.nextLong() & 0x000F_FFFF_FFFF_FFFFL; // NaN with a payload
                default -> r.nextLong();
            };
            if (d instanceof double[] doubles) {
                doubles[i] = Double.longBitsToDouble(bits);
            } else {
                ((long[]) d)[i] = bits;
            }
        }
        return a;
    }

    private static byte[] littleEndian(NDArray a, int from, int n) {
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        if (a.contiguousData() instanceof double[] d) {
            b.asDoubleBuffer().put(d, from, n);
        } else {
            b.asLongBuffer().put((long[]) a.contiguousData(), from, n);
        }
        return b.array();
    }

    @Test
    void storedBytesAreTheByteShufflesAndRoundTripsAreBitForBit() {
        for (DType t : new DType[] {DType.FLOAT64, DType.INT64, DType.UINT64}) {
            for (String codec : new String[] {"lz4", "zstd", "zlib"}) {
                NDArray a = sparse(t, 61, 1003, 7);
                // 20 x 1003 elements a chunk (not a multiple of eight), in blocks of 4 KiB (lz4: 64 KiB, its least when split)
                CompressedNDArray c = CompressedNDArray.withBlockSize(a, codec, codec.equals("zlib") ? 6 : 1, 4096, 20, 1003);
                String what = t + " " + codec;
                assertFalse(StoredChunks.plain(c, 1), what);
                int n = 20 * 1003;
                BloscLayout layout = StoredChunks.layout(c, 8 * n);
                assertTrue(layout.blocks(8 * n) > 1, what);
                Codec k = Codec.named(codec);
                byte[] expected = new byte[layout.maxLength(k, 8 * n)];
                byte[] tmp = new byte[layout.blocksize()];
                int end = layout.encode(k, c.level(), littleEndian(a, n, n), 0, 8 * n, expected, -BloscLayout.HEADER, 0,
                        expected.length, tmp);
                byte[] stored = new byte[StoredChunks.storedLength(c, 1)];
                StoredChunks.copyStored(c, 1, stored, 0);
                assertArrayEquals(Arrays.copyOf(expected, end), stored, what);

                assertTrue(c.decompress().equals(a), what);
                assertTrue(c.slice("3:12, 1:999").equals(a.slice("3:12, 1:999")), what);
                // chunks that are not one run of the array take the byte path; the result is the same
                CompressedNDArray strided = CompressedNDArray.withBlockSize(a, codec, codec.equals("zlib") ? 6 : 1, 4096, 20, 300);
                assertTrue(strided.decompress().equals(a), what);
            }
        }
    }
}
