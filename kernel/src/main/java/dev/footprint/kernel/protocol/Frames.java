package dev.footprint.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Sends and receives whole multipart messages on a ZeroMQ socket. */
public final class Frames {

    private Frames() {}

    /** Receives every frame of the next message; null if none is waiting and {@code flags} is DONTWAIT. */
    public static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(8);
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Sends {@code frames} as one multipart message. */
    public static void send(ZMQ.Socket socket, List<byte[]> frames) {
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(last), 0);
    }
}
