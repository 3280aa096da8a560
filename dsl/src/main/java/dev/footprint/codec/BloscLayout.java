package dev.footprint.codec;

import java.util.Locale;

/**
 * How c-blosc 1 cuts a buffer into compressed pieces: blocks of {@code blocksize} bytes (the last
 * one shorter), each byte-shuffled as a whole and compressed either as one stream or, when
 * {@code split}, as one stream per byte of the type. The encoded body is a table of each block's
 * start (4 bytes, little-endian, counted from an origin the caller chooses) followed by the
 * blocks, each stream as its stored length (4 bytes) and its bytes; a stream whose stored length
 * equals its plain length is kept plain. This is the part of a Blosc1 buffer after its 16-byte
 * header, which Zarr's Blosc chunks and compressed arrays' chunks both use.
 *
 * <pre>{@code
 * BloscLayout l = BloscLayout.of("lz4", 5, 8, src.length, 0, true);   // 1 MiB blocks, 8 streams each
 * byte[] body = new byte[l.maxLength(lz4, src.length)];
 * int end = l.encode(lz4, BloscLayout.nativeLevel("lz4", 5), src, 0, src.length, body, 0, 0, body.length, tmp);
 * l.decode(lz4, body, 0, 0, end, back, 0, src.length, tmp);            // back equals src
 * }</pre>
 *
 * <p>The rules are c-blosc 1.21's: {@link #of} its block size ({@code compute_blocksize}) and
 * split decision (its default "forward compatible" split mode: every codec but zstd splits),
 * {@link #nativeLevel} its mapping of {@code clevel} to the codec's own level. {@code tmp} is
 * scratch of at least one block ({@link #blocksize()} bytes) when shuffling.
 */
public record BloscLayout(int typesize, int blocksize, boolean shuffle, boolean split) {
    /** Bytes of a Blosc1 header; block starts count from its first byte, so a body kept alone counts from {@code -HEADER}. */
    public static final int HEADER = 16;
    private static final int L1 = 32 * 1024;
    /** c-blosc's {@code MIN_BUFFERSIZE}: no split below this many elements per stream, no forced block below it. */
    private static final int MIN_BUFFERSIZE = 128;
    private static final int MAX_SPLITS = 16;

    public BloscLayout {
        if (typesize < 1 || blocksize < 1) {
            throw new IllegalArgumentException("typesize and blocksize must be at least 1, got " + typesize + " and "
                    + blocksize);
        }
    }

    /**
     * c-blosc's layout for {@code nbytes} bytes of {@code typesize}-byte elements compressed with
     * {@code codec} ("lz4", "lz4hc", "zstd", "zlib") at {@code clevel} (1 to 9), with a block size
     * forced by the caller ({@code forcedBlocksize > 0}, as numcodecs' {@code blocksize}) or chosen by
     * c-blosc's rule: 32 KiB scaled by the level, doubled for zstd and zlib, and for split codecs
     * multiplied by the typesize within 64 KiB to 1 MiB.
     */
    public static BloscLayout of(String codec, int clevel, int typesize, int nbytes, int forcedBlocksize,
            boolean shuffle) {
        String c = codec.toLowerCase(Locale.ROOT);
        boolean bigBlocks = c.equals("zstd") || c.equals("zlib");
        int bs = nbytes;
        if (nbytes < typesize) {
            return new BloscLayout(typesize, 1, shuffle, false);
        }
        if (forcedBlocksize > 0) {
            bs = Math.max(forcedBlocksize, MIN_BUFFERSIZE);
        } else if (nbytes >= L1) {
            bs = L1 * (bigBlocks ? 2 : 1);
            bs = switch (clevel) {
                case 0 -> bs / 4;
                case 1 -> bs / 2;
                case 2 -> bs;
                case 3 -> bs * 2;
                case 4, 5 -> bs * 4;
                case 6, 7, 8 -> bs * 8;
                default -> bs * 8 * (bigBlocks ? 2 : 1);
            };
        }
        if (clevel > 0 && splits(c, typesize, bs)) {
            bs = Math.min(bs, 1 << 18) * typesize;
            bs = Math.min(Math.max(bs, 1 << 16), 1 << 20);
        }
        bs = Math.min(bs, nbytes);
        if (bs > typesize) {
            bs = bs / typesize * typesize;
        }
        bs = Math.max(bs, 1);
        return new BloscLayout(typesize, bs, shuffle, splits(c, typesize, bs));
    }

    /** c-blosc's forward-compatible split rule: every codec but zstd, small types, blocks of 128 elements or more. */
    private static boolean splits(String codec, int typesize, int blocksize) {
        return !codec.equals("zstd") && typesize <= MAX_SPLITS && blocksize / typesize >= MIN_BUFFERSIZE;
    }

