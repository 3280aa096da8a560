package dev.footprint;

import dev.footprint.array.Arguments;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.MapMode;
import dev.footprint.array.NDArray;
import dev.footprint.report.Advice;
import dev.footprint.report.AllocationTrace;
import dev.footprint.report.FootprintTable;
import dev.footprint.report.MemitReport;
import dev.footprint.sparse.SparseFactory;
import dev.footprint.zarr.ZarrFactory;

/**
 * The one static entry to Footprint: {@code import static dev.footprint.Footprint.*;} gives the
 * array factory, the dtypes and the casting rules. It only delegates.
 *
 * <pre>{@code
 * var int16arr = arr.ones(1024, 1024).as(UINT16);
 * int16arr.nbytes();   // 2097152
 * }</pre>
 */
public final class Footprint {
    /** Dense arrays: {@code arr.ones(1024, 1024)}, {@code arr.random(...)}, {@code arr.of(1, 2, 3)}. */
    public static final ArrayFactory arr = new ArrayFactory();

    /**
     * Sparse arrays: {@code sparse.coo(a)}, {@code sparse.csr(a)}, {@code sparse.random(0.1, 1024, 1024)};
     * random ones share {@code arr}'s seed.
     */
    public static final SparseFactory sparse = new SparseFactory(arr);

    /**
     * Zarr v2 stores on disk, as zarr-python and Dask read and write them: {@code zarr.save("a.zarr", a)},
     * {@code zarr.open("a.zarr").sum(0)} (lazy: chunks are read as operations need them).
     */
    public static final ZarrFactory zarr = new ZarrFactory();

    public static final DType BOOL = DType.BOOL;
    public static final DType INT8 = DType.INT8;
    public static final DType UINT8 = DType.UINT8;
    public static final DType INT16 = DType.INT16;
    public static final DType UINT16 = DType.UINT16;
    public static final DType INT32 = DType.INT32;
    public static final DType UINT32 = DType.UINT32;
    public static final DType INT64 = DType.INT64;
    public static final DType UINT64 = DType.UINT64;
    public static final DType FLOAT16 = DType.FLOAT16;
    public static final DType FLOAT32 = DType.FLOAT32;
    public static final DType FLOAT64 = DType.FLOAT64;

    /** NumPy's casting rules, for {@code a.as(INT8, UNSAFE)}. */
    public static final Casting SAFE = Casting.SAFE;
    public static final Casting SAME_KIND = Casting.SAME_KIND;
    public static final Casting SAME_VALUE = Casting.SAME_VALUE;
    public static final Casting UNSAFE = Casting.UNSAFE;

    /** {@code arr.load(path, MMAP_READ)}: the file mapped read-only, as NumPy's {@code mmap_mode='r'}. */
    public static final MapMode MMAP_READ = MapMode.MMAP_READ;
    /** {@code arr.load(path, MMAP_COPY)}: mapped copy-on-write, as NumPy's {@code mmap_mode='c'}. */
    public static final MapMode MMAP_COPY = MapMode.MMAP_COPY;
    /** {@code arr.load(path, MMAP_READ_WRITE)}: mapped read-write, as NumPy's {@code mmap_mode='r+'}. */
    public static final MapMode MMAP_READ_WRITE = MapMode.MMAP_READ_WRITE;

    /**
     * A table of how much memory each array takes (dense or sparse); a String names the array after it.
     *
     * <pre>{@code
     * footprint("int64arr", int64arr, "int16arr", int16arr, s);
     * footprint(a, s).table().write().csv("footprint.csv");
     * }</pre>
     * Throws {@code IllegalArgumentException} for an argument that is neither an array nor a name.
     */
    public static FootprintTable footprint(Object... arraysOrNames) {
        return FootprintTable.of(Arguments.notNull(arraysOrNames, "arraysOrNames"));
    }

    /**
     * The lossless ways to hold {@code a}, smallest first, with the expression that makes each.
     *
     * <pre>{@code
     * advise(a);                       // dense at its minimal dtype, COO/CSR/CSC compacted, the original
     * advise(a).best().expression();   // e.g. "sparse.coo(a).compact()"
     * }</pre>
     */
    public static Advice advise(NDArray a) {
        return Advice.of(Arguments.notNull(a, "a"));
    }

    /**
     * Runs {@code code} and reports the array memory it took at its peak, like IPython's {@code %memit}.
     *
     * <pre>{@code
     * memit(() -> arr.ones(1024, 1024)).peakIncrement();   // 8388608
     * }</pre>
     */
    public static MemitReport memit(Runnable code) {
        return MemitReport.of(Arguments.notNull(code, "code"));
    }

    /**
     * Runs {@code code} and lists every array storage it allocated: the operation, its caller,
     * dtype, shape, bytes, and whether it is still referenced afterwards. It finds the hidden
     * float64 copy of an upcasting function.
     *
     * <pre>{@code
     * trace(() -> Upcast.imgAsFloat(image)).allocations().get(0).dtype();   // FLOAT64
     * }</pre>
     */
    public static AllocationTrace trace(Runnable code) {
        return AllocationTrace.of(Arguments.notNull(code, "code"));
    }

    private Footprint() {}
}
