package dev.footprint.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.io.ExternalPython;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BloscLayoutTest {

    private static byte[] roundTrip(BloscLayout l, Codec codec, int level, byte[] src) {
        byte[] body = new byte[5 + l.maxLength(codec, src.length)];
        byte[] tmp = new byte[l.blocksize()];
        int end = l.encode(codec, level, src, 0, src.length, body, 2, 5, body.length, tmp);
        assertTrue(end >= 5 && end <= body.length);
        byte[] back = new byte[src.length + 3];
        l.decode(codec, body, 2, 5, end, back, 3, src.length, tmp);
        assertArrayEquals(src, Arrays.copyOfRange(back, 3, back.length), l + " " + codec.name());
        return Arrays.copyOfRange(body, 5, end);
    }

    @Test
    void everyLayoutDecodesToItsInputLeftoverBlocksAndPlainStreamsIncluded() {
        List<byte[]> inputs = List.of(new byte[0], TestBytes.random(7, 1), TestBytes.random(120_001, 2),
                TestBytes.smoothUint16(90_001), TestBytes.specialDoubles(40_001), new byte[1 << 20]);
        for (String name : List.of("lz4", "zstd", "zlib")) {
            Codec codec = Codec.named(name);
            for (byte[] src : inputs) {
                for (int ts : new int[] {1, 2, 8, 17}) {
                    for (int clevel : new int[] {1, 9}) {
                        roundTrip(BloscLayout.of(name, clevel, ts, src.length, 0, true), codec,
                                BloscLayout.nativeLevel(name, clevel), src);
                    }
                    roundTrip(BloscLayout.of(name, 5, ts, src.length, 1000, false), codec, BloscLayout.nativeLevel(name, 5), src);
                }
            }
        }
    }

    @Test
    void splitCodecsCompressOneStreamPerByteOfTheType() {
        BloscLayout l = BloscLayout.of("lz4", 5, 8, 1 << 20, 0, true);
        assertEquals(new BloscLayout(8, 1 << 20, true, true), l);
        byte[] body = roundTrip(l, Codec.named("lz4"), 5, new byte[1 << 20]);
        // one block start, then eight streams each with its 4-byte length
        int pos = 4;
        for (int k = 0; k < 8; k++) {
            pos += 4 + BloscLayout.getInt(body, pos);
        }
        assertEquals(body.length, pos);
        assertEquals(false, BloscLayout.of("zstd", 5, 8, 1 << 20, 0, true).split());
    }

    @Test
    void incompressibleInputStopsAtTheLimit() {
        byte[] src = TestBytes.random(200_000, 3);
        BloscLayout l = BloscLayout.of("lz4", 5, 8, src.length, 0, true);
        byte[] body = new byte[l.maxLength(Codec.named("lz4"), src.length)];
        assertEquals(-1, l.encode(Codec.named("lz4"), 5, src, 0, src.length, body, 0, 0, src.length - 1,
                new byte[l.blocksize()]));
    }

    @Test
    void damagedBodiesAreRefusedNamingTheBlock() {
        byte[] src = TestBytes.smoothUint16(100_000);
        BloscLayout l = BloscLayout.of("zstd", 1, 2, src.length, 0, true);
        byte[] body = roundTrip(l, Codec.named("zstd"), 1, src);
        byte[] out = new byte[src.length];
        byte[] tmp = new byte[l.blocksize()];
        CodecException cut = assertThrows(CodecException.class,
                () -> l.decode(Codec.named("zstd"), body, 0, 0, body.length / 2, out, 0, src.length, tmp));
        assertTrue(cut.getMessage().contains("block "), cut.getMessage());
        byte[] noisy = body.clone();
        for (int i = noisy.length / 2; i < noisy.length; i++) {
            noisy[i] = (byte) (i * 31);
        }
        assertThrows(CodecException.class,
                () -> l.decode(Codec.named("zstd"), noisy, 0, 0, noisy.length, out, 0, src.length, tmp));
    }

    @Test
    void levelsMapAsCBloscMapsThemAndBack() {
        assertEquals(5, BloscLayout.nativeLevel("lz4", 5));
        assertEquals(1, BloscLayout.nativeLevel("lz4", 9));
        assertEquals(1, BloscLayout.nativeLevel("zstd", 1));
        assertEquals(9, BloscLayout.nativeLevel("zstd", 5));
        assertEquals(22, BloscLayout.nativeLevel("zstd", 9));
        for (String codec : List.of("lz4", "zstd", "zlib")) {
            for (int clevel = 1; clevel <= 9; clevel++) {
                assertEquals(clevel, BloscLayout.clevel(codec, BloscLayout.nativeLevel(codec, clevel)), codec);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BloscLayout.nativeLevel("blosclz", 5));
    }

    @Test
    void blockSizesAndSplitsAreCBloscs() throws IOException {
        ExternalPython.require("blosc");
        List<String> cases = new ArrayList<>();
        for (String cname : List.of("lz4", "zstd", "zlib")) {
            for (int clevel : new int[] {1, 2, 3, 5, 7, 9}) {
                for (int ts : new int[] {1, 2, 4, 8, 16, 24}) {
                    for (int nbytes : new int[] {1000, 40_000, 5 << 19}) {
                        cases.add(cname + ":" + clevel + ":" + ts + ":" + nbytes + ":0");
                    }
                    cases.add(cname + ":" + clevel + ":" + ts + ":" + (1 << 20) + ":" + 65_536);
                    cases.add(cname + ":" + clevel + ":" + ts + ":" + 50_000 + ":" + 100);
                }
            }
        }
        String out = ExternalPython.run("blosc_layout.py", cases.toArray(String[]::new));
        List<String> lines = out.strip().lines().toList();
        assertEquals(cases.size(), lines.size(), out);
        for (String line : lines) {
            String[] f = line.split(" ");
            int clevel = Integer.parseInt(f[1]);
            int ts = Integer.parseInt(f[2]);
            BloscLayout l = BloscLayout.of(f[0], clevel, ts, Integer.parseInt(f[3]), Integer.parseInt(f[4]), true);
            assertEquals(Integer.parseInt(f[5]), l.blocksize(), "block size of " + line);
            assertEquals(f[6].equals("1"), l.split(), "split of " + line);
        }
    }
}
