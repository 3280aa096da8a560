package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.codec.BloscLayout;
import dev.footprint.codec.Codec;
import dev.footprint.codec.CodecException;
import java.util.Arrays;
import java.util.Set;

/**
 * numcodecs' {@code Blosc}: each chunk is one Blosc1 buffer. A 16-byte header (format version,
 * codec version, flags, typesize, uncompressed bytes, block size, stored bytes), then the start
 * of each block, then the blocks; each block is byte-shuffled as a whole and compressed either as
 * one stream or split into one stream per byte of the type. A stream whose stored length equals
 * its plain length is stored plain ({@link BloscLayout}). With the "memcpyed" flag the plain bytes
 * follow the header. Writing follows c-blosc 1.21 for the clevel (block size, split, the codec's
 * level: lz4's acceleration {@code 10 - clevel}), so a chunk is cut and compressed as c-blosc
 * cuts it; reading follows the header's flags, whatever the {@code .zarray} says.
 */
record BloscCompressor(String cname, int clevel, int shuffle, int blocksize) implements ChunkCompressor {
    static final int NOSHUFFLE = 0;
    static final int SHUFFLE = 1;
    static final int BITSHUFFLE = 2;
    /** numcodecs' AUTOSHUFFLE: bit shuffle for one-byte types, byte shuffle otherwise. */
    static final int AUTOSHUFFLE = -1;

    private static final int HEADER = BloscLayout.HEADER;
    private static final int FLAG_SHUFFLE = 0x1;
    private static final int FLAG_MEMCPYED = 0x2;
    private static final int FLAG_BITSHUFFLE = 0x4;
    private static final int FLAG_DONT_SPLIT = 0x10;
    /** The codec of each format code in the flags' top three bits; null where Footprint has none. */
    private static final String[] FORMATS = {"blosclz", "lz4", "snappy", "zlib", "zstd"};
    private static final Set<String> READABLE = Set.of("lz4", "lz4hc", "zlib", "zstd");
    static final String CAN_READ = "Footprint reads Blosc with lz4, lz4hc, zstd or zlib inside, with no shuffle or "
            + "byte shuffle (not bit shuffle)";

    BloscCompressor {
        if (!READABLE.contains(cname)) {
            throw new IllegalArgumentException("Blosc cname '" + cname + "' is not supported; " + CAN_READ);
        }
        if (clevel < 0 || clevel > 9) {
            throw new IllegalArgumentException("Blosc clevel " + clevel + " is outside 0..9");
        }
        if (shuffle == BITSHUFFLE) {
            throw new IllegalArgumentException("Blosc bit shuffle (shuffle 2) is not supported; " + CAN_READ);
        }
        if (shuffle != NOSHUFFLE && shuffle != SHUFFLE && shuffle != AUTOSHUFFLE) {
            throw new IllegalArgumentException("Blosc shuffle " + shuffle + " is not one of -1, 0, 1, 2");
        }
    }

    static BloscCompressor fromJson(JsonObject o) {
        JsonElement cname = o.get("cname");
        return new BloscCompressor(cname == null ? "lz4" : cname.getAsString(), Compressors.intField(o, "clevel", 5),
                Compressors.intField(o, "shuffle", SHUFFLE), Compressors.intField(o, "blocksize", 0));
    }

    @Override
    public JsonElement config() {
        JsonObject o = new JsonObject();
        o.addProperty("blocksize", blocksize);
        o.addProperty("clevel", clevel);
        o.addProperty("cname", cname);
        o.addProperty("id", "blosc");
        o.addProperty("shuffle", shuffle);
        return o;
    }

    @Override
    public String describe() {
        String s = switch (shuffle) {
            case NOSHUFFLE -> "no shuffle";
            case SHUFFLE -> "shuffle";
            default -> "auto shuffle";
        };
        return "blosc(" + cname + ", clevel " + clevel + ", " + s + ")";
    }

    // ---- writing -------------------------------------------------------------------------

