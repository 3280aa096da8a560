package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

/**
 * Publishes on the iopub socket. Shell, control and the evaluator's output threads all publish,
 * and a ZeroMQ socket is not thread-safe, so every multipart message is sent under one lock
 * (which also keeps the frames of two messages from interleaving).
 */
final class IoPubPublisher {

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final MessageFactory messages;
    private boolean closed;

    IoPubPublisher(ZMQ.Socket socket, WireCodec codec, MessageFactory messages) {
        this.socket = socket;
        this.codec = codec;
        this.messages = messages;
    }

    /** Publishes a {@code msgType} message whose parent is {@code parent} (null for none). */
    void publish(JupyterMessage parent, String msgType, JsonObject content) {
        JupyterMessage message = messages.broadcast(parent, msgType, content);
        var frames = codec.encode(message);
        synchronized (this) {
            if (!closed) {
                Frames.send(socket, frames);
            }
        }
    }

    /** Publishes the kernel's execution state: "starting", "busy" or "idle". */
    void status(JupyterMessage parent, String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish(parent, "status", content);
    }

    /** Closes the socket; later publications are dropped (a late output of a stopped cell). */
    synchronized void close() {
        closed = true;
        socket.close();
    }
}
