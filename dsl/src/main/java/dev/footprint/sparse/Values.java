package dev.footprint.sparse;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.DType;
import dev.footprint.array.Casting;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
import dev.footprint.storage.Bits;
import dev.footprint.storage.Storage;

/**
 * Moves stored values through a "bits lane": every element as the raw bits of its storage in a
 * {@code long} (zero-extended). Equality in this lane is bit equality, which is what decides
 * whether an element is missing (equal to the fill value): NaN payloads and -0.0 survive.
 * The loops are the storage layer's ({@link Bits}).
 */
final class Values {
    private Values() {}

    /** Raw bits of every element of {@code values} in C order. */
    static long[] bits(NDArray values) {
        NDArray r = run(values);
        long[] out = new long[heapLength(r)];
        Bits.read(r.storage(), r.storageOffset(), out.length, out);
        return out;
    }

    /**
     * The element count of a sparse array's part (values, coordinates, index pointers), each held in
     * one Java array; a part past that (a view of an array past 2^31 elements) is refused.
     */
    static int heapLength(NDArray part) {
        if (part.size() > Storage.HEAP_ARRAY_MAX) {
            throw new ArrayAllocationException("a sparse array's values and indices are each one Java array of at most "
                    + Storage.HEAP_ARRAY_MAX + " elements; this one of shape " + Shapes.text(part.shape()) + " has "
                    + part.size() + "; split it into parts");
        }
        return (int) part.size();
    }

    /** Raw bits of the one element of a one-element array (a fill value). */
    static long bitsOf(NDArray one) {
        return bits(one)[0];
    }

    /** A new array of {@code dtype} and {@code shape} whose elements have the given raw bits. */
    static NDArray fromBits(DType dtype, long[] bits, int n, long... shape) {
        return NDArray.over(dtype, Bits.heap(dtype.encoding(), bits, 0, n), shape);
    }

    /** A 1-d array of the given raw bits. */
    static NDArray vector(DType dtype, long[] bits, int n) {
        return fromBits(dtype, bits, n, n);
    }

    /** A one-element 1-d array holding {@code bits}. */
    static NDArray scalar(DType dtype, long bits) {
        return fromBits(dtype, new long[] {bits}, 1, 1);
    }

    /** The 0-d array holding {@code bits}, the shape reductions return. */
    static NDArray zeroDim(DType dtype, long bits) {
        return fromBits(dtype, new long[] {bits}, 1);
    }

    /** Elements {@code values[index[k]]} for each k, as a new 1-d array (a primitive gather, no boxing). */
    static NDArray take(NDArray values, int[] index) {
        NDArray src = values.isContiguous() && values.storageOffset() == 0 ? values : values.copy();
        NDArray out = NDArray.allocate(values.dtype(), index.length);
        src.storage().copyTo(index, 0, index.length, out.storage(), 0);
        return out;
    }

    /**
     * The array itself when its elements are one run of its storage in C order (element {@code i}
     * at {@code storageOffset() + i}), else a C-order copy, which is.
     */
    static NDArray run(NDArray a) {
        return a.isContiguous() ? a : a.copy();
    }

    /** The array itself when its elements are exactly its heap storage, from 0 to the end; else a C-order copy, which is. */
    static NDArray whole(NDArray a) {
        Storage s = a.storage();
        return a.isContiguous() && a.storageOffset() == 0 && s.length() == a.size() && s.onHeap() ? a : a.copy();
    }

    /** The elements as float64 in C order (converted as {@code as(FLOAT64, UNSAFE)}); a whole float64 array's own storage. */
    static double[] doubles(NDArray a) {
        return whole(a.dtype() == DType.FLOAT64 ? a : a.as(DType.FLOAT64, Casting.UNSAFE)).storage().doubles();
    }

    /** The elements widened to {@code wide} (int64 or uint64) in C order; a whole array of {@code wide}'s own storage. */
    static long[] longs(NDArray a, DType wide) {
        heapLength(a);
        return whole(a.dtype() == wide ? a : a.as(wide, Casting.UNSAFE)).storage().longs();
    }

    /** The stored values followed by the fill value: the set whose smallest lossless dtype a compact array may use. */
    static NDArray withFill(NDArray data, NDArray fill) {
        long[] b = bits(data);
        long[] all = java.util.Arrays.copyOf(b, b.length + 1);
        all[b.length] = bitsOf(fill);
        return vector(data.dtype(), all, all.length);
    }

    /** A one-element array of {@code dtype} holding {@code value}; refuses values the dtype cannot hold exactly. */
    static NDArray fillOf(DType dtype, double value) {
        NDArray f = NDArray.allocate(dtype, 1);
        f.set(value, 0);
        double stored = f.getDoubleFlat(0);
        boolean same = Double.isNaN(value) ? Double.isNaN(stored)
                : Double.doubleToRawLongBits(stored) == Double.doubleToRawLongBits(value);
        if (dtype.isFloat() && !same) {
            throw new IllegalArgumentException("fill value " + value + " is not exactly representable in " + dtype
                    + " (it becomes " + f.getDoubleFlat(0) + "); pick a fill value the dtype holds");
        }
        return f;
    }

    /** A one-element array of {@code dtype} holding the integer {@code value} (range-checked by the engine). */
    static NDArray fillOf(DType dtype, long value) {
        NDArray f = NDArray.allocate(dtype, 1);
        if (dtype.isBool()) {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("a bool array's fill value must be 0 or 1, not " + value);
            }
            f.set(value != 0, 0);
        } else {
            f.set(value, 0);
        }
        return f;
    }
}
