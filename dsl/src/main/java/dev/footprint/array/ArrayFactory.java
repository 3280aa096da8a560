package dev.footprint.array;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates dense arrays: the {@code arr} of {@code import static dev.footprint.Footprint.*}.
 * Without a dtype, floats are float64 and integers int64, as NumPy.
 *
 * <pre>{@code
 * arr.ones(1024, 1024).as(UINT16).nbytes();   // 2097152
 * arr.seed(42);
 * var a = arr.random(1024, 1024);             // float64 in [0, 1)
 * }</pre>
 */
public final class ArrayFactory {
    private SplittableRandom random = new SplittableRandom();

    /** Float64 zeros. Bad shapes and allocations past the heap are refused before allocating. */
    public NDArray zeros(long... shape) {
        return zeros(DType.FLOAT64, shape);
    }

    /**
     * Zeros of {@code dtype}, as NumPy's {@code np.zeros(shape, dtype)}. Bad shapes and allocations
     * past the heap throw {@link ArrayAllocationException} before allocating.
     */
    public NDArray zeros(DType dtype, long... shape) {
        return NDArray.allocate(dtype, shape);
    }

    /** Float64 ones, as NumPy's {@code np.ones(shape)}. */
    public NDArray ones(long... shape) {
        return ones(DType.FLOAT64, shape);
    }

    /** Ones of {@code dtype} (true for bool), as NumPy's {@code np.ones(shape, dtype)}. */
    public NDArray ones(DType dtype, long... shape) {
        NDArray a = NDArray.allocate(dtype, shape);
        fill(a, 1.0, 1L);
        return a;
    }

    /** An array whose contents are unspecified (in Footprint: zeros, since the JVM zeroes memory). */
    public NDArray empty(long... shape) {
        return zeros(shape);
    }

    /** As {@link #empty(long...)}, of {@code dtype}: zero-filled in Footprint. */
    public NDArray empty(DType dtype, long... shape) {
        return zeros(dtype, shape);
    }

    /** Int64 filled with {@code value}: {@code arr.full(7, 3, 3)}. */
    public NDArray full(long value, long... shape) {
        return full(DType.INT64, value, shape);
    }

    /** Float64 filled with {@code value}. */
    public NDArray full(double value, long... shape) {
        return full(DType.FLOAT64, value, shape);
    }

    /** Filled with {@code value}, which must fit the dtype exactly for integer dtypes. */
    public NDArray full(DType dtype, double value, long... shape) {
        Arguments.notNull(dtype, "dtype");
        Scalars.checkDouble(value, dtype, "full");
        NDArray a = NDArray.allocate(dtype, shape);
        fill(a, value, dtype.isInteger() ? Casts.exactLong(value, dtype) : (long) value);
        return a;
    }

    /**
     * Filled with the Java integer {@code value}, which an integer dtype must hold, else
     * {@link IllegalArgumentException}. Float dtypes round it; bool takes any non-zero value as
     * true.
     */
    public NDArray full(DType dtype, long value, long... shape) {
        Arguments.notNull(dtype, "dtype");
        Scalars.checkInteger(value, dtype, "full");
        NDArray a = NDArray.allocate(dtype, shape);
        fill(a, value, value);
        return a;
    }

    private static void fill(NDArray a, double dv, long lv) {
        a.storage.fill(lv, dv);
    }

    /** Int64 {@code 0, 1, ..., stop-1}. */
    public NDArray arange(long stop) {
        return arange(0, stop, 1);
    }

    /** Int64 from {@code start} up to (not including) {@code stop}, step 1. */
    public NDArray arange(long start, long stop) {
        return arange(start, stop, 1);
    }

