package dev.footprint.sparse;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/** Whole-array reductions that count the fill value once for every missing element. */
final class SparseReductions {
    private SparseReductions() {}

    static NDArray sum(SparseArray a) {
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

    static NDArray mean(SparseArray a) {
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

    static NDArray extreme(SparseArray a, boolean min) {
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
     * in its places too (counted at once for integers, whose sums wrap the same either way).
     */
    static NDArray alongAxis(SparseArray a, int axis, boolean mean) {
        int nd = a.ndim();
        int ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + nd);
        }
        long[] outShape = new long[nd - 1];
        for (int d = 0, j = 0; d < nd; d++) {
            if (d != ax) {
                outShape[j++] = a.shape[d];
            }
        }
        NDArray shaped = NDArray.allocate(DType.BOOL, outShape); // checks the size before any work
        int cells = (int) shaped.size();
        long len = a.shape[ax];
        DType t = a.dtype();
        CooArray coo = a.tocoo();
        int nnz = (int) coo.nnz();
        long[] coords = IndexArrays.longs(coo.coords());
        int[] cellOf = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            long cell = 0;
            for (int d = 0; d < nd; d++) {
                if (d != ax) {
                    cell = cell * a.shape[d] + coords[d * nnz + k];
                }
            }
            cellOf[k] = (int) cell;
        }
        if (t.isFloat() || mean) {
            double[] values = (double[]) coo.data().as(DType.FLOAT64, Casting.UNSAFE).contiguousData();
            double fill = a.fill.getDoubleFlat(0);
            boolean zeroFill = Double.doubleToRawLongBits(fill) == 0; // +0.0 changes no sum that starts at +0.0
            double[] acc = new double[cells];
            long[] next = zeroFill ? null : new long[cells]; // the axis position each cell has reached
            long[] stored = new long[cells];
            boolean[] nan = new boolean[cells]; // a NaN anywhere gives NaN itself, as the dense loop
            for (int k = 0; k < nnz; k++) {
                int cell = cellOf[k];
                if (!zeroFill) {
                    long at = coords[ax * nnz + k];
                    for (long i = next[cell]; i < at; i++) {
                        acc[cell] += fill;
                    }
                    next[cell] = at + 1;
                }
                acc[cell] += values[k];
                nan[cell] |= values[k] != values[k];
                stored[cell]++;
            }
            boolean nanFill = fill != fill;
            for (int cell = 0; cell < cells; cell++) {
                if (!zeroFill) {
                    for (long i = next[cell]; i < len; i++) {
                        acc[cell] += fill;
                    }
                }
                if (nan[cell] || (nanFill && stored[cell] < len)) {
                    acc[cell] = Double.NaN;
                }
                if (mean) {
                    acc[cell] = len == 0 ? Double.NaN : acc[cell] / len;
                }
            }
            DType rt = t.isFloat() ? t : DType.FLOAT64;
            NDArray out = NDArray.wrap(DType.FLOAT64, acc, outShape);
            return rt == DType.FLOAT64 ? out : out.as(rt, Casting.UNSAFE);
        }
        DType rt = t.isUnsigned() ? DType.UINT64 : DType.INT64;
        long[] values = (long[]) coo.data().as(rt, Casting.UNSAFE).contiguousData();
        long fill = a.fill.as(rt, Casting.UNSAFE).getLongFlat(0);
        long[] acc = new long[cells];
        long[] stored = new long[cells];
        for (int k = 0; k < nnz; k++) {
            acc[cellOf[k]] += values[k];
            stored[cellOf[k]]++;
        }
        if (fill != 0) {
            for (int cell = 0; cell < cells; cell++) {
                acc[cell] += fill * (len - stored[cell]);
            }
        }
        return NDArray.wrap(rt, acc, outShape);
    }
}
