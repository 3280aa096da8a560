package dev.footprint.sparse;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.Half;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
import dev.footprint.storage.PairwiseSum;
import java.util.HashMap;
import java.util.Map;

/**
 * Whole-array reductions that count the fill value once for every missing element. Float sums and
 * all means, whole or along the last axis, are the dense array's bit for bit, which are NumPy's
 * ({@link PairwiseRows}).
 */
final class SparseReductions {
    private SparseReductions() {}

    static NDArray sum(SparseArray<?> a) {
        if (a.dtype().isFloat()) {
            return floatScalar(a.dtype(), pairwiseTotal(a, false));
        }
        NDArray stored = a.storedValues().sum();
        long missing = a.size - a.nnz();
        long fillBits = Values.bitsOf(a.fill);
        if (missing == 0 || fillBits == 0) {
            return stored;
        }
        // Integer sums wrap as NumPy's do; the fill is widened to the sum dtype first.
        DType rt = stored.dtype();
        long fillValue = a.fill.as(rt, Casting.UNSAFE).getLongFlat(0);
        return stored.add(Values.zeroDim(rt, fillValue * missing));
    }

    static NDArray mean(SparseArray<?> a) {
        // A float32 or float16 mean divides its sum in float64 and rounds once, as NumPy's does; an
        // integer or bool array's mean is a float64 sum of its values, as NumPy's is.
        return floatScalar(a.dtype().isFloat() ? a.dtype() : DType.FLOAT64, pairwiseTotal(a, true) / a.size);
    }

