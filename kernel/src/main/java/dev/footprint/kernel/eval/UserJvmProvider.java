package dev.footprint.kernel.eval;

import dev.footprint.kernel.agent.SideChannel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Gives JShell an execution engine in a fresh user JVM, its streams and displays routed to
 * {@link OutputRouter} rather than to JShell's own streams.
 */
final class UserJvmProvider implements ExecutionControlProvider {
    private final UserJvmOptions options;
    private final OutputRouter router;
    private volatile UserJvm userJvm;
    private volatile UserJvmExecutionControl control;

    UserJvmProvider(UserJvmOptions options, OutputRouter router) {
        this.options = options;
        this.router = router;
    }

    @Override
    public String name() {
        return "footprint-user-jvm";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        UserJvm started = UserJvm.start(options, router::rawOutput);
        userJvm = started;
        OutputStream socketOut = new BufferedOutputStream(started.socket.getOutputStream(), 1 << 16);
        Map<String, OutputStream> outputs = Map.of(
                "out", router.stdout(),
                "err", router.stderr(),
                SideChannel.STREAM_NAME, router.sideChannel());
        ExecutionControl generated = Util.remoteInputOutput(started.socket.getInputStream(), socketOut, outputs, Map.of(),
                (in, out) -> new UserJvmExecutionControl(out, in, started));
        control = (UserJvmExecutionControl) generated;
        return generated;
    }

    /** The engine JShell uses, once generated. */
    UserJvmExecutionControl control() {
        return control;
    }

    UserJvm userJvm() {
        return userJvm;
    }
}
