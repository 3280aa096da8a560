package dev.footprint.kernel.eval;

import dev.footprint.kernel.agent.AgentExecutionControl;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;

/**
 * One JShell (compiler, in the kernel JVM) bound to one user JVM. Used only from the
 * evaluator's owner thread, except {@link #stop} and {@link #kill}.
 */
final class JShellSession implements AutoCloseable {
    /** In effect from the first cell on; one that does not compile yet is skipped. */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import static dev.footprint.Footprint.*;",
            "import dev.footprint.array.*;",
            "import dev.footprint.sparse.*;",
            "import dev.footprint.report.*;",
            "import static dev.footprint.kernel.agent.Display.*;");

    final JShell shell;
    private final UserJvmProvider provider;
    private final List<String> addedClassPath = new ArrayList<>();
    private volatile boolean closed;

    private JShellSession(JShell shell, UserJvmProvider provider) {
        this.shell = shell;
        this.provider = provider;
    }

    static JShellSession start(UserJvmOptions options, OutputRouter router, List<String> extraClassPath) throws IOException {
        UserJvmProvider provider = new UserJvmProvider(options, router);
        JShell shell;
        try {
            shell = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .build();
        } catch (IllegalStateException failure) {
            throw new IOException(failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
        }
        JShellSession session = new JShellSession(shell, provider);
        shell.onShutdown(closedShell -> session.closed = true);
        // Through addToClasspath, not a --class-path compiler option, which would hide later additions.
        shell.addToClasspath(String.join(File.pathSeparator, options.classPath()));
        for (String entry : extraClassPath) {
            session.addToClassPath(entry);
        }
        for (String startupImport : STARTUP_IMPORTS) {
            shell.eval(startupImport);
        }
        return session;
    }

    List<SnippetEvent> eval(String source) {
        return shell.eval(source);
    }

    /** Runs one of the agent's extension commands (probes, rendering). */
    Object agentCommand(String command, Object argument) throws ExecutionControl.ExecutionControlException {
        UserJvmExecutionControl control = provider.control();
        if (control == null || closed) {
            throw new ExecutionControl.EngineTerminationException("the user JVM is not running");
        }
        return control.extensionCommand(command, argument);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> renderLastValue() throws ExecutionControl.ExecutionControlException {
        return (Map<String, String>) agentCommand(AgentExecutionControl.CMD_RENDER_LAST, null);
    }

    void addToClassPath(String entry) {
        shell.addToClasspath(entry);
        addedClassPath.add(entry);
    }

    List<String> addedClassPath() {
        return List.copyOf(addedClassPath);
    }

    /** True once the user JVM is gone or JShell was closed. */
    boolean isClosed() {
        UserJvm userJvm = provider.userJvm();
        return closed || userJvm == null || !userJvm.isAlive();
    }

    /** Exit status of the user JVM, if it exited. */
    Integer exitStatus() {
        UserJvm userJvm = provider.userJvm();
        return userJvm == null ? null : userJvm.exitStatus(2000);
    }

    boolean takeStopped() {
        UserJvmExecutionControl control = provider.control();
        return control != null && control.takeStopped();
    }

    boolean isUserCodeRunning() {
        UserJvmExecutionControl control = provider.control();
        return control != null && control.isUserCodeRunning();
    }

    /** Asks the user JVM to stop the running cell; safe from any thread. */
    void stop() {
        if (!closed) {
            try {
                shell.stop();
            } catch (IllegalStateException alreadyClosed) {
                // nothing runs
            }
        }
    }

    /** Ends the user JVM at once; the running cell fails and the state is lost. */
    void kill() {
        UserJvm userJvm = provider.userJvm();
        if (userJvm != null) {
            userJvm.kill();
        }
    }

    long userJvmStartMillis() {
        UserJvm userJvm = provider.userJvm();
        return userJvm == null ? -1 : userJvm.startMillis;
    }

    @Override
    public void close() {
        try {
            shell.close();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        UserJvm userJvm = provider.userJvm();
        if (userJvm != null) {
            userJvm.close();
        }
    }
}
