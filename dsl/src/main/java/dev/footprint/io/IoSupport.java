package dev.footprint.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Small channel helpers shared by the readers and writers. */
final class IoSupport {
    private IoSupport() {}

    /** Reads until {@code buf} is full or the input ends; returns how many bytes were read in all. */
    static int readFully(ReadableByteChannel in, ByteBuffer buf) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    static void writeFully(WritableByteChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    /** Header text for an error message: quoted, control characters escaped, long text shortened. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(text.length(), 120);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", (int) c & 0xFF));
            } else {
                sb.append(c);
            }
        }
        return sb.append(text.length() > limit ? "...\"" : "\"").toString();
    }
}
