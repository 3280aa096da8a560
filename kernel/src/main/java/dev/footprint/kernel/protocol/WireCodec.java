package dev.footprint.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns ZeroMQ frames into {@link JupyterMessage}s and back, signing what goes out and checking
 * the signature, and its novelty, of what comes in.
 *
 * <p>The wire layout is {@code [identities..., "<IDS|MSG>", signature, header, parent_header,
 * metadata, content, buffers...]}. The signature is checked over the frames exactly as received,
 * never over a re-serialised form.
 *
 * <pre>{@code
 * WireCodec codec = new WireCodec(new MessageSigner(key), new ReplayGuard(1 << 16));
 * JupyterMessage request = codec.decode(frames);    // throws MessageRejectedException if forged
 * List<byte[]> out = codec.encode(reply);
 * }</pre>
 */
public final class WireCodec {

    /** Separates routing identities from the message proper. */
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    // Jupyter output is full of '<' and '>' (HTML); escaping them as \u003c only bloats messages.
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final MessageSigner signer;
    private final ReplayGuard replayGuard;

    /** A codec that signs with {@code signer} and refuses signatures {@code replayGuard} has seen. */
    public WireCodec(MessageSigner signer, ReplayGuard replayGuard) {
        this.signer = signer;
        this.replayGuard = replayGuard;
    }

    /**
     * Decodes and authenticates one message.
     *
     * @throws MessageRejectedException if there is no delimiter, a part is missing or not a JSON
     *     object, the signature is missing or wrong, or the signature was seen before
     */
    public JupyterMessage decode(List<byte[]> frames) throws MessageRejectedException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new MessageRejectedException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new MessageRejectedException("message has " + (frames.size() - delimiter - 1)
                    + " parts after the delimiter; at least 5 are needed");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 6);
        if (!signer.isDisabled()) {
            if (signature.isEmpty()) {
                throw new MessageRejectedException("message is not signed");
            }
            if (!signer.verify(signature, signed)) {
                throw new MessageRejectedException("signature does not match the message");
            }
            if (!replayGuard.firstSighting(signature)) {
                throw new MessageRejectedException("signature was already used: a replayed message");
            }
        }
        return new JupyterMessage(
                frames.subList(0, delimiter),
                object(signed.get(0), "header"),
                object(signed.get(1), "parent_header"),
                object(signed.get(2), "metadata"),
                object(signed.get(3), "content"),
                frames.subList(delimiter + 6, frames.size()));
    }

    /** Encodes and signs {@code message}, identities first, ready to send as one multipart message. */
    public List<byte[]> encode(JupyterMessage message) {
        List<byte[]> signed = List.of(
                json(message.header()),
                json(message.parentHeader()),
                json(message.metadata()),
                json(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(signed).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(signed);
        frames.addAll(message.buffers());
        return frames;
    }

    /** The compact JSON of {@code element}, as UTF-8, the way messages are written. */
    public static byte[] json(JsonElement element) {
        return GSON.toJson(element).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject object(byte[] frame, String part) throws MessageRejectedException {
        try {
            JsonElement element = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new MessageRejectedException(part + " is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new MessageRejectedException(part + " is not valid JSON: " + e.getMessage());
        }
    }
}
