package dev.footprint.kernel.userjvm;

import dev.footprint.kernel.agent.SideChannel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Gives JShell an execution engine in a fresh user JVM, its streams and displays routed to
 * {@link OutputRouter} rather than to JShell's own streams.
 *
 * <p>The user JVM is launched on a thread of its own: JShell gets a
 * {@link PendingExecutionControl} at once and compiles while the process boots; the session
 * calls {@link #awaitStarted} before it is used, so {@link #control} and {@link #userJvm} are
 * set from then on.
 */
public final class UserJvmProvider implements ExecutionControlProvider {
    private final UserJvmOptions options;
    private final OutputRouter router;
    private final CompletableFuture<UserJvmExecutionControl> started = new CompletableFuture<>();
    private volatile UserJvm userJvm;
    private volatile UserJvmExecutionControl control;
    private volatile ExecutionControl engine;

    public UserJvmProvider(UserJvmOptions options, OutputRouter router) {
        this.options = options;
        this.router = router;
    }

    @Override
    public String name() {
        return "footprint-user-jvm";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        Thread starter = new Thread(() -> {
            try {
                started.complete(connect());
            } catch (IOException | RuntimeException | Error failure) {
                started.completeExceptionally(failure);
            }
        }, "footprint-user-jvm-start");
        starter.setDaemon(true);
        starter.start();
        engine = new PendingExecutionControl(started);
        return engine;
    }

    private UserJvmExecutionControl connect() throws IOException {
        UserJvm launched = UserJvm.start(options, router::rawOutput);
        userJvm = launched;
        try {
            OutputStream socketOut = new BufferedOutputStream(launched.socket.getOutputStream(), 1 << 16);
            // Buffered: JShell's demultiplexer reads each frame's header byte by byte.
            BufferedInputStream socketIn = new BufferedInputStream(launched.socket.getInputStream(), 1 << 16);
            Map<String, OutputStream> outputs = Map.of(
                    "out", router.stdout(),
                    "err", router.stderr(),
                    SideChannel.STREAM_NAME, router.sideChannel());
            ExecutionControl generated = Util.remoteInputOutput(socketIn, socketOut, outputs, Map.of(),
                    (in, out) -> new UserJvmExecutionControl(out, in, launched));
            control = (UserJvmExecutionControl) generated;
            return control;
        } catch (IOException | RuntimeException failure) {
            launched.close();
            throw failure;
        }
    }

    /** Waits until the user JVM is connected; throws if it could not start. */
    public void awaitStarted() throws IOException {
        try {
            started.get();
        } catch (ExecutionException failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException("the user JVM did not start: " + cause, cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the user JVM was starting");
        }
    }

    /** The engine JShell was given (which waits for the user JVM's), or null before JShell asked for it. */
    public ExecutionControl engine() {
        return engine;
    }

    /** The engine JShell uses, once connected. */
    public UserJvmExecutionControl control() {
        return control;
    }

    public UserJvm userJvm() {
        return userJvm;
    }
}
