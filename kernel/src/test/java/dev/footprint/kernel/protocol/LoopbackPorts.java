package dev.footprint.kernel.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for a test kernel's connection file, as Jupyter picks them. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /**
     * {@code count} ports that were free a moment ago, all different: each stays bound until all
     * are picked, since one port freed and asked for again can come back twice (and a kernel
     * cannot bind two of its sockets to one port).
     */
    public static int[] distinct(int count) throws IOException {
        ServerSocket[] held = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
