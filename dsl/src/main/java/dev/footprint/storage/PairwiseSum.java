package dev.footprint.storage;

/**
 * NumPy's float64 sum of a contiguous stretch, addition for addition, so that {@code a.sum()} and
 * {@code a.mean()} give the bits {@code np.sum} and {@code np.mean} give. NumPy 1.24 reduces a
 * contiguous array in blocks of {@link #BLOCK} elements (its buffer size), adding each block's
 * pairwise sum in order to a total that starts at 0.0. A pairwise sum of {@code n} elements is:
 * <ul>
 *   <li>under 8: one running sum from 0.0;
 *   <li>8 to {@link #LEAF}: eight running sums started from the first eight elements, element
 *       {@code i} into sum {@code i % 8} up to the last multiple of 8, combined as
 *       {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, then the rest added one by one;
 *   <li>more: the pairwise sums of the first {@code n2} and the other {@code n - n2} elements
 *       added, {@code n2} being half of {@code n} rounded down to a multiple of 8.
 * </ul>
 * The blocks are independent until their sums are added, so a long stretch's blocks can be summed
 * on every core with the same result. Its error grows with the logarithm of the block length
 * rather than the array's, as NumPy's does. Other dtypes are summed in the same order in their
 * own {@link Arithmetic} (float32, float16), and {@link #innermost} says which axis NumPy sums
 * this way rather than with a running sum per result.
 */
public final class PairwiseSum {
    /** Elements per block: NumPy's buffer size. */
    public static final int BLOCK = 8192;

    /** The longest run summed in eight lanes without splitting: NumPy's {@code PW_BLOCKSIZE}. */
    public static final int LEAF = 128;

    /** Leaves of a whole block. */
    private static final int LEAVES = BLOCK / LEAF;

    private PairwiseSum() {}

