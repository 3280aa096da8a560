package dev.footprint.codec;

import java.util.Objects;

/** Argument checks and error messages the codecs share. */
final class Checks {
    private Checks() {}

    static void checkCompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int room) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkIndex(dstOff, dst.length + 1);
        if (dst.length - dstOff < room) {
            throw new IllegalArgumentException("the destination has " + (dst.length - dstOff)
                    + " bytes of room; compressing " + len + " bytes needs maxCompressedLength = " + room);
        }
    }

    static void checkDecompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, decodedLen, dst.length);
    }

    static void checkLevel(String codec, int level, int min, int max) {
        if (level < min || level > max) {
            throw new IllegalArgumentException(codec + " level must be from " + min + " to " + max + ", got " + level);
        }
    }

    static CodecException corrupt(String codec, int len, int decodedLen, String what, Throwable cause) {
        return new CodecException("a " + len + "-byte " + codec + " block that should decode to " + decodedLen
                + " bytes " + what, cause);
    }

    static void requireLength(String codec, int len, int decodedLen, long actual) {
        if (actual != decodedLen) {
            throw corrupt(codec, len, decodedLen, "decodes to " + actual + " bytes", null);
        }
    }
}
