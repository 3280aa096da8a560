package dev.footprint.kernel.agent;

import dev.footprint.display.MimeBundle;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Frames sent from the user JVM to the kernel beside stdout and stderr: displays, display
 * updates and clear-output requests. Each frame is a 4-byte big-endian length followed by the
 * payload, so the kernel can cut a byte stream that arrives in pieces back into frames.
 *
 * <p>Payload: one kind byte, then for {@link #DISPLAY} and {@link #UPDATE} the display id and
 * the bundle (count, then key and value pairs), for {@link #CLEAR} one boolean ({@code wait}).
 * Strings are a 4-byte length and UTF-8 bytes, so bundles of any size fit.
 */
public final class SideChannel {
    public static final byte DISPLAY = 1;
    public static final byte UPDATE = 2;
    public static final byte CLEAR = 3;

    /** The multiplexed stream's name, shared by both ends. */
    public static final String STREAM_NAME = "footprint-display";

    private static volatile OutputStream target;

    private SideChannel() {}

    static void connect(OutputStream stream) {
        target = stream;
    }

    /** True inside a user JVM started by the kernel. */
    public static boolean isConnected() {
        return target != null;
    }

    static void sendBundle(byte kind, String displayId, MimeBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(kind);
            writeString(out, displayId);
            out.writeInt(bundle.size());
            for (Map.Entry<String, String> entry : bundle.entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        send(bytes.toByteArray());
    }

    static void sendClear(boolean wait) {
        send(new byte[] {CLEAR, (byte) (wait ? 1 : 0)});
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void send(byte[] payload) {
        OutputStream out = target;
        if (out == null) {
            return;
        }
        // Text printed before the display must reach the kernel before it, as the user saw it.
        System.out.flush();
        System.err.flush();
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) (payload.length >>> 24);
        frame[1] = (byte) (payload.length >>> 16);
        frame[2] = (byte) (payload.length >>> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        synchronized (SideChannel.class) {
            try {
                out.write(frame);
                out.flush();
            } catch (IOException lost) {
                // The kernel went away; the user JVM is about to be closed.
            }
        }
    }
}
