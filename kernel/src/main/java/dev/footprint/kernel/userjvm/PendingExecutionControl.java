package dev.footprint.kernel.userjvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * The execution engine JShell gets while the user JVM is still starting: JShell is built, and
 * compiles its first snippets, without waiting for the process. Each call that needs the user
 * JVM waits until it is connected, then goes to the real engine; class path additions made
 * before that are handed over first, in order. If the user JVM could not start, every call
 * fails with {@link EngineTerminationException}, which makes JShell close.
 */
final class PendingExecutionControl implements ExecutionControl {
    private final CompletableFuture<? extends ExecutionControl> engine;
    private final List<String> classPathBeforeStart = new ArrayList<>();
    private boolean closed;

    PendingExecutionControl(CompletableFuture<? extends ExecutionControl> engine) {
        this.engine = engine;
    }

    /** The connected engine, after the class path added before it was there. */
    private ExecutionControl engine() throws EngineTerminationException {
        ExecutionControl ready;
        try {
            ready = engine.get();
        } catch (ExecutionException failure) {
            throw new EngineTerminationException("the user JVM did not start: " + failure.getCause().getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineTerminationException("interrupted while the user JVM was starting");
        }
        synchronized (this) {
            if (closed) {
                throw new EngineTerminationException("the execution engine is closed");
            }
            while (!classPathBeforeStart.isEmpty()) {
                try {
                    ready.addToClasspath(classPathBeforeStart.remove(0));
                } catch (ExecutionControlException failure) {
                    // JShell itself only logs a failed addition; the compiler has the entry anyway
                }
            }
        }
        return ready;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine().load(cbcs);
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine().redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return engine().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return engine().varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (this) {
            if (!engine.isDone()) {
                classPathBeforeStart.add(path);
                return;
            }
        }
        engine().addToClasspath(path);
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        return engine().extensionCommand(command, arg);
    }

    /** Nothing runs before the user JVM is connected, so there is nothing to stop until then. */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().stop();
        }
    }

    /** Closes the engine, at once or as soon as its start ends. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        engine.thenAccept(ExecutionControl::close);
    }
}
