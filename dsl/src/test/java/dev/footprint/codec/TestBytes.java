package dev.footprint.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Inputs the codec tests share: random bytes, a smooth uint16 ramp, zeros, floats with NaN and -0.0,
 * and 1 %-dense float64 values byte-shuffled as Blosc shuffles them.
 */
final class TestBytes {
    private TestBytes() {}

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] smoothUint16(int n) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (1000 + (int) (500 * Math.sin(i / 300.0))));
        }
        return b.array();
    }

    static byte[] specialDoubles(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1.5};
        for (int i = 0; i < n; i++) {
            b.putDouble(i % 7 == 0 ? specials[(i / 7) % specials.length] : 0.0);
        }
        return b.array();
    }

    /** {@code n} float64 values, 1 % of them normal random numbers at random places and the rest 0, byte-shuffled. */
    static byte[] shuffledSparseDoubles(int n, long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putDouble(r.nextInt(100) == 0 ? r.nextGaussian() : 0.0);
        }
        byte[] shuffled = new byte[8 * n];
        Shuffle.shuffle(8, b.array(), 0, 8 * n, shuffled, 0);
        return shuffled;
    }
}