    @Override
    public byte[] encode(byte[] raw, int len, int typesize) {
        if (len > Integer.MAX_VALUE - 64 - HEADER) {
            throw new IllegalArgumentException("a Blosc chunk holds at most 2 GiB; choose smaller chunks");
        }
        int ts = typesize > 255 ? 1 : typesize;
        boolean doShuffle = (shuffle == SHUFFLE || shuffle == AUTOSHUFFLE) && ts > 1;
        if (clevel == 0 || len < 128) {
            return memcpyed(raw, len, ts, len == 0 ? 0 : len);
        }
        Codec codec = Codec.named(cname.equals("lz4hc") ? "lz4" : cname);
        BloscLayout layout = BloscLayout.of(cname, clevel, ts, len, blocksize, doShuffle);
        byte[] out = Scratch.bytes(Scratch.Use.OUTPUT, HEADER + layout.maxLength(codec, len));
        byte[] tmp = doShuffle ? Scratch.bytes(Scratch.Use.SHUFFLE, layout.blocksize()) : null;
        int end = layout.encode(codec, BloscLayout.nativeLevel(cname, clevel), raw, 0, len, out, 0, HEADER,
                HEADER + len, tmp);
        if (end < 0) {
            return memcpyed(raw, len, ts, layout.blocksize());   // never more than the input and a header
        }
        int flags = (doShuffle ? FLAG_SHUFFLE : 0) | (layout.split() ? 0 : FLAG_DONT_SPLIT) | formatCode() << 5;
        header(out, flags, ts, len, layout.blocksize(), end);
        return Arrays.copyOf(out, end);
    }

    /**
     * The layout {@link #encode} cuts {@code len} bytes of {@code typesize}-byte elements in (the
     * shuffle flag only where it moves bytes), or null where it stores them plain (clevel 0, under 128 bytes).
     */
    BloscLayout layout(int len, int typesize) {
        int ts = typesize > 255 ? 1 : typesize;
        if (clevel == 0 || len < 128) {
            return null;
        }
        boolean doShuffle = (shuffle == SHUFFLE || shuffle == AUTOSHUFFLE) && ts > 1;
        return BloscLayout.of(cname, clevel, ts, len, blocksize, doShuffle);
    }

    /**
     * A Blosc1 buffer of {@code len} bytes: a header for {@code layout} in front of a body already
     * compressed in it ({@code bodyLen} bytes that {@code body} copies in at the given offset), or
     * with {@code layout} null in front of {@code len} plain bytes.
     */
    byte[] framed(BloscLayout layout, int len, int typesize, int bodyLen, java.util.function.ObjIntConsumer<byte[]> body) {
        byte[] out = new byte[HEADER + bodyLen];
        body.accept(out, HEADER);
        int ts = typesize > 255 ? 1 : typesize;
        if (layout == null) {
            header(out, FLAG_MEMCPYED | FLAG_DONT_SPLIT | formatCode() << 5, ts, len, Math.max(len, 1), out.length);
        } else {
            int flags = (layout.shuffle() && ts > 1 ? FLAG_SHUFFLE : 0) | (layout.split() ? 0 : FLAG_DONT_SPLIT)
                    | formatCode() << 5;
            header(out, flags, ts, len, layout.blocksize(), out.length);
        }
        return out;
    }

    /**
     * What the header of a stored Blosc1 buffer says, when it is one Footprint reads whole: its
     * codec and layout (null when stored plain). Null when the header is short, of another version,
     * inconsistent with the buffer's length or bit-shuffled.
     */
    static Header header(byte[] in) {
        if (in.length < HEADER || (in[0] & 0xff) != 2 || BloscLayout.getInt(in, 12) != in.length) {
            return null;
        }
        int flags = in[2] & 0xff;
        int ts = in[3] & 0xff;
        int nbytes = BloscLayout.getInt(in, 4);
        int bs = BloscLayout.getInt(in, 8);
        if ((flags & FLAG_MEMCPYED) != 0) {
            return in.length == HEADER + nbytes ? new Header(null, nbytes, null) : null;
        }
        int format = (flags & 0xe0) >> 5;
        if ((flags & FLAG_BITSHUFFLE) != 0 || ts == 0 || bs <= 0 || format >= FORMATS.length) {
            return null;
        }
        return new Header(FORMATS[format], nbytes, new BloscLayout(ts, bs, (flags & FLAG_SHUFFLE) != 0 && ts > 1,
                (flags & FLAG_DONT_SPLIT) == 0));
    }

