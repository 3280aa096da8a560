package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.codec.Codec;
import dev.footprint.codec.CodecException;
import dev.footprint.codec.Shuffle;
import java.util.Arrays;
import java.util.Set;

/**
 * numcodecs' {@code Blosc}: each chunk is one Blosc1 buffer. A 16-byte header (format version,
 * codec version, flags, typesize, uncompressed bytes, block size, stored bytes), then the start
 * of each block, then the blocks; each block is byte-shuffled as a whole and compressed either as
 * one stream or split into one stream per byte of the type. A stream whose stored length equals
 * its plain length is stored plain. With the "memcpyed" flag the plain bytes follow the header.
 * Reading follows the header's flags, whatever the {@code .zarray} says.
 */
record BloscCompressor(String cname, int clevel, int shuffle, int blocksize) implements ChunkCompressor {
    static final int NOSHUFFLE = 0;
    static final int SHUFFLE = 1;
    static final int BITSHUFFLE = 2;
    /** numcodecs' AUTOSHUFFLE: bit shuffle for one-byte types, byte shuffle otherwise. */
    static final int AUTOSHUFFLE = -1;

    private static final int HEADER = 16;
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
            return memcpyed(raw, len, ts, doShuffle, len == 0 ? 0 : len);
        }
        Codec codec = Codec.named(cname.equals("lz4hc") ? "lz4" : cname);
        int bs = blockSize(len, ts);
        int nblocks = (len + bs - 1) / bs;
        int worst = HEADER + 4 * nblocks;
        for (int j = 0; j < nblocks; j++) {
            int bsize = Math.min(bs, len - j * bs);
            int nsplits = splits(bsize, ts, j == nblocks - 1 && len % bs != 0);
            worst += nsplits * (4 + codec.maxCompressedLength(bsize / nsplits));
        }
        byte[] out = Scratch.bytes(Scratch.Use.OUTPUT, worst);
        byte[] tmp = doShuffle ? Scratch.bytes(Scratch.Use.SHUFFLE, bs) : null;
        int pos = HEADER + 4 * nblocks;
        int level = codecLevel();
        for (int j = 0; j < nblocks; j++) {
            putInt(out, HEADER + 4 * j, pos);
            int start = j * bs;
            int bsize = Math.min(bs, len - start);
            byte[] src = raw;
            int srcOff = start;
            if (doShuffle) {
                Shuffle.shuffle(ts, raw, start, bsize, tmp, 0);
                src = tmp;
                srcOff = 0;
            }
            int nsplits = splits(bsize, ts, j == nblocks - 1 && len % bs != 0);
            int neblock = bsize / nsplits;
            for (int k = 0; k < nsplits; k++) {
                int n = codec.compress(src, srcOff + k * neblock, neblock, out, pos + 4, level);
                if (n <= 0 || n >= neblock) {
                    System.arraycopy(src, srcOff + k * neblock, out, pos + 4, neblock);   // stored plain
                    n = neblock;
                }
                putInt(out, pos, n);
                pos += 4 + n;
            }
            if (pos > len + HEADER) {
                return memcpyed(raw, len, ts, doShuffle, bs);   // never more than the input and a header
            }
        }
        int flags = (doShuffle ? FLAG_SHUFFLE : 0) | (cname.startsWith("lz4") ? 0 : FLAG_DONT_SPLIT)
                | formatCode() << 5;
        header(out, flags, ts, len, bs, pos);
        return Arrays.copyOf(out, pos);
    }

    /**
     * c-blosc's block sizes for level 5: 128 KiB per byte of the type for lz4 (split into one
     * stream per byte), 256 KiB for zstd and zlib (one stream).
     */
    private int blockSize(int len, int ts) {
        int bs = cname.startsWith("lz4") ? 128 * 1024 * Math.min(ts, 8) : 256 * 1024;
        bs = Math.min(bs, len);
        return bs > ts ? bs / ts * ts : bs;
    }

    /** lz4 streams are split by byte of the type, as c-blosc does; zstd and zlib are not. */
    private int splits(int bsize, int ts, boolean leftover) {
        return cname.startsWith("lz4") && !leftover && ts <= 16 && bsize / ts >= 128 ? ts : 1;
    }

    /** c-blosc's mapping of clevel to the codec's level: zstd 2 × clevel − 1; lz4 at its default acceleration. */
    private int codecLevel() {
        return switch (cname) {
            case "zstd" -> clevel < 9 ? 2 * clevel - 1 : 22;
            case "zlib" -> clevel;
            default -> 1;
        };
    }

    private int formatCode() {
        return switch (cname) {
            case "lz4", "lz4hc" -> 1;
            case "zlib" -> 3;
            default -> 4;
        };
    }

    private byte[] memcpyed(byte[] raw, int len, int ts, boolean doShuffle, int bs) {
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
        putInt(out, 4, nbytes);
        putInt(out, 8, bs);
        putInt(out, 12, cbytes);
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
        int nbytes = getInt(in, 4);
        int bs = getInt(in, 8);
        int cbytes = getInt(in, 12);
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
        boolean doShuffle = (flags & FLAG_SHUFFLE) != 0 && ts > 1;
        boolean dontSplit = (flags & FLAG_DONT_SPLIT) != 0;
        int nblocks = (int) (((long) nbytes + bs - 1) / bs);
        int leftover = nbytes % bs;
        int dataStart = HEADER + 4 * nblocks;
        if (dataStart > in.length || dataStart < 0) {
            throw new BadChunkException("Blosc buffer of " + in.length + " bytes cannot hold the starts of its "
                    + nblocks + " blocks (truncated)");
        }
        byte[] tmp = doShuffle ? Scratch.bytes(Scratch.Use.SHUFFLE, Math.min(bs, nbytes)) : null;
        for (int j = 0; j < nblocks; j++) {
            boolean isLeftover = j == nblocks - 1 && leftover > 0;
            int bsize = isLeftover ? leftover : bs;
            int pos = getInt(in, HEADER + 4 * j);
            if (pos < dataStart || pos > in.length) {
                throw new BadChunkException("Blosc block " + j + " starts at " + pos + ", outside the " + in.length
                        + "-byte buffer");
            }
            int nsplits = !dontSplit && ts <= 16 && bsize / ts >= 128 && !isLeftover ? ts : 1;
            int neblock = bsize / nsplits;
            byte[] dst = doShuffle ? tmp : out;
            int dstOff = doShuffle ? 0 : j * bs;
            for (int k = 0; k < nsplits; k++) {
                if (pos + 4 > in.length) {
                    throw new BadChunkException("Blosc block " + j + " is cut short (truncated)");
                }
                int n = getInt(in, pos);
                pos += 4;
                if (n < 0 || n > in.length - pos) {
                    throw new BadChunkException("Blosc block " + j + " says " + n + " stored bytes, the buffer has "
                            + (in.length - pos) + " left (truncated or damaged)");
                }
                if (n == neblock) {
                    System.arraycopy(in, pos, dst, dstOff + k * neblock, neblock);
                } else {
                    try {
                        codec.decompress(in, pos, n, dst, dstOff + k * neblock, neblock);
                    } catch (CodecException e) {
                        throw new BadChunkException("Blosc block " + j + " does not decode with " + name + ": "
                                + e.getMessage(), e);
                    }
                }
                pos += n;
            }
            if (doShuffle) {
                Shuffle.unshuffle(ts, tmp, 0, bsize, out, j * bs);
            }
        }
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
