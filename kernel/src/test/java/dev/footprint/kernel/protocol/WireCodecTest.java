package dev.footprint.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private final MessageFactory messages = new MessageFactory();

    private static WireCodec codec(String key) {
        return new WireCodec(new MessageSigner(key), new ReplayGuard(16));
    }

    private JupyterMessage executeRequest(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return new JupyterMessage(List.of(bytes("client-1")), messages.header("execute_request"),
                new JsonObject(), new JsonObject(), content, List.of());
    }

    @Test
    void signatureIsTheHexHmacSha256OfTheFourParts() {
        MessageSigner signer = new MessageSigner("key");
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test vector.
        String expected = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        List<byte[]> parts = List.of(bytes("The quick brown "), bytes("fox jumps "), bytes("over the lazy"), bytes(" dog"));
        assertEquals(expected, signer.sign(parts));
        assertTrue(signer.verify(expected, parts));
        assertTrue(signer.verify(expected.toUpperCase(), parts));
    }

    @Test
    void aCorrectlySignedMessageIsAccepted() throws Exception {
        List<byte[]> frames = codec(KEY).encode(executeRequest("1 + 1"));
        JupyterMessage decoded = codec(KEY).decode(frames);
        assertEquals("execute_request", decoded.msgType());
        assertEquals("1 + 1", decoded.text("code", null));
        assertArrayEquals(bytes("client-1"), decoded.identities().get(0));
    }

    @Test
    void aForgedSignatureIsRefused() {
        List<byte[]> frames = codec("another key").encode(executeRequest("System.exit(0)"));
        MessageRejectedException refused = assertThrows(MessageRejectedException.class, () -> codec(KEY).decode(frames));
        assertTrue(refused.getMessage().contains("signature does not match"), refused.getMessage());
    }

    @Test
    void aTamperedContentIsRefused() {
        List<byte[]> frames = new ArrayList<>(codec(KEY).encode(executeRequest("1 + 1")));
        int content = frames.size() - 1;
        frames.set(content, bytes("{\"code\":\"System.exit(0)\"}"));
        assertThrows(MessageRejectedException.class, () -> codec(KEY).decode(frames));
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused() {
        List<byte[]> frames = new ArrayList<>(codec(KEY).encode(executeRequest("1 + 1")));
        int signature = 2; // identity, delimiter, signature
        frames.set(signature, new byte[0]);
        MessageRejectedException missing = assertThrows(MessageRejectedException.class, () -> codec(KEY).decode(frames));
        assertTrue(missing.getMessage().contains("not signed"), missing.getMessage());
        frames.set(signature, bytes("zz".repeat(32)));
        assertThrows(MessageRejectedException.class, () -> codec(KEY).decode(frames));
        frames.set(signature, bytes("abc"));
        assertThrows(MessageRejectedException.class, () -> codec(KEY).decode(frames));
    }

    @Test
    void aReplayedMessageIsRefusedTheSecondTime() throws Exception {
        WireCodec kernel = codec(KEY);
        List<byte[]> frames = codec(KEY).encode(executeRequest("counter++"));
        kernel.decode(frames);
        MessageRejectedException replay = assertThrows(MessageRejectedException.class, () -> kernel.decode(frames));
        assertTrue(replay.getMessage().contains("replayed"), replay.getMessage());
    }

    @Test
    void aRefusedForgeryDoesNotEnterTheReplayHistory() throws Exception {
        ReplayGuard guard = new ReplayGuard(16);
        WireCodec kernel = new WireCodec(new MessageSigner(KEY), guard);
        List<byte[]> forged = codec("wrong").encode(executeRequest("x"));
        assertThrows(MessageRejectedException.class, () -> kernel.decode(forged));
        assertEquals(0, guard.size());
    }

    @Test
    void theReplayHistoryIsBounded() {
        ReplayGuard guard = new ReplayGuard(3);
        for (String signature : List.of("a", "b", "c", "d")) {
            assertTrue(guard.firstSighting(signature));
        }
        assertEquals(3, guard.size());
        assertFalse(guard.firstSighting("d"));
        assertTrue(guard.firstSighting("a"), "the oldest signature was forgotten");
    }

    @Test
    void anEmptyKeyMeansUnsignedMessagesAsJupyterDefines() throws Exception {
        List<byte[]> frames = codec("").encode(executeRequest("1"));
        assertEquals(0, frames.get(2).length);
        assertEquals("execute_request", codec("").decode(frames).msgType());
    }

    @Test
    void malformedFramesAreRefusedWithAReason() {
        WireCodec kernel = codec(KEY);
        assertThrows(MessageRejectedException.class, () -> kernel.decode(List.of(bytes("no delimiter"))));
        List<byte[]> tooShort = List.of(WireCodec.DELIMITER, bytes("sig"), bytes("{}"));
        MessageRejectedException shortOne = assertThrows(MessageRejectedException.class, () -> kernel.decode(tooShort));
        assertTrue(shortOne.getMessage().contains("at least 5"), shortOne.getMessage());

        MessageSigner signer = new MessageSigner(KEY);
        List<byte[]> parts = List.of(bytes("[1]"), bytes("{}"), bytes("{}"), bytes("{}"));
        List<byte[]> notObject = new ArrayList<>(List.of(WireCodec.DELIMITER, bytes(signer.sign(parts))));
        notObject.addAll(parts);
        MessageRejectedException array = assertThrows(MessageRejectedException.class, () -> kernel.decode(notObject));
        assertTrue(array.getMessage().contains("header is not a JSON object"), array.getMessage());
    }

    @Test
    void encodeThenDecodeKeepsEveryPartAndBuffer() throws Exception {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("tag", "<b>& \u00e9 \ud83d\ude00</b>");
        JupyterMessage original = new JupyterMessage(List.of(bytes("id-a"), bytes("id-b")),
                messages.header("comm_msg"), messages.header("parent"), metadata, new JsonObject(),
                List.of(new byte[] {0, 1, 2}));
        List<byte[]> frames = codec(KEY).encode(original);
        assertFalse(new String(frames.get(6), StandardCharsets.UTF_8).contains("\\u003c"), "HTML is not escaped");
        JupyterMessage decoded = codec(KEY).decode(frames);
        assertEquals(2, decoded.identities().size());
        assertEquals(original.header(), decoded.header());
        assertEquals(original.parentHeader(), decoded.parentHeader());
        assertEquals(metadata, decoded.metadata());
        assertArrayEquals(new byte[] {0, 1, 2}, decoded.buffers().get(0));
    }

    @Test
    void headersFollowProtocol53() {
        JsonObject header = messages.header("status");
        for (String field : List.of("msg_id", "session", "username", "date", "msg_type", "version")) {
            assertTrue(header.has(field), field);
        }
        assertEquals("5.3", header.get("version").getAsString());
        assertTrue(header.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                header.get("date").getAsString());
    }

    @Test
    void replyCarriesTheRequestHeaderAsParentAndItsIdentities() {
        JupyterMessage request = executeRequest("1");
        JupyterMessage reply = messages.reply(request, "execute_reply", new JsonObject());
        assertEquals(request.header(), reply.parentHeader());
        assertEquals(request.identities().size(), reply.identities().size());
        assertEquals(messages.session(), reply.header().get("session").getAsString());
        JupyterMessage status = messages.broadcast(request, "status", new JsonObject());
        assertTrue(new String(status.identities().get(0), StandardCharsets.UTF_8).endsWith(".status"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
