package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** What blosc_compare.py times computes the right answer: the array comes back bit for bit, smaller. */
class BloscOperationsTest {
    @Test
    void compressThenDecompressGivesTheArrayBackForEveryBenchmarkedCodec() {
        short[] d = new short[256 * 256];
        for (int i = 0; i < d.length; i++) {
            d[i] = (short) (20000 + 8000 * Math.sin((i % 256) / 30.0) * Math.cos((i / 256) / 45.0));
        }
        NDArray image = NDArray.wrap(DType.UINT16, d, 256, 256);
        for (String codec : new String[] {"lz4", "zstd"}) {
            CompressedNDArray c = BloscOperations.compress(image, codec, 5);
            assertEquals(image, BloscOperations.decompress(c), codec);
            assertTrue(c.storedBytes() < image.nbytes() * 3 / 4, codec + " stores " + c.storedBytes());
        }
    }
}
