package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/** Arrays with random bits for every dtype, and their elements as little-endian C-order bytes. */
final class TestArrays {
    private TestArrays() {}

    /** Random bits for every element (bool: 0 or 1; floats include NaN payloads, infinities, -0.0). */
    static NDArray random(DType t, long seed, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        SplittableRandom r = new SplittableRandom(seed);
        byte[] bytes = new byte[(int) n * t.itemsize()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        if (t == DType.BOOL) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] &= 1;
            }
        }
        return fromBytes(t, bytes, ByteOrder.LITTLE_ENDIAN, shape);
    }

    static NDArray fromBytes(DType t, byte[] bytes, ByteOrder order, long... shape) {
        NDArray a = NDArray.allocate(t, shape);
        a.storage().decode(ByteBuffer.wrap(bytes).order(order), 0, (int) a.size());
        return a;
    }

    static byte[] leBytes(NDArray a) {
        ByteBuffer buf = ByteBuffer.allocate((int) a.nbytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (a.size() > 0) {
            a.copy().storage().encode(0, (int) a.size(), buf);
        }
        byte[] out = new byte[(int) a.nbytes()];
        buf.get(out);
        return out;
    }
}