    /** Int64 from {@code start} up to (not including) {@code stop} by {@code step}. */
    public NDArray arange(long start, long stop, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange step must not be zero");
        }
        // Counted exactly: stop - start can pass Long.MAX_VALUE (arange(-10, Long.MAX_VALUE)).
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        BigInteger by = BigInteger.valueOf(step);
        BigInteger count = span.signum() * by.signum() <= 0 ? BigInteger.ZERO
                : span.abs().add(by.abs()).subtract(BigInteger.ONE).divide(by.abs());
        if (count.bitLength() >= Long.SIZE) {
            throw new ArrayAllocationException("arange(" + start + ", " + stop + ", " + step + ") would have "
                    + count + " elements; an array can have at most " + Shapes.MAX_SIZE);
        }
        long n = count.longValue();
        NDArray a = NDArray.allocate(DType.INT64, n);
        long[] d = a.storage.longs();
        if (d == null) {
            for (long i = 0; i < n; i++) {
                a.storage.writeLong(i, start + i * step);
            }
            return a;
        }
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return a;
    }

    /**
     * Float64 from {@code start} up to (not including) {@code stop} by {@code step}, as NumPy.
     *
     * @throws IllegalArgumentException a zero or NaN step, or a start or stop that is not finite
     */
    public NDArray arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange step must be a non-zero number, got " + step);
        }
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("arange cannot compute the length from start " + start + " to stop " + stop
                    + ": both must be finite");
        }
        double span = stop - start;
        double length = span / step;
        if (Double.isNaN(length)) {
            throw new IllegalArgumentException("arange(" + start + ", " + stop + ", " + step + ") has no length: (stop - start) / step is "
                    + span + " / " + step);
        }
        if (length < -0x1p63) {
            // NumPy refuses a quotient past its integer range in either direction, even one that means "empty".
            throw new ArrayAllocationException("arange(" + start + ", " + stop + ", " + step + ") has (stop - start) / step = "
                    + length + ", past the range of a length (NumPy refuses it too)");
        }
        double n;
        if (length == 0 && span != 0) {
            // NumPy's rule for a step so large that the quotient is zero: one element when the step
            // points from start toward stop (arange(0.0, 10.0, inf) is [0.]), none otherwise.
            n = Math.copySign(1.0, length) > 0 ? 1 : 0;
        } else {
            n = Math.max(0, Math.ceil(length));
        }
        if (!(n <= Shapes.MAX_SIZE)) {
            throw new ArrayAllocationException("arange(" + start + ", " + stop + ", " + step + ") would have "
                    + (Double.isInfinite(n) ? "more than " + Long.MAX_VALUE : String.format("%.0f", n))
                    + " elements; an array can have at most " + Shapes.MAX_SIZE);
        }
        NDArray a = NDArray.allocate(DType.FLOAT64, (long) n);
        double[] d = a.storage.doubles();
        // As NumPy's fill: start, start + step, then start + i * delta with delta the step as the
        // first two elements realise it (so an infinite step never multiplies 0 by inf).
        double second = start + step;
        double delta = second - start;
        if (d == null) {
            for (long i = 0; i < n; i++) {
                a.storage.writeDouble(i, i == 0 ? start : i == 1 ? second : start + i * delta);
            }
            return a;
        }
        for (int i = 0; i < n; i++) {
            d[i] = i == 0 ? start : i == 1 ? second : start + i * delta;
        }
        return a;
    }

    /** {@code num} evenly spaced float64 values from {@code start} to {@code stop}, both included. */
    public NDArray linspace(double start, double stop, long num) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace needs a non-negative number of samples, got " + num);
        }
        NDArray a = NDArray.allocate(DType.FLOAT64, num);
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (long i = 0; i < num; i++) {
            a.storage.writeDouble(i, start + i * step);
        }
        if (num > 1) {
            a.storage.writeDouble(num - 1, stop);
        }
        return a;
    }

    /** The n×n float64 identity. */
    public NDArray eye(long n) {
        return eye(DType.FLOAT64, n);
    }

    /** The n×n identity of {@code dtype}: ones on the diagonal, zeros elsewhere. */
    public NDArray eye(DType dtype, long n) {
        NDArray a = NDArray.allocate(dtype, n, n);
        for (long i = 0; i < n; i++) {
            a.storage.writeLong(i * n + i, 1);
        }
        return a;
    }

    /** Makes {@link #random} reproducible: the same seed gives the same numbers. */
    public void seed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Float64 uniform in [0, 1). */
    public NDArray random(long... shape) {
        NDArray a = NDArray.allocate(DType.FLOAT64, shape);
        double[] d = a.storage.doubles();
        SplittableRandom r = random;
        if (d == null) {
            for (long i = 0; i < a.size; i++) {
                a.storage.writeDouble(i, r.nextDouble());
            }
            return a;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble();
        }
        return a;
    }

    /** The generator behind {@link #random}, for other seeded factories (sparse random arrays). */
    public SplittableRandom generator() {
        return random;
    }

    /** A 1-d float64 array of the values. */
    public NDArray of(double... values) {
        Arguments.notNull(values, "values");
        return NDArray.wrap(DType.FLOAT64, values.clone(), values.length);
    }

    /** A 1-d int64 array of the values: {@code arr.of(1, 2, 3)}. */
    public NDArray of(long... values) {
        Arguments.notNull(values, "values");
        return NDArray.wrap(DType.INT64, values.clone(), values.length);
    }

    /** A 1-d bool array of the values. */
    public NDArray of(boolean... values) {
        Arguments.notNull(values, "values");
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return NDArray.wrap(DType.BOOL, b, values.length);
    }

    // ---- files (NumPy's formats, through ArrayFiles) ------------------------------------------------

    /**
     * Loads a NumPy {@code .npy} file (any format version, byte order or memory order) into a
     * new C-order array; long loads show a one-line progress on standard error.
     *
     * <pre>{@code
     * var image = arr.load("image.npy");
     * image.nbytes();   // what it takes in memory: exactly the file's data
     * }</pre>
     *
     * @throws RuntimeException an {@code NpyFormatException}: the file is not a readable {@code .npy}, or its dtype
     *         (object, string, complex, structured) is not one of Footprint's; the message says which
     * @throws java.io.UncheckedIOException the file cannot be read
     */
    public NDArray load(String path) {
        return ArrayFiles.installed().read(Arguments.path(path));
    }

    /** As {@link #load(String)}. */
    public NDArray load(java.nio.file.Path path) {
        return ArrayFiles.installed().read(Arguments.notNull(path, "path"));
    }

    /**
     * Opens a {@code .npy} file mapped, without reading it, as NumPy's {@code np.load(path,
     * mmap_mode=...)}: the file may be larger than the heap, operations read the pages they
     * reach, and {@code footprint(...)} counts its bytes as mapped, not heap. {@code MMAP_READ}
     * ({@code 'r'}) refuses writes, {@code MMAP_COPY} ({@code 'c'}) keeps them in memory,
     * {@code MMAP_READ_WRITE} ({@code 'r+'}) writes them to the file.
     *
     * <pre>{@code
     * var big = arr.load("big.npy", MMAP_READ);
     * big.lt(0.5).countNonzero();
     * }</pre>
     *
     * @throws RuntimeException an {@code NpyFormatException}: the header is malformed or the file is shorter than its shape needs
     * @throws java.io.UncheckedIOException the file cannot be opened
     */
    public NDArray load(String path, MapMode mode) {
        return ArrayFiles.installed().map(Arguments.path(path), Arguments.notNull(mode, "mode"));
    }

    /**
     * Creates a {@code .npy} file of zeros and maps it read-write, as NumPy's
     * {@code np.lib.format.open_memmap(path, mode='w+', dtype=..., shape=...)}: an array larger
     * than the heap, filled a slice at a time; what is set goes to the file, which NumPy and
     * {@code arr.load} read as any {@code .npy}.
     *
     * <pre>{@code
     * var big = arr.create("big.npy", FLOAT64, 40000, 4096);   // 1.2 GiB of zeros, none of it heap
     * var rows = big.slice("0:100");
     * rows.set(arr.random(100, 4096).lt(0.1), 1.0);
     * }</pre>
     *
     * @throws java.io.UncheckedIOException the file cannot be written
     */
    public NDArray create(String path, DType dtype, long... shape) {
        return ArrayFiles.installed().create(Arguments.path(path), Arguments.notNull(dtype, "dtype"),
                Arguments.notNull(shape, "shape"));
    }

    /** As {@link #load(String, MapMode)}. */
    public NDArray load(java.nio.file.Path path, MapMode mode) {
        return ArrayFiles.installed().map(Arguments.notNull(path, "path"), Arguments.notNull(mode, "mode"));
    }

    /**
     * Loads one array of a NumPy {@code .npz} archive, as {@code np.load(path)[name]}.
     *
     * <pre>{@code
     * var mask = arr.load("pair.npz", "mask");
     * }</pre>
     *
     * @throws IllegalArgumentException the archive has no array of that name (the message lists the names)
     * @throws RuntimeException an {@code NpyFormatException}: the archive or the entry cannot be read
     */
    public NDArray load(String path, String name) {
        return ArrayFiles.installed().read(Arguments.path(path), name);
    }

    /** As {@link #load(String, String)}. */
    public NDArray load(java.nio.file.Path path, String name) {
        return ArrayFiles.installed().read(Arguments.notNull(path, "path"), name);
    }

    /**
     * Loads every array of a NumPy {@code .npz} archive, by name in archive order.
     *
     * <pre>{@code
     * var all = arr.loadAll("pair.npz");   // {image=..., mask=...}
     * }</pre>
     *
     * @throws RuntimeException an {@code NpyFormatException}: the archive or one of its entries cannot be read
     */
    public java.util.Map<String, NDArray> loadAll(String path) {
        return ArrayFiles.installed().readAll(Arguments.path(path));
    }

    /** As {@link #loadAll(String)}. */
    public java.util.Map<String, NDArray> loadAll(java.nio.file.Path path) {
        return ArrayFiles.installed().readAll(Arguments.notNull(path, "path"));
    }

    /**
     * Saves arrays in one uncompressed {@code .npz}, as {@code np.savez(path, **arrays)}.
     *
     * <pre>{@code
     * arr.savez("pair.npz", Map.of("image", image, "mask", mask));
     * }</pre>
     *
     * @throws java.io.UncheckedIOException the file cannot be written
     */
    public void savez(String path, java.util.Map<String, NDArray> arrays) {
        ArrayFiles.installed().writeAll(Arguments.path(path), arrays, false);
    }

    /** Saves arrays in one deflated {@code .npz}, as {@code np.savez_compressed(path, **arrays)}. */
    public void savezCompressed(String path, java.util.Map<String, NDArray> arrays) {
        ArrayFiles.installed().writeAll(Arguments.path(path), arrays, true);
    }

    /**
     * Copies a (nested) Java primitive array: {@code double[][]} gives float64, {@code int[]}
     * int32, {@code short[]} int16, {@code byte[]} int8, {@code long[]} int64, {@code float[]}
     * float32, {@code boolean[]} bool. Rows must all have the same length.
     */
    public NDArray from(Object nested) {
        Arguments.notNull(nested, "nested");
        if (!nested.getClass().isArray()) {
            throw new IllegalArgumentException("from(...) takes a Java primitive array such as double[][], got "
                    + (nested == null ? "null" : nested.getClass().getSimpleName()));
        }
        List<Long> shape = new ArrayList<>();
        Object probe = nested;
        Class<?> c = nested.getClass();
        while (c.isArray()) {
            shape.add((long) Array.getLength(probe));
            c = c.getComponentType();
            if (c.isArray()) {
                probe = Array.getLength(probe) > 0 ? Array.get(probe, 0) : null;
                if (probe == null) {
                    throw new IllegalArgumentException("from(...) cannot infer the shape of an empty or null row");
                }
            }
        }
        DType dtype = dtypeOf(c);
        long[] s = shape.stream().mapToLong(Long::longValue).toArray();
        NDArray a = NDArray.allocate(dtype, s);
        int[] pos = {0};
        copyNested(nested, 0, s, a, pos);
        return a;
    }

    private static DType dtypeOf(Class<?> c) {
        if (c == double.class) return DType.FLOAT64;
        if (c == float.class) return DType.FLOAT32;
        if (c == long.class) return DType.INT64;
        if (c == int.class) return DType.INT32;
        if (c == short.class) return DType.INT16;
        if (c == byte.class) return DType.INT8;
        if (c == boolean.class) return DType.BOOL;
        throw new IllegalArgumentException("from(...) takes primitive arrays; " + c.getSimpleName()
                + " elements are not supported");
    }

    private static void copyNested(Object node, int axis, long[] shape, NDArray a, int[] pos) {
        int len = Array.getLength(node);
        if (len != shape[axis]) {
            throw new IllegalArgumentException("ragged input: a row at axis " + axis + " has " + len
                    + " elements, expected " + shape[axis]);
        }
        if (axis == shape.length - 1) {
            if (node instanceof boolean[] b) {
                for (boolean v : b) {
                    a.storage.bytes()[pos[0]++] = (byte) (v ? 1 : 0);
                }
            } else {
                System.arraycopy(node, 0, ((dev.footprint.storage.HeapStorage) a.storage).array(), pos[0], len);
                pos[0] += len;
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            Object row = Array.get(node, i);
            if (row == null) {
                throw new IllegalArgumentException("from(...) found null where a row was expected: index " + i
                        + " along axis " + axis + "; every row must be an array");
            }
            copyNested(row, axis + 1, shape, a, pos);
        }
    }
}
