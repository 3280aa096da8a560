package dev.footprint.array;

import dev.footprint.storage.Storage;

/**
 * Heap storage for new arrays, refused before anything is allocated when the heap cannot hold
 * it. The element loops themselves are the storage layer's ({@code dev.footprint.storage}).
 */
final class Buffers {
    /** Below this many bytes the heap check is skipped: asking the runtime costs more than such an array. */
    private static final long CHECKED_BYTES = 1 << 20;

    private Buffers() {}

    /**
     * New zeroed storage for {@code n} elements (one heap array, or segments past 2^31 elements),
     * refused up front if the heap cannot hold it.
     */
    static Storage allocate(DType t, long n) {
        checkHeap(n * t.itemsize(), t, n);
        return Storage.allocate(t.encoding(), n);
    }

    /** New storage holding elements {@code [from, from + n)} of {@code d}, refused up front if the heap cannot hold it. */
    static Storage copyOf(DType t, Storage d, long from, long n) {
        checkHeap(n * t.itemsize(), t, n);
        return Storage.copyOf(d, from, n);
    }

    private static void checkHeap(long bytes, DType t, long n) {
        if (bytes < CHECKED_BYTES) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (bytes > available) {
                throw new ArrayAllocationException("cannot allocate " + bytes + " bytes for " + n + " elements of "
                        + t + ": " + available + " bytes of the heap are available (max heap " + rt.maxMemory()
                        + "); use a smaller dtype, a sparse array, or a larger -Xmx");
            }
        }
    }
}
