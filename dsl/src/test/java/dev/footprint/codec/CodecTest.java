package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final List<byte[]> INPUTS = List.of(new byte[0], new byte[] {42}, TestBytes.random(13, 1),
            TestBytes.random(100_000, 2), TestBytes.smoothUint16(70_000), new byte[1 << 20], TestBytes.specialDoubles(5000));

    static int[] levels(String codec) {
        return switch (codec) {
            case "zstd" -> new int[] {-5, 0, 1, 3, 9};
            case "lz4" -> new int[] {1, 5, 9};
            case "zlib" -> new int[] {-1, 0, 1, 6, 9};
            default -> new int[] {0};
        };
    }

    static byte[] compress(Codec c, byte[] src, int level) {
        byte[] out = new byte[3 + c.maxCompressedLength(src.length)];
        int n = c.compress(src, 0, src.length, out, 3, level);
        assertTrue(n <= c.maxCompressedLength(src.length));
        return Arrays.copyOfRange(out, 3, 3 + n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "lz4", "zlib", "none"})
    void everyInputAtEveryLevelDecodesToItself(String name) {
        Codec c = Codec.named(name);
        assertEquals(name, c.name());
        for (byte[] src : INPUTS) {
            for (int level : levels(name)) {
                byte[] block = compress(c, src, level);
                byte[] back = new byte[src.length + 4];
                c.decompress(block, 0, block.length, back, 2, src.length);
                assertArrayEquals(src, Arrays.copyOfRange(back, 2, 2 + src.length), name + " level " + level);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "lz4", "zlib"})
    void compressibleInputShrinks(String name) {
        byte[] zeros = new byte[1 << 20];
        int[] levels = levels(name);
        assertTrue(compress(Codec.named(name), zeros, levels[levels.length - 1]).length < zeros.length / 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "lz4", "zlib", "none"})
    void truncatedOrWrongLengthBlocksFailInsteadOfDecodingWrong(String name) {
        Codec c = Codec.named(name);
        byte[] src = TestBytes.smoothUint16(20_000);
        byte[] block = compress(c, src, levels(name)[0]);
        byte[] dst = new byte[src.length + 10];
        CodecException truncated = assertThrows(CodecException.class,
                () -> c.decompress(block, 0, block.length - 1, dst, 0, src.length));
        assertTrue(truncated.getMessage().contains(name), truncated.getMessage());
        assertThrows(CodecException.class, () -> c.decompress(block, 0, block.length, dst, 0, src.length - 1));
        assertThrows(CodecException.class, () -> c.decompress(block, 0, block.length, dst, 0, src.length + 1));
        if (!name.equals("none")) {
            byte[] longer = Arrays.copyOf(block, block.length + 3);
            assertThrows(CodecException.class, () -> c.decompress(longer, 0, longer.length, dst, 0, src.length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "lz4", "zlib"})
    void garbageIsRefused(String name) {
        Codec c = Codec.named(name);
        byte[] dst = new byte[4096];
        for (long seed = 0; seed < 50; seed++) {
            byte[] junk = TestBytes.random(200, seed);
            assertThrows(CodecException.class, () -> c.decompress(junk, 0, junk.length, dst, 0, dst.length));
        }
    }

    @Test
    void aBlockOfAnotherCodecIsRefused() {
        byte[] src = TestBytes.smoothUint16(5000);
        byte[] zstd = compress(Codec.named("zstd"), src, 3);
        byte[] dst = new byte[src.length];
        assertThrows(CodecException.class, () -> Codec.named("zlib").decompress(zstd, 0, zstd.length, dst, 0, src.length));
        assertThrows(CodecException.class, () -> Codec.named("lz4").decompress(zstd, 0, zstd.length, dst, 0, src.length));
        byte[] zlib = compress(Codec.named("zlib"), src, 6);
        assertThrows(CodecException.class, () -> Codec.named("zstd").decompress(zlib, 0, zlib.length, dst, 0, src.length));
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownNamesListTheKnownOnes() {
        assertSame(Codec.named("zstd"), Codec.named("ZSTD"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codec.named("blosclz"));
        assertEquals("unknown codec 'blosclz'; the known codecs are zstd, lz4, zlib, none", e.getMessage());
    }

    @Test
    void levelsOutsideACodecsRangeAreRefused() {
        byte[] src = new byte[10];
        byte[] dst = new byte[100];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codec.named("zlib").compress(src, 0, 10, dst, 0, 10));
        assertEquals("zlib level must be from -1 to 9, got 10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Codec.named("lz4").compress(src, 0, 10, dst, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Codec.named("zstd").compress(src, 0, 10, dst, 0, 23));
    }

    @Test
    void aDestinationWithoutRoomForTheBoundIsRefusedBeforeCompressing() {
        byte[] src = TestBytes.random(1000, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codec.named("lz4").compress(src, 0, src.length, new byte[1000], 0, 1));
        assertTrue(e.getMessage().contains("maxCompressedLength"), e.getMessage());
    }
}
