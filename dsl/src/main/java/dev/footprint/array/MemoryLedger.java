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

    /** Records {@code bytes} owned by {@code storage} until it is collected. */
    static void record(Object storage, long bytes) {
        if (bytes == 0) {
            return;
        }
        TOTAL.addAndGet(bytes);
        long now = LIVE.addAndGet(bytes);
        PEAK.accumulateAndGet(now, Math::max);
        CLEANER.register(storage, () -> LIVE.addAndGet(-bytes));
    }
}
