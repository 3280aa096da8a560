package dev.footprint.kernel.userjvm;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.agent.SideChannel;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/** Cuts the side channel's bytes into frames ({@link SideChannel}) and turns them into events. */
final class SideChannelDecoder extends OutputStream {
    private final Consumer<Object> events;
    private byte[] buffer = new byte[1024];
    private int count;

    SideChannelDecoder(Consumer<Object> events) {
        this.events = events;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (count + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + length));
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
        int position = 0;
        while (count - position >= 4) {
            int size = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
                    | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
            if (count - position - 4 < size) {
                break;
            }
            decode(buffer, position + 4, size);
            position += 4 + size;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, count - position);
            count -= position;
        }
    }

    private void decode(byte[] frame, int offset, int size) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame, offset, size))) {
            byte kind = in.readByte();
            if (kind == SideChannel.CLEAR) {
                events.accept(new OutputRouter.ClearEvent(in.readByte() != 0));
                return;
            }
            String id = readString(in);
            int entries = in.readInt();
            MimeBundle bundle = MimeBundle.copyOf(Map.of());
            for (int i = 0; i < entries; i++) {
                bundle = bundle.with(readString(in), readString(in));
            }
            events.accept(new OutputRouter.DisplayEvent(bundle, id, kind == SideChannel.UPDATE));
        } catch (IOException malformed) {
            // A broken frame is dropped; the next one starts at its own length prefix.
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
