package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.Shapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the header of a {@code .npy} file says: format version, dtype, byte order, memory order
 * and shape, and where the data starts. Reading it costs a few hundred bytes, so it tells how
 * much memory an array will take before loading it.
 *
 * <pre>{@code
 * NpyHeader h = Npy.readHeader(Path.of("image.npy"));
 * h.shape();       // [1024, 1024]
 * h.dataBytes();   // 2097152
 * }</pre>
 */
public final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the data to 64 bytes so that files can be memory-mapped. */
    static final int ALIGN = 64;
    /** NumPy leaves room to grow the first (C) or last (Fortran) axis to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Far above any real header (NumPy refuses more than 10000 bytes by default), far below harm. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** NumPy 2 allows 64 dimensions. */
    static final int MAX_DIMS = 64;
    private static final Set<Object> KEYS = Set.of("descr", "fortran_order", "shape");

    private final int major;
    private final int minor;
    private final DType dtype;
    private final ByteOrder byteOrder;
    private final boolean fortranOrder;
    private final long[] shape;
    private final long dataOffset;

    NpyHeader(int major, int minor, DType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape,
              long dataOffset) {
        this.major = major;
        this.minor = minor;
        this.dtype = dtype;
        this.byteOrder = byteOrder;
        this.fortranOrder = fortranOrder;
        this.shape = shape.clone();
        this.dataOffset = dataOffset;
    }

    /** Format version: 1.0, 2.0 (header longer than 64 KiB) or 3.0 (UTF-8 header). */
    public String version() {
        return major + "." + minor;
    }

    public DType dtype() {
        return dtype;
    }

    /** Byte order of the data in the file (Footprint arrays hold values, not bytes, so this is only the file's). */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** Whether the data in the file lies in Fortran (column-major) order; arrays are always read into C order. */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The descr as NumPy would write it for this dtype and byte order, e.g. {@code ">u2"}. */
    public String descr() {
        return NpyDescr.format(dtype, byteOrder);
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes of data that follow the header: {@code size() * itemsize}. */
    public long dataBytes() {
        return size() * dtype.itemsize();
    }

    /** Offset of the first data byte from the start of the file. */
    public long dataOffset() {
        return dataOffset;
    }

    @Override
    public String toString() {
        return "npy " + version() + " " + descr() + " " + Shapes.text(shape) + (fortranOrder ? " fortran" : "")
                + ", data at byte " + dataOffset;
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * Reads the header from the start of {@code in}, leaving it positioned at the first data byte.
     * {@code length} is the number of bytes in the whole file (or zip entry), or -1 when unknown;
     * when known, a header or declared data that would run past it is refused here.
     */
    static NpyHeader read(ReadableByteChannel in, long length, String file) throws IOException {
        Raw raw = readRaw(in, length, file);
        NpyDescr descr = NpyDescr.parse(raw.descr(), file);
        NpyHeader header = new NpyHeader(raw.major(), 0, descr.dtype(), descr.order(), raw.fortranOrder(), raw.shape(),
                raw.dataOffset());
        header.checkDataFits(length, file);
        return header;
    }

    /** A header whose descr has not been checked yet (scipy's files hold a byte string, {@code '|S3'}). */
    record Raw(int major, Object descr, boolean fortranOrder, long[] shape, long dataOffset) {}

    /** Reads and checks everything of the header except the descr. */
    static Raw readRaw(ReadableByteChannel in, long length, String file) throws IOException {
        ByteBuffer prelude = ByteBuffer.allocate(MAGIC.length + 2);
        int got = IoSupport.readFully(in, prelude);
        byte[] start = Arrays.copyOf(prelude.array(), got);
        if (got < MAGIC.length || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new NpyFormatException(file, notNpy(start, got));
        }
        if (got < prelude.capacity()) {
            throw new NpyFormatException(file, "the file ends inside the header (" + got + " bytes)");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (!(minor == 0 && (major == 1 || major == 2 || major == 3))) {
            throw new NpyFormatException(file, "unsupported .npy format version " + major + "." + minor
                    + "; Footprint reads 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer lenBuf = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (IoSupport.readFully(in, lenBuf) < lengthBytes) {
            throw new NpyFormatException(file, "the file ends inside the header");
        }
        lenBuf.flip();
        long headerLength = major == 1 ? lenBuf.getShort() & 0xFFFF : lenBuf.getInt() & 0xFFFF_FFFFL;
        long dataOffset = MAGIC.length + 2 + lengthBytes + headerLength;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(file, "the header claims to be " + headerLength
                    + " bytes long, more than the " + MAX_HEADER_BYTES + " Footprint accepts");
        }
        if (length >= 0 && dataOffset > length) {
            throw new NpyFormatException(file, "the header claims to be " + headerLength + " bytes long, but the file "
                    + "has only " + length + " bytes; it is truncated or not a .npy file");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLength);
        if (IoSupport.readFully(in, headerBuf) < headerLength) {
            throw new NpyFormatException(file, "the file ends inside the header (expected " + headerLength
                    + " header bytes)");
        }
        headerBuf.flip();
        String text = decodeText(headerBuf, major, file);
        Map<?, ?> dict = parseDict(text, file);
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(file, "the header's 'fortran_order' is not True or False: "
                    + dict.get("fortran_order"));
        }
        long[] shape = parseShape(dict.get("shape"), file);
        return new Raw(major, dict.get("descr"), fortran, shape, dataOffset);
    }

    private static String notNpy(byte[] start, int got) {
        if (got == 0) {
            return "the file is empty, not a .npy file";
        }
        if (got >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return "this is a zip archive (an .npz?), not a .npy file; load one of its arrays by name, or all of them";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(got, MAGIC.length); i++) {
            hex.append(String.format("%02x", start[i] & 0xFF));
        }
        return "not a .npy file: it starts with bytes " + hex + " instead of the magic \\x93NUMPY";
    }

    private static String decodeText(ByteBuffer bytes, int major, String file) {
        if (major < 3) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(file, "the version 3.0 header is not valid UTF-8");
        }
    }

    private static Map<?, ?> parseDict(String text, String file) {
        Object literal;
        try {
            literal = PyLiteralParser.parse(text);
        } catch (PyLiteralParser.SyntaxError e) {
            throw new NpyFormatException(file, "malformed header dict: " + e.getMessage() + " in "
                    + IoSupport.quote(text));
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(file, "the header is not a dict: " + IoSupport.quote(text));
        }
        if (!dict.keySet().equals(KEYS)) {
            throw new NpyFormatException(file, "the header dict must have exactly the keys 'descr', "
                    + "'fortran_order' and 'shape', but has " + dict.keySet());
        }
        return dict;
    }

    private static long[] parseShape(Object value, String file) {
        if (!(value instanceof PyLiteralParser.Tuple tuple)) {
            throw new NpyFormatException(file, "the header's 'shape' is not a tuple: " + value);
        }
        List<Object> items = tuple.items();
        if (items.size() > MAX_DIMS) {
            throw new NpyFormatException(file, "the shape has " + items.size() + " dimensions, more than "
                    + MAX_DIMS);
        }
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof Long d) || d < 0) {
                throw new NpyFormatException(file, "the shape " + items + " has " + items.get(i) + " at axis " + i
                        + "; dimensions must be integers >= 0");
            }
            if (d > Integer.MAX_VALUE) {
                throw new NpyFormatException(file, "the shape " + items + " has " + d + " at axis " + i
                        + ", more than a Footprint array can hold along one axis");
            }
            shape[i] = d;
        }
        return shape;
    }

    /** Refuses a header whose shape needs more bytes than follow it, before anything is allocated. */
    private void checkDataFits(long length, String file) {
        long bytes = 1;
        boolean overflow = false;
        for (long d : shape) {
            if (d == 0) {
                return;
            }
            if (!overflow && bytes > Long.MAX_VALUE / d) {
                overflow = true;
            }
            bytes *= d;
        }
        if (!overflow && bytes > Long.MAX_VALUE / dtype.itemsize()) {
            overflow = true;
        }
        bytes *= dtype.itemsize();
        if (overflow) {
            throw new NpyFormatException(file, "the header declares shape " + Shapes.text(shape)
                    + ", more elements than any file can hold");
        }
        if (length >= 0 && bytes > length - dataOffset) {
            throw new NpyFormatException(file, "the header declares shape " + Shapes.text(shape) + " of "
                    + dtype + ", " + bytes + " bytes of data, but only " + (length - dataOffset)
                    + " bytes follow the header; the file is truncated or its header is wrong");
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * The header bytes NumPy's {@code np.save} writes for this array: the dict with sorted keys,
     * room to grow the leading axis, spaces and a newline up to a multiple of 64 bytes. Version
     * 1.0 unless the header needs more (or {@code forcedMajor} asks for 2 or 3).
     */
    static byte[] encode(DType dtype, ByteOrder order, boolean fortranOrder, long[] shape, int forcedMajor) {
        return encode(NpyDescr.format(dtype, order), fortranOrder, shape, forcedMajor);
    }

    /** As {@link #encode(DType, ByteOrder, boolean, long[], int)} for any descr, such as {@code '|S3'}. */
    static byte[] encode(String descr, boolean fortranOrder, long[] shape, int forcedMajor) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': ").append(Shapes.text(shape)).append(", }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length())));
        }
        byte[] text = dict.toString().getBytes(forcedMajor == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int major = forcedMajor != 0 ? forcedMajor : (paddedLength(text.length, 2) > 0xFFFF ? 2 : 1);
        int lengthBytes = major == 1 ? 2 : 4;
        int padded = paddedLength(text.length, lengthBytes);
        if (major == 1 && padded > 0xFFFF) {
            throw new IllegalArgumentException("header of " + padded + " bytes does not fit version 1.0");
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) padded);
        } else {
            out.putInt(padded);
        }
        out.put(text);
        while (out.remaining() > 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** Header length after padding, as NumPy's {@code _wrap_header}: padding is 1..64 bytes, never 0. */
    private static int paddedLength(int textLength, int lengthBytes) {
        int withNewline = textLength + 1;
        int pad = ALIGN - ((MAGIC.length + 2 + lengthBytes + withNewline) % ALIGN);
        return withNewline + pad;
    }
}
