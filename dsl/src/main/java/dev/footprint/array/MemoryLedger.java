package dev.footprint.array;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of array storage the engine allocates: live now, the peak since the last
 * {@link #resetPeak()}, and the total ever allocated. Storage that the garbage collector frees
 * leaves the live count when it is collected.
 *
 * <pre>{@code
 * MemoryLedger.resetPeak();
 * long before = MemoryLedger.live();
 * var a = arr.ones(1024, 1024);
 * MemoryLedger.peak() - before;   // 8388608
 * }</pre>
 *
 * <p>Storage counts as live while an array or a view over it is reachable: the collector is
 * watched through a small owner object that every such array holds, never through the storage
 * itself. A reference to a large primitive array (a Cleaner's, or any phantom or weak one)
 * keeps G1 from freeing it at the next young collection, so arrays of a few megabytes would
 * pile up until a full marking cycle; a raw array handed out by {@code contiguousData()} and
 * kept after its arrays are gone is therefore no longer counted.
 */
public final class MemoryLedger {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong TOTAL = new AtomicLong();

    private MemoryLedger() {}

    /** Bytes of array storage currently reachable or not yet collected. */
    public static long live() {
        return LIVE.get();
    }

    /** The largest {@link #live()} seen since the last {@link #resetPeak()}. */
    public static long peak() {
        return PEAK.get();
    }

    /** Starts a new peak window at the current live bytes. */
    public static void resetPeak() {
        PEAK.set(LIVE.get());
    }

    /** Bytes of array storage allocated since the JVM started, freed or not. */
    public static long allocatedTotal() {
        return TOTAL.get();
    }

    /**
     * Records {@code bytes} of new storage and returns its owner: an object that the arrays over
     * the storage hold, and whose collection takes the bytes off the live count.
     */
    static Object record(long bytes) {
        Object owner = new Object();
        if (bytes == 0) {
            return owner;
        }
        TOTAL.addAndGet(bytes);
        long now = LIVE.addAndGet(bytes);
        PEAK.accumulateAndGet(now, Math::max);
        CLEANER.register(owner, () -> LIVE.addAndGet(-bytes));
        return owner;
    }
}
