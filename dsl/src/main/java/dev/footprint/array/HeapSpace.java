package dev.footprint.array;

/**
 * How much of the heap is free, for allocations that must be refused before they are made (an
 * {@link OutOfMemoryError} half way through leaves the user's JVM in a bad state). The engine's
 * own arrays are checked here; so are the working arrays of conversions that know their size
 * only after a first pass (such as {@code sparse.coo}).
 *
 * <pre>{@code
 * HeapSpace.require(nnz * 24, nnz + " stored elements", "keep the array dense, or use a larger -Xmx");
 * }</pre>
 */
public final class HeapSpace {
    /** Below this many bytes the check is skipped: asking the runtime costs more than such an allocation. */
    static final long CHECKED_BYTES = 1 << 20;

    private HeapSpace() {}

    /**
     * Refuses an allocation of {@code bytes} that the heap cannot hold (after a collection), with
     * an {@link ArrayAllocationException} naming the bytes asked for {@code what}, those available,
     * and {@code advice}.
     */
    public static void require(long bytes, String what, String advice) {
        if (bytes < CHECKED_BYTES) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (bytes > available) {
                throw new ArrayAllocationException("cannot allocate " + bytes + " bytes for " + what + ": " + available
                        + " bytes of the heap are available (max heap " + rt.maxMemory() + "); " + advice);
            }
        }
    }
}
