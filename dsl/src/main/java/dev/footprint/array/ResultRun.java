package dev.footprint.array;

import dev.footprint.storage.HeapStorage;
import dev.footprint.storage.Storage;

/**
 * Where a loop writes a run of results into a new array: straight into the primitive array of
 * heap storage, or into a block of {@link OffsetCursor#CHUNK} elements that goes to any other
 * storage (a big array's segments) after each chunk. The loop writes {@code array()} from
 * {@code at(pos)}, then calls {@code done(pos, n)}.
 */
final class ResultRun {
    private final Storage storage;
    private final Object heap;
    private final Object block;

    ResultRun(NDArray out) {
        this.storage = out.storage;
        this.heap = storage instanceof HeapStorage h ? h.array() : null;
        this.block = heap != null ? null : HeapStorage.allocate(storage.encoding(), OffsetCursor.CHUNK).array();
    }

    /** The primitive array to write results into. */
    Object array() {
        return heap != null ? heap : block;
    }

    /** Where in {@link #array()} the results for storage position {@code pos} go. */
    int at(long pos) {
        return heap != null ? (int) pos : 0;
    }

    /** Stores the {@code n} results written at {@code at(pos)}, if they were not written in place. */
    void done(long pos, int n) {
        if (heap == null) {
            storage.put(pos, block, n);
        }
    }
}
