package dev.footprint.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection file a Jupyter client writes before it starts a kernel: where to bind the five
 * sockets and which key signs the messages.
 *
 * <pre>{@code
 * ConnectionInfo info = ConnectionInfo.read(Path.of("kernel-1234.json"));
 * info.endpoint(info.shellPort());   // "tcp://127.0.0.1:53794"
 * }</pre>
 */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int iopubPort,
        int stdinPort,
        int controlPort,
        int hbPort,
        String key,
        String signatureScheme) {

    /** The only scheme Jupyter clients use, and the only one this kernel accepts. */
    public static final String HMAC_SHA256 = "hmac-sha256";

    /**
     * Reads and checks a connection file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not JSON, lacks a port, or names another scheme
     */
    public static ConnectionInfo read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the JSON text of a connection file; {@code source} names it in error messages. */
    public static ConnectionInfo parse(String json, String source) {
        JsonObject object;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException(source + " is not a JSON object");
            }
            object = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        String scheme = text(object, "signature_scheme", HMAC_SHA256);
        if (!HMAC_SHA256.equals(scheme)) {
            throw new IllegalArgumentException(
                    source + " asks for signature_scheme '" + scheme + "'; only " + HMAC_SHA256 + " is supported");
        }
        String transport = text(object, "transport", "tcp");
        if (!transport.equals("tcp")) {
            // jeromq's "ipc" is TCP on loopback in disguise, so a client using real Unix sockets
            // could never reach it: better to refuse now than to hang.
            throw new IllegalArgumentException(
                    source + " asks for transport '" + transport + "'; only tcp is supported");
        }
        return new ConnectionInfo(
                transport,
                text(object, "ip", "127.0.0.1"),
                port(object, "shell_port", source),
                port(object, "iopub_port", source),
                port(object, "stdin_port", source),
                port(object, "control_port", source),
                port(object, "hb_port", source),
                text(object, "key", ""),
                scheme);
    }

    /** The ZeroMQ address of one of this file's ports, e.g. {@code tcp://127.0.0.1:53794}. */
    public String endpoint(int port) {
        // An IPv6 address needs brackets before the port.
        String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
        return transport + "://" + host + ":" + port;
    }

    /** True when the key is empty: Jupyter's convention for "messages are not signed". */
    public boolean signingDisabled() {
        return key.isEmpty();
    }

    private static String text(JsonObject object, String name, String fallback) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? fallback : value.getAsString();
    }

    private static int port(JsonObject object, String name, String source) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException(source + " has no " + name);
        }
        int port;
        try {
            port = value.getAsInt();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": " + name + " is not a number: " + value, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(source + ": " + name + " " + port + " is not a port (1-65535)");
        }
        return port;
    }

    @Override
    public String toString() {
        // Keeps the key out of logs.
        return "ConnectionInfo[" + transport + "://" + ip + " shell=" + shellPort + " iopub=" + iopubPort
                + " stdin=" + stdinPort + " control=" + controlPort + " hb=" + hbPort + "]";
    }
}
