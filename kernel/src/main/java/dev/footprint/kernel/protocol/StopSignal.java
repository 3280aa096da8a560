package dev.footprint.kernel.protocol;

import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Wakes every socket loop of the kernel when it shuts down: an in-process PUB socket that each
 * loop's poller also watches. This lets the loops block in polls forever yet still end cleanly.
 */
final class StopSignal implements AutoCloseable {

    private final ZMQ.Context context;
    private final ZMQ.Socket publisher;
    private final String endpoint = "inproc://footprint-stop-" + UUID.randomUUID();

    StopSignal(ZMQ.Context context) {
        this.context = context;
        this.publisher = context.socket(SocketType.PUB);
        publisher.setLinger(0);
        publisher.bind(endpoint);
    }

    /**
     * A subscriber, readable once {@link #fire} was called. Create it before the loop's thread
     * starts, then hand it over: a subscription made late could miss the signal.
     */
    ZMQ.Socket subscribe() {
        ZMQ.Socket subscriber = context.socket(SocketType.SUB);
        subscriber.setLinger(0);
        subscriber.connect(endpoint);
        subscriber.subscribe(new byte[0]);
        return subscriber;
    }

    /**
     * Runs a socket loop on the calling thread: blocks in a poll on {@code socket} and on
     * {@code stop} (a {@link #subscribe} subscriber), calls {@code readable} each time the socket
     * has input, and ends when the signal fires or the context is terminated, closing the poller
     * and both sockets.
     */
    static void pollUntilStopped(ZMQ.Context context, ZMQ.Socket socket, ZMQ.Socket stop, Runnable readable) {
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
                    readable.run();
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

    /** Tells every loop to stop. */
    synchronized void fire() {
        publisher.send("stop");
    }

    @Override
    public synchronized void close() {
        publisher.close();
    }
}
