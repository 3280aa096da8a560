package dev.footprint.sparse;

import dev.footprint.array.Arguments;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;

/**
 * Coordinate format, any number of dimensions, as pydata {@code sparse.COO}: {@code coords} is
 * {@code ndim x nnz} (int64 by default), {@code data} holds the stored values in C order of their
 * coordinates, and {@code nbytes = data.nbytes + coords.nbytes}.
 *
 * <pre>{@code
 * var s = new CooArray(arr.of(0L, 1L, 1L, 2L).reshape(2, 2), arr.of(5.0, 7.0), 2, 3);
 * s.todense();   // [[0, 5, 0], [0, 0, 7]] as float64
 * }</pre>
 */
public final class CooArray extends SparseArray<CooArray> {
    private final NDArray coords;
    private final NDArray data;

    /**
     * A COO array from raw parts (what a {@code .npz} reader has): {@code coords} of shape
     * {@code (ndim, nnz)} in any integer dtype (kept as given), {@code data} of length nnz, and
     * a fill value of one element (converted losslessly to the data's dtype). Entries are sorted
     * into C order. Throws {@code IndexOutOfBoundsException} on a coordinate outside the shape,
     * and {@code IllegalArgumentException} on a repeated coordinate or mismatched lengths.
     */
    public CooArray(NDArray coords, NDArray data, NDArray fillValue, long... shape) {
        this(canonical(coords, data, fillValue, shape), shape);
    }

    /** A COO array from raw parts with fill value 0, as {@link #CooArray(NDArray, NDArray, NDArray, long...)}. */
    public CooArray(NDArray coords, NDArray data, long... shape) {
        this(coords, data, Values.fillOf(data.dtype(), 0L), shape);
    }

    private CooArray(NDArray[] parts, long[] shape) {
        this(shape, parts[2], parts[0], parts[1]);
    }

    private CooArray(long[] shape, NDArray fill, NDArray coords, NDArray data) {
        super(shape, fill);
        this.coords = coords;
        this.data = data;
    }

    /** A COO of trusted parts: coordinates already in bounds, sorted into C order and distinct; nothing is checked. */
    static CooArray trusted(NDArray coords, NDArray data, NDArray fill, long[] shape) {
        return new CooArray(shape, fill, coords, data);
    }

    private static NDArray[] canonical(NDArray coords, NDArray data, NDArray fillValue, long[] shape) {
        IndexArrays.requireIntegerType(coords.dtype(), "coords");
        long nnz = data.size();
        if (data.ndim() != 1) {
            throw new ShapeMismatchException("data must be 1-d, got shape " + Shapes.text(data.shape()));
        }
        long[] cs = coords.shape();
        boolean okShape = cs.length == 2 && cs[0] == shape.length && cs[1] == nnz
                || cs.length == 1 && shape.length == 1 && cs[0] == nnz
                || nnz == 0 && coords.size() == 0;
        if (!okShape) {
            throw new ShapeMismatchException("coords must have shape (ndim, nnz) = (" + shape.length + ", " + nnz
                    + "), got " + Shapes.text(cs));
        }
        if (fillValue.size() != 1) {
            throw new IllegalArgumentException("the fill value must be one element, got " + fillValue.size());
        }
        Offsets.size(shape);
        NDArray fill = fillValue.dtype() == data.dtype() ? fillValue.reshape(1).copy() : fillValue.reshape(1).as(data.dtype());
        int n = Values.heapLength(data);
        long[] c = IndexArrays.longs(coords);
        for (int axis = 0; axis < shape.length; axis++) {
            for (int k = 0; k < n; k++) {
                long v = c[axis * n + k];
                if (v < 0 || v >= shape[axis] || coords.dtype() == DType.UINT64 && v < 0) {
                    String text = coords.dtype() == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
                    throw new IndexOutOfBoundsException("coordinate " + text + " of entry " + k
                            + " is out of bounds for dimension " + axis + " of size " + shape[axis]);
                }
            }
        }
        long[] offsets = Offsets.linear(c, n, shape);
        NDArray coords2 = coords.reshape(shape.length, n);
        if (!Offsets.strictlyIncreasing(offsets)) {
            int[] perm = Offsets.argsort(offsets);
            for (int i = 1; i < n; i++) {
                if (offsets[perm[i]] == offsets[perm[i - 1]]) {
                    long[] at = Offsets.coordinates(new long[] {offsets[perm[i]]}, 1, shape);
                    throw new IllegalArgumentException("coordinate " + java.util.Arrays.toString(at)
                            + " appears more than once (entries " + perm[i - 1] + " and " + perm[i] + ")");
                }
            }
            long[] sorted = Offsets.coordinates(Offsets.permute(offsets, perm), n, shape);
            coords2 = IndexArrays.encode(coords.dtype(), sorted, 0, sorted.length, shape.length, n);
            data = Values.take(data, perm);
        }
        return new NDArray[] {coords2, data, fill};
    }

