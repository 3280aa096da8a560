package dev.footprint.zarr;

import java.util.Arrays;
import java.util.Comparator;

/** A value of a store that does not survive a conversion to a smaller dtype, named by its index in the whole array. */
final class StoreCastException extends IllegalArgumentException {
    static final Comparator<StoreCastException> IN_C_ORDER = (a, b) -> Arrays.compare(a.index, b.index);

    private final long[] index;

    StoreCastException(String message, long[] index, Throwable cause) {
        super(message, cause);
        this.index = index;
    }
}
