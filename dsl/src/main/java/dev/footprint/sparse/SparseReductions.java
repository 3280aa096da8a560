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
}