    /**
     * The codec's own level c-blosc 1 uses for {@code clevel} (1 to 9): lz4's acceleration
     * {@code 10 - clevel}, zstd's level {@code 2 * clevel - 1} (22 at clevel 9), zlib's level as
     * it is. lz4hc, which Footprint writes with lz4, gets acceleration 1 (LZ4's strongest).
     */
    public static int nativeLevel(String codec, int clevel) {
        return switch (codec.toLowerCase(Locale.ROOT)) {
            case "lz4" -> 10 - clevel;
            case "lz4hc" -> 1;
            case "zstd" -> clevel < 9 ? 2 * clevel - 1 : 22;
            case "zlib" -> clevel;
            default -> throw new IllegalArgumentException("c-blosc has no level mapping for codec '" + codec
                    + "'; it has one for lz4, lz4hc, zstd and zlib");
        };
    }

    /**
     * The c-blosc {@code clevel} (1 to 9) whose {@link #nativeLevel} is nearest {@code level}, the
     * codec's own level: how a compressed array sized by its codec's level picks c-blosc's blocks.
     */
    public static int clevel(String codec, int level) {
        int c = switch (codec.toLowerCase(Locale.ROOT)) {
            case "lz4" -> 10 - level;
            case "zstd" -> level >= 17 ? 9 : (level + 1) / 2;
            case "zlib" -> level < 0 ? 6 : level;
            default -> 5;
        };
        return Math.max(1, Math.min(9, c));
    }

    /** The number of blocks {@code nbytes} bytes take. */
    public int blocks(int nbytes) {
        return (int) (((long) nbytes + blocksize - 1) / blocksize);
    }

    private int streams(int bsize, boolean leftover) {
        return split && !leftover && typesize <= MAX_SPLITS && bsize / typesize >= MIN_BUFFERSIZE ? typesize : 1;
    }

    /** The most bytes {@link #encode} writes for {@code nbytes} input bytes: the table, each stream's length and bound. */
    public int maxLength(Codec codec, int nbytes) {
        int nblocks = blocks(nbytes);
        long n = 4L * nblocks;
        for (int j = 0; j < nblocks; j++) {
            int bsize = Math.min(blocksize, nbytes - j * blocksize);
            int nsplits = streams(bsize, j == nblocks - 1 && nbytes % blocksize != 0);
            n += nsplits * (4L + Math.max(bsize / nsplits, codec.maxCompressedLength(bsize / nsplits)));
        }
        if (n > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(nbytes + " bytes in blocks of " + blocksize + " may take " + n
                    + " bytes compressed, more than one Java array holds; use smaller chunks");
        }
        return (int) n;
    }

    /**
     * Compresses {@code src[srcOff, srcOff+len)} with {@code codec} at its own {@code level}: the
     * table of block starts at {@code dst[at]} (starts counted from {@code dst[origin]}), then the
     * blocks. {@code dst} needs {@link #maxLength} bytes of room from {@code at}.
     *
     * @return the position after the last byte written, or -1 as soon as that would pass {@code limit}
     */
    public int encode(Codec codec, int level, byte[] src, int srcOff, int len, byte[] dst, int origin, int at,
            int limit, byte[] tmp) {
        boolean doShuffle = shuffle && typesize > 1;
        BlockShuffler shuffler = doShuffle ? (start, bsize, out) -> Shuffle.shuffle(typesize, src, srcOff + start, bsize, out, 0) : null;
        return encode(codec, level, src, srcOff, shuffler, len, dst, origin, at, limit, tmp);
    }

    /**
     * {@link #encode} for a shuffling layout whose blocks {@code source} shuffles into {@code tmp}
     * itself (straight from the elements, without their bytes in between).
     */
    public int encode(Codec codec, int level, BlockShuffler source, int len, byte[] dst, int origin, int at,
            int limit, byte[] tmp) {
        if (!shuffle || typesize < 2) {
            throw new IllegalStateException("a block shuffler is for a shuffling layout; this one does not shuffle");
        }
        return encode(codec, level, null, 0, source, len, dst, origin, at, limit, tmp);
    }

