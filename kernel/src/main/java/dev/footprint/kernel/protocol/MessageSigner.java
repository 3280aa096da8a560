package dev.footprint.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages with HMAC-SHA256 over the four JSON frames (header, parent header,
 * metadata, content), as the Jupyter wire protocol specifies.
 *
 * <pre>{@code
 * MessageSigner signer = new MessageSigner("secret");
 * String signature = signer.sign(frames);          // 64 lower-case hex digits
 * signer.verify(signature, frames);                // true
 * }</pre>
 *
 * <p>Thread-safe: each thread gets its own {@link Mac}, since shell and control verify at once.
 */
public final class MessageSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final boolean disabled;
    private final ThreadLocal<Mac> macs;

    /** A signer for {@code key}; an empty key turns signing off, as Jupyter's convention says. */
    public MessageSigner(String key) {
        this.disabled = key.isEmpty();
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> newMac(keyBytes));
        if (!disabled) {
            macs.get(); // fail now, not at the first message, if the JDK lacks HmacSHA256
        }
    }

    /** True when the key is empty, so messages carry an empty signature. */
    public boolean isDisabled() {
        return disabled;
    }

    /** The hex HMAC of {@code frames} (header, parent header, metadata, content), or "" when disabled. */
    public String sign(List<byte[]> frames) {
        if (disabled) {
            return "";
        }
        return HexFormat.of().formatHex(digest(frames));
    }

    /**
     * Checks {@code signature} against the frames in constant time, so a forger learns nothing from
     * how long a refusal takes. A missing or malformed signature is refused.
     */
    public boolean verify(String signature, List<byte[]> frames) {
        if (disabled) {
            return true;
        }
        if (signature == null || signature.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(given, digest(frames));
    }

    private byte[] digest(List<byte[]> frames) {
        Mac mac = macs.get();
        for (byte[] frame : frames) {
            mac.update(frame);
        }
        return mac.doFinal();
    }

    private static Mac newMac(byte[] key) {
        if (key.length == 0) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
        }
    }
}