    /** A Blosc1 header read: the codec inside ({@code null} when stored plain), the plain length and the layout. */
    record Header(String codec, int nbytes, BloscLayout layout) {}

    private int formatCode() {
        return switch (cname) {
            case "lz4", "lz4hc" -> 1;
            case "zlib" -> 3;
            default -> 4;
        };
    }

    private byte[] memcpyed(byte[] raw, int len, int ts, int bs) {
        byte[] out = new byte[HEADER + len];
        System.arraycopy(raw, 0, out, HEADER, len);
        header(out, FLAG_MEMCPYED | FLAG_DONT_SPLIT | formatCode() << 5, ts, len, Math.max(bs, 1), HEADER + len);
        return out;
    }

    private static void header(byte[] out, int flags, int ts, int nbytes, int bs, int cbytes) {
        out[0] = 2;   // Blosc1 format version
        out[1] = 1;   // the codec's format version
        out[2] = (byte) flags;
        out[3] = (byte) ts;
        BloscLayout.putInt(out, 4, nbytes);
        BloscLayout.putInt(out, 8, bs);
        BloscLayout.putInt(out, 12, cbytes);
    }

    // ---- reading -------------------------------------------------------------------------

    @Override
    public void decode(byte[] in, byte[] out, int len) {
        if (in.length < HEADER) {
            throw new BadChunkException("truncated Blosc header: " + in.length + " bytes, a header has 16");
        }
        int version = in[0] & 0xff;
        int flags = in[2] & 0xff;
        int ts = in[3] & 0xff;
        int nbytes = BloscLayout.getInt(in, 4);
        int bs = BloscLayout.getInt(in, 8);
        int cbytes = BloscLayout.getInt(in, 12);
        if (version < 1 || version > 2) {
            throw new BadChunkException("Blosc format version " + version + " (Blosc2 or not a Blosc header); "
                    + "Footprint reads Blosc1 buffers (versions 1 and 2)");
        }
        if (cbytes != in.length) {
            throw new BadChunkException("Blosc header says " + cbytes + " stored bytes, the chunk has " + in.length
                    + (cbytes > in.length ? " (truncated)" : ""));
        }
        if (nbytes != len) {
            throw new BadChunkException("Blosc header says " + nbytes + " bytes uncompressed, the chunk shape needs "
                    + len);
        }
        if (nbytes == 0) {
            return;
        }
        if ((flags & FLAG_MEMCPYED) != 0) {
            if (in.length != HEADER + nbytes) {
                throw new BadChunkException("Blosc buffer stored plain has " + (in.length - HEADER) + " bytes after"
                        + " its header, expected " + nbytes);
            }
            System.arraycopy(in, HEADER, out, 0, nbytes);
            return;
        }
        if ((flags & FLAG_BITSHUFFLE) != 0) {
            throw new BadChunkException("Blosc bit shuffle is not supported; " + CAN_READ);
        }
        int format = (flags & 0xe0) >> 5;
        String name = format < FORMATS.length ? FORMATS[format] : "format " + format;
        if (format != 1 && format != 3 && format != 4) {
            throw new BadChunkException("Blosc compressed with " + name + "; " + CAN_READ);
        }
        if (ts == 0 || bs <= 0) {
            throw new BadChunkException("Blosc header has typesize " + ts + " and block size " + bs);
        }
        Codec codec = Codec.named(name);
        BloscLayout layout = new BloscLayout(ts, bs, (flags & FLAG_SHUFFLE) != 0, (flags & FLAG_DONT_SPLIT) == 0);
        byte[] tmp = layout.shuffle() && ts > 1 ? Scratch.bytes(Scratch.Use.SHUFFLE, Math.min(bs, nbytes)) : null;
        try {
            layout.decode(codec, in, 0, HEADER, in.length, out, 0, nbytes, tmp);
        } catch (CodecException e) {
            throw new BadChunkException("Blosc " + e.getMessage(), e);
        }
    }
}
