package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShuffleTest {
    /** The definition, byte by byte: the fast paths must agree with it. */
    static byte[] reference(int typesize, byte[] src, int off, int len) {
        byte[] out = new byte[len];
        int n = len / typesize;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < typesize; j++) {
                out[j * n + i] = src[off + i * typesize + j];
            }
        }
        System.arraycopy(src, off + n * typesize, out, n * typesize, len - n * typesize);
        return out;
    }

    @Property(tries = 300)
    void shuffleIsBloscsByteShuffleAndUnshuffleUndoesIt(@ForAll @IntRange(min = 1, max = 17) int typesize,
            @ForAll @IntRange(min = 0, max = 700) int len, @ForAll @IntRange(min = 0, max = 9) int srcOff,
            @ForAll @IntRange(min = 0, max = 9) int dstOff, @ForAll long seed) {
        byte[] src = TestBytes.random(srcOff + len + 3, seed);
        byte[] shuffled = new byte[dstOff + len + 5];
        Shuffle.shuffle(typesize, src, srcOff, len, shuffled, dstOff);
        assertArrayEquals(reference(typesize, src, srcOff, len), java.util.Arrays.copyOfRange(shuffled, dstOff, dstOff + len));

        byte[] back = new byte[len + 2];
        Shuffle.unshuffle(typesize, shuffled, dstOff, len, back, 1);
        assertArrayEquals(java.util.Arrays.copyOfRange(src, srcOff, srcOff + len), java.util.Arrays.copyOfRange(back, 1, 1 + len));
    }

    @Test
    void shuffleOfTwoUint16GroupsLowBytesThenHighBytes() {
        byte[] src = {1, 2, 3, 4, 5};
        byte[] dst = new byte[5];
        Shuffle.shuffle(2, src, 0, 5, dst, 0);
        assertArrayEquals(new byte[] {1, 3, 2, 4, 5}, dst);
    }

    @Test
    void shuffleRefusesBadArguments() {
        byte[] b = new byte[8];
        assertThrows(IllegalArgumentException.class, () -> Shuffle.shuffle(0, b, 0, 8, b.clone(), 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Shuffle.shuffle(2, b, 4, 8, new byte[8], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Shuffle.unshuffle(2, b, 0, 8, new byte[7], 0));
    }
}
