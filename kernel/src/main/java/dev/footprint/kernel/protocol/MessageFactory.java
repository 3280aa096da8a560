package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Builds the kernel's outgoing messages: fresh headers for protocol 5.3, with the request as
 * parent so clients can tell which request an output belongs to.
 *
 * <pre>{@code
 * MessageFactory messages = new MessageFactory();
 * JupyterMessage reply = messages.reply(request, "kernel_info_reply", content);
 * JupyterMessage status = messages.broadcast(request, "status", busy);
 * }</pre>
 */
public final class MessageFactory {

    /** The version of the messaging protocol this kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    // Jupyter's date parser accepts at most six fractional digits.
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final String session = UUID.randomUUID().toString();
    private final String topicPrefix = "kernel." + session + ".";

    /** The session id every outgoing header carries. */
    public String session() {
        return session;
    }

    /** A reply to {@code request}, routed back to the identities it came from. */
    public JupyterMessage reply(JupyterMessage request, String msgType, JsonObject content) {
        return new JupyterMessage(
                request.identities(), header(msgType), request.header(), new JsonObject(), content, List.of());
    }

    /**
     * An iopub message caused by {@code parent} (or by nothing, when {@code parent} is null); its
     * one identity frame is the topic subscribers filter on.
     */
    public JupyterMessage broadcast(JupyterMessage parent, String msgType, JsonObject content) {
        JsonObject parentHeader = parent == null ? new JsonObject() : parent.header();
        byte[] topic = (topicPrefix + msgType).getBytes(StandardCharsets.UTF_8);
        return new JupyterMessage(
                List.of(topic), header(msgType), parentHeader, new JsonObject(), content, List.of());
    }

    /** A new header of type {@code msgType} for this kernel's session. */
    public JsonObject header(String msgType) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "kernel");
        header.addProperty("date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        header.addProperty("msg_type", msgType);
        header.addProperty("version", PROTOCOL_VERSION);
        return header;
    }
}
