package dev.footprint.kernel.agent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * Entry point of the user JVM: connects back to the kernel on the loopback interface, proves
 * it is the process the kernel started (a token passed in the environment), then serves the
 * JShell execution protocol with stdout, stderr and the display side channel multiplexed on the
 * same socket.
 *
 * <p>Usage (by the kernel only): {@code java ... dev.footprint.kernel.agent.UserJvmAgent PORT}
 * with {@value #TOKEN_ENV} set.
 */
public final class UserJvmAgent {
    /** Environment variable carrying the token the kernel expects as the first line. */
    public static final String TOKEN_ENV = "FOOTPRINT_AGENT_TOKEN";

    /**
     * Static field holding the token once {@code main} has started: the kernel reads it through
     * its debugger connection to check that the VM which attached is this process.
     */
    public static final String FIELD_IDENTITY = "identity";

    private static final long FLUSH_INTERVAL_MS = 20;

    @SuppressWarnings("unused") // read by the kernel through JDI
    private static volatile String identity;

    private UserJvmAgent() {}

    public static void main(String[] args) throws Exception {
        String token = System.getenv(TOKEN_ENV);
        identity = token; // set before the kernel hears from us, so it is there when it looks
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        OutputStream socketOut = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        socketOut.write(((token == null ? "" : token) + "\n").getBytes(StandardCharsets.US_ASCII));
        socketOut.flush();
        // Buffered: JShell's demultiplexer reads each frame's header byte by byte.
        InputStream socketIn = new BufferedInputStream(socket.getInputStream(), 1 << 16);

        List<PrintStream> userStreams = new ArrayList<>();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", stream -> System.setOut(buffered(stream, userStreams)));
        outputs.put("err", stream -> System.setErr(buffered(stream, userStreams)));
        outputs.put(SideChannel.STREAM_NAME, SideChannel::connect);
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        startFlusher(userStreams);
        startOrphanWatch();
        Util.forwardExecutionControlAndIO(new AgentExecutionControl(), socketIn, socketOut, outputs, inputs);
        // The kernel closed the connection: nothing left to serve.
        System.exit(0);
    }

    // Buffered so that a loop of small prints costs a few packets, not one per call; the
    // flusher and the end of each cell push the rest out.
    private static PrintStream buffered(OutputStream multiplexed, List<PrintStream> all) {
        PrintStream stream = new PrintStream(new BufferedOutputStream(multiplexed, 1 << 14), false, StandardCharsets.UTF_8);
        synchronized (all) {
            all.add(stream);
        }
        return stream;
    }

    // If the kernel dies without closing us while a cell is busy, nobody would read the socket's
    // end: leave rather than spin on as an orphan.
    private static void startOrphanWatch() {
        ProcessHandle kernel = ProcessHandle.current().parent().orElse(null);
        if (kernel == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            kernel.onExit().join();
            Runtime.getRuntime().halt(1);
        }, "footprint-kernel-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void startFlusher(List<PrintStream> streams) {
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(FLUSH_INTERVAL_MS);
                } catch (InterruptedException stop) {
                    return;
                }
                synchronized (streams) {
                    streams.forEach(PrintStream::flush);
                }
            }
        }, "footprint-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }
}