    /** A trusted COO from C-ordered distinct offsets, with coordinates in {@code indexType}. */
    static CooArray fromOffsets(long[] offsets, NDArray data, NDArray fill, long[] shape, DType indexType) {
        int n = offsets.length;
        long[] c = Offsets.coordinates(offsets, n, shape);
        return trusted(IndexArrays.encode(indexType, c, 0, c.length, shape.length, n), data, fill, shape);
    }

    // ---- fields --------------------------------------------------------------------------

    /** Number of stored elements, the length of {@link #data()}, as pydata's {@code nnz}. */
    @Override
    public long nnz() {
        return data.size();
    }

    /** The coordinates, shape {@code (ndim, nnz)}, in {@link #indexType()}. Read-only by contract. */
    public NDArray coords() {
        return coords;
    }

    /** The stored values in C order of their coordinates. Read-only by contract. */
    public NDArray data() {
        return data;
    }

    /**
     * Bytes of the stored arrays, {@code data.nbytes + coords.nbytes} as pydata's COO: 24 per stored element
     * for a 2-d float64 array with int64 coordinates.
     */
    @Override
    public long nbytes() {
        return data.nbytes() + coords.nbytes();
    }

    /** {@code "coo"}, as pydata's {@code format}. */
    @Override
    public String format() {
        return "coo";
    }

    /**
     * The dtype of {@link #coords()}: int64 unless narrowed by {@link #withIndexType} or {@link #compact()},
     * or given so to the constructor.
     */
    @Override
    public DType indexType() {
        return coords.dtype();
    }

    @Override
    NDArray storedValues() {
        return data;
    }

    @Override
    CooArray self() {
        return this;
    }

    @Override
    CooArray sameFormat(CooArray c) {
        return c;
    }

    @Override
    CooArray withValues(NDArray values, NDArray newFill) {
        return trusted(coords, values, newFill, shape);
    }

    /** C-order linear offsets of the stored elements, computed in long. */
    long[] offsets() {
        return Offsets.linear(IndexArrays.longs(coords), (int) nnz(), shape);
    }

    // ---- conversions ---------------------------------------------------------------------

    /** This array itself (it already is COO); no copy. */
    @Override
    public CooArray tocoo() {
        return this;
    }

    /**
     * A new CSR array, as scipy's {@code tocsr()}: it shares {@link #data()} (COO is already in row order) and
     * adds {@code 4 * nnz + 4 * (rows + 1)} bytes of int32 indices and indptr (int64 when the array is too large
     * for int32), whatever this array's index dtype. Throws {@code IllegalArgumentException} when it is not 2-d.
     */
    @Override
    public CsrArray tocsr() {
        return Compression.toCsr(this, null);
    }

    /**
     * A new CSC array, as scipy's {@code tocsc()}: the values copied in column order, with int32 indices and
     * indptr (int64 when the array is too large for int32), whatever this array's index dtype. Throws
     * {@code IllegalArgumentException} when it is not 2-d.
     */
    @Override
    public CscArray tocsc() {
        return Compression.toCsc(this, null);
    }

    /**
     * This array with its coordinates re-encoded in {@code t}, sharing {@link #data()}; this array itself when
     * they already are {@code t}. Throws {@link IndexTypeException} when {@code t} cannot address some dimension
     * ({@code IllegalArgumentException} when it is not an integer dtype).
     */
    @Override
    public CooArray withIndexType(DType t) {
        Arguments.notNull(t, "indexType");
        IndexArrays.checkAddresses(t, shape, "COO");
        if (t == coords.dtype()) {
            return this;
        }
        long[] c = IndexArrays.longs(coords);
        return trusted(IndexArrays.encode(t, c, 0, c.length, shape.length, (int) nnz()), data, fill, shape);
    }

