package dev.footprint.kernel.agent;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * Counters the magics compare before and after a statement: the running thread's CPU time and
 * allocated bytes, the time spent in cells, and the DSL's array memory ledger when present.
 * A sample is a {@code long[]} indexed by the constants below.
 */
public final class MemoryProbe {
    /** CPU time spent in cells (the running thread), cumulative. */
    public static final int CPU_NANOS = 0;
    public static final int ALLOCATED_BYTES = 1;
    /** Wall time spent in cells, cumulative. */
    public static final int EXECUTION_NANOS = 2;
    public static final int LEDGER_AVAILABLE = 3;
    public static final int LEDGER_LIVE = 4;
    public static final int LEDGER_PEAK = 5;
    public static final int LEDGER_ALLOCATED_TOTAL = 6;
    /** Bytes of mapped files that reachable arrays are over: not heap, and not in the other ledger figures. */
    public static final int LEDGER_MAPPED = 7;
    /**
     * The live bytes when the peak window began (the ledger's {@code windowStart}), -1 for a DSL
     * without it: what the peak counts on top of. Not the live bytes read after the reset, which
     * an older array's release in between would lower below it.
     */
    public static final int LEDGER_WINDOW_START = 8;

    private static final String LEDGER_CLASS = "dev.footprint.array.MemoryLedger";

    private MemoryProbe() {}

    static long[] sample(long executionNanos, long executionCpuNanos) {
        long[] sample = new long[9];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        sample[CPU_NANOS] = executionCpuNanos;
        sample[ALLOCATED_BYTES] = allocatedBytes(threads);
        sample[EXECUTION_NANOS] = executionNanos;
        Class<?> ledger = ledger();
        if (ledger != null) {
            sample[LEDGER_AVAILABLE] = 1;
            sample[LEDGER_LIVE] = callLong(ledger, "live");
            sample[LEDGER_PEAK] = callLong(ledger, "peak");
            sample[LEDGER_ALLOCATED_TOTAL] = callLong(ledger, "allocatedTotal");
            sample[LEDGER_MAPPED] = callLong(ledger, "mappedLive"); // -1 for a DSL without mapped files
            sample[LEDGER_WINDOW_START] = callLong(ledger, "windowStart");
        }
        return sample;
    }

    /** CPU time of the current thread, 0 where the JVM cannot tell. */
    static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    static Boolean resetLedgerPeak() {
        Class<?> ledger = ledger();
        if (ledger == null) {
            return Boolean.FALSE;
        }
        try {
            // Arrays earlier cells left unreachable would otherwise be freed by a collection while
            // the measured code runs and hide what it took (a small young generation collects often).
            ledger.getMethod("settle").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            System.gc(); // a DSL without settle(): collect once at least
        }
        try {
            ledger.getMethod("resetPeak").invoke(null);
            return Boolean.TRUE;
        } catch (ReflectiveOperationException | RuntimeException failure) {
            return Boolean.FALSE;
        }
    }

    private static long allocatedBytes(java.lang.management.ThreadMXBean threads) {
        if (threads instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
            if (hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
                return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
        }
        return -1;
    }

    // Found by name so the agent works with any DSL version, with or without the ledger.
    private static Class<?> ledger() {
        try {
            return Class.forName(LEDGER_CLASS);
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
    }

    private static long callLong(Class<?> ledger, String name) {
        try {
            Method method = ledger.getMethod(name);
            return ((Number) method.invoke(null)).longValue();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            return -1;
        }
    }
}
