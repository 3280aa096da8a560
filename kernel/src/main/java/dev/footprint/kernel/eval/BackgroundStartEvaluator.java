package dev.footprint.kernel.eval;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An evaluator built on a background thread. Starting the user JVM takes about a second; doing it
 * while the kernel already answers {@code kernel_info} lets Jupyter see the kernel ready sooner,
 * and the first request that needs the evaluator simply waits for it.
 *
 * <p>A start that failed (the user JVM could not be launched or did not connect) is tried again by
 * the next request that needs the evaluator, on that request's thread: the kernel keeps serving,
 * and a failure that passed (a busy machine, a port taken for a moment) costs one cell, not the
 * kernel.
 */
public final class BackgroundStartEvaluator implements Evaluator {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Supplier<Evaluator> factory;
    private volatile CompletableFuture<Evaluator> started;
    private volatile boolean closed;

    /** Starts building the evaluator with {@code factory} at once, on its own thread. */
    public BackgroundStartEvaluator(Supplier<Evaluator> factory) {
        this.factory = factory;
        CompletableFuture<Evaluator> started = new CompletableFuture<>();
        this.started = started;
        Thread starter = new Thread(() -> {
            try {
                started.complete(factory.get());
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "footprint-evaluator-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public ExecutionOutcome execute(String code, ExecutionListener listener) {
        return evaluator().execute(code, listener);
    }

    @Override
    public void interrupt() {
        // Nothing runs before the evaluator exists, so there is nothing to interrupt yet.
        CompletableFuture<Evaluator> current = started;
        Evaluator evaluator = current.isDone() && !current.isCompletedExceptionally() ? current.join() : null;
        if (evaluator != null) {
            evaluator.interrupt();
        }
    }

    @Override
    public CompletionResult complete(String code, int cursor) {
        return evaluator().complete(code, cursor);
    }

    @Override
    public InspectionResult inspect(String code, int cursor, int detailLevel) {
        return evaluator().inspect(code, cursor, detailLevel);
    }

    @Override
    public IsCompleteResult isComplete(String code) {
        return evaluator().isComplete(code);
    }

    @Override
    public void restart() {
        evaluator().restart();
    }

    @Override
    public void close() {
        CompletableFuture<Evaluator> last;
        synchronized (this) { // after a start tried again by a request, never in the middle of one
            closed = true; // no start is tried again after this
            last = started;
        }
        // Wait for a start in progress: closing is what stops the user JVM it is launching.
        try {
            last.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS).close();
        } catch (TimeoutException e) {
            last.thenAccept(Evaluator::close);
        } catch (ExecutionException e) {
            // It never started, so there is nothing to close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            last.thenAccept(Evaluator::close);
        }
    }

    private Evaluator evaluator() {
        CompletableFuture<Evaluator> current = started;
        try {
            return current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the evaluator was starting", e);
        } catch (ExecutionException e) {
            return startAgain(current, e.getCause());
        }
    }

    private synchronized Evaluator startAgain(CompletableFuture<Evaluator> failed, Throwable firstFailure) {
        if (closed) {
            throw new IllegalStateException("the evaluator is closed; it could not start: " + firstFailure.getMessage(), firstFailure);
        }
        if (started != failed) {
            return evaluator(); // another request already tried again
        }
        CompletableFuture<Evaluator> retry = new CompletableFuture<>();
        started = retry;
        try {
            Evaluator evaluator = factory.get();
            retry.complete(evaluator);
            return evaluator;
        } catch (RuntimeException | Error e) {
            retry.completeExceptionally(e);
            String earlier = firstFailure.getMessage();
            String now = e.getMessage();
            throw new IllegalStateException("the evaluator could not start: " + now
                    + (now != null && now.equals(earlier) ? "" : " (the attempt before: " + earlier + ")"), e);
        }
    }
}
