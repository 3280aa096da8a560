package dev.footprint.kernel.userjvm;

import com.sun.jdi.connect.spi.ClosedConnectionException;
import com.sun.jdi.connect.spi.Connection;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The debugger connection to a user JVM, accepted by the kernel itself rather than by JDI's
 * listening connector.
 *
 * <p>JDI's connector takes the first connection to its port and gives up when that one does not
 * greet like a JVM; a connection that greets with nothing holds it forever. Jupyter hands out a
 * kernel's ports by freeing them just before the kernel binds them, so on a busy server another
 * kernel's client can reach the port of this listener for a moment and send its own greeting.
 * {@link #accept} closes such strangers and goes on waiting until the deadline, giving each one
 * at most {@link #GREETING_PATIENCE_MS} to greet: a stranger that says nothing delays the start by
 * that much, while the user JVM's own agent answers at once, even on a machine starting many.
 *
 * <p>A JDWP packet starts with its length as a big-endian int; {@link #readPacket} returns whole
 * packets, length included, as the {@link Connection} contract asks.
 */
final class DebuggeeConnection extends Connection {

    static final byte[] GREETING = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);
    static final int GREETING_PATIENCE_MS = 5_000;
    private static final int HEADER_BYTES = 11;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Object reading = new Object();
    private final Object writing = new Object();
    private volatile boolean open = true;

    private DebuggeeConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Accepts connections on {@code listener} until one completes the JDWP greeting, closing the
     * others; throws when {@code deadlineNanos} (a {@link System#nanoTime()} value) passes first.
     *
     * @param strangers told, for each connection that was closed, why
     */
    static DebuggeeConnection accept(ServerSocket listener, long deadlineNanos, Consumer<String> strangers)
            throws IOException {
        return accept(listener, deadlineNanos, GREETING_PATIENCE_MS, strangers);
    }

    /** As {@link #accept(ServerSocket, long, Consumer)}, giving each connection {@code patienceMs} to greet. */
    static DebuggeeConnection accept(ServerSocket listener, long deadlineNanos, int patienceMs, Consumer<String> strangers)
            throws IOException {
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the user JVM's debugger connection did not arrive in time");
            }
            listener.setSoTimeout((int) left);
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketTimeoutException late) {
                throw new SocketTimeoutException("the user JVM's debugger connection did not arrive in time");
            }
            String refusal = greet(socket, (int) Math.min(left, patienceMs));
            if (refusal == null) {
                socket.setTcpNoDelay(true);
                return new DebuggeeConnection(socket);
            }
            socket.close();
            strangers.accept("closed a connection to the debugger port from " + socket.getRemoteSocketAddress() + ": " + refusal);
        }
    }

    /** Exchanges the greeting; null when the other side is a JVM's debug agent, else why not. */
    private static String greet(Socket socket, int patienceMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMs);
        try {
            socket.getOutputStream().write(GREETING);
            byte[] answer = readWithin(socket, GREETING.length, -1, deadline);
            if (answer.length < GREETING.length) {
                return "it closed before greeting";
            }
            if (!Arrays.equals(answer, GREETING)) {
                return "it did not greet as a debug agent";
            }
            socket.setSoTimeout(0);
            return null;
        } catch (SocketTimeoutException silent) {
            return "it sent no greeting within " + patienceMs + " ms";
        } catch (IOException broken) {
            return "it failed while greeting (" + broken.getMessage() + ")";
        }
    }

    /**
     * Reads at most {@code max} bytes, up to (not including) the byte {@code end} when it is not
     * -1, all before {@code deadlineNanos}: a peer that sends a byte now and then cannot hold the
     * listener longer than that. Fewer bytes when the stream ends first.
     *
     * @throws SocketTimeoutException the deadline passed first
     */
    static byte[] readWithin(Socket socket, int max, int end, long deadlineNanos) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (read.size() < max) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("nothing more in time");
            }
            socket.setSoTimeout((int) left);
            int b = in.read(); // byte by byte: nothing past the greeting is taken from the stream
            if (b < 0 || b == end) {
                break;
            }
            read.write(b);
        }
        return read.toByteArray();
    }

    @Override
    public byte[] readPacket() throws IOException {
        ensureOpen();
        synchronized (reading) {
            try {
                int first = in.read();
                if (first < 0) {
                    return new byte[0];
                }
                int length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
                if (length < HEADER_BYTES) {
                    throw new IOException("JDWP protocol error: a packet of length " + length);
                }
                byte[] packet = new byte[length];
                packet[0] = (byte) (length >>> 24);
                packet[1] = (byte) (length >>> 16);
                packet[2] = (byte) (length >>> 8);
                packet[3] = (byte) length;
                in.readFully(packet, 4, length - 4);
                return packet;
            } catch (EOFException truncated) {
                throw new IOException("JDWP protocol error: the connection ended inside a packet", truncated);
            } catch (IOException failure) {
                throw open ? failure : new ClosedConnectionException("the debugger connection is closed");
            }
        }
    }

    @Override
    public void writePacket(byte[] packet) throws IOException {
        ensureOpen();
        if (packet.length < HEADER_BYTES) {
            throw new IllegalArgumentException("a JDWP packet has at least " + HEADER_BYTES + " bytes, not " + packet.length);
        }
        int length = ((packet[0] & 0xff) << 24) | ((packet[1] & 0xff) << 16) | ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
        if (length != packet.length) {
            throw new IllegalArgumentException("the packet says it has " + length + " bytes but has " + packet.length);
        }
        synchronized (writing) {
            try {
                out.write(packet);
                out.flush();
            } catch (IOException failure) {
                throw open ? failure : new ClosedConnectionException("the debugger connection is closed");
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        socket.close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private void ensureOpen() throws ClosedConnectionException {
        if (!open) {
            throw new ClosedConnectionException("the debugger connection is closed");
        }
    }
}
