package dev.footprint.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                S s = scratch.get();
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    work.run(s, i);
                }
                return null;
            });
        }
        List<Future<Void>> futures = POOL.invokeAll(tasks);
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

    /** {@link #forEach} without scratch. */
    public static void forEach(int count, IntConsumer work) {
        forEach(count, () -> Boolean.TRUE, (s, i) -> work.accept(i));
    }
}
