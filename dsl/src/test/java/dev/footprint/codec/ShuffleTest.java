package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
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
        assertArrayEquals(reference(typesize, src, srcOff, len), Arrays.copyOfRange(shuffled, dstOff, dstOff + len));

        byte[] back = new byte[len + 2];
        Shuffle.unshuffle(typesize, shuffled, dstOff, len, back, 1);
        assertArrayEquals(Arrays.copyOfRange(src, srcOff, srcOff + len), Arrays.copyOfRange(back, 1, 1 + len));
    }

    /** Odd and even lengths around the eight-element steps, and a few long ones, in bytes of {@code typesize}-byte elements. */
    private static int[] lengths(int typesize, Random r) {
        int[] n = new int[80];
        for (int k = 0; k < n.length; k++) {
            n[k] = k < 70 ? k * typesize + (k % 3 == 0 ? r.nextInt(typesize) : 0) : r.nextInt(40_000);
        }
        return n;
    }

    /** Many rounds, so that the fast paths run compiled as well as interpreted. */
    @Test
    void shuffleAgreesWithTheReferenceLoopForEveryTypesizeAndManyLengths() {
        Random r = new Random(13);
        for (int round = 0; round < 40; round++) {
            for (int typesize : new int[] {1, 2, 3, 4, 8, 16}) {
                for (int len : lengths(typesize, r)) {
                    byte[] src = TestBytes.random(len + 3, r.nextLong());
                    byte[] shuffled = new byte[len + 1];
                    Shuffle.shuffle(typesize, src, 3, len, shuffled, 1);
                    byte[] expected = reference(typesize, src, 3, len);
                    assertArrayEquals(expected, Arrays.copyOfRange(shuffled, 1, len + 1), "typesize " + typesize + ", " + len + " bytes");
                    byte[] back = new byte[len];
                    Shuffle.unshuffle(typesize, shuffled, 1, len, back, 0);
                    assertArrayEquals(Arrays.copyOfRange(src, 3, len + 3), back, "typesize " + typesize + ", " + len + " bytes");
                }
            }
        }
    }

    /** Random bits (NaN payloads included), -0.0 and NaN, shuffled from and unshuffled into {@code double[]} and {@code long[]}. */
    @Test
    void elementShuffleWritesTheBytesOfTheByteShuffleAndUnshufflesBitForBit() {
        Random r = new Random(8);
        for (int round = 0; round < 40; round++) {
            for (int len : lengths(8, r)) {
                int n = len / 8;
                long[] bits = new long[n + 2];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = switch (r.nextInt(4)) {
                        case 0 -> Double.doubleToRawLongBits(-0.0);
                        case 1 -> 0x7FF0_0000_0000_0001L | r.nextLong() & 0x000F_FFFF_FFFF_FFFFL; // NaN with a payload
                        default -> r.nextLong();
                    };
                }
                double[] doubles = new double[bits.length];
                for (int i = 0; i < bits.length; i++) {
                    doubles[i] = Double.longBitsToDouble(bits[i]);
                }
                ByteBuffer le = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
                le.asLongBuffer().put(bits, 2, n);
                byte[] expected = reference(8, le.array(), 0, 8 * n);

                byte[] fromLongs = new byte[8 * n + 1];
                Shuffle.shuffle(bits, 2, n, fromLongs, 1);
                assertArrayEquals(expected, Arrays.copyOfRange(fromLongs, 1, 8 * n + 1), n + " longs");
                byte[] fromDoubles = new byte[8 * n];
                Shuffle.shuffle(doubles, 2, n, fromDoubles, 0);
                assertArrayEquals(expected, fromDoubles, n + " doubles");

                long[] longsBack = new long[n + 1];
                Shuffle.unshuffle(fromLongs, 1, n, longsBack, 1);
                assertArrayEquals(Arrays.copyOfRange(bits, 2, n + 2), Arrays.copyOfRange(longsBack, 1, n + 1), n + " longs");
                double[] doublesBack = new double[n];
                Shuffle.unshuffle(expected, 0, n, doublesBack, 0);
                for (int i = 0; i < n; i++) {
                    assertEquals(bits[i + 2], Double.doubleToRawLongBits(doublesBack[i]), "double " + i + " of " + n);
                }
            }
        }
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
