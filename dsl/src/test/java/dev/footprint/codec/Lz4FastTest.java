package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/**
 * Every block the fast compressor writes decodes to its input with lz4-java's pure-Java decoder
 * (an implementation independent of this one), within LZ4's bound, across the sizes where its
 * rules change (no match below 13 bytes, the 16-bit table up to 64 KiB + 11, the 64 KiB match
 * distance) and accelerations up to LZ4's largest. CodecPythonTest checks the bytes against liblz4.
 */
class Lz4FastTest {
    private static final int[] ACCELERATIONS = {1, 2, 5, 9, 100, Lz4Fast.MAX_ACCELERATION};

    private static List<byte[]> inputs() {
        List<byte[]> out = new ArrayList<>();
        Random r = new Random(3);
        for (int n : new int[] {0, 1, 4, 11, 12, 13, 14, 20, 64, 1000, 65_546, 65_547, 65_548, 70_000, 200_000}) {
            out.add(new byte[n]);
            out.add(TestBytes.random(n, n));
            byte[] runs = new byte[n];
            for (int i = 0; i < n; i++) {
                runs[i] = (byte) (r.nextInt(40) == 0 ? r.nextInt(256) : i / 997 % 3);
            }
            out.add(runs);
        }
        byte[] far = new byte[300_000]; // a repeat just past the 64 KiB distance, and one within it
        byte[] piece = TestBytes.random(1000, 77);
        System.arraycopy(piece, 0, far, 10, piece.length);
        System.arraycopy(piece, 0, far, 10 + 65_536, piece.length);
        System.arraycopy(piece, 0, far, 10 + 65_536 + 65_535, piece.length);
        out.add(far);
        out.add(TestBytes.shuffledSparseDoubles(131_072, 5));
        out.add(TestBytes.smoothUint16(100_000));
        out.add(TestBytes.specialDoubles(40_000));
        return out;
    }

    @Test
    void everyBlockDecodesToItsInputWithinTheBound() {
        var decoder = LZ4Factory.safeInstance().safeDecompressor();
        for (byte[] in : inputs()) {
            for (int acceleration : ACCELERATIONS) {
                byte[] dst = new byte[3 + Lz4Fast.bound(in.length)];
                int n = Lz4Fast.compress(in, 0, in.length, dst, 3, acceleration);
                assertTrue(n > 0 && n <= Lz4Fast.bound(in.length), n + " bytes for " + in.length);
                byte[] back = new byte[in.length];
                assertEquals(in.length, decoder.decompress(dst, 3, n, back, 0, in.length));
                assertArrayEquals(in, back, in.length + " bytes at acceleration " + acceleration);
            }
        }
    }

    @Test
    void anInputInsideALargerArrayGivesTheSameBlockAsAlone() {
        byte[] in = TestBytes.shuffledSparseDoubles(20_000, 8);
        byte[] padded = new byte[in.length + 100];
        Arrays.fill(padded, (byte) 7);
        System.arraycopy(in, 0, padded, 41, in.length);
        byte[] alone = new byte[Lz4Fast.bound(in.length)];
        byte[] inside = new byte[Lz4Fast.bound(in.length)];
        int n = Lz4Fast.compress(in, 0, in.length, alone, 0, 3);
        assertEquals(n, Lz4Fast.compress(padded, 41, in.length, inside, 0, 3));
        assertArrayEquals(Arrays.copyOf(alone, n), Arrays.copyOf(inside, n));
    }

    @Test
    void compressibleDataShrinksAndTheBoundRefusesWhatLz4Cannot() {
        byte[] zeros = new byte[1 << 20];
        assertTrue(Lz4Fast.compress(zeros, 0, zeros.length, new byte[Lz4Fast.bound(zeros.length)], 0, 1) < 5000);
        assertThrows(IllegalArgumentException.class, () -> Lz4Fast.bound(Lz4Fast.MAX_INPUT + 1));
    }
}
