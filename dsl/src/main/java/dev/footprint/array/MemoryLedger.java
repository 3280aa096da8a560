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
    private static final AtomicLong TOTAL = new AtomicLong();

    // The peak window. Storage allocated before the window started and freed while it runs
    // (the cleaner works behind the collector, at any moment) must not lower what the window
    // counts, or a measured allocation would hide behind an older array's release: the window
    // counts its own storage on top of what was live when it began.
    private static final Object WINDOW = new Object();
    private static long generation; // guarded by WINDOW, as the three below
    private static long windowStart;
    private static long windowLive;
    private static long windowPeak;

    private MemoryLedger() {}

    /** Bytes of array storage currently reachable or not yet collected. */
    public static long live() {
        return LIVE.get();
    }

    /**
     * The most array storage held at once since the last {@link #resetPeak()}: the live bytes
     * when the window began plus the largest amount of storage allocated in it and still held.
     * Storage from before the window that is freed during it does not lower the figure.
     */
    public static long peak() {
        synchronized (WINDOW) {
            return windowPeak;
        }
    }

    /** The live bytes when the current peak window began: what {@link #peak()} counts on top of. */
    public static long windowStart() {
        synchronized (WINDOW) {
            return windowStart;
        }
    }

    /** Starts a new peak window at the current live bytes. */
    public static void resetPeak() {
        synchronized (WINDOW) {
            generation++;
            windowStart = LIVE.get();
            windowLive = windowStart;
            windowPeak = windowStart;
        }
    }

    /**
     * Collects garbage and waits (at most about 200 ms) until {@link #live()} stops falling, so
     * that arrays already unreachable leave the count before a measurement starts: otherwise a
     * collection during the measured code would free them and hide what the code itself took.
     */
    public static void settle() {
        // Stable over two collections, not one: the cleaner thread may still be working through
        // a backlog of arrays (thousands, after a long loop) when one pause shows no change.
        long last = -1;
        int stable = 0;
        for (int i = 0; i < 40 && stable < 2; i++) {
            System.gc();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = LIVE.get();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }

    /** Bytes of array storage allocated since the JVM started, freed or not. */
    public static long allocatedTotal() {
        return TOTAL.get();
    }

    /**
     * Told of every new array storage allocated on the thread that installed it (see
     * {@link #listen}); what {@code trace(...)} is built on.
     */
    @FunctionalInterface
    public interface AllocationListener {
        /**
         * A new storage of {@code bytes} for an array of {@code dtype} and {@code shape}.
         * {@code owner} stays reachable exactly as long as some array over the storage does;
         * hold it weakly, or the storage counts as live for ever.
         */
        void allocated(DType dtype, long[] shape, long bytes, Object owner);

        /**
         * An array of {@code dtype} and {@code shape} over {@code bytes} of a newly mapped file:
         * pages of the operating system, not heap (and not in {@link #allocated}'s figures).
         */
        default void mapped(DType dtype, long[] shape, long bytes, Object owner) {}
    }

    private static final ThreadLocal<AllocationListener> LISTENER = new ThreadLocal<>();

    /**
     * Makes {@code listener} (or nobody, for null) hear of the storage this thread allocates
     * from now on; returns the listener it replaces, to be put back afterwards.
     */
    public static AllocationListener listen(AllocationListener listener) {
        AllocationListener previous = LISTENER.get();
        if (listener == null) {
            LISTENER.remove();
        } else {
            LISTENER.set(listener);
        }
        return previous;
    }

    private static final AtomicLong MAPPED = new AtomicLong();

    /**
     * Bytes of mapped files that reachable arrays are over. They are not heap and not in
     * {@link #live()}: the operating system pages them in and out as loops reach them.
     */
    public static long mappedLive() {
        return MAPPED.get();
    }

    /**
     * Records new storage for an array of {@code dtype} and {@code shape}, {@code heapBytes} of
     * heap and {@code mappedBytes} of a mapped file, and returns its owner: an object that the
     * arrays over the storage hold, and whose collection takes the bytes off the live counts.
     * Only heap bytes reach {@link #live()}, the peak and the allocation listener.
     */
    static Object record(long heapBytes, long mappedBytes, DType dtype, int[] shape) {
        Object owner = record(heapBytes, dtype, shape);
        if (mappedBytes > 0) {
            MAPPED.addAndGet(mappedBytes);
            CLEANER.register(owner, () -> MAPPED.addAndGet(-mappedBytes));
            AllocationListener listener = LISTENER.get();
            if (listener != null) {
                listener.mapped(dtype, dims(shape), mappedBytes, owner);
            }
        }
        return owner;
    }

    /**
     * Records {@code bytes} of new storage for an array of {@code dtype} and {@code shape} and
     * returns its owner: an object that the arrays over the storage hold, and whose collection
     * takes the bytes off the live count.
     */
    private static Object record(long bytes, DType dtype, int[] shape) {
        Object owner = new Object();
        if (bytes == 0) {
            return owner;
        }
        TOTAL.addAndGet(bytes);
        LIVE.addAndGet(bytes);
        long born;
        synchronized (WINDOW) {
            born = generation;
            windowLive += bytes;
            windowPeak = Math.max(windowPeak, windowLive);
        }
        CLEANER.register(owner, () -> freed(bytes, born));
        AllocationListener listener = LISTENER.get();
        if (listener != null) {
            listener.allocated(dtype, dims(shape), bytes, owner);
        }
        return owner;
    }

    private static long[] dims(int[] shape) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return dims;
    }

    private static void freed(long bytes, long born) {
        LIVE.addAndGet(-bytes);
        synchronized (WINDOW) {
            if (born == generation) {
                windowLive -= bytes;
            }
        }
    }
}
