package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.KernelLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The request loop of one ROUTER socket (shell or control), run by one thread that owns the
 * socket. It blocks in a poll on the socket and on the kernel's stop signal, so a request is
 * picked up the moment it arrives, with no sleeping between polls.
 *
 * <p>Every message is authenticated by the {@link WireCodec}; a refused one is logged and
 * dropped, never handled.
 */
final class ChannelLoop implements Runnable {

    private final String name;
    private final ZMQ.Context context;
    private final ZMQ.Socket socket;
    private final ZMQ.Socket stop;
    private final WireCodec codec;
    private final MessageFactory messages;
    private final RequestHandler handler;
    private final Deque<JupyterMessage> waiting = new ArrayDeque<>();

    /** {@code stop} is a subscriber of the kernel's {@link StopSignal}; the loop owns and closes it. */
    ChannelLoop(String name, ZMQ.Context context, ZMQ.Socket socket, ZMQ.Socket stop,
            WireCodec codec, MessageFactory messages, RequestHandler handler) {
        this.name = name;
        this.context = context;
        this.socket = socket;
        this.stop = stop;
        this.codec = codec;
        this.messages = messages;
        this.handler = handler;
    }

    @Override
    public void run() {
        StopSignal.pollUntilStopped(context, socket, stop, () -> {
            // Handlers may hand requests back (requeue): they are answered before the next read.
            JupyterMessage request = receive(0);
            while (request != null) {
                dispatch(request);
                request = waiting.poll();
            }
        });
    }

    /** Sends {@code content} as the {@code msgType} reply to {@code request}. */
    void reply(JupyterMessage request, String msgType, JsonObject content) {
        Frames.send(socket, codec.encode(messages.reply(request, msgType, content)));
    }

    /**
     * Takes every request already waiting on the socket, without blocking. The caller answers some
     * of them itself and hands the rest back with {@link #requeue}.
     */
    List<JupyterMessage> drainWaiting() {
        List<JupyterMessage> drained = new ArrayList<>(waiting);
        waiting.clear();
        List<byte[]> frames;
        while ((frames = Frames.receive(socket, ZMQ.DONTWAIT)) != null) {
            JupyterMessage request = decode(frames);
            if (request != null) {
                drained.add(request);
            }
        }
        return drained;
    }

    /** Queues {@code request} to be handled, in order, before the socket is read again. */
    void requeue(JupyterMessage request) {
        waiting.add(request);
    }

    private JupyterMessage receive(int flags) {
        List<byte[]> frames = Frames.receive(socket, flags);
        return frames == null ? null : decode(frames);
    }

    private JupyterMessage decode(List<byte[]> frames) {
        try {
            return codec.decode(frames);
        } catch (MessageRejectedException e) {
            KernelLog.warn("refused a message on " + name + ": " + e.getMessage());
            return null;
        }
    }

    private void dispatch(JupyterMessage request) {
        try {
            handler.handle(request, this);
        } catch (RuntimeException e) {
            // A bug in one handler must not end the loop: the kernel would stop answering.
            KernelLog.error("failed to handle " + request.msgType() + " on " + name, e);
        }
    }
}
