package dev.footprint.storage;

/**
 * How one element sits in storage: its primitive, its width and how its bits read. The twelve
 * encodings are the engine's twelve dtypes, in the same order.
 */
public enum Encoding {
    BOOL(Primitive.BYTE), INT8(Primitive.BYTE), UINT8(Primitive.BYTE),
    INT16(Primitive.SHORT), UINT16(Primitive.SHORT),
    INT32(Primitive.INT), UINT32(Primitive.INT),
    INT64(Primitive.LONG), UINT64(Primitive.LONG),
    FLOAT16(Primitive.SHORT), FLOAT32(Primitive.FLOAT), FLOAT64(Primitive.DOUBLE);

    /** The Java primitive that holds an element. */
    public enum Primitive {
        BYTE(1), SHORT(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

        final int bytes;

        Primitive(int bytes) {
            this.bytes = bytes;
        }
    }

    private final Primitive primitive;

    Encoding(Primitive primitive) {
        this.primitive = primitive;
    }

    public Primitive primitive() {
        return primitive;
    }

    /** Bytes per element. */
    public int itemsize() {
        return primitive.bytes;
    }

    /** Whether the element is a float (float16 bits included). */
    public boolean isFloat() {
        return this == FLOAT16 || this == FLOAT32 || this == FLOAT64;
    }
}
