package dev.footprint.sparse;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;

/** Whole-array reductions that count the fill value once for every missing element. */
final class SparseReductions {
    private SparseReductions() {}

    static NDArray sum(SparseArray<?> a) {
        NDArray stored = a.storedValues().sum();
        long missing = a.size - a.nnz();
        long fillBits = Values.bitsOf(a.fill);
        if (missing == 0 || fillBits == 0) {
            return stored;
        }
        DType rt = stored.dtype();
        NDArray fillPart;
        if (rt.isFloat()) {
            fillPart = NDArray.allocate(rt);
            fillPart.set(a.fill.getDoubleFlat(0) * missing);
        } else {
            // Integer sums wrap as NumPy's do; the fill is widened to the sum dtype first.
            long fillValue = a.fill.as(rt, Casting.UNSAFE).getLongFlat(0);
            fillPart = Values.zeroDim(rt, fillValue * missing);
        }
        return stored.add(fillPart);
    }

    static NDArray mean(SparseArray<?> a) {
        DType rt = a.dtype().isFloat() ? a.dtype() : DType.FLOAT64;
        NDArray stored = a.storedValues();
        // Integers are averaged in float64, as NumPy's mean does: an int64 sum could wrap.
        double total = a.dtype().isFloat() ? stored.sum().doubleValue()
                : stored.size() == 0 ? 0 : stored.mean().doubleValue() * stored.size();
        long missing = a.size - a.nnz();
        if (missing > 0) {
            total += a.fill.getDoubleFlat(0) * missing;
        }
        NDArray out = NDArray.allocate(DType.FLOAT64);
        out.set(total / a.size);
        return rt == DType.FLOAT64 ? out : out.as(rt, Casting.UNSAFE);
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
     * for arrays too large to have a dense form).
     */
    static NDArray alongAxis(SparseArray<?> a, int axis, boolean mean) {
        int nd = a.ndim();
        int ax = checkedAxis(axis, nd);
        Pass p = new Pass(a, ax);
        long len = a.shape[ax];
        DType t = a.dtype();
        if (t.isFloat() || mean) {
            double[] values = p.doubles();
            double fill = a.fill.getDoubleFlat(0);
            boolean nanFill = fill != fill;
            // +0.0 changes no sum that starts at +0.0; a NaN fill makes NaN of any cell it enters.
            boolean skipFill = Double.doubleToRawLongBits(fill) == 0 || nanFill;
            // One add per missing element is what the dense loop does, and costs what it costs; an
            // array too large to be dense gets the fill's share in one product per run instead.
            boolean oneByOne = a.size <= Shapes.MAX_SIZE;
            double[] acc = new double[p.cells];
            long[] next = skipFill ? null : new long[p.cells]; // the axis position each cell has reached
            long[] stored = new long[p.cells];
            boolean[] nan = new boolean[p.cells]; // a NaN anywhere gives NaN itself, as the dense loop
            for (int k = 0; k < p.nnz; k++) {
                int cell = p.cellOf[k];
                if (!skipFill) {
                    long at = p.axisIndex(k);
                    acc[cell] = addFill(acc[cell], fill, at - next[cell], oneByOne);
                    next[cell] = at + 1;
                }
                acc[cell] += values[k];
                nan[cell] |= values[k] != values[k];
                stored[cell]++;
            }
            for (int cell = 0; cell < p.cells; cell++) {
                if (!skipFill) {
                    acc[cell] = addFill(acc[cell], fill, len - next[cell], oneByOne);
                }
                if (nan[cell] || (nanFill && stored[cell] < len)) {
                    acc[cell] = Double.NaN;
                }
                if (mean) {
                    acc[cell] = len == 0 ? Double.NaN : acc[cell] / len;
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
    private static double addFill(double acc, double fill, long count, boolean oneByOne) {
        if (!oneByOne) {
            return count > 0 ? acc + fill * count : acc;
        }
        for (long i = 0; i < count; i++) {
            acc += fill;
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
