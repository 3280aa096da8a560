package dev.footprint.kernel.userjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The debugger listener outlasts strangers: on a shared server another kernel's client can reach
 * its port (Jupyter frees ports before kernels bind them), and the user JVM must still start.
 */
@Timeout(60)
class DebuggeeConnectionTest {

    @Test
    void strangersAreClosedAndTheJvmThatGreetsIsConnected() throws Exception {
        try (ServerSocket listener = loopbackListener()) {
            List<Socket> strangers = new ArrayList<>();
            // A ZeroMQ client greets with its own signature, as in the failure this guards against.
            Socket zmq = connect(listener);
            zmq.getOutputStream().write(new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0, 'N', 'U', 'L', 'L'});
            strangers.add(zmq);
            strangers.add(connect(listener)); // connects and says nothing
            Socket quitter = connect(listener);
            quitter.close(); // connects and leaves
            Process jvm = startDebuggee(listener.getLocalPort());
            List<String> closed = new ArrayList<>();
            try {
                DebuggeeConnection connection = DebuggeeConnection.accept(listener,
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(30), 500, closed::add);
                VirtualMachine vm = Bootstrap.virtualMachineManager().createVirtualMachine(connection, jvm);
                assertTrue(vm.version().startsWith(Runtime.version().feature() + ""), vm.version());
                vm.dispose();
            } finally {
                jvm.destroyForcibly().waitFor();
                for (Socket stranger : strangers) {
                    stranger.close();
                }
            }
            assertEquals(3, closed.size(), closed.toString());
            assertTrue(closed.get(0).contains("did not greet as a debug agent"), closed.get(0));
            assertTrue(closed.get(1).contains("sent no greeting within 500 ms"), closed.get(1));
            assertTrue(closed.get(2).contains("closed before greeting"), closed.get(2));
        }
    }

    @Test
    void aTrickleOfBytesCannotHoldTheListenerPastItsPatience() throws Exception {
        try (ServerSocket listener = loopbackListener(); Socket trickle = connect(listener)) {
            Thread sender = new Thread(() -> {
                try {
                    for (byte b : DebuggeeConnection.GREETING) {
                        trickle.getOutputStream().write(b);
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the listener gave up on it
                }
            });
            sender.start();
            try (Socket accepted = listener.accept()) {
                // Each byte comes well within 500 ms, so only one deadline for the whole greeting
                // (not one per byte) gives up before the greeting is complete.
                assertThrows(SocketTimeoutException.class, () -> DebuggeeConnection.readWithin(accepted, 14, -1,
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500)));
            }
            sender.join(5_000);
        }
    }

    @Test
    void theCommandPortOutlastsAStrangerThatResetsAndTakesTheUserJvmThatGivesTheToken() throws Exception {
        try (ServerSocket listener = loopbackListener()) {
            Socket resetting = connect(listener);
            resetting.setSoLinger(true, 0);
            resetting.close(); // an RST instead of a greeting
            try (Socket agent = connect(listener)) {
                agent.getOutputStream().write("the-token\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                try (Socket accepted = UserJvm.acceptAgent(listener, "the-token",
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(20))) {
                    assertEquals(agent.getLocalPort(), accepted.getPort(), "the connection that gave the token");
                }
            }
        }
    }

    @Test
    void noJvmByTheDeadlineIsATimeoutThatSaysSo() throws Exception {
        try (ServerSocket listener = loopbackListener()) {
            SocketTimeoutException late = assertThrows(SocketTimeoutException.class,
                    () -> DebuggeeConnection.accept(listener, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), s -> { }));
            assertTrue(late.getMessage().contains("did not arrive in time"), late.getMessage());
        }
    }

    @Test
    void packetsOfTheWrongSizeAreRefusedBeforeTheyAreSent() throws Exception {
        try (ServerSocket listener = loopbackListener(); Socket agent = connect(listener)) {
            agent.getOutputStream().write(DebuggeeConnection.GREETING);
            DebuggeeConnection connection = DebuggeeConnection.accept(listener,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(10), s -> { });
            IllegalArgumentException shortPacket = assertThrows(IllegalArgumentException.class,
                    () -> connection.writePacket(new byte[5]));
            assertTrue(shortPacket.getMessage().contains("at least 11"), shortPacket.getMessage());
            byte[] lying = new byte[12];
            lying[3] = 20;
            assertThrows(IllegalArgumentException.class, () -> connection.writePacket(lying));
            agent.getOutputStream().write(new byte[] {0, 0, 0, 11, 0, 0, 0, 1, 0, 1, 1});
            byte[] packet = connection.readPacket();
            assertEquals(11, packet.length);
            assertEquals(1, packet[10]);
            agent.close();
            assertEquals(0, connection.readPacket().length, "end of stream is an empty packet");
            connection.close();
            assertThrows(IOException.class, connection::readPacket);
        }
    }

    private static ServerSocket loopbackListener() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        return listener;
    }

    private static Socket connect(ServerSocket listener) throws IOException {
        return new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort());
    }

    private static Process startDebuggee(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-agentlib:jdwp=transport=dt_socket,server=n,suspend=n,address=127.0.0.1:" + port, "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Sleeper.class.getName());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** A JVM that stays up while the test talks to its debug agent. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
