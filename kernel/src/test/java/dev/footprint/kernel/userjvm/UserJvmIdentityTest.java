package dev.footprint.kernel.userjvm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.ListeningConnector;
import dev.footprint.kernel.agent.UserJvmAgent;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.jshell.JShellEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel keeps a debugger connection only when it comes from the user JVM it started. */
class UserJvmIdentityTest {

    @Test
    void aDebuggeeWithAnotherTokenIsRefused() throws Exception {
        ListeningConnector listener = Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketListen")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = listener.defaultArguments();
        args.get("localAddress").setValue("127.0.0.1");
        args.get("port").setValue("0");
        args.get("timeout").setValue("30000");
        try (ServerSocket commands = new ServerSocket()) {
            commands.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            commands.setSoTimeout(30000);
            String address = listener.startListening(args);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java,
                    "-agentlib:jdwp=transport=dt_socket,server=n,suspend=n,address=" + address, "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"), UserJvmAgent.class.getName(),
                    Integer.toString(commands.getLocalPort()));
            builder.environment().put(UserJvmAgent.TOKEN_ENV, "0123456789abcdef-other-process");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process other = builder.start();
            try {
                VirtualMachine vm = listener.accept(args);
                listener.stopListening(args);
                try (Socket agent = commands.accept()) {
                    assertTrue(firstLine(agent.getInputStream()).endsWith("-other-process"));
                    assertDoesNotThrow(() -> UserJvm.checkIdentity(vm, "0123456789abcdef-other-process"),
                            "the VM that holds the token passes");
                    IOException refused = assertThrows(IOException.class,
                            () -> UserJvm.checkIdentity(vm, "fedcba9876543210-expected"));
                    assertTrue(refused.getMessage().contains("another process"), refused.getMessage());
                }
            } finally {
                other.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theStartedUserJvmPassesTheCheck() throws Exception {
        try (JShellEvaluator evaluator = new JShellEvaluator(UserJvmOptions.builder().jvmOptions("-Xmx64m").build())) {
            // Starting checks the identity; a cell running shows the start went through.
            assertTrue(evaluator.execute("1 + 1", ExecutionListener.NONE).result().get("text/plain").equals("2"));
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