    /** The pairwise sum of {@code a[off..off + n)}. */
    public static double of(double[] a, int off, int n) {
        if (n == BLOCK) {
            double[] leaves = new double[LEAVES];
            for (int l = 0; l < LEAVES; l++) {
                leaves[l] = leaf(a, off + l * LEAF, LEAF);
            }
            return tree(leaves);
        }
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= LEAF) {
            return leaf(a, off, n);
        }
        int n2 = half(n);
        return of(a, off, n2) + of(a, off + n2, n - n2);
    }

    /**
     * The same over {@code n} elements read from {@code address} ({@link DirectReads}; the
     * caller keeps the memory mapped).
     */
    public static double at(long address, int n) {
        if (n == BLOCK) {
            double[] leaves = new double[LEAVES];
            for (int l = 0; l < LEAVES; l++) {
                leaves[l] = leaf(address + 8L * LEAF * l, LEAF);
            }
            return tree(leaves);
        }
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += DirectReads.get(address + 8L * i);
            }
            return res;
        }
        if (n <= LEAF) {
            return leaf(address, n);
        }
        int n2 = half(n);
        return at(address, n2) + at(address + 8L * n2, n - n2);
    }

    /** {@code n} elements, 8 to {@link #LEAF}, in eight running sums started from the first eight, then the rest one by one. */
    private static double leaf(double[] a, int off, int n) {
        double s0 = a[off], s1 = a[off + 1], s2 = a[off + 2], s3 = a[off + 3];
        double s4 = a[off + 4], s5 = a[off + 5], s6 = a[off + 6], s7 = a[off + 7];
        int whole = off + n - n % 8;
        int k = off + 8;
        for (; k < whole; k += 8) {
            s0 += a[k];
            s1 += a[k + 1];
            s2 += a[k + 2];
            s3 += a[k + 3];
            s4 += a[k + 4];
            s5 += a[k + 5];
            s6 += a[k + 6];
            s7 += a[k + 7];
        }
        double res = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (int end = off + n; k < end; k++) {
            res += a[k];
        }
        return res;
    }

    /** The same read from {@code address}. */
    private static double leaf(long address, int n) {
        long p = address;
        double s0 = DirectReads.get(p), s1 = DirectReads.get(p + 8), s2 = DirectReads.get(p + 16);
        double s3 = DirectReads.get(p + 24), s4 = DirectReads.get(p + 32), s5 = DirectReads.get(p + 40);
        double s6 = DirectReads.get(p + 48), s7 = DirectReads.get(p + 56);
        long whole = address + 8L * (n - n % 8);
        for (p += 64; p < whole; p += 64) {
            s0 += DirectReads.get(p);
            s1 += DirectReads.get(p + 8);
            s2 += DirectReads.get(p + 16);
            s3 += DirectReads.get(p + 24);
            s4 += DirectReads.get(p + 32);
            s5 += DirectReads.get(p + 40);
            s6 += DirectReads.get(p + 48);
            s7 += DirectReads.get(p + 56);
        }
        double res = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (long end = address + 8L * n; p < end; p += 8) {
            res += DirectReads.get(p);
        }
        return res;
    }

    /**
     * A whole block's pairwise sum from its leaves' sums: 8192 halves evenly down to 64 leaves of
     * 128, so its tree is balanced and adds neighbours level by level (what the recursion adds,
     * without the calls).
     */
    private static double tree(double[] leaves) {
        for (int width = LEAVES; width > 1; width >>= 1) {
            for (int i = 0; i < width / 2; i++) {
                leaves[i] = leaves[2 * i] + leaves[2 * i + 1];
            }
        }
        return leaves[0];
    }

    /**
     * Whether NumPy sums along {@code axis} of an array of this shape and these strides pairwise,
     * each result's elements in blocks of {@link #BLOCK} as {@link #of} sums them and the blocks
     * added in order to 0.0, rather than with one running sum per result from 0.0 (each element
     * added in turn, along the axis). NumPy 1.24 does the first when its iterator puts the reduced
     * axis innermost: when no other axis longer than 1 has a smaller stride magnitude, nor an equal
     * one and a later place (its iterator orders axes by stride, ties in C order). A C-order
     * array's last axis, a reversed or stepped one, and the first axis of a transposed array
     * qualify; axis 0 of a C-order matrix does not. Under 8 elements the two agree.
     */
    public static boolean innermost(long[] shape, long[] strides, int axis) {
        long s = Math.abs(strides[axis]);
        for (int d = 0; d < shape.length; d++) {
            if (d == axis || shape[d] <= 1) {
                continue;
            }
            long other = Math.abs(strides[d]);
            if (other < s || other == s && d > axis) {
                return false;
            }
        }
        return true;
    }

    /** {@link #innermost} for a C-order array: every later axis has at most one element. */
    public static boolean innermostInCOrder(long[] shape, int axis) {
        for (int d = axis + 1; d < shape.length; d++) {
            if (shape[d] > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * NumPy's float32 sum of {@code a[off..off + n)}, float32 values held as doubles: the same
     * order as {@link #of}, every addition in float32 (NumPy sums a float32 array in its own type).
     */
    public static float ofFloat32(double[] a, int off, int n) {
        if (n < 8) {
            float res = 0.0f;
            for (int i = 0; i < n; i++) {
                res += (float) a[off + i];
            }
            return res;
        }
        if (n <= LEAF) {
            float s0 = (float) a[off], s1 = (float) a[off + 1], s2 = (float) a[off + 2], s3 = (float) a[off + 3];
            float s4 = (float) a[off + 4], s5 = (float) a[off + 5], s6 = (float) a[off + 6], s7 = (float) a[off + 7];
            int whole = off + n - n % 8;
            int k = off + 8;
            for (; k < whole; k += 8) {
                s0 += (float) a[k];
                s1 += (float) a[k + 1];
                s2 += (float) a[k + 2];
                s3 += (float) a[k + 3];
                s4 += (float) a[k + 4];
                s5 += (float) a[k + 5];
                s6 += (float) a[k + 6];
                s7 += (float) a[k + 7];
            }
            float res = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            for (int end = off + n; k < end; k++) {
                res += (float) a[k];
            }
            return res;
        }
        int n2 = half(n);
        return ofFloat32(a, off, n2) + ofFloat32(a, off + n2, n - n2);
    }

    /**
     * The arithmetic of NumPy's sum of an array of one dtype: float64 (also for the mean of
     * integers and bools, which NumPy sums as float64 values), float32 (also for a float16 mean,
     * which NumPy accumulates in float32), or float16: each block summed pairwise in float32 and
     * the total kept in float16, rounded after every addition, as NumPy's float16 loop does.
     */
    public enum Arithmetic {
        FLOAT64, FLOAT32, FLOAT16;

        /** The arithmetic of a sum ({@code mean} false) or mean of elements of this kind and size. */
        public static Arithmetic of(boolean isFloat, int itemsize, boolean mean) {
            if (!isFloat || itemsize == 8) {
                return FLOAT64;
            }
            return itemsize == 4 || mean ? FLOAT32 : FLOAT16;
        }

        /** {@code total + x}: one step of a running sum, or a block's sum added to the total. */
        public double add(double total, double x) {
            return switch (this) {
                case FLOAT64 -> total + x;
                case FLOAT32 -> (float) total + (float) x;
                case FLOAT16 -> Conversions.halfToFloat(Conversions.halfFromDouble((float) total + (float) x));
            };
        }

        /** The pairwise sum of {@code a[off..off + n)}: {@link #of} in float64, {@link #ofFloat32} otherwise. */
        public double pairwise(double[] a, int off, int n) {
            return this == FLOAT64 ? PairwiseSum.of(a, off, n) : ofFloat32(a, off, n);
        }
    }

    /**
     * A mean along an axis from its sum of {@code len} elements: NumPy divides in the sum's type,
     * float32 for a {@code float16} array (whose result it then rounds to float16), else float64
     * (a float32 array's float32 division being the float64 one rounded once, when stored).
     */
    public static double axisMean(double sum, long len, boolean float16) {
        double m = len == 0 ? Double.NaN : sum / len;
        return float16 ? (float) m : m;
    }

    /**
     * The same sum fed a run of elements at a time, in order (a view read in NumPy's order, a
     * compressed array's chunks): each full block of {@link #BLOCK} summed by {@link #of} and
     * added to a total that starts at 0.0, then the last, shorter block; in the {@link
     * Arithmetic} of the array's dtype.
     */
    public static final class InOrder {
        private final double[] block = new double[BLOCK];
        private final Arithmetic arithmetic;
        private int held;
        private double total;

        /** A float64 sum. */
        public InOrder() {
            this(Arithmetic.FLOAT64);
        }

        /** A sum in this arithmetic. */
        public InOrder(Arithmetic arithmetic) {
            this.arithmetic = arithmetic;
        }

        /** Adds {@code x[0..n)}, the next elements. */
        public void add(double[] x, int n) {
            for (int i = 0; i < n; ) {
                int m = Math.min(n - i, BLOCK - held);
                System.arraycopy(x, i, block, held, m);
                held += m;
                i += m;
                if (held == BLOCK) {
                    total = arithmetic.add(total, arithmetic.pairwise(block, 0, BLOCK));
                    held = 0;
                }
            }
        }

        /** The sum of every element added. */
        public double total() {
            if (held > 0) {
                total = arithmetic.add(total, arithmetic.pairwise(block, 0, held));
                held = 0;
            }
            return total;
        }
    }

    /** Where a pairwise sum of {@code n} elements (more than {@link #LEAF}) splits them: half of {@code n}, rounded down to a multiple of 8. */
    public static int half(int n) {
        int n2 = n / 2;
        return n2 - n2 % 8;
    }
}
