package dev.footprint.zarr;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.footprint.array.DType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code .zarray} of a Zarr v2 array: shape, chunk shape, dtype and byte order, memory order
 * of the chunks, fill value, compressor and the separator of chunk keys. Reading checks every
 * field and refuses what Footprint does not read with the field's name and value.
 */
record ZarrMetadata(long[] shape, int[] chunks, DType dtype, ByteOrder byteOrder, boolean fortranOrder,
        FillValue fill, ChunkCompressor compressor, String separator) {

    static final String ARRAY_FILE = ".zarray";
    static final String ATTRS_FILE = ".zattrs";
    private static final Gson JSON = new GsonBuilder().setFormattingStyle(FormattingStyle.PRETTY.withIndent("    "))
            .disableHtmlEscaping().serializeNulls().create();

    /** Reads and checks {@code store/.zarray}. */
    static ZarrMetadata read(Path store) {
        Path file = store.resolve(ARRAY_FILE);
        if (!Files.isRegularFile(file)) {
            throw notAnArray(store);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new ZarrFormatException(store, ".zarray is not a JSON object: " + abbreviate(text));
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ZarrFormatException(store, ".zarray is not valid JSON: " + e.getMessage(), e);
        }
        return parse(store, o);
    }

    private static ZarrFormatException notAnArray(Path store) {
        if (!Files.exists(store)) {
            return new ZarrFormatException(store, "not a Zarr array: " + store + " does not exist");
        }
        if (Files.isRegularFile(store.resolve("zarr.json"))) {
            return new ZarrFormatException(store, "not a Zarr v2 array: " + store
                    + " has zarr.json (Zarr v3); Footprint reads Zarr v2 stores (.zarray)");
        }
        if (Files.isRegularFile(store.resolve(".zgroup"))) {
            return new ZarrFormatException(store, "not a Zarr array: " + store
                    + " is a Zarr group (.zgroup); open one of its arrays, a folder with a .zarray");
        }
        return new ZarrFormatException(store, "not a Zarr array: " + store + " has no .zarray");
    }

    static ZarrMetadata parse(Path store, JsonObject o) {
        JsonElement format = o.get("zarr_format");
        if (format == null || !isInt(format) || format.getAsLong() != 2) {
            throw ZarrFormatException.field(store, "zarr_format", format, "Footprint reads Zarr v2 arrays (zarr_format 2)");
        }
        long[] shape = longs(store, o, "shape", 0);
        int[] chunks = ints(store, o, "chunks");
        if (chunks.length != shape.length) {
            throw ZarrFormatException.field(store, "chunks", o.get("chunks"), "it needs one length per axis of shape "
                    + Arrays.toString(shape));
        }
        JsonElement dt = o.get("dtype");
        if (dt == null || !dt.isJsonPrimitive() || !dt.getAsJsonPrimitive().isString()) {
            throw ZarrFormatException.field(store, "dtype", dt, "structured dtypes are not supported; " + DTypes.SUPPORTED);
        }
        DTypes.Parsed parsed = DTypes.parse(dt.getAsString());
        if (parsed == null) {
            throw ZarrFormatException.field(store, "dtype", dt, DTypes.SUPPORTED);
        }
        long chunkBytes = (long) parsed.dtype().itemsize();
        for (int c : chunks) {
            chunkBytes *= c;
        }
        if (chunkBytes > Integer.MAX_VALUE - 64) {
            throw ZarrFormatException.field(store, "chunks", o.get("chunks"), "a chunk of " + chunkBytes
                    + " bytes is more than Footprint reads as one chunk (2 GiB); rechunk the store smaller");
        }
        JsonElement order = o.get("order");
        if (order == null || !order.isJsonPrimitive() || !Set.of("C", "F").contains(order.getAsString())) {
            throw ZarrFormatException.field(store, "order", order, "it must be \"C\" or \"F\"");
        }
        JsonElement filters = o.get("filters");
        if (filters != null && !filters.isJsonNull() && !(filters.isJsonArray() && filters.getAsJsonArray().isEmpty())) {
            throw ZarrFormatException.field(store, "filters", filters, "Footprint reads stores without filters"
                    + " (filters: null); rewrite it in zarr-python with filters=None");
        }
        JsonElement sep = o.get("dimension_separator");
        String separator = sep == null || sep.isJsonNull() ? "." : sep.getAsString();
        if (!separator.equals(".") && !separator.equals("/")) {
            throw ZarrFormatException.field(store, "dimension_separator", sep, "it must be \".\" or \"/\"");
        }
        FillValue fill = FillValue.parse(store, parsed.dtype(), o.get("fill_value"));
        ChunkCompressor compressor = Compressors.parse(store, o.get("compressor"));
        return new ZarrMetadata(shape, chunks, parsed.dtype(), parsed.order(), order.getAsString().equals("F"), fill,
                compressor, separator);
    }

    /** The {@code .zarray} text, as zarr-python writes it: keys sorted, four-space indents. */
    String toJson() {
        TreeMap<String, JsonElement> m = new TreeMap<>();
        JsonArray c = new JsonArray();
        Arrays.stream(chunks).forEach(c::add);
        JsonArray s = new JsonArray();
        Arrays.stream(shape).forEach(s::add);
        m.put("chunks", c);
        m.put("compressor", compressor.config());
        m.put("dtype", new com.google.gson.JsonPrimitive(DTypes.format(dtype, byteOrder)));
        m.put("fill_value", fill.toJson());
        m.put("filters", JsonNull.INSTANCE);
        m.put("order", new com.google.gson.JsonPrimitive(fortranOrder ? "F" : "C"));
        m.put("shape", s);
        m.put("zarr_format", new com.google.gson.JsonPrimitive(2));
        if (!separator.equals(".")) {
            m.put("dimension_separator", new com.google.gson.JsonPrimitive(separator));
        }
        JsonObject o = new JsonObject();
        m.forEach(o::add);
        return JSON.toJson(o);
    }

    /** Bytes of one whole chunk, edge chunks included (they are stored padded to the full chunk shape). */
    int chunkBytes() {
        long n = dtype.itemsize();
        for (int c : chunks) {
            n *= c;
        }
        return (int) n;
    }

    /** The same metadata with another dtype, fill value and compressor (for copies). */
    ZarrMetadata with(DType newDtype, FillValue newFill, ChunkCompressor newCompressor) {
        return new ZarrMetadata(shape, chunks, newDtype, byteOrder, fortranOrder, newFill, newCompressor, separator);
    }

    private static boolean isInt(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        try {
            new java.math.BigDecimal(e.getAsString()).longValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException x) {
            return false;
        }
    }

    private static long[] longs(Path store, JsonObject o, String field, long min) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw ZarrFormatException.field(store, field, e, "it must be a list of integers");
        }
        JsonArray a = e.getAsJsonArray();
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) {
            if (!isInt(a.get(i)) || a.get(i).getAsLong() < min) {
                throw ZarrFormatException.field(store, field, e, "it must be a list of integers ≥ " + min);
            }
            r[i] = a.get(i).getAsLong();
        }
        return r;
    }

    private static int[] ints(Path store, JsonObject o, String field) {
        long[] l = longs(store, o, field, 1);
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] > Integer.MAX_VALUE) {
                throw ZarrFormatException.field(store, field, o.get(field), "a chunk length must be below 2^31");
            }
            r[i] = (int) l[i];
        }
        return r;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZarrMetadata m && Arrays.equals(shape, m.shape) && Arrays.equals(chunks, m.chunks)
                && dtype == m.dtype && byteOrder.equals(m.byteOrder) && fortranOrder == m.fortranOrder
                && fill.equals(m.fill) && compressor.equals(m.compressor) && separator.equals(m.separator);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(chunks);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
