package dev.footprint.kernel.userjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.eval.RecordingListener;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The kernel end of the streams, without a user JVM. */
class OutputRouterTest {

    @Test
    void textSplitInsideACharacterIsDecodedWhole() throws IOException {
        StringBuilder decoded = new StringBuilder();
        DecodingStream stream = new DecodingStream(decoded::append);
        byte[] bytes = "a€𝄞b".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            stream.write(b);
        }
        assertEquals("a€𝄞b", decoded.toString());
    }

    @Test
    void sideChannelFramesSurviveArbitraryCuts() throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        writeDisplayFrame(frames, "id-1", "text/plain", "x".repeat(1000));
        writeDisplayFrame(frames, "id-2", "text/html", "<b>é</b>");
        byte[] bytes = frames.toByteArray();
        RecordingListener listener = new RecordingListener();
        try (OutputRouter router = new OutputRouter()) {
            router.attach(listener);
            for (int i = 0; i < bytes.length; i += 7) {
                router.sideChannel().write(bytes, i, Math.min(7, bytes.length - i));
            }
            router.detach();
        }
        assertEquals(2, listener.displays().size());
        assertEquals("id-1", listener.displays().get(0).displayId());
        assertEquals(1000, listener.displays().get(0).bundle().get("text/plain").length());
        assertEquals("<b>é</b>", listener.displays().get(1).bundle().get("text/html"));
    }

    @Test
    void streamsAreBatchedAndKeepTheirOrder() throws IOException {
        RecordingListener listener = new RecordingListener();
        try (OutputRouter router = new OutputRouter()) {
            router.attach(listener);
            for (int i = 0; i < 1000; i++) {
                router.stdout().write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            router.stderr().write("warning\n".getBytes(StandardCharsets.UTF_8));
            router.stdout().write("after\n".getBytes(StandardCharsets.UTF_8));
            router.detach();
        }
        assertTrue(listener.events.size() <= 10, "batched: " + listener.events.size() + " calls");
        assertEquals("warning\n", listener.stderr());
        RecordingListener.Event last = listener.events.get(listener.events.size() - 1);
        assertEquals("after\n", last.text(), "stdout written after stderr comes after it");
    }

    @Test
    void outputWithoutACellWaitsForTheNextOne() throws IOException {
        RecordingListener listener = new RecordingListener();
        try (OutputRouter router = new OutputRouter()) {
            router.stdout().write("from a background thread\n".getBytes(StandardCharsets.UTF_8));
            router.attach(listener);
            router.detach();
        }
        assertEquals("from a background thread\n", listener.stdout());
    }

    private static void writeDisplayFrame(ByteArrayOutputStream target, String id, String mime, String content) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeByte(dev.footprint.kernel.agent.SideChannel.DISPLAY);
        writeString(out, id);
        out.writeInt(1);
        writeString(out, mime);
        writeString(out, content);
        new DataOutputStream(target).writeInt(payload.size());
        target.write(payload.toByteArray());
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
