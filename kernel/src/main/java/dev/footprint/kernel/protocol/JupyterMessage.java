package dev.footprint.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One message of the Jupyter protocol, decoded: the routing identities it came with, its four
 * JSON parts, and any binary buffers.
 *
 * <pre>{@code
 * JupyterMessage request = codec.decode(frames);
 * request.msgType();                       // "execute_request"
 * request.content().get("code");           // "1 + 1"
 * }</pre>
 */
public record JupyterMessage(
        List<byte[]> identities,
        JsonObject header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        List<byte[]> buffers) {

    public JupyterMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /** The header's {@code msg_type}, or "" if absent. */
    public String msgType() {
        return headerText("msg_type");
    }

    /** The header's {@code msg_id}, or "" if absent. */
    public String msgId() {
        return headerText("msg_id");
    }

    /** A text field of the content, or {@code fallback} when missing or null. */
    public String text(String field, String fallback) {
        JsonElement value = content.get(field);
        return value == null || value.isJsonNull() ? fallback : value.getAsString();
    }

    /** A boolean field of the content, or {@code fallback} when missing or null. */
    public boolean flag(String field, boolean fallback) {
        JsonElement value = content.get(field);
        return value == null || value.isJsonNull() ? fallback : value.getAsBoolean();
    }

    /** An integer field of the content, or {@code fallback} when missing or null. */
    public int number(String field, int fallback) {
        JsonElement value = content.get(field);
        return value == null || value.isJsonNull() ? fallback : value.getAsInt();
    }

    private String headerText(String field) {
        JsonElement value = header.get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}
