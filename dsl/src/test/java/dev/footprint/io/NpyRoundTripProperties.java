package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever is written is read back bit for bit: every dtype, shape, byte order, memory order and version. */
class NpyRoundTripProperties {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("npy-properties");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void npyWriteThenReadIsBitIdentical(@ForAll DType dtype, @ForAll("shapes") long[] shape, @ForAll long seed,
                                        @ForAll boolean bigEndian, @ForAll boolean fortran,
                                        @ForAll("versions") int version) {
        NDArray a = TestArrays.random(dtype, seed, shape);
        Path file = dir.resolve("p.npy");
        NpyWriteOptions options = NpyWriteOptions.DEFAULT.byteOrder(bigEndian ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN).fortranOrder(fortran).version(version);
        Npy.write(file, a, options);
        NDArray back = Npy.read(file, ProgressListener.NONE);
        assertEquals(a, back);
        assertArrayEquals(TestArrays.leBytes(a), TestArrays.leBytes(back));
        assertEquals(0, Npy.readHeader(file).dataOffset() % 64);
    }

    @Property(tries = 60)
    void npzWriteThenReadIsBitIdentical(@ForAll DType first, @ForAll DType second, @ForAll("shapes") long[] shape,
                                        @ForAll long seed, @ForAll boolean compressed) {
        Map<String, NDArray> arrays = Map.of("x", TestArrays.random(first, seed, shape),
                "y", TestArrays.random(second, seed + 1, shape));
        Path file = dir.resolve("p.npz");
        if (compressed) {
            Npz.writeCompressed(file, arrays);
        } else {
            Npz.write(file, arrays);
        }
        assertEquals(arrays, Npz.readAll(file));
    }

    @Provide
    Arbitrary<long[]> shapes() {
        return Arbitraries.longs().between(0, 6).array(long[].class).ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.of(0, 1, 2, 3);
    }
}
