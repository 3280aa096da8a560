package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.io.ExternalPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocks are the C libraries' formats: numcodecs (Debian's {@code python3-numcodecs}, built on
 * the same zstd, lz4 and zlib that c-blosc uses) decodes what these codecs write, and these codecs
 * decode what numcodecs writes. lz4 blocks are moreover the very bytes Debian's liblz4 writes at
 * the same acceleration (LZ4 1.9's match finder, which c-blosc links), so Footprint's lz4 chunks
 * take c-blosc's bytes. {@code src/test/python/codec_check.py} does the Python side.
 */
class CodecPythonTest {
    private static final List<String> CODECS = List.of("zstd", "lz4", "zlib");

    private static List<byte[]> inputs() {
        return List.of(new byte[0], TestBytes.random(1, 7), TestBytes.random(333, 8), TestBytes.smoothUint16(50_000),
                TestBytes.specialDoubles(4000), new byte[100_000], TestBytes.random(65_537, 9),
                TestBytes.shuffledSparseDoubles(32_768, 10), TestBytes.shuffledSparseDoubles(8_193, 11),
                TestBytes.smoothUint16(300_000), TestBytes.random(70_000, 12));
    }

    @Test
    void pythonDecodesWhatJavaWritesAndJavaDecodesWhatPythonWrites(@TempDir Path dir) throws IOException {
        ExternalPython.require("numpy", "numcodecs", "zlib");
        List<byte[]> inputs = inputs();
        for (int i = 0; i < inputs.size(); i++) {
            Files.write(dir.resolve(i + ".raw"), inputs.get(i));
            for (String name : CODECS) {
                for (int level : CodecTest.levels(name)) {
                    Files.write(dir.resolve(i + "." + name + "." + level + ".java"),
                            CodecTest.compress(Codec.named(name), inputs.get(i), level));
                }
            }
        }
        String out = ExternalPython.run("codec_check.py", dir.toString());
        int expected = inputs.size() * CODECS.stream().mapToInt(n -> CodecTest.levels(n).length).sum();
        assertEquals("decoded " + expected + " java blocks", out.strip().lines().findFirst().orElse(""));

        int checked = 0;
        for (int i = 0; i < inputs.size(); i++) {
            byte[] raw = inputs.get(i);
            for (String name : CODECS) {
                for (int level : CodecTest.levels(name)) {
                    byte[] block = Files.readAllBytes(dir.resolve(i + "." + name + "." + level + ".py"));
                    byte[] back = new byte[raw.length];
                    Codec.named(name).decompress(block, 0, block.length, back, 0, raw.length);
                    assertArrayEquals(raw, back, name + " level " + level + " of input " + i);
                    if (name.equals("lz4")) {
                        assertArrayEquals(block, Files.readAllBytes(dir.resolve(i + "." + name + "." + level + ".java")),
                                "lz4 acceleration " + level + " of input " + i + ": not liblz4's bytes");
                    }
                    checked++;
                }
            }
            for (int typesize : new int[] {1, 2, 3, 4, 8, 16}) {
                byte[] shuffled = new byte[raw.length];
                Shuffle.shuffle(typesize, raw, 0, raw.length, shuffled, 0);
                byte[] numcodecs = Files.readAllBytes(dir.resolve(i + ".shuffle." + typesize + ".py"));
                assertArrayEquals(numcodecs, shuffled, "shuffle of input " + i + " with typesize " + typesize);
                byte[] back = new byte[raw.length];
                Shuffle.unshuffle(typesize, numcodecs, 0, raw.length, back, 0);
                assertArrayEquals(raw, back);
            }
        }
        assertEquals(expected, checked);
    }
}
