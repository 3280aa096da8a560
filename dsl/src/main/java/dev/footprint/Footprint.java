package dev.footprint;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;

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

    private Footprint() {}
}
