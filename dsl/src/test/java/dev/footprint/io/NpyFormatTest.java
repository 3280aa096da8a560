package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code .npy} layout as NumPy writes it, and every way a bad file is refused. */
class NpyFormatTest {
    @TempDir
    Path dir;

    @Test
    void theArticlesImageIsLaidOutAsNumpySaveDoes() throws IOException {
        Path file = dir.resolve("image.npy");
        NDArray image = NDArray.allocate(DType.UINT16, 1024, 1024);
        Npy.write(file, image);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(2_097_280, bytes.length);
        assertEquals(128, Npy.readHeader(file).dataOffset());
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<u2', 'fortran_order': False, 'shape': (1024, 1024), }   "), header);
        assertTrue(header.endsWith(" \n"));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
    }

    @Test
    void zeroDimensionalAndEmptyArrays() {
        for (long[] shape : List.of(new long[] {}, new long[] {0}, new long[] {3, 0}, new long[] {0, 0, 7})) {
            NDArray a = TestArrays.random(DType.FLOAT32, 1, shape);
            Path file = dir.resolve("a.npy");
            Npy.write(file, a);
            NDArray back = Npy.read(file, ProgressListener.NONE);
            assertArrayEquals(shape, back.shape());
            assertEquals(a, back);
            assertEquals(0, (file.toFile().length()) % 64 == 0 ? 0 : (Npy.readHeader(file).dataOffset() % 64));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyFormatVersionReadsBack(int version) {
        NDArray a = TestArrays.random(DType.INT32, 5, 3, 4);
        Path file = dir.resolve("v.npy");
        Npy.write(file, a, NpyWriteOptions.DEFAULT.version(version));
        NpyHeader h = Npy.readHeader(file);
        assertEquals(version + ".0", h.version());
        assertEquals(0, h.dataOffset() % 64);
        assertEquals(a, Npy.read(file, ProgressListener.NONE));
    }

    @Test
    void fortranOrderFilesAreReadIntoCOrder() {
        NDArray a = TestArrays.random(DType.FLOAT64, 9, 2, 3, 4);
        Path file = dir.resolve("f.npy");
        Npy.write(file, a, NpyWriteOptions.DEFAULT.fortranOrder(true).bigEndian());
        NpyHeader h = Npy.readHeader(file);
        assertTrue(h.fortranOrder());
        assertEquals(ByteOrder.BIG_ENDIAN, h.byteOrder());
        NDArray back = Npy.read(file, ProgressListener.NONE);
        assertTrue(back.isContiguous());
        assertEquals(a, back);
        assertEquals(a.getDouble(1, 2, 3), back.getDouble(1, 2, 3));
    }

    @Test
    void boolBytesOtherThanOneReadAsTrue() throws IOException {
        Path file = dir.resolve("b.npy");
        Npy.write(file, NDArray.wrap(DType.BOOL, new byte[] {0, 1, 1}, 3));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] = 7;
        Files.write(file, bytes);
        assertEquals(NDArray.wrap(DType.BOOL, new byte[] {0, 1, 1}, 3), Npy.read(file, ProgressListener.NONE));
    }

    @Test
    void pythonTwoHeadersWithLongIntegersAndDoubleQuotes() throws IOException {
        Path file = write("{\"descr\": \"<i2\", \"fortran_order\": False, \"shape\": (2L, 1L)}", new byte[] {1, 0, 2, 0});
        assertEquals(NDArray.wrap(DType.INT16, new short[] {1, 2}, 2, 1), Npy.read(file, ProgressListener.NONE));
    }

    @Test
    void progressIsReportedPerChunkAndShownOnlyForLongLargeLoads() {
        NDArray a = NDArray.allocate(DType.FLOAT64, 3, 1 << 19); // 12 MiB: 12 chunks
        Path file = dir.resolve("p.npy");
        Npy.write(file, a);
        List<Long> seen = new ArrayList<>();
        Npy.read(file, (f, done, total) -> {
            assertEquals(a.nbytes(), total);
            seen.add(done);
        });
        assertEquals(12, seen.size());
        assertEquals(a.nbytes(), seen.get(seen.size() - 1));

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Npy.read(file, ProgressListener.onStream(new PrintStream(text, true), Duration.ZERO, 0));
        assertTrue(text.toString().contains("loading " + file), text.toString());
        assertTrue(text.toString().endsWith(System.lineSeparator()));
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        Npy.read(file, ProgressListener.onStream(new PrintStream(quiet, true), Duration.ofSeconds(1), 64L << 20));
        assertEquals("", quiet.toString());
    }

    // ---- refusals ------------------------------------------------------------------------------

    @Test
    void wrongMagic() throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "hello, not an array");
        assertProblem(file, "not a .npy file");
        Files.write(file, new byte[0]);
        assertProblem(file, "the file is empty");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0});
        assertProblem(file, "zip archive");
    }

    @Test
    void unsupportedVersion() throws IOException {
        Path file = dir.resolve("x.npy");
        Npy.write(file, TestArrays.random(DType.INT8, 1, 3));
        byte[] bytes = Files.readAllBytes(file);
        bytes[6] = 4;
        Files.write(file, bytes);
        assertProblem(file, "unsupported .npy format version 4.0");
    }

    @Test
    void truncatedFiles() throws IOException {
        Path file = dir.resolve("t.npy");
        Npy.write(file, TestArrays.random(DType.INT64, 1, 10));
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {3, 8, 9, 20, 127, 128, 129, 200}) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file, ProgressListener.NONE));
            assertEquals(file.toString(), e.file());
        }
        Files.write(file, Arrays.copyOf(bytes, 200));
        assertProblem(file, "80 bytes of data, but only 72 bytes follow the header");
    }

    @Test
    void aHeaderThatLiesAboutTheShapeIsRefusedBeforeAllocating() throws IOException {
        // 2^40 float64 values would be 8 TiB; 8 bytes follow. Refused without trying to allocate.
        Path file = write("{'descr': '<f8', 'fortran_order': False, 'shape': (1048576, 1048576), }", new byte[8]);
        assertProblem(file, "8796093022208 bytes of data, but only 8 bytes follow the header");
        Path overflow = write("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, "
                + "2147483647), }", new byte[8]);
        assertProblem(overflow, "more elements than any file can hold");
        Path hugeAxis = write("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 99999999999), }", new byte[0]);
        assertProblem(hugeAxis, "more than a Footprint array can hold along one axis");
    }

    @Test
    void aHeaderLengthThatLiesIsRefused() throws IOException {
        Path file = dir.resolve("h.npy");
        Npy.write(file, TestArrays.random(DType.INT8, 1, 3), NpyWriteOptions.DEFAULT.version(2));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7fff_fff0);
        Files.write(file, bytes);
        assertProblem(file, "more than the 1048576 Footprint accepts");
        ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(5000);
        Files.write(file, bytes);
        assertProblem(file, "the header claims to be 5000 bytes long, but the file has only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"|O", "<c16", "<U5", "|S3", "<M8[ns]", "<f16", "|V8", "<i3", "<x"})
    void unsupportedDtypes(String descr) throws IOException {
        Path file = write("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
        NpyFormatException e = assertProblem(file, "unsupported dtype '" + descr + "'");
        assertTrue(e.problem().contains("Footprint reads |b1"), e.problem());
    }

    @Test
    void structuredDtypesAreNamedAsSuch() throws IOException {
        Path file = write("{'descr': [('x', '<i4'), ('y', '<f8')], 'fortran_order': False, 'shape': (1,), }",
                new byte[12]);
        assertProblem(file, "structured dtype");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr': '<i4', 'fortran_order': False, 'shape': (1,)",           // not closed
        "{'descr': '<i4', 'fortran_order': False}",                          // missing key
        "{'descr': '<i4', 'fortran_order': False, 'shape': (1,), 'x': 1}",   // extra key
        "{'descr': '<i4', 'fortran_order': 0, 'shape': (1,)}",               // not a bool
        "{'descr': '<i4', 'fortran_order': False, 'shape': [1]}",            // not a tuple
        "{'descr': '<i4', 'fortran_order': False, 'shape': (-1,)}",          // negative
        "{'descr': '<i4', 'fortran_order': False, 'shape': (1.5,)}",         // float
        "{'descr': '<i4', 'fortran_order': False, 'shape': (1,), 'shape': (1,)}", // duplicate
        "{'descr': '<i4', 'fortran_order': False, 'shape': ((((((((((((((((((1,),),),),),),),),),),),),),),),),),),)}",
        "['descr', '<i4']",
        "{'descr': '<i4', 'fortran_order': False, 'shape': (99999999999999999999999,)}",
        "{'descr': '<i4', 'fortran_order': Flase, 'shape': (1,)}",
        "{'descr': '<i4\n', 'fortran_order': False, 'shape': (1,)}",
    })
    void malformedHeaderDicts(String dict) throws IOException {
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> Npy.read(write(dict, new byte[8]), ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("w.npy").toString() + ": "), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoErrorNotAFormatError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Npy.read(dir.resolve("none.npy")));
        assertTrue(e.getMessage().contains("none.npy"));
        assertFalse(Npy.isNpy(dir.resolve("none.npy")));
    }

    /** A version 1.0 file with {@code dict} as its header, padded as NumPy pads, then {@code data}. */
    private Path write(String dict, byte[] data) throws IOException {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int total = 10 + text.length + 1;
        int pad = (64 - total % 64) % 64;
        ByteBuffer buf = ByteBuffer.allocate(total + pad + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) (text.length + 1 + pad)).put(text);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) ' ');
        }
        buf.put((byte) '\n').put(data);
        Path file = dir.resolve("w.npy");
        Files.write(file, buf.array());
        return file;
    }

    private static NpyFormatException assertProblem(Path file, String expected) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file, ProgressListener.NONE));
        assertTrue(e.problem().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(file.toString(), e.file());
        return e;
    }
}
