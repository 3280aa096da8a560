package dev.footprint.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs work over pieces of an array (a compressed array's chunks, the parts of a large dense
 * one) on a pool of its own with one worker per core (the common pool keeps one core for the
 * caller, which would leave a two-core machine with one worker). Each worker pulls piece indices
 * from a shared counter and keeps its own scratch, so memory is a few pieces per worker whatever
 * the array's size. Work started on a worker runs there, piece after piece, rather than waiting
 * for the pool it is part of.
 */
public final class Parallel {
    /** Workers: {@code -Dfootprint.threads=N}, else one per available core. */
    public static final int THREADS = Math.max(1, Integer.getInteger("footprint.threads", Runtime.getRuntime().availableProcessors()));
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);

    private Parallel() {}

    /** A worker's body: makes its scratch once, then handles piece indices. */
    public interface Worker<S> {
        void run(S scratch, int piece);
    }

    /** Calls {@code work} for every piece in {@code [0, count)}, on up to {@link #THREADS} workers. */
    public static <S> void forEach(int count, Supplier<S> scratch, Worker<S> work) {
        int workers = Math.min(THREADS, count);
        if (workers <= 1 || Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL) {
            S s = count > 0 ? scratch.get() : null;
            for (int i = 0; i < count; i++) {
                work.run(s, i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        // The tasks reach the work only through this, cleared when all have ended: a pool may keep
        // a finished task object for a while, and the work often holds a large result.
        AtomicReference<Worker<S>> held = new AtomicReference<>(work);
        AtomicReference<Supplier<S>> heldScratch = new AtomicReference<>(scratch);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                Worker<S> body = held.get();
                Supplier<S> made = heldScratch.get();
                if (body == null || made == null) {
                    return null;
                }
                S s = made.get();
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    body.run(s, i);
                }
                return null;
            });
        }
        List<Future<Void>> futures;
        try {
            futures = POOL.invokeAll(tasks);
        } finally {
            held.set(null);
            heldScratch.set(null);
        }
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                next.set(count);
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while working on pieces of an array", e);
            }
        }
    }

    /** A part's body: elements {@code [from, from + length)} of a stretch. */
    public interface Part {
        void run(long from, long length);
    }

    /**
     * Calls {@code body} for consecutive parts of {@code [0, size)}, {@code part} elements each
     * (the last may be shorter): on every worker when there are several parts and workers, else
     * in one call for the whole stretch on this thread.
     */
    public static void forEachPart(long size, int part, Part body) {
        long parts = (size + part - 1) / part;
        if (parts <= 1 || THREADS <= 1) {
            body.run(0, size);
            return;
        }
        forEach(Math.toIntExact(parts), p -> {
            long from = (long) p * part;
            body.run(from, Math.min(part, size - from));
        });
    }

    /** {@link #forEach} without scratch. */
    public static void forEach(int count, IntConsumer work) {
        forEach(count, () -> Boolean.TRUE, (s, i) -> work.accept(i));
    }
}
