package dev.footprint.cli;

import com.google.gson.JsonObject;
import dev.footprint.kernel.protocol.ConnectionInfo;
import dev.footprint.kernel.protocol.Frames;
import dev.footprint.kernel.protocol.JupyterMessage;
import dev.footprint.kernel.protocol.MessageFactory;
import dev.footprint.kernel.protocol.MessageRejectedException;
import dev.footprint.kernel.protocol.MessageSigner;
import dev.footprint.kernel.protocol.ReplayGuard;
import dev.footprint.kernel.protocol.WireCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Drives a kernel through what a notebook's start does (kernel_info, one cell, shutdown), so a
 * training run of the kernel JVM loads the classes a real start needs. Used at install time to
 * make the kernel's class data archive; nothing else relies on it.
 */
public final class TrainingClient {

    /** How long one receive blocks before checking that the kernel still runs. */
    private static final int RECEIVE_SLICE_MILLIS = 250;

    private TrainingClient() {}

    /** Writes a connection file on free loopback ports with a fresh key; returns its path. */
    public static Path writeConnectionFile(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        JsonObject json = new JsonObject();
        json.addProperty("transport", "tcp");
        json.addProperty("ip", "127.0.0.1");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            json.addProperty(port, freePort());
        }
        json.addProperty("key", HexFormat.of().formatHex(key));
        json.addProperty("signature_scheme", ConnectionInfo.HMAC_SHA256);
        return Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Asks the kernel of {@code connectionFile} for its info, runs {@code code} and shuts it down.
     *
     * @param timeout how long each reply may take
     * @param kernelAlive false once the kernel's process has ended, so a dead kernel is not
     *     waited for
     * @throws IOException when a reply does not come in time or the kernel ended
     */
    public static void exercise(Path connectionFile, String code, Duration timeout, BooleanSupplier kernelAlive)
            throws IOException {
        ConnectionInfo connection = ConnectionInfo.read(connectionFile);
        WireCodec codec = new WireCodec(new MessageSigner(connection.key()), new ReplayGuard(1 << 10));
        MessageFactory messages = new MessageFactory();
        ZMQ.Context context = ZMQ.context(1);
        ZMQ.Socket shell = connect(context, SocketType.DEALER, connection.endpoint(connection.shellPort()));
        ZMQ.Socket control = connect(context, SocketType.DEALER, connection.endpoint(connection.controlPort()));
        Waiting waiting = new Waiting(timeout, kernelAlive);
        try {
            roundTrip(shell, codec, messages, "kernel_info_request", new JsonObject(), waiting);
            JsonObject execute = new JsonObject();
            execute.addProperty("code", code);
            execute.addProperty("silent", false);
            execute.addProperty("store_history", true);
            execute.add("user_expressions", new JsonObject());
            execute.addProperty("allow_stdin", false);
            roundTrip(shell, codec, messages, "execute_request", execute, waiting);
            JsonObject shutdown = new JsonObject();
            shutdown.addProperty("restart", false);
            roundTrip(control, codec, messages, "shutdown_request", shutdown, waiting);
        } finally {
            shell.close();
            control.close();
            context.term();
        }
    }

    /** How long a reply may take, and whether the kernel still runs. */
    private record Waiting(Duration timeout, BooleanSupplier kernelAlive) {}

    private static void roundTrip(ZMQ.Socket socket, WireCodec codec, MessageFactory messages, String msgType,
            JsonObject content, Waiting waiting) throws IOException {
        JupyterMessage request = new JupyterMessage(List.of(), messages.header(msgType), new JsonObject(),
                new JsonObject(), content, List.of());
        Frames.send(socket, codec.encode(request));
        long deadline = System.nanoTime() + waiting.timeout().toNanos();
        while (true) {
            List<byte[]> frames = Frames.receive(socket, 0);
            if (frames == null) {
                // The receive timed out: give up if the kernel ended or the wait is over.
                if (!waiting.kernelAlive().getAsBoolean()) {
                    throw new IOException("the kernel ended before it answered " + msgType);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no answer to " + msgType + " in " + waiting.timeout().toSeconds() + " s");
                }
                continue;
            }
            try {
                JupyterMessage reply = codec.decode(frames);
                if (request.msgId().equals(reply.parentHeader().has("msg_id")
                        ? reply.parentHeader().get("msg_id").getAsString() : "")) {
                    return;
                }
            } catch (MessageRejectedException e) {
                throw new IOException("the kernel's answer to " + msgType + " was refused: " + e.getMessage(), e);
            }
        }
    }

    private static ZMQ.Socket connect(ZMQ.Context context, SocketType type, String endpoint) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut(RECEIVE_SLICE_MILLIS);
        socket.connect(endpoint);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
