package dev.footprint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads by address see the elements a mapped buffer holds, bit for bit, from any index of a
 * view that starts inside the file; a run that does not lie in the buffer is refused before any
 * read; buffers that are not direct or not in the machine's order are not read by address.
 */
class DirectReadsTest {
    private static final boolean BEFORE_24 = Runtime.version().feature() < 24;

    @TempDir
    Path dir;

    /** A file of 3 other bytes, then {@code values} in {@code order}, mapped from byte 3 as a float64 view. */
    private DoubleBuffer mapped(double[] values, ByteOrder order) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(3 + 8 * values.length).order(order);
        bytes.put(new byte[] {1, 2, 3});
        for (double v : values) {
            bytes.putDouble(v);
        }
        Path file = dir.resolve("values-" + order + ".bin");
        Files.write(file, bytes.array());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 3, 8L * values.length).order(order).asDoubleBuffer();
        }
    }

    @Test
    void readsTheMappedElementsBitForBit() throws IOException {
        double[] values = {1.5, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0001L),
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.1};
        DoubleBuffer b = mapped(values, ByteOrder.nativeOrder());
        assertEquals(BEFORE_24, DirectReads.readable(b));
        if (!BEFORE_24) {
            return; // the loops read the buffer there
        }
        for (int from = 0; from < values.length; from++) {
            long at = DirectReads.address(b, from, values.length - from);
            for (int i = from; i < values.length; i++) {
                assertEquals(Double.doubleToRawLongBits(values[i]),
                        Double.doubleToRawLongBits(DirectReads.get(at + 8L * (i - from))), "element " + i);
            }
        }
    }

    @Test
    void refusesARunOutsideTheBuffer() throws IOException {
        DoubleBuffer b = mapped(new double[10], ByteOrder.nativeOrder());
        if (!BEFORE_24) {
            assertThrows(IllegalStateException.class, () -> DirectReads.address(b, 0, 1));
            return;
        }
        DirectReads.address(b, 10, 0);
        DirectReads.address(b, 0, 10);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> DirectReads.address(b, 5, 6));
        assertEquals("elements 5 to 11 of a buffer of 10", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> DirectReads.address(b, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> DirectReads.address(b, 11, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> DirectReads.address(b, 1, Integer.MAX_VALUE));
    }

    @Test
    void heapAndForeignOrderBuffersAreNotReadByAddress() throws IOException {
        ByteOrder foreign = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DoubleBuffer swapped = mapped(new double[] {1.0}, foreign);
        assertFalse(DirectReads.readable(swapped));
        assertFalse(DirectReads.readable(DoubleBuffer.wrap(new double[] {1.0})));
        assertThrows(IllegalStateException.class, () -> DirectReads.address(swapped, 0, 1));
        assertTrue(swapped.get(0) == 1.0);
    }
}