    static NDArray extreme(SparseArray<?> a, boolean min) {
        NDArray candidates = a.size > a.nnz() ? Values.withFill(a.storedValues(), a.fill) : a.storedValues();
        if (candidates.size() == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + (min ? "min" : "max")
                    + " which has no identity");
        }
        return min ? candidates.min() : candidates.max();
    }

    /**
     * Sum or mean along {@code axis} as a dense array, equal bit for bit to {@code
     * todense().sum(axis)} / {@code mean(axis)}: one pass over the stored values in C order meets
     * each output element's values in axis order, as the dense loop does; the fill value is added
     * in its places too (counted at once for integers, whose sums wrap the same either way, and
     * for arrays too large to have a dense form). A float64 array's last axis (with only axes of
     * length 1 after it) is summed pairwise, as the dense engine and NumPy sum it ({@link PairwiseRows}).
     */
    static NDArray alongAxis(SparseArray<?> a, int axis, boolean mean) {
        int nd = a.ndim();
        int ax = checkedAxis(axis, nd);
        Pass p = new Pass(a, ax);
        long len = a.shape[ax];
        DType t = a.dtype();
        if ((t.isFloat() || mean) && len >= 8 && PairwiseSum.innermostInCOrder(a.shape, ax)) {
            return pairwiseAlongAxis(a, p, mean);
        }
        if (t.isFloat() || mean) {
            double[] values = p.doubles();
            double fill = a.fill.getDoubleFlat(0);
            boolean nanFill = fill != fill;
            // +0.0 changes no sum that starts at +0.0; a NaN fill makes NaN of any cell it enters.
            boolean skipFill = Double.doubleToRawLongBits(fill) == 0 || nanFill;
            // One add per missing element is what the dense loop does, and costs what it costs; an
            // array too large to be dense gets the fill's share in one product per run instead.
            boolean oneByOne = a.size <= Shapes.MAX_SIZE;
            // Each dtype's sums add in NumPy's arithmetic for it (float32 in float32, float16 in float16).
            PairwiseSum.Arithmetic arithmetic = arithmetic(a, mean);
            double[] acc = new double[p.cells];
            long[] next = skipFill ? null : new long[p.cells]; // the axis position each cell has reached
            long[] stored = new long[p.cells];
            boolean[] nan = new boolean[p.cells]; // a NaN anywhere gives NaN itself, as the dense loop
            for (int k = 0; k < p.nnz; k++) {
                int cell = p.cellOf[k];
                if (!skipFill) {
                    long at = p.axisIndex(k);
                    acc[cell] = addFill(acc[cell], fill, at - next[cell], oneByOne, arithmetic);
                    next[cell] = at + 1;
                }
                acc[cell] = arithmetic.add(acc[cell], values[k]);
                nan[cell] |= values[k] != values[k];
                stored[cell]++;
            }
            for (int cell = 0; cell < p.cells; cell++) {
                if (!skipFill) {
                    acc[cell] = addFill(acc[cell], fill, len - next[cell], oneByOne, arithmetic);
                }
                if (nan[cell] || (nanFill && stored[cell] < len)) {
                    acc[cell] = Double.NaN;
                }
                if (mean) {
                    acc[cell] = PairwiseSum.axisMean(acc[cell], len, t == DType.FLOAT16);
                }
            }
            return p.result(acc, t.isFloat() ? t : DType.FLOAT64);
        }
        DType rt = t.isUnsigned() ? DType.UINT64 : DType.INT64;
        long[] values = p.longs(rt);
        long fill = a.fill.as(rt, Casting.UNSAFE).getLongFlat(0);
        long[] acc = new long[p.cells];
        long[] stored = new long[p.cells];
        for (int k = 0; k < p.nnz; k++) {
            acc[p.cellOf[k]] += values[k];
            stored[p.cellOf[k]]++;
        }
        if (fill != 0) {
            for (int cell = 0; cell < p.cells; cell++) {
                acc[cell] += fill * (len - stored[cell]);
            }
        }
        return NDArray.wrap(rt, acc, p.outShape);
    }

    /** {@code v} as a 0-d array of the float dtype {@code t}, rounded to nearest once. */
    private static NDArray floatScalar(DType t, double v) {
        NDArray out = NDArray.allocate(t);
        out.set(t == DType.FLOAT32 ? (double) (float) v : t == DType.FLOAT16 ? Half.round(v) : v);
        return out;
    }

    /** The whole array's sum (for its mean, with {@code mean}) in the dense engine's order: one row of every element, in C order. */
    private static double pairwiseTotal(SparseArray<?> a, boolean mean) {
        CooArray coo = a.tocoo();
        long[] offsets = coo.offsets();
        PairwiseRows rows = new PairwiseRows(a.size, a.fill.getDoubleFlat(0), Values.doubles(coo.data()),
                k -> offsets[k], a.size <= Shapes.MAX_SIZE, arithmetic(a, mean));
        double total = rows.row(0, offsets.length);
        return total != total ? Double.NaN : total;
    }

    /** NumPy's arithmetic for a sum ({@code mean} false) or mean of {@code a}'s dtype ({@link PairwiseSum.Arithmetic}). */
    private static PairwiseSum.Arithmetic arithmetic(SparseArray<?> a, boolean mean) {
        return PairwiseSum.Arithmetic.of(a.dtype().isFloat(), a.dtype().itemsize(), mean);
    }

    /** Float sums or any means along the last axis (every later axis of length 1), row by row ({@link PairwiseRows}). */
    private static NDArray pairwiseAlongAxis(SparseArray<?> a, Pass p, boolean mean) {
        long len = a.shape[p.ax];
        PairwiseRows rows = new PairwiseRows(len, a.fill.getDoubleFlat(0), p.doubles(), p::axisIndex, a.size <= Shapes.MAX_SIZE,
                arithmetic(a, mean));
        double[] acc = new double[p.cells];
        java.util.Arrays.fill(acc, rows.row(0, 0));
        // The reduced axis is innermost, so each cell's stored elements follow one another in C order.
        for (int k = 0; k < p.nnz; ) {
            int cell = p.cellOf[k];
            int end = k + 1;
            while (end < p.nnz && p.cellOf[end] == cell) {
                end++;
            }
            acc[cell] = rows.row(k, end);
            k = end;
        }
        for (int cell = 0; cell < p.cells; cell++) {
            double v = acc[cell] != acc[cell] ? Double.NaN : acc[cell];
            acc[cell] = mean ? PairwiseSum.axisMean(v, len, a.dtype() == DType.FLOAT16) : v;
        }
        return p.result(acc, a.dtype().isFloat() ? a.dtype() : DType.FLOAT64);
    }

    /**
     * Sums of rows of {@code len} elements as the dense engine adds them, which is NumPy's order
     * and arithmetic ({@link PairwiseSum}): a row's blocks of 8192 summed pairwise and added in
     * order to 0.0. The pairwise tree is walked over the row's stored elements only: a stretch
     * without one is the pairwise sum of that many fills (computed once per length); a leaf of at
     * most 128 elements with one is summed from its stored elements alone when the fill is +0.0
     * ({@link #zeroLeaf}), and otherwise laid out densely, as is a stretch with a stored element in
     * every 32. So a row costs at most about its dense length, much less when sparser, and a row
     * without any is summed once for all of them. Blocks without a stored element add their fills'
     * sum one by one, or, for an array too large to have a dense form, in one product.
     */
    private static final class PairwiseRows {
        /** A stretch with a stored element in every this many or fewer is laid out densely. */
        private static final int DENSE_FROM = 32;

        private final long len;
        private final double fill;
        private final double[] values;
        private final java.util.function.IntToLongFunction position;
        private final boolean oneByOne;
        /** How block sums add to a row's total. */
        private final PairwiseSum.Arithmetic arithmetic;
        /** How sums inside a block add: float64, or float32 (a float16 array's too). */
        private final PairwiseSum.Arithmetic inBlock;
        private final Map<Integer, Double> fillSums = new HashMap<>();
        /** Whether the fill is +0.0: leaves are then summed from their stored elements alone ({@link #zeroLeaf}). */
        private final boolean zeroFill;
        private final double[] laneSums = new double[8];
        private double[] dense = new double[PairwiseSum.LEAF];

        /** Rows of {@code len} elements; stored element {@code k} holds {@code values[k]} at {@code position(k)} of its row. */
        PairwiseRows(long len, double fill, double[] values, java.util.function.IntToLongFunction position, boolean oneByOne,
                PairwiseSum.Arithmetic arithmetic) {
            this.len = len;
            this.fill = fill;
            this.values = values;
            this.position = position;
            this.oneByOne = oneByOne;
            this.arithmetic = arithmetic;
            this.inBlock = arithmetic == PairwiseSum.Arithmetic.FLOAT64 ? arithmetic : PairwiseSum.Arithmetic.FLOAT32;
            this.zeroFill = Double.doubleToRawLongBits(fill) == 0;
        }

        /** The sum of one row whose stored elements are {@code k0..k1}, by position. */
        private double row(int k0, int k1) {
            // Rounded up without adding first: a sparse row can be nearly 2^63 elements long.
            long blocks = len / PairwiseSum.BLOCK + (len % PairwiseSum.BLOCK == 0 ? 0 : 1);
            double total = 0.0;
            int k = k0;
            for (long b = 0; b < blocks; ) {
                long lo = b * PairwiseSum.BLOCK;
                int n = (int) Math.min(PairwiseSum.BLOCK, len - lo);
                if (k < k1 && position.applyAsLong(k) < lo + n) {
                    int end = k;
                    while (end < k1 && position.applyAsLong(end) < lo + n) {
                        end++;
                    }
                    total = arithmetic.add(total, sum(lo, n, k, end));
                    k = end;
                    b++;
                    continue;
                }
                // Blocks b..next-1 hold no stored element; only the row's last block can be short.
                long next = k < k1 ? position.applyAsLong(k) / PairwiseSum.BLOCK : blocks;
                long full = next - b;
                int shortLast = next == blocks ? (int) (len % PairwiseSum.BLOCK) : 0;
                if (shortLast > 0) {
                    full--;
                }
                double f = fills(PairwiseSum.BLOCK);
                // The total starts at +0.0 and so is never -0.0: adding a zero changes nothing.
                if (f != 0 && full > 0) {
                    if (oneByOne) {
                        for (long i = 0; i < full; i++) {
                            total = arithmetic.add(total, f);
                        }
                    } else {
                        total = arithmetic.add(total, f * full);
                    }
                }
                if (shortLast > 0) {
                    total = arithmetic.add(total, fills(shortLast));
                }
                b = next;
            }
            return total;
        }

        /** The pairwise sum of the {@code n} elements from position {@code lo}, whose stored ones are {@code k0..k1}. */
        private double sum(long lo, int n, int k0, int k1) {
            if (k0 == k1) {
                return fills(n);
            }
            if (n <= PairwiseSum.LEAF && zeroFill) {
                return zeroLeaf(lo, n, k0, k1);
            }
            if (n <= PairwiseSum.LEAF || !zeroFill && (long) (k1 - k0) * DENSE_FROM >= n) {
                // A leaf, or a stretch stored densely enough that walking it costs more than laying it out.
                if (dense.length < n) {
                    dense = new double[PairwiseSum.BLOCK];
                }
                java.util.Arrays.fill(dense, 0, n, fill);
                for (int k = k0; k < k1; k++) {
                    dense[(int) (position.applyAsLong(k) - lo)] = values[k];
                }
                return inBlock.pairwise(dense, 0, n);
            }
            int n2 = PairwiseSum.half(n);
            int split = firstFrom(lo + n2, k0, k1);
            return inBlock.add(sum(lo, n2, k0, split), sum(lo + n2, n - n2, split, k1));
        }

        /** The first of the stored elements {@code k0..k1} at or after {@code at} ({@code k1} if none): a binary search by position. */
        private int firstFrom(long at, int k0, int k1) {
            int low = k0;
            int high = k1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (position.applyAsLong(mid) < at) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /**
         * The pairwise sum of a leaf of {@code n} elements from {@code lo} ({@link PairwiseSum#LEAF} or
         * fewer) whose missing ones are +0.0, from its stored elements {@code k0..k1} alone: the
         * leaf's eight running sums each start from their first element and take every eighth, the
         * rest, past the last multiple of 8, are added one by one to the combined sums, and a leaf of
         * under 8 elements is one running sum from +0.0, as the dense leaf adds them. The missing
         * elements are left out: adding +0.0 changes only a -0.0 (to +0.0), and whether a zero
         * inside the tree is -0.0 or +0.0 never shows, since adding it to a non-zero gives that
         * number and every block and row total starts at +0.0.
         */
        private double zeroLeaf(long lo, int n, int k0, int k1) {
            int whole = n < 8 ? 0 : n - n % 8;
            double res = 0.0;
            int k = k0;
            if (whole > 0) {
                double[] lanes = laneSums;
                java.util.Arrays.fill(lanes, 0.0);
                for (; k < k1; k++) {
                    int rel = (int) (position.applyAsLong(k) - lo);
                    if (rel >= whole) {
                        break;
                    }
                    int j = rel & 7;
                    lanes[j] = rel == j ? values[k] : inBlock.add(lanes[j], values[k]);
                }
                res = inBlock.add(inBlock.add(inBlock.add(lanes[0], lanes[1]), inBlock.add(lanes[2], lanes[3])),
                        inBlock.add(inBlock.add(lanes[4], lanes[5]), inBlock.add(lanes[6], lanes[7])));
            }
            for (; k < k1; k++) {
                res = inBlock.add(res, values[k]);
            }
            return res;
        }

        /** The pairwise sum of {@code n} fills, as the dense engine adds them. */
        private double fills(int n) {
            if (Double.doubleToRawLongBits(fill) == 0) {
                return 0.0; // every pairwise sum of +0.0 is +0.0
            }
            Double known = fillSums.get(n);
            if (known != null) {
                return known;
            }
            double v;
            if (n <= PairwiseSum.LEAF) {
                double[] run = new double[n];
                java.util.Arrays.fill(run, fill);
                v = inBlock.pairwise(run, 0, n);
            } else {
                int n2 = PairwiseSum.half(n);
                v = inBlock.add(fills(n2), fills(n - n2));
            }
            fillSums.put(n, v);
            return v;
        }
    }

    /**
     * Minimum or maximum along {@code axis} as a dense array of this dtype, equal bit for bit to
     * {@code todense().min(axis)}: the fill value takes part where an element is missing, NaN
     * wins, and between 0.0 and -0.0 the later one is kept (the earlier one for float16), as in
     * NumPy's loops. The fill value is met once per run of missing elements: meeting it again
     * changes nothing.
     */
    static NDArray extremeAlongAxis(SparseArray<?> a, int axis, boolean min) {
        int nd = a.ndim();
        int ax = checkedAxis(axis, nd);
        if (a.shape[ax] == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + (min ? "min" : "max")
                    + " which has no identity");
        }
        Pass p = new Pass(a, ax);
        long len = a.shape[ax];
        DType t = a.dtype();
        long[] next = new long[p.cells];
        if (t.isFloat()) {
            boolean laterWins = t != DType.FLOAT16;
            double[] values = p.doubles();
            double fill = a.fill.getDoubleFlat(0);
            double[] acc = new double[p.cells];
            java.util.Arrays.fill(acc, min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            boolean[] nan = new boolean[p.cells];
            for (int k = 0; k < p.nnz; k++) {
                int cell = p.cellOf[k];
                long at = p.axisIndex(k);
                if (next[cell] < at) {
                    acc[cell] = pick(acc[cell], fill, min, laterWins);
                    nan[cell] |= fill != fill;
                }
                next[cell] = at + 1;
                acc[cell] = pick(acc[cell], values[k], min, laterWins);
                nan[cell] |= values[k] != values[k];
            }
            for (int cell = 0; cell < p.cells; cell++) {
                if (next[cell] < len) {
                    acc[cell] = pick(acc[cell], fill, min, laterWins);
                    nan[cell] |= fill != fill;
                }
                if (nan[cell]) {
                    acc[cell] = Double.NaN;
                }
            }
            return p.result(acc, t);
        }
        boolean unsigned = t == DType.UINT64;
        DType wide = t.isUnsigned() ? DType.UINT64 : DType.INT64;
        long[] values = p.longs(wide);
        long fill = a.fill.as(wide, Casting.UNSAFE).getLongFlat(0);
        long[] acc = new long[p.cells];
        boolean[] seen = new boolean[p.cells];
        for (int k = 0; k < p.nnz; k++) {
            int cell = p.cellOf[k];
            long at = p.axisIndex(k);
            if (next[cell] < at) {
                acc[cell] = seen[cell] ? pick(acc[cell], fill, min, unsigned) : fill;
                seen[cell] = true;
            }
            next[cell] = at + 1;
            acc[cell] = seen[cell] ? pick(acc[cell], values[k], min, unsigned) : values[k];
            seen[cell] = true;
        }
        for (int cell = 0; cell < p.cells; cell++) {
            if (next[cell] < len) {
                acc[cell] = seen[cell] ? pick(acc[cell], fill, min, unsigned) : fill;
            }
        }
        return NDArray.wrap(wide, acc, p.outShape).as(t, Casting.UNSAFE);
    }

    /** {@code acc} plus {@code count} fills: one at a time, as the dense loop adds them, or in one product. */
    private static double addFill(double acc, double fill, long count, boolean oneByOne, PairwiseSum.Arithmetic arithmetic) {
        if (!oneByOne) {
            return count > 0 ? arithmetic.add(acc, fill * count) : acc;
        }
        for (long i = 0; i < count; i++) {
            acc = arithmetic.add(acc, fill);
        }
        return acc;
    }

    private static double pick(double acc, double v, boolean min, boolean laterWins) {
        if (min) {
            return laterWins ? (v <= acc ? v : acc) : (v < acc ? v : acc);
        }
        return laterWins ? (v >= acc ? v : acc) : (v > acc ? v : acc);
    }

    private static long pick(long acc, long v, boolean min, boolean unsigned) {
        int c = unsigned ? Long.compareUnsigned(v, acc) : Long.compare(v, acc);
        return (min ? c < 0 : c > 0) ? v : acc;
    }

    private static int checkedAxis(int axis, int nd) {
        int ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + nd);
        }
        return ax;
    }

    /**
     * One pass along axis {@code ax}: the result's shape and size (checked as a dense array's,
     * before any work), the canonical COO form, its coordinates ({@code ndim x nnz}) and, for
     * each stored element, its C-order index in the result.
     */
    private static final class Pass {
        final long[] outShape;
        final int cells;
        final CooArray coo;
        final int nnz;
        final long[] coords;
        final int[] cellOf;
        private final int ax;

        Pass(SparseArray<?> a, int ax) {
            this.ax = ax;
            long[] shape = a.shape;
            outShape = new long[shape.length - 1];
            for (int d = 0, j = 0; d < shape.length; d++) {
                if (d != ax) {
                    outShape[j++] = shape[d];
                }
            }
            cells = (int) Shapes.size(Shapes.checked(outShape));
            coo = a.tocoo();
            nnz = (int) coo.nnz();
            coords = IndexArrays.longs(coo.coords());
            cellOf = new int[nnz];
            for (int k = 0; k < nnz; k++) {
                long cell = 0;
                for (int d = 0; d < shape.length; d++) {
                    if (d != ax) {
                        cell = cell * shape[d] + coords[d * nnz + k];
                    }
                }
                cellOf[k] = (int) cell;
            }
        }

        /** Where stored element {@code k} stands along the reduced axis. */
        long axisIndex(int k) {
            return coords[ax * nnz + k];
        }

        /** The stored values as doubles, as the dense loop reads them. */
        double[] doubles() {
            return Values.doubles(coo.data());
        }

        /** The stored values widened to {@code wide} (int64 or uint64). */
        long[] longs(DType wide) {
            return Values.longs(coo.data(), wide);
        }

        /** The float accumulators as the result, written in {@code rt} as the dense loop writes them. */
        NDArray result(double[] acc, DType rt) {
            NDArray out = NDArray.wrap(DType.FLOAT64, acc, outShape);
            return rt == DType.FLOAT64 ? out : out.as(rt, Casting.UNSAFE);
        }
    }
}