    /**
     * The narrowest of uint8, uint16, uint32 and int64 that holds the largest index, {@code max(shape) - 1}
     * (uint16 for 1024 x 1024).
     */
    @Override
    public DType smallestIndexType() {
        return IndexArrays.smallestFor(IndexArrays.largestIndex(shape));
    }

    // ---- shape ---------------------------------------------------------------------------

    /**
     * Axes reversed, as pydata's {@code COO.T}: {@code transpose(ndim - 1, ..., 0)}, a new COO whose entries
     * are re-sorted into C order (values copied, index dtype kept).
     */
    @Override
    public CooArray transpose() {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) axes[i] = axes.length - 1 - i;
        return transpose(axes);
    }

    /**
     * Axes permuted: axis {@code i} of the result is axis {@code axes[i]} of this array.
     *
     * <pre>{@code
     * sparse.coo(arr.zeros(2, 3, 4)).transpose(2, 0, 1).shape();   // [4, 2, 3]
     * }</pre>
     */
    public CooArray transpose(int... axes) {
        Arguments.notNull(axes, "axes");
        int ndim = shape.length;
        boolean[] seen = new boolean[ndim];
        if (axes.length != ndim) {
            throw new IllegalArgumentException("transpose needs " + ndim + " axes, got " + axes.length);
        }
        for (int a : axes) {
            if (a < 0 || a >= ndim || seen[a]) {
                throw new IllegalArgumentException("axes " + java.util.Arrays.toString(axes) + " are not a permutation of 0.." + (ndim - 1));
            }
            seen[a] = true;
        }
        int n = (int) nnz();
        long[] c = IndexArrays.longs(coords);
        long[] moved = new long[c.length];
        long[] newShape = new long[ndim];
        for (int i = 0; i < ndim; i++) {
            newShape[i] = shape[axes[i]];
            System.arraycopy(c, axes[i] * n, moved, i * n, n);
        }
        long[] offsets = Offsets.linear(moved, n, newShape);
        int[] perm = Offsets.argsort(offsets);
        return fromOffsets(Offsets.permute(offsets, perm), Values.take(data, perm), fill, newShape, indexType());
    }

    /**
     * The same elements in another shape of the same size (C order; one dimension may be -1), as pydata's
     * {@code reshape}: a new COO of any rank sharing {@link #data()}, keeping the index dtype while it addresses
     * the new shape, else int64. Throws {@code ShapeMismatchException} when the sizes differ.
     */
    @Override
    public CooArray reshape(long... newShape) {
        Arguments.notNull(newShape, "newShape");
        long[] target = Shapes.reshaped(shape, size, newShape);
        DType t = IndexArrays.holds(indexType(), IndexArrays.largestIndex(target)) ? indexType() : DType.INT64;
        return fromOffsets(offsets(), data, fill, target, t);
    }

    /**
     * Stored elements in each row, as int64 of length {@code shape[0]} (scipy's {@code getnnz(axis=1)});
     * throws {@code IllegalArgumentException} when the array is not 2-d.
     */
    @Override
    public NDArray nnzPerRow() {
        return perAxisCounts(0);
    }

    /**
     * Stored elements in each column, as int64 of length {@code shape[1]} (scipy's {@code getnnz(axis=0)});
     * throws {@code IllegalArgumentException} when the array is not 2-d.
     */
    @Override
    public NDArray nnzPerColumn() {
        return perAxisCounts(1);
    }

    private NDArray perAxisCounts(int axis) {
        SparseShapes.require2d(shape, axis == 0 ? "nnzPerRow" : "nnzPerColumn");
        long[] counts = new long[SparseShapes.denseLength(shape[axis], axis == 0 ? "nnzPerRow" : "nnzPerColumn", shape)];
        long[] c = IndexArrays.longs(coords);
        int n = (int) nnz();
        for (int k = 0; k < n; k++) {
            counts[(int) c[axis * n + k]]++;
        }
        return NDArray.wrap(DType.INT64, counts, counts.length);
    }
}
