package dev.footprint.bench;

import static dev.footprint.Footprint.*;

import dev.footprint.array.NDArray;

/**
 * The operations that are benchmarked, in one place: the JMH benchmarks, the side-by-side
 * comparison with NumPy and the correctness test all call these, so they measure and check the
 * same code. Each mirrors one NumPy line, given in its Javadoc.
 */
public final class Operations {
    private Operations() {}

    /** The inputs of one size: seeded, so every run sees the same numbers. */
    public static final class Inputs {
        public final int n;
        /** {@code np.random.random((n, n))} */
        public final NDArray random;
        public final NDArray other;
        /** float64 values that float32 holds exactly, so the lossless cast succeeds. */
        public final NDArray float32Exact;

        public Inputs(int n, long seed) {
            this.n = n;
            arr.seed(seed);
            this.random = arr.random(n, n);
            this.other = arr.random(n, n);
            this.float32Exact = random.as(FLOAT32, UNSAFE).as(FLOAT64);
        }
    }

    /** {@code np.ones((n, n), dtype=np.uint16)} */
    public static NDArray onesUint16(int n) {
        return arr.ones(UINT16, n, n);
    }

    /** {@code np.random.random((n, n))} */
    public static NDArray random(int n) {
        return arr.random(n, n);
    }

    /** {@code b = a.copy(); b[a < 0.9] = 0} — the article's step. */
    public static NDArray copyAndMaskSet(NDArray a) {
        return a.copy().set(a.lt(0.9), 0);
    }

    /** {@code a.astype(np.float32)}, lossless: Footprint checks every value on the way. */
    public static NDArray asFloat32(NDArray a) {
        return a.as(FLOAT32);
    }

    /** {@code a.astype(np.float32)} as NumPy does it, without the check. */
    public static NDArray asFloat32Unsafe(NDArray a) {
        return a.as(FLOAT32, UNSAFE);
    }

    /** {@code a.sum()} */
    public static NDArray sum(NDArray a) {
        return a.sum();
    }

    /** {@code a + b} */
    public static NDArray add(NDArray a, NDArray b) {
        return a.add(b);
    }

    /** {@code a < 0.9} */
    public static NDArray lessThan(NDArray a) {
        return a.lt(0.9);
    }
}
