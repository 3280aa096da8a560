package dev.footprint.zarr;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * Runs one task per chunk on the common pool and reports failures as a sequential run would:
 * the failure of the lowest-numbered chunk, whichever thread met it first. Chunks after a failed
 * one are skipped.
 */
final class ChunkTasks {
    private ChunkTasks() {}

    static void forEach(long n, LongConsumer task) {
        AtomicLong firstFailed = new AtomicLong(Long.MAX_VALUE);
        Map<Long, RuntimeException> failures = new TreeMap<>();
        LongStream.range(0, n).parallel().forEach(i -> {
            if (i > firstFailed.get()) {
                return;
            }
            try {
                task.accept(i);
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.put(i, e);
                }
                firstFailed.accumulateAndGet(i, Math::min);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
    }

    /**
     * Runs every task, even after failures, and throws the failure {@code order} puts first (for
     * errors that name an element, the one first in C order over the whole array).
     */
    static <E extends RuntimeException> void forEachAll(long n, LongConsumer task, Class<E> kind, Comparator<E> order) {
        Map<Long, RuntimeException> failures = new TreeMap<>();
        LongStream.range(0, n).parallel().forEach(i -> {
            try {
                task.accept(i);
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.put(i, e);
                }
            }
        });
        RuntimeException first = null;
        for (RuntimeException e : failures.values()) {
            if (first == null) {
                first = e;
            } else if (kind.isInstance(e) && kind.isInstance(first) && order.compare(kind.cast(e), kind.cast(first)) < 0) {
                first = e;
            } else if (!kind.isInstance(first)) {
                break;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
