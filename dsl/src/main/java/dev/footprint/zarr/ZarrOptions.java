package dev.footprint.zarr;

import dev.footprint.array.Arguments;
import dev.footprint.array.DType;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Map;

/**
 * How {@code zarr.save} writes a store. The defaults are zarr-python's: chunks guessed from the
 * shape (about 128 KiB to 64 MiB each), Blosc with lz4 at level 5 and byte shuffle, fill value 0,
 * C order. Each method returns a new set of options.
 *
 * <pre>{@code
 * zarr.save("image.zarr", image, zarr.options().chunks(512, 512).zstd(3));
 * zarr.save("counts.zarr", counts, zarr.options().blosc("zstd", 5));
 * }</pre>
 */
public final class ZarrOptions {
    /** zarr-python's defaults. */
    public static final ZarrOptions DEFAULT = new ZarrOptions(null, new CompressorSpec("blosc", "lz4", 5, true), null,
            null, null);

    /** A compressor by its numcodecs name and settings. */
    record CompressorSpec(String id, String cname, int level, boolean shuffle) {}

    private final long[] chunks;
    private final CompressorSpec compressor;
    private final Number fill;
    private final DType dtype;
    /** The {@code .zattrs} to write, or null to write none (copies keep the source's). */
    private final JsonObject attrs;

    private ZarrOptions(long[] chunks, CompressorSpec compressor, Number fill, DType dtype, JsonObject attrs) {
        this.chunks = chunks;
        this.compressor = compressor;
        this.fill = fill;
        this.dtype = dtype;
        this.attrs = attrs;
    }

    /** The chunk shape, one length per axis (each at least 1). */
    public ZarrOptions chunks(long... chunkShape) {
        Arguments.notNull(chunkShape, "chunkShape");
        for (long c : chunkShape) {
            if (c < 1 || c > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("chunk lengths must be between 1 and 2^31 - 1, not "
                        + Arrays.toString(chunkShape));
            }
        }
        return new ZarrOptions(chunkShape.clone(), compressor, fill, dtype, attrs);
    }

    /**
     * Blosc with {@code cname} inside ({@code "lz4"} or {@code "zstd"}), level 0–9, byte shuffle on.
     *
     * <pre>{@code
     * zarr.options().blosc("zstd", 5)
     * }</pre>
     */
    public ZarrOptions blosc(String cname, int clevel) {
        return blosc(cname, clevel, true);
    }

    /** Blosc with {@code cname} inside, level 0–9, byte shuffle on or off. */
    public ZarrOptions blosc(String cname, int clevel, boolean shuffle) {
        Arguments.notNull(cname, "cname");
        if (!cname.equals("lz4") && !cname.equals("zstd")) {
            throw new IllegalArgumentException("Footprint writes Blosc with cname \"lz4\" or \"zstd\", not \"" + cname + "\"");
        }
        return new ZarrOptions(chunks, new CompressorSpec("blosc", cname, level(clevel), shuffle), fill, dtype, attrs);
    }

    /** numcodecs' {@code Zstd(level)}: a zstd frame per chunk, level 1–22. */
    public ZarrOptions zstd(int level) {
        if (level < 1 || level > 22) {
            throw new IllegalArgumentException("zstd level must be 1..22, not " + level);
        }
        return new ZarrOptions(chunks, new CompressorSpec("zstd", null, level, false), fill, dtype, attrs);
    }

    /** numcodecs' {@code Zlib(level)}: a zlib stream per chunk, level 0–9. */
    public ZarrOptions zlib(int level) {
        return new ZarrOptions(chunks, new CompressorSpec("zlib", null, level(level), false), fill, dtype, attrs);
    }

    /** No compressor: each chunk file holds the chunk's bytes. */
    public ZarrOptions uncompressed() {
        return new ZarrOptions(chunks, new CompressorSpec("none", null, 0, false), fill, dtype, attrs);
    }

    /** The value of elements never written (0 by default); it must fit the dtype exactly. */
    public ZarrOptions fillValue(double value) {
        return new ZarrOptions(chunks, compressor, value, dtype, attrs);
    }

    /** The value of elements never written (0 by default); it must fit the dtype exactly. */
    public ZarrOptions fillValue(long value) {
        return new ZarrOptions(chunks, compressor, value, dtype, attrs);
    }

    /** For copies: the dtype of the new store; every value must fit (as {@code NDArray.as}). */
    public ZarrOptions dtype(DType newDtype) {
        Arguments.notNull(newDtype, "newDtype");
        return new ZarrOptions(chunks, compressor, fill, newDtype, attrs);
    }

    /**
     * User attributes written as the store's {@code .zattrs} (zarr-python's {@code z.attrs}):
     * strings, numbers, booleans, null, and lists and maps of them. A copy keeps its source's
     * attributes unless these are given.
     *
     * <pre>{@code
     * zarr.save("scan.zarr", image, zarr.options().attrs(Map.of("units", "counts", "scale", 0.5)));
     * }</pre>
     */
    public ZarrOptions attrs(Map<String, ?> attributes) {
        Arguments.notNull(attributes, "attributes");
        return new ZarrOptions(chunks, compressor, fill, dtype, Attributes.toJson(attributes));
    }

    /** The attributes chosen, or null. */
    JsonObject attrs() {
        return attrs == null ? null : attrs.deepCopy();
    }

    long[] chunkShape() {
        return chunks == null ? null : chunks.clone();
    }

    DType dtype() {
        return dtype;
    }

    boolean compressorChosen() {
        return this.compressor != DEFAULT.compressor;
    }

    ChunkCompressor compressor() {
        return switch (compressor.id()) {
            case "blosc" -> new BloscCompressor(compressor.cname(), compressor.level(),
                    compressor.shuffle() ? BloscCompressor.SHUFFLE : BloscCompressor.NOSHUFFLE, 0);
            case "zstd", "zlib" -> new BlockCompressor(compressor.id(), compressor.level());
            default -> new Uncompressed();
        };
    }

    FillValue fill(DType t) {
        if (fill == null) {
            return FillValue.zero(t);
        }
        return fill instanceof Double d ? FillValue.of(t, d) : FillValue.of(t, fill.longValue());
    }

    private static int level(int l) {
        if (l < 0 || l > 9) {
            throw new IllegalArgumentException("compression level must be 0..9, not " + l);
        }
        return l;
    }

    @Override
    public String toString() {
        return "ZarrOptions[chunks=" + (chunks == null ? "guessed" : Arrays.toString(chunks)) + ", compressor="
                + compressor() .describe() + ", fill=" + (fill == null ? 0 : fill) + (dtype == null ? "" : ", dtype=" + dtype)
                + (attrs == null ? "" : ", attrs=" + attrs) + "]";
    }
}
