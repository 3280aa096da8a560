package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

/**
 * Publishes on the iopub socket. Shell, control and the evaluator's output threads all publish,
 * and a ZeroMQ socket is not thread-safe, so every multipart message is sent under one lock
 * (which also keeps the frames of two messages from interleaving). The socket is an XPUB, which
 * also tells when a client has subscribed ({@link #hasSubscriber}).
 */
final class IoPubPublisher {

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final MessageFactory messages;
    private boolean closed;
    private boolean subscribed;
    private boolean announced;

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
            announceStart();
            if (!closed) {
                Frames.send(socket, frames);
            }
        }
    }

    /**
     * Publishes the status "starting" (with no parent) unless it was already: Jupyter kernels
     * publish it once when they start, before anything else. Every other publication calls this
     * first, so it comes first even when a request is answered before {@link KernelServer}
     * announces the start.
     */
    synchronized void announceStart() {
        if (!announced) {
            announced = true;
            JsonObject content = new JsonObject();
            content.addProperty("execution_state", "starting");
            if (!closed) {
                Frames.send(socket, codec.encode(messages.broadcast(null, "status", content)));
            }
        }
    }

    /** Publishes the kernel's execution state: "busy" or "idle". */
    void status(JupyterMessage parent, String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish(parent, "status", content);
    }

    /**
     * True once a client has subscribed. Reads the subscriptions the XPUB socket has received
     * so far, without waiting: a message published before a client's subscription arrives never
     * reaches that client.
     */
    synchronized boolean hasSubscriber() {
        while (!subscribed && !closed) {
            byte[] subscription = socket.recv(ZMQ.DONTWAIT);
            if (subscription == null) {
                break;
            }
            subscribed = subscription.length > 0 && subscription[0] == 1; // 1 subscribes, 0 unsubscribes
        }
        return subscribed;
    }

    /** Closes the socket; later publications are dropped (a late output of a stopped cell). */
    synchronized void close() {
        closed = true;
        socket.close();
    }
}