    private int encode(Codec codec, int level, byte[] src, int srcOff, BlockShuffler shuffler, int len, byte[] dst,
            int origin, int at, int limit, byte[] tmp) {
        int nblocks = blocks(len);
        int pos = at + 4 * nblocks;
        for (int j = 0; j < nblocks; j++) {
            putInt(dst, at + 4 * j, pos - origin);
            int start = j * blocksize;
            int bsize = Math.min(blocksize, len - start);
            byte[] in = src;
            int inOff = srcOff + start;
            if (shuffler != null) {
                shuffler.shuffle(start, bsize, tmp);
                in = tmp;
                inOff = 0;
            }
            int nsplits = streams(bsize, j == nblocks - 1 && len % blocksize != 0);
            int neblock = bsize / nsplits;
            for (int k = 0; k < nsplits; k++) {
                int n = codec.compress(in, inOff + k * neblock, neblock, dst, pos + 4, level);
                if (n <= 0 || n >= neblock) {
                    System.arraycopy(in, inOff + k * neblock, dst, pos + 4, neblock);
                    n = neblock;
                }
                putInt(dst, pos, n);
                pos += 4 + n;
                if (pos > limit) {
                    return -1;
                }
            }
        }
        return pos;
    }

    /**
     * Decodes a body {@link #encode} wrote ({@code src[at, end)}, starts counted from
     * {@code src[origin]}) into exactly {@code dst[dstOff, dstOff+len)}.
     *
     * @throws CodecException naming the block and what was wrong when the body is truncated or damaged
     */
    public void decode(Codec codec, byte[] src, int origin, int at, int end, byte[] dst, int dstOff, int len,
            byte[] tmp) {
        boolean doShuffle = shuffle && typesize > 1;
        BlockUnshuffler unshuffler = doShuffle ? (in, start, bsize) -> Shuffle.unshuffle(typesize, in, 0, bsize, dst, dstOff + start) : null;
        decode(codec, src, origin, at, end, dst, dstOff, unshuffler, len, tmp);
    }

    /**
     * {@link #decode} for a shuffling layout whose blocks, decoded into {@code tmp}, {@code target}
     * unshuffles itself (straight into the elements).
     */
    public void decode(Codec codec, byte[] src, int origin, int at, int end, BlockUnshuffler target, int len, byte[] tmp) {
        if (!shuffle || typesize < 2) {
            throw new IllegalStateException("a block unshuffler is for a shuffling layout; this one does not shuffle");
        }
        decode(codec, src, origin, at, end, null, 0, target, len, tmp);
    }

    private void decode(Codec codec, byte[] src, int origin, int at, int end, byte[] dst, int dstOff,
            BlockUnshuffler unshuffler, int len, byte[] tmp) {
        int nblocks = blocks(len);
        int bodyStart = at + 4 * nblocks;
        if (bodyStart > end || bodyStart < 0) {
            throw new CodecException(end - origin + "-byte buffer cannot hold the starts of its " + nblocks
                    + " blocks (truncated)");
        }
        boolean doShuffle = unshuffler != null;
        for (int j = 0; j < nblocks; j++) {
            int start = j * blocksize;
            int bsize = Math.min(blocksize, len - start);
            int pos = origin + getInt(src, at + 4 * j);
            if (pos < bodyStart || pos > end) {
                throw new CodecException("block " + j + " starts at " + (pos - origin) + ", outside the "
                        + (end - origin) + "-byte buffer");
            }
            int nsplits = streams(bsize, j == nblocks - 1 && len % blocksize != 0);
            int neblock = bsize / nsplits;
            byte[] out = doShuffle ? tmp : dst;
            int outOff = doShuffle ? 0 : dstOff + start;
            for (int k = 0; k < nsplits; k++) {
                if (pos + 4 > end) {
                    throw new CodecException("block " + j + " is cut short (truncated)");
                }
                int n = getInt(src, pos);
                pos += 4;
                if (n < 0 || n > end - pos) {
                    throw new CodecException("block " + j + " says " + n + " stored bytes, the buffer has "
                            + (end - pos) + " left (truncated or damaged)");
                }
                if (n == neblock) {
                    System.arraycopy(src, pos, out, outOff + k * neblock, neblock);
                } else {
                    try {
                        codec.decompress(src, pos, n, out, outOff + k * neblock, neblock);
                    } catch (CodecException e) {
                        throw new CodecException("block " + j + " does not decode with " + codec.name() + ": "
                                + e.getMessage(), e);
                    }
                }
                pos += n;
            }
            if (doShuffle) {
                unshuffler.unshuffle(tmp, start, bsize);
            }
        }
    }

    /** Writes the shuffled bytes of the buffer's bytes {@code [start, start+len)} into {@code tmp} from 0. */
    @FunctionalInterface
    public interface BlockShuffler {
        void shuffle(int start, int len, byte[] tmp);
    }

    /** Unshuffles a block's {@code len} decoded bytes in {@code tmp} (from 0) into the buffer's bytes {@code [start, start+len)}. */
    @FunctionalInterface
    public interface BlockUnshuffler {
        void unshuffle(byte[] tmp, int start, int len);
    }

    /** The little-endian int at {@code b[at]}, as Blosc stores sizes and offsets. */
    public static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** Writes {@code v} little-endian at {@code b[at]}. */
    public static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
