package dev.footprint.array;

import dev.footprint.display.MimeBundle;
import dev.footprint.storage.HeapStorage;
import dev.footprint.storage.Storage;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A dense n-dimensional array, mutable like a NumPy array. Elements live in a storage chosen when
 * the array is made: one primitive Java array of the dtype's width, or a mapped {@code .npy} file
 * ({@code arr.load(path, MMAP_READ)}); views (reshape, transpose, slices) share it.
 *
 * <pre>{@code
 * var a = arr.ones(1024, 1024).as(UINT16);
 * a.nbytes();                 // 2097152
 * a.set(a.lt(1), 0);          // a[a < 1] = 0, in place
 * }</pre>
 */
public final class NDArray implements ArrayOperations<NDArray, NDArray> {
    final DType dtype;
    final int[] shape;
    /** Steps between elements along each axis, in elements: {@code long}, as a big array's storage is. */
    final long[] strides;
    final long offset;
    final Storage storage;
    /** Held by every array over {@link #storage}; the memory ledger watches it, not the storage (see MemoryLedger). */
    final Object owner;
    final long size;
    private final boolean contiguous;
    private String name;

    /** A view over the storage of {@code base}. */
    NDArray(DType dtype, int[] shape, long[] strides, long offset, NDArray base) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.storage = base.storage;
        this.owner = base.owner;
        this.size = Shapes.size(shape);
        this.contiguous = size <= 1 || Arrays.equals(strides, Shapes.stridesOf(shape));
    }

    /** A C-order array over new storage, which the memory ledger counts from now on. */
    private NDArray(DType dtype, int[] shape, Storage data) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = Shapes.stridesOf(shape);
        this.offset = 0;
        this.storage = data;
        this.owner = MemoryLedger.record(data.heapBytes(), data.mappedBytes(), dtype, shape);
        this.size = Shapes.size(shape);
        this.contiguous = true;
    }

    /** A new zero-filled C-order array (the engine's one allocation path). */
    static NDArray zeros(DType dtype, int[] shape) {
        return new NDArray(dtype, shape, Buffers.allocate(dtype, Shapes.size(shape)));
    }

    /** A new zero-filled array of {@code shape}; refuses bad shapes and heap overruns before allocating. */
    public static NDArray allocate(DType dtype, long... shape) {
        Arguments.notNull(dtype, "dtype");
        return zeros(dtype, Shapes.checked(shape));
    }

    /**
     * Wraps a primitive array as the C-order storage of a new array, without copying.
     * The array must match the dtype's storage: {@code byte[]} for bool/int8/uint8,
     * {@code short[]} for int16/uint16/float16 (half bits), {@code int[]}, {@code long[]},
     * {@code float[]}, {@code double[]}. A bool array's bytes become 0 or 1 in place (any
     * non-zero byte is true), as NumPy's loaders read them.
     *
     * <pre>{@code
     * NDArray.wrap(UINT16, new short[] {1, 2, 3}, 3);
     * }</pre>
     */
    public static NDArray wrap(DType dtype, Object primitiveArray, long... shape) {
        Arguments.notNull(dtype, "dtype");
        Arguments.notNull(primitiveArray, "primitiveArray");
        int[] s = Shapes.checked(shape);
        return new NDArray(dtype, s, HeapStorage.adopt(dtype.encoding(), primitiveArray, Shapes.size(s)));
    }

    /**
     * A C-order array over {@code storage}, which holds at least as many elements as
     * {@code shape} (for the file codecs, which map files; not for users).
     */
    public static NDArray over(DType dtype, Storage storage, long... shape) {
        int[] s = Shapes.checked(shape);
        if (storage.encoding() != dtype.encoding() || storage.length() < Shapes.size(s)) {
            throw new IllegalArgumentException("a " + dtype + " array of shape " + Shapes.text(s) + " needs "
                    + Shapes.size(s) + " " + dtype + " elements; the storage holds " + storage.length() + " of "
                    + storage.encoding().name().toLowerCase());
        }
        return new NDArray(dtype, s, storage);
    }

    // ---- shape (documented once, in ArrayOperations) --------------------------------------

    @Override
    public long[] shape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    @Override
    public int ndim() {
        return shape.length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** Bytes per element, as NumPy's {@code a.itemsize}. */
    public int itemsize() {
        return dtype.itemsize();
    }

    /** Bytes of the elements: {@code size() * itemsize()}, as NumPy's {@code nbytes}. */
    @Override
    public long nbytes() {
        return size * dtype.itemsize();
    }

    /** Whether the elements lie in C order one after another (so the storage can be read directly). */
    public boolean isContiguous() {
        return contiguous;
    }

    /**
     * This array compressed in chunks (byte shuffle, then zstd level 1; about 1 MiB per chunk):
     * see {@link CompressedNDArray}.
     *
     * <pre>{@code
     * var c = image.compress();
     * c.ratio();   c.decompress().equals(image);   // e.g. 9.8, true
     * }</pre>
     */
    public CompressedNDArray compress() {
        return CompressedNDArray.of(this);
    }

    /**
     * This array compressed with {@code codec} ("zstd", "lz4", "zlib", "none") at the codec's own
     * {@code level}, in chunks of {@code chunkShape} (none: C-contiguous chunks of about 1 MiB).
     *
     * <pre>{@code
     * image.compress("lz4", 1, 256, 256);
     * }</pre>
     */
    public CompressedNDArray compress(String codec, int level, long... chunkShape) {
        return CompressedNDArray.of(this, codec, level, Arguments.notNull(chunkShape, "chunkShape"));
    }

    /** A label shown by footprint tables; returns this array. */
    @Override
    public NDArray named(String label) {
        this.name = label;
        return this;
    }

    /** The label given by {@link #named}, or null. */
    @Override
    public String name() {
        return name;
    }

    /**
     * The elements as one primitive array in C order from index 0: this array's own storage when
     * it already is exactly that (writes show through), else a fresh copy.
     */
    public Object contiguousData() {
        if (contiguous && offset == 0 && storage.length() == size && storage instanceof HeapStorage h) {
            return h.array();
        }
        if (size > Storage.HEAP_ARRAY_MAX) {
            throw new ArrayAllocationException("this " + dtype + " array of shape " + Shapes.text(shape) + " has " + size
                    + " elements, more than the " + Storage.HEAP_ARRAY_MAX + " one Java array holds, so it cannot be "
                    + "handed over as one; work on slices of it (a.slice(\"0:1000, :\")) instead");
        }
        Storage c = copy().storage;
        if (c instanceof HeapStorage h) {
            return h.array();
        }
        HeapStorage h = HeapStorage.allocate(dtype.encoding(), (int) size);
        c.copyTo(null, 0, (int) size, h, 0);
        return h.array();
    }

    /**
     * Where the elements live (for the codecs and sparse arrays, which move elements through the
     * storage layer; not for users). Element {@code i} of a {@link #isContiguous() contiguous}
     * array, in C order, is element {@link #storageOffset()} {@code + i} of the storage.
     */
    public Storage storage() {
        return storage;
    }

    /** Where this array's first element lies in its {@link #storage()}. */
    public long storageOffset() {
        return offset;
    }

    /** Whether the elements live in a mapped file rather than on the heap. */
    public boolean isMapped() {
        return storage.mappedBytes() > 0;
    }

    // ---- elements ------------------------------------------------------------------------

    long storageIndex(long... index) {
        Arguments.notNull(index, "index");
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("array is " + shape.length + "-dimensional, but "
                    + index.length + " indices were given: " + Arrays.toString(index));
        }
        long at = offset;
        for (int i = 0; i < index.length; i++) {
            long k = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (k < 0 || k >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + index[i] + " is out of bounds for axis " + i
                        + " with size " + shape[i]);
            }
            at += k * strides[i];
        }
        return at;
    }

    /** Storage index of the {@code flat}-th element in C order. */
    long flatStorageIndex(long flat) {
        if (flat < 0 || flat >= size) {
            throw new IndexOutOfBoundsException("flat index " + flat + " is out of bounds for size " + size);
        }
        if (contiguous) {
            return offset + flat;
        }
        long at = offset;
        long rest = flat;
        for (int i = shape.length - 1; i >= 0; i--) {
            at += (rest % shape[i]) * strides[i];
            rest /= shape[i];
        }
        return at;
    }

    /** The element at {@code index} as a Java value: Boolean, Long (BigInteger past 2^63 for uint64) or Double. */
    public Object get(long... index) {
        return box(storageIndex(index));
    }

    /**
     * The element at {@code index} as a double; int64 and uint64 values past 2^53 round to the
     * nearest double. Negative indices count from the end; a wrong number of indices or an index
     * out of range throws {@link IndexOutOfBoundsException}.
     */
    public double getDouble(long... index) {
        return storage.readDouble(storageIndex(index));
    }

    /**
     * The element as a long: integers exactly (uint64 as its bits), floats truncated toward zero.
     *
     * @throws ArithmeticException the element is a NaN, an infinity or a float outside the int64
     *     range, which has no long value (as Python's {@code int()} of it raises); {@code
     *     as(INT64, Casting.UNSAFE)} converts those as NumPy's {@code astype} does instead
     */
    public long getLong(long... index) {
        long at = storageIndex(index);
        return readLong(at, () -> "element " + Arrays.toString(index));
    }

    /** The {@code i}-th element in C order, as a double. */
    public double getDoubleFlat(long i) {
        return storage.readDouble(flatStorageIndex(i));
    }

    /**
     * The {@code i}-th element in C order, as a long (as {@link #getLong}).
     *
     * @throws ArithmeticException the element is a float with no long value (NaN, infinite, out of range)
     */
    public long getLongFlat(long i) {
        return readLong(flatStorageIndex(i), () -> "element " + i + " in C order");
    }

    /** The single value of a 0-d or one-element array, as {@link #get}. */
    public Object item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs exactly one element; this array has " + size);
        }
        return box(flatStorageIndex(0));
    }

    /**
     * The single value of a 0-d or one-element array as a double (bool as 0 or 1).
     *
     * @throws IllegalStateException the array does not have exactly one element
     */
    public double doubleValue() {
        return ((Number) (dtype.isBool() ? ((Boolean) item() ? 1L : 0L) : item())).doubleValue();
    }

    /**
     * The single value of a 0-d or one-element array as a long, read as {@link #getLong}: integers
     * exactly (uint64 as its bits), floats truncated toward zero.
     *
     * @throws IllegalStateException the array does not have exactly one element
     * @throws ArithmeticException the value is a float with no long value (NaN, infinite, out of range)
     */
    public long longValue() {
        if (size != 1) {
            throw new IllegalStateException("longValue() needs exactly one element; this array has " + size);
        }
        return readLong(flatStorageIndex(0), () -> "the value");
    }

    private long readLong(long at, java.util.function.Supplier<String> which) {
        if (!dtype.isFloat()) {
            return storage.readLong(at);
        }
        double v = storage.readDouble(at);
        if (v >= -0x1p63 && v < 0x1p63) {
            return (long) v;
        }
        throw new ArithmeticException(which.get() + " of this " + dtype + " array is " + v
                + ", which has no long value; as(INT64, Casting.UNSAFE) converts it as NumPy's astype does");
    }

    private Object box(long at) {
        if (dtype.isBool()) {
            return storage.readLong(at) != 0;
        }
        if (dtype.isFloat()) {
            return storage.readDouble(at);
        }
        long v = storage.readLong(at);
        if (dtype == DType.UINT64 && v < 0) {
            return new BigInteger(Long.toUnsignedString(v));
        }
        return v;
    }

    /** Sets one element; an integer outside the dtype's range is refused, as NumPy 2 does. */
    public NDArray set(long value, long... index) {
        checkWritable("set");
        long at = storageIndex(index);
        Scalars.checkInteger(value, dtype, "set");
        storage.writeLong(at, value);
        return this;
    }

    /** Sets one element; an integer array refuses a fraction or an out-of-range value. */
    public NDArray set(double value, long... index) {
        checkWritable("set");
        long at = storageIndex(index);
        Scalars.checkDouble(value, dtype, "set");
        storage.writeDouble(at, value);
        return this;
    }

    /** Sets one element to 1 or 0 (true or false in a bool array), whatever the dtype; returns this array. */
    public NDArray set(boolean value, long... index) {
        checkWritable("set");
        storage.writeLong(storageIndex(index), value ? 1 : 0);
        return this;
    }

    /** Refuses a write to a read-only mapped file before anything changes, naming the modes that allow it. */
    private void checkWritable(String what) {
        if (!storage.writable()) {
            throw new ReadOnlyArrayException("cannot " + what + " elements of this " + dtype + " array: it is "
                    + storage.describe() + " (MMAP_READ); open it with MMAP_COPY (NumPy's 'c') to change it in memory "
                    + "only, with MMAP_READ_WRITE ('r+') to write to the file, or change a copy()");
        }
    }

    // ---- masks ---------------------------------------------------------------------------

    /** {@code a[mask] = value} in place: the article's {@code arr[arr < 0.9] = 0}. Returns this array. */
    public NDArray set(NDArray mask, double value) {
        checkWritable("set");
        Scalars.checkDouble(value, dtype, "set");
        Masks.fill(this, mask, value);
        return this;
    }

    /**
     * {@code a[mask] = value} in place, as {@link #set(NDArray, double)}, with a Java integer. An
     * integer array refuses a value outside its range with {@link IllegalArgumentException}; the
     * mask must be a bool array that broadcasts to this array's shape. Returns this array.
     */
    public NDArray set(NDArray mask, long value) {
        checkWritable("set");
        Scalars.checkInteger(value, dtype, "set");
        Masks.fill(this, mask, (double) value, value);
        return this;
    }

    /**
     * A new array: {@code value} where {@code mask} is true, this array's element elsewhere, as
     * NumPy 2's {@code np.where(mask, value, a)} with a Python float: a float array keeps its
     * dtype (the value rounded to it), an integer or bool array becomes float64.
     */
    public NDArray where(NDArray mask, double value) {
        NDArray out = dtype.isFloat() ? copy() : as(DType.FLOAT64, Casting.SAFE);
        return out.set(mask, value);
    }

    /**
     * A new array: {@code value} where {@code mask} is true, this array's element elsewhere, as
     * NumPy 2's {@code np.where(mask, value, a)} with a Python int: an integer or float array keeps
     * its dtype, which must hold {@code value} (else {@link IllegalArgumentException}, where NumPy
     * raises {@code OverflowError}); a bool array becomes int64.
     */
    public NDArray where(NDArray mask, long value) {
        NDArray out = dtype.isBool() ? as(DType.INT64, Casting.SAFE) : copy();
        return out.set(mask, value);
    }

    // ---- arithmetic and comparison: documented once, in ArrayOperations ----------------------

    @Override
    public NDArray apply(Operation op, NDArray other) {
        if (Arguments.notNull(op, "op") instanceof Comparison c) {
            return Elementwise.compare(c, this, other);
        }
        return Elementwise.binary((Arithmetic) op, this, other);
    }

    @Override
    public NDArray apply(Operation op, long s) {
        if (Arguments.notNull(op, "op") instanceof Comparison c) {
            return Elementwise.compare(c, this, s);
        }
        // True division of an integer array takes the scalar to float64 directly, as NumPy's float loop does.
        NDArray scalar = op == Arithmetic.DIV && !dtype.isFloat() ? Scalars.weak((double) s, dtype)
                : Scalars.weak(s, dtype, op.method());
        return Elementwise.binary((Arithmetic) op, this, scalar);
    }

    @Override
    public NDArray apply(Operation op, double s) {
        if (Arguments.notNull(op, "op") instanceof Comparison c) {
            return Elementwise.compare(c, this, s);
        }
        return Elementwise.binary((Arithmetic) op, this, Scalars.weak(s, dtype));
    }

    /**
     * {@code op} with an array of another kind on the right (a compressed array), computed by that
     * kind ({@link ReflectedOperand#applyReflected}) and returned as that kind: {@code a.sub(c)} is a
     * compressed array equal, bit for bit, to {@code a.sub(c.decompress())}. The named forms below
     * are this under their constant.
     *
     * <pre>{@code
     * rowMeans.sub(image.compress());   // (1024, 1) - (1024, 1024): broadcast, compressed
     * }</pre>
     */
    public <R> R apply(Operation op, ReflectedOperand<R> other) {
        Arguments.notNull(op, "op");
        return Arguments.notNull(other, "other").applyReflected(op, this);
    }

    /** {@code apply(ADD, other)}. <pre>{@code a.add(c) }</pre> */
    public <R> R add(ReflectedOperand<R> other) { return apply(Arithmetic.ADD, other); }
    /** {@code apply(SUB, other)}. <pre>{@code a.sub(c) }</pre> */
    public <R> R sub(ReflectedOperand<R> other) { return apply(Arithmetic.SUB, other); }
    /** {@code apply(MUL, other)}. <pre>{@code a.mul(c) }</pre> */
    public <R> R mul(ReflectedOperand<R> other) { return apply(Arithmetic.MUL, other); }
    /** {@code apply(DIV, other)}, true division. <pre>{@code a.div(c) }</pre> */
    public <R> R div(ReflectedOperand<R> other) { return apply(Arithmetic.DIV, other); }
    /** {@code apply(LT, other)}. <pre>{@code a.lt(c) }</pre> */
    public <R> R lt(ReflectedOperand<R> other) { return apply(Comparison.LT, other); }
    /** {@code apply(LE, other)}. <pre>{@code a.le(c) }</pre> */
    public <R> R le(ReflectedOperand<R> other) { return apply(Comparison.LE, other); }
    /** {@code apply(GT, other)}. <pre>{@code a.gt(c) }</pre> */
    public <R> R gt(ReflectedOperand<R> other) { return apply(Comparison.GT, other); }
    /** {@code apply(GE, other)}. <pre>{@code a.ge(c) }</pre> */
    public <R> R ge(ReflectedOperand<R> other) { return apply(Comparison.GE, other); }
    /** {@code apply(EQ, other)}. <pre>{@code a.eq(c) }</pre> */
    public <R> R eq(ReflectedOperand<R> other) { return apply(Comparison.EQ, other); }
    /** {@code apply(NE, other)}. <pre>{@code a.ne(c) }</pre> */
    public <R> R ne(ReflectedOperand<R> other) { return apply(Comparison.NE, other); }

    // ---- reductions ----------------------------------------------------------------------

    // Documented once, in ArrayOperations.
    @Override
    public NDArray sum() { return Reductions.reduceAll(Reductions.Kind.SUM, this); }
    @Override
    public NDArray sum(int axis) { return Reductions.reduce(Reductions.Kind.SUM, this, axis); }
    @Override
    public NDArray mean() { return Reductions.reduceAll(Reductions.Kind.MEAN, this); }
    @Override
    public NDArray mean(int axis) { return Reductions.reduce(Reductions.Kind.MEAN, this, axis); }
    @Override
    public NDArray min() { return Reductions.reduceAll(Reductions.Kind.MIN, this); }
    @Override
    public NDArray min(int axis) { return Reductions.reduce(Reductions.Kind.MIN, this, axis); }
    @Override
    public NDArray max() { return Reductions.reduceAll(Reductions.Kind.MAX, this); }
    @Override
    public NDArray max(int axis) { return Reductions.reduce(Reductions.Kind.MAX, this, axis); }

    @Override
    public long countNonzero() { return Reductions.countNonzero(this); }

    @Override
    public NDArray countNonzero(int axis) { return Reductions.reduce(Reductions.Kind.COUNT_NONZERO, this, axis); }

    // ---- views and copies ------------------------------------------------------------------

    /** This array itself: it is dense already (as the contract's {@code todense()} of every kind). */
    @Override
    public NDArray todense() { return this; }

    /** A C-order copy with its own storage. */
    public NDArray copy() {
        if (contiguous) {
            return new NDArray(dtype, shape.clone(), Buffers.copyOf(dtype, storage, offset, size));
        }
        NDArray out = zeros(dtype, shape.clone());
        Views.copyInto(this, out);
        return out;
    }

    /** The same elements in a new shape; a view when possible. One dimension may be -1. */
    public NDArray reshape(long... newShape) { return Views.reshape(this, newShape); }

    /** Axes reversed (a view), as NumPy's {@code a.T}. */
    public NDArray transpose() { return Views.transpose(this, null); }

    /** Axes permuted (a view). */
    public NDArray transpose(int... axes) { return Views.transpose(this, axes); }

    /** A 1-d copy in C order. */
    public NDArray flatten() { return copy().reshape(size); }

    /**
     * A view selected with NumPy's slice syntax, one entry per axis:
     * {@code a.slice("::2, 1:3")}, {@code a.slice("5")} (drops the axis), {@code a.slice("-1, :")}.
     */
    public NDArray slice(String spec) { return Views.slice(this, spec); }

    /**
     * Saves as a NumPy {@code .npy} file, byte for byte as {@code np.save}; {@code arr.load} reads it back.
     * <pre>{@code a.save("a.npy"); }</pre>
     * @throws java.io.UncheckedIOException the file cannot be written
     */
    public void save(String path) { ArrayFiles.installed().write(Arguments.path(path), this); }

    /** As {@link #save(String)}. */
    public void save(java.nio.file.Path path) { ArrayFiles.installed().write(Arguments.notNull(path, "path"), this); }

    // ---- casts -------------------------------------------------------------------------------

    @Override
    public NDArray as(DType target) { return CastKernels.cast(this, target, Casting.SAME_VALUE); }

    /** Converts under NumPy's rule {@code casting}; {@link Casting#UNSAFE} wraps as {@code astype}. */
    public NDArray as(DType target, Casting casting) { return CastKernels.cast(this, target, casting); }

    /** The smallest dtype that holds every element exactly (bool, then the narrowest integers, then floats). */
    public DType minimalDType() { return MinimalDType.of(this); }

    // ---- equality and text -------------------------------------------------------------------

    /** Equal when dtype, shape and every element's bits match (so NaN equals NaN, -0.0 is not 0.0). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NDArray other) || other.dtype != dtype || !Arrays.equals(other.shape, shape)) {
            return false;
        }
        return Views.sameBits(this, other);
    }

    /** Hashes dtype and shape only, not the elements, so arrays that are {@link #equals} hash alike. */
    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    /** NumPy-like text: {@code array([1, 2, 3], dtype=uint16)}; large arrays elide the middle with {@code ...}. */
    @Override
    public String toString() {
        return ArrayFormatter.repr(this);
    }

    /**
     * The notebook display: {@code text/plain} is {@link #toString()}, {@code text/html} a line of
     * dtype, shape and bytes above that text.
     */
    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(toString(), ArrayFormatter.html(this));
    }
}
