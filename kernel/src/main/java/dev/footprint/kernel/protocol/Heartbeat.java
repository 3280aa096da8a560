package dev.footprint.kernel.protocol;

import java.util.List;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Echoes every heartbeat ping on its own thread, so a client sees the kernel alive even while a
 * long cell keeps the shell busy.
 */
final class Heartbeat implements Runnable {

    private final ZMQ.Context context;
    private final ZMQ.Socket socket;
    private final ZMQ.Socket stop;

    /** {@code stop} is a subscriber of the kernel's {@link StopSignal}; the loop owns and closes it. */
    Heartbeat(ZMQ.Context context, ZMQ.Socket socket, ZMQ.Socket stop) {
        this.context = context;
        this.socket = socket;
        this.stop = stop;
    }

    @Override
    public void run() {
        ZMQ.Poller poller = context.poller(2);
        poller.register(socket, ZMQ.Poller.POLLIN);
        poller.register(stop, ZMQ.Poller.POLLIN);
        try {
            while (true) {
                poller.poll(-1);
                if (poller.pollin(1)) {
                    return;
                }
                if (poller.pollin(0)) {
                    List<byte[]> ping = Frames.receive(socket, ZMQ.DONTWAIT);
                    if (ping != null) {
                        Frames.send(socket, ping);
                    }
                }
            }
        } catch (ZMQException e) {
            // The context was terminated: the kernel is going down.
        } finally {
            poller.close();
            stop.close();
            socket.close();
        }
    }
}
