package dev.footprint.array;

import dev.footprint.storage.Storage;

/**
 * Heap storage for new arrays, refused before anything is allocated when the heap cannot hold
 * it. The element loops themselves are the storage layer's ({@code dev.footprint.storage}).
 */
final class Buffers {
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
        if (bytes < HeapSpace.CHECKED_BYTES) {
            return;   // not worth the message's string either
        }
        HeapSpace.require(bytes, n + " elements of " + t, "use a smaller dtype, a sparse array, or a larger -Xmx");
    }
}
