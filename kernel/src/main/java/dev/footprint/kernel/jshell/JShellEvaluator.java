package dev.footprint.kernel.jshell;

import dev.footprint.kernel.eval.CompletionResult;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.eval.IsCompleteResult;
import dev.footprint.kernel.eval.PagerRequest;
import dev.footprint.kernel.magic.MagicRegistry;
import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.userjvm.OutputRouter;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Evaluator} of the Footprint kernel: compiles cells with the JShell API in this JVM
 * and runs them in a separate user JVM, so that {@code System.exit}, an endless loop or an
 * exhausted heap never takes the kernel down.
 *
 * <h2>Construction</h2>
 * <pre>{@code
 * try (JShellEvaluator evaluator = new JShellEvaluator()) {          // defaults
 *     ExecutionOutcome outcome = evaluator.execute("1 + 1", listener);
 *     outcome.result().get("text/plain");                             // "2"
 * }
 * JShellEvaluator custom = new JShellEvaluator(UserJvmOptions.builder()
 *         .jvmOptions("-Xmx2g")                       // after FOOTPRINT_USER_JVM_OPTS
 *         .javaHome(Path.of("/opt/jdk-25"))           // default: this JVM's java.home
 *         .sourcePath(Path.of("dsl/src/main/java"))   // extra Javadoc for inspection
 *         .build());
 * }</pre>
 * The constructor starts the user JVM and returns when it is ready; it throws
 * {@link IllegalStateException} if the user JVM cannot start. The user JVM's class path is
 * this JVM's {@code java.class.path} unless the options say otherwise.
 *
 * <h2>Threads</h2>
 * All JShell work happens on one owner thread; {@link #execute}, {@link #complete},
 * {@link #inspect}, {@link #isComplete} and {@link #restart} wait for it, so a completion asked
 * while a cell runs waits for the cell. {@link #interrupt} and {@link #close} may be called
 * from any thread. The listener is called from the evaluator's own threads (never two calls at
 * once), while {@code execute} runs, and never after it returned.
 *
 * <h2>Interrupt, exit, restart</h2>
 * {@link #interrupt} throws a stop into the cell's thread through the debugger interface (it
 * works on JDK 17 and on JDK 20+, where {@code Thread.stop} is gone) and returns when the cell
 * ended; a cell that swallows the stop is ended by killing the user JVM after
 * {@value #STOP_GRACE_MILLIS} ms, and its outcome says the state was lost. A user JVM that
 * exits ({@code System.exit}) or is killed is replaced before the next cell. {@link #restart}
 * and {@link #close} end the user JVM's process; so does the exit of this JVM.
 *
 * <p>The user JVM must run a Java version at least as new as this JVM's: JShell compiles for
 * the version it runs on.
 *
 * <h2>What the user JVM gives a cell</h2>
 * {@code import static dev.footprint.Footprint.*}, {@code java.util.*},
 * {@code dev.footprint.array.*}, {@code dev.footprint.sparse.*}, {@code dev.footprint.report.*}
 * (as the JShell startup script has them) and the display functions of
 * {@link dev.footprint.kernel.agent.Display}; magics from {@link MagicRegistry#standard()}.
 */
public final class JShellEvaluator implements Evaluator {
    /** How long a stopped cell may take to end before the user JVM is killed. */
    private static final long STOP_GRACE_MILLIS = 1500;
    /** How long {@link #close} waits for {@link #prepareLibrariesInBackground} to end. */
    private static final long PREPARE_CLOSE_WAIT_SECONDS = 10;

    private final UserJvmOptions options;
    private final OutputRouter router = new OutputRouter();
    private final ErrorReports reports = new ErrorReports();
    private final MagicRegistry magics;
    private final CodeAssist assist;
    private final ExecutorService owner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "footprint-jshell-owner");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> addedClassPath = new ArrayList<>();
    private volatile CompletableFuture<Boolean> librariesPrepared;
    private volatile JShellSession session;
    private volatile CountDownLatch cellDone;
    private volatile boolean killedByInterrupt;
    private volatile boolean closed;
    private int cellNumber;
    // Kills the user JVM if this JVM exits without close(), so no process is left behind.
    private final Thread killOnExit = new Thread(() -> {
        JShellSession current = session;
        if (current != null) {
            current.kill();
        }
    }, "footprint-user-jvm-reaper");

    /** An evaluator with {@link UserJvmOptions#defaults()}. */
    public JShellEvaluator() {
        this(UserJvmOptions.defaults());
    }

    /** An evaluator whose user JVM is started as {@code options} say. */
    public JShellEvaluator(UserJvmOptions options) {
        this(options, MavenConfig.standard());
    }

    /**
     * An evaluator whose user JVM is started as {@code options} say, and whose {@code %maven}
     * reads Maven's settings and local repository as {@code maven} says.
     */
    public JShellEvaluator(UserJvmOptions options, MavenConfig maven) {
        this.options = options;
        this.magics = MagicRegistry.standard(maven);
        this.assist = new CodeAssist(new SourceJavadoc(options.sourcePath()), magics);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            onOwner(() -> {
                session = startSession();
                return null;
            });
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /**
     * Starts preparing {@code %maven} on a background thread ({@link MagicRegistry#prepareLibraries}):
     * Maven Resolver built and its classes loaded by an offline rehearsal, the kernel's jars read
     * for what they provide, so that the first {@code %maven} of a library already in the local
     * repository costs what a later one does. The kernel calls this once it is ready; a
     * {@code %maven} issued before the preparation ends waits for it, and {@link #close} waits
     * for it too (at most {@value #PREPARE_CLOSE_WAIT_SECONDS} s).
     *
     * @return completes with whether the resolver was prepared
     */
    public CompletableFuture<Boolean> prepareLibrariesInBackground() {
        CompletableFuture<Boolean> prepared = new CompletableFuture<>();
        librariesPrepared = prepared;
        Thread preparer = new Thread(() -> {
            try {
                prepared.complete(magics.prepareLibraries(options.classPath()));
            } catch (RuntimeException | Error failed) {
                prepared.completeExceptionally(failed);
            }
        }, "footprint-maven-prepare");
        preparer.setDaemon(true);
        preparer.start();
        return prepared;
    }

    /** Milliseconds the current user JVM took from launch to connected. */
    public long userJvmStartMillis() {
        JShellSession current = session;
        return current == null ? -1 : current.userJvmStartMillis();
    }

    @Override
    public ExecutionOutcome execute(String code, ExecutionListener listener) {
        ExecutionOutcome help = PagerRequest.answer(code, this, listener);
        if (help != null) {
            return help;
        }
        router.attach(listener == null ? ExecutionListener.NONE : listener);
        try {
            return onOwner(() -> runCell(code));
        } finally {
            router.detach();
        }
    }

    private ExecutionOutcome runCell(String code) {
        int number = ++cellNumber;
        killedByInterrupt = false;
        if (session != null) {
            session.clearStopAsked();
        }
        cellDone = new CountDownLatch(1);
        int jars = addedClassPath.size();
        try {
            if (session == null || session.isClosed()) {
                session = startSession();
            }
            return new CellExecutor(session, reports, magics, router, options.classPath(), addedClassPath::add)
                    .execute(code, number);
        } catch (CodeRunner.Interrupted stopped) {
            return ExecutionOutcome.failed(new ErrorInfo("Interrupted", "the cell was interrupted; the session's state is kept",
                    List.of("Interrupted: the cell was stopped; variables defined before it are kept")));
        } catch (CodeRunner.SessionLost lost) {
            return ExecutionOutcome.failed(sessionLost());
        } finally {
            cellDone.countDown();
            if (addedClassPath.size() > jars) {
                warmUpAfterThisCell();
            }
        }
    }

    /**
     * A cell that grew the class path gave its jars to the compiler without restarting it when it
     * could ({@link GrowingClassPath}); right after the cell, on the owner thread, JShell gets them
     * itself ({@link JShellSession#handOverClassPath}), which starts its compiler afresh, and the
     * compiler is warmed up again. A next cell that comes a little later finds it warm; one that
     * comes at once waits for the warm-up instead of compiling cold itself.
     */
    private void warmUpAfterThisCell() {
        try {
            owner.submit(() -> {
                JShellSession current = session;
                if (!closed && current != null && !current.isClosed()) {
                    current.handOverClassPath();
                    current.warmUp();
                }
            });
        } catch (RejectedExecutionException closing) {
            // the evaluator is closing: nothing to warm up
        }
    }

    private ErrorInfo sessionLost() {
        Integer status = session.exitStatus();
        String message = killedByInterrupt
                ? "the cell did not stop when interrupted, so the user JVM was restarted; the session's state was lost"
                : "the user JVM exited" + (status == null ? "" : " with status " + status)
                        + " and was restarted; the session's state (variables, methods, imports) was lost";
        replaceSession();
        String name = killedByInterrupt ? "Interrupted" : "UserJvmExited";
        return new ErrorInfo(name, message, List.of(name + ": " + message));
    }

    /** Stops the running cell and returns when it ended (at most about two seconds). */
    @Override
    public void interrupt() {
        JShellSession current = session;
        CountDownLatch done = cellDone;
        if (current == null || done == null || done.getCount() == 0) {
            return;
        }
        current.stop();
        try {
            if (!done.await(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS) && current.isUserCodeRunning()) {
                killedByInterrupt = true;
                current.kill();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletionResult complete(String code, int cursor) {
        return onOwner(() -> assist.complete(liveSession().shell, code, clamp(cursor, code)));
    }

    @Override
    public InspectionResult inspect(String code, int cursor, int detailLevel) {
        return onOwner(() -> assist.inspect(liveSession().shell, code, clamp(cursor, code)));
    }

    @Override
    public IsCompleteResult isComplete(String code) {
        return onOwner(() -> CompletenessCheck.check(liveSession().shell.sourceCodeAnalysis(), code));
    }

    @Override
    public void restart() {
        onOwner(() -> {
            replaceSession();
            return null;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        JShellSession current = session;
        if (current != null && cellDone != null && cellDone.getCount() > 0) {
            current.kill(); // a running cell would keep the owner busy
        }
        Future<?> closing = owner.submit(() -> {
            if (session != null) {
                session.close();
                session = null;
            }
        });
        try {
            closing.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException failure) {
            if (current != null) {
                current.kill();
            }
        } finally {
            owner.shutdownNow();
            router.close();
            awaitPreparation();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down and runs the hook anyway
            }
        }
    }

    /** Lets a preparation in progress end, so its temporary repository is deleted and its classes stay loaded. */
    private void awaitPreparation() {
        CompletableFuture<Boolean> prepared = librariesPrepared;
        if (prepared == null) {
            return;
        }
        try {
            prepared.get(PREPARE_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            // nothing to clean up that waiting longer would
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private JShellSession liveSession() {
        if (session == null || session.isClosed()) {
            replaceSession();
        }
        return session;
    }

    private void replaceSession() {
        if (session != null) {
            session.close();
        }
        reports.forget();
        session = startSession();
    }

    private JShellSession startSession() {
        try {
            return JShellSession.start(options, router, addedClassPath);
        } catch (IOException failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private <T> T onOwner(Callable<T> task) {
        if (closed) {
            throw new IllegalStateException("this evaluator is closed");
        }
        try {
            return owner.submit(task).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the evaluator", interrupted);
        } catch (ExecutionException failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static int clamp(int cursor, String code) {
        return Math.max(0, Math.min(cursor, code.length()));
    }
}
