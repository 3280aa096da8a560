package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client for in-process tests: a DEALER on shell and control, a SUB on iopub,
 * a REQ on heartbeat, signing with the connection key through the kernel's own codec.
 */
final class TestClient implements AutoCloseable {

    private final ZMQ.Context context = ZMQ.context(1);
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;
    final WireCodec codec;
    private final MessageFactory messages = new MessageFactory();

    TestClient(ConnectionInfo connection) {
        // The client needs no replay guard of its own; a fresh one per client keeps decode honest.
        codec = new WireCodec(new MessageSigner(connection.key()), new ReplayGuard(1 << 12));
        shell = connect(SocketType.DEALER, connection.endpoint(connection.shellPort()));
        control = connect(SocketType.DEALER, connection.endpoint(connection.controlPort()));
        heartbeat = connect(SocketType.REQ, connection.endpoint(connection.hbPort()));
        iopub = connect(SocketType.SUB, connection.endpoint(connection.iopubPort()));
        iopub.subscribe(new byte[0]);
    }

    /** A request message of {@code msgType} with {@code content}, not yet sent. */
    JupyterMessage request(String msgType, JsonObject content) {
        return new JupyterMessage(List.of(), messages.header(msgType), new JsonObject(), new JsonObject(),
                content, List.of());
    }

    /** Signs and sends {@code message} on {@code socket}; returns the frames as sent. */
    List<byte[]> send(ZMQ.Socket socket, JupyterMessage message) {
        List<byte[]> frames = codec.encode(message);
        sendFrames(socket, frames);
        return frames;
    }

    /** Sends frames exactly as given (for forged or replayed messages). */
    void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        Frames.send(socket, frames);
    }

    /** The next message on {@code socket}, or null after {@code timeout}. */
    JupyterMessage receive(ZMQ.Socket socket, Duration timeout) throws MessageRejectedException {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        List<byte[]> frames = Frames.receive(socket, 0);
        return frames == null ? null : codec.decode(frames);
    }

    /** Every iopub message up to and including the "idle" status whose parent is {@code requestId}. */
    List<JupyterMessage> iopubUntilIdle(String requestId, Duration timeout) throws MessageRejectedException {
        List<JupyterMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JupyterMessage message = receive(iopub, Duration.ofMillis(200));
            if (message == null) {
                continue;
            }
            received.add(message);
            boolean mine = requestId.equals(message.parentHeader().has("msg_id")
                    ? message.parentHeader().get("msg_id").getAsString() : "");
            if (mine && message.msgType().equals("status")
                    && message.content().get("execution_state").getAsString().equals("idle")) {
                return received;
            }
        }
        throw new AssertionError("no idle status for " + requestId + " within " + timeout + "; got " + types(received));
    }

    static List<String> types(List<JupyterMessage> messages) {
        return messages.stream().map(JupyterMessage::msgType).toList();
    }

    private ZMQ.Socket connect(SocketType type, String endpoint) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(0);
        socket.connect(endpoint);
        return socket;
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        iopub.close();
        heartbeat.close();
        context.term();
    }
}
