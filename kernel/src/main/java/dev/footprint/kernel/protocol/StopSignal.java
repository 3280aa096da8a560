package dev.footprint.kernel.protocol;

import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

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

    /** Tells every loop to stop. */
    synchronized void fire() {
        publisher.send("stop");
    }

    @Override
    public synchronized void close() {
        publisher.close();
    }
}
