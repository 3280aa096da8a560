package dev.footprint.kernel.protocol;

import java.util.List;
import org.zeromq.ZMQ;

/**
 * Echoes every heartbeat ping on its own thread, so a client sees the kernel alive even while a
 * long cell keeps the shell busy. {@code stop} is a subscriber of the kernel's {@link StopSignal};
 * the loop owns and closes it.
 */
record Heartbeat(ZMQ.Context context, ZMQ.Socket socket, ZMQ.Socket stop) implements Runnable {

    @Override
    public void run() {
        StopSignal.pollUntilStopped(context, socket, stop, () -> {
            List<byte[]> ping = Frames.receive(socket, ZMQ.DONTWAIT);
            if (ping != null) {
                Frames.send(socket, ping);
            }
        });
    }
}
