package dev.footprint.compress;

import static dev.footprint.Footprint.FLOAT64;
import static dev.footprint.Footprint.UINT16;
import static dev.footprint.Footprint.UINT8;
import static dev.footprint.Footprint.advise;
import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.footprint;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import dev.footprint.report.Advice;
import dev.footprint.sparse.CooArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressedNDArrayTest {
    /** A smooth 512 x 512 uint16 image, as a camera gives. */
    static NDArray image() {
        short[] d = new short[512 * 512];
        for (int i = 0; i < 512; i++) {
            for (int j = 0; j < 512; j++) {
                d[i * 512 + j] = (short) (2000 + 1000 * Math.sin(i / 40.0) * Math.cos(j / 55.0));
            }
        }
        return NDArray.wrap(UINT16, d, 512, 512);
    }

    @Test
    void aSmoothImageShrinksAndComesBackBitForBit() {
        NDArray image = image();
        CompressedNDArray c = image.compress();
        assertEquals(image.nbytes(), c.nbytes());
        assertTrue(c.ratio() > 2, "ratio " + c.ratio());
        assertEquals("zstd", c.codec());
        assertArrayEquals(new long[] {512, 512}, c.chunkShape(), "512 KiB fits one default chunk");
        assertEquals(image, c.decompress());
        CompressedNDArray tiled = image.compress("lz4", 1, 100, 128);
        assertEquals(24, tiled.chunkCount());
        assertEquals(image, tiled.decompress());
        assertEquals(image.slice("50:250:3, ::-7"), tiled.slice("50:250:3, ::-7"));
    }

    @Test
    void randomBitsAreKeptPlainSoTheStoredSizeNeverExceedsTheInput() {
        long[] bits = new Random(1).longs(300_000).toArray();
        NDArray noise = NDArray.wrap(dev.footprint.array.DType.INT64, bits, 300_000).as(dev.footprint.array.DType.INT64);
        CompressedNDArray c = noise.compress("lz4", 1, 50_000);
        assertEquals(6, c.plainChunks());
        assertEquals(noise.nbytes(), c.storedBytes());
        assertEquals(noise, c.decompress());
    }

    /** Bits of a 0-d float64 result. */
    private static long bits(NDArray zeroD) {
        return Double.doubleToRawLongBits(zeroD.getDoubleFlat(0));
    }

    @Test
    void aFloat64SumAcrossManyBlocksOfItsOrderEqualsTheDenseSumBitForBit() {
        // Sums add in blocks of 8192 elements in C order; these chunks cut the blocks anywhere.
        Random r = new Random(9);
        for (long[] shape : new long[][] {{173, 181}, {29, 31, 37}, {40_000}}) {
            double[] x = new double[(int) java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(21) - 8);
            }
            NDArray a = NDArray.wrap(FLOAT64, x, shape);
            long[] chunk = shape.length == 1 ? new long[] {3001} : shape.length == 2 ? new long[] {17, 23} : new long[] {5, 7, 11};
            CompressedNDArray c = a.compress("lz4", 1, chunk);
            assertEquals(bits(a.sum()), bits(c.sum()), () -> "sum of " + java.util.Arrays.toString(shape));
            assertEquals(bits(a.mean()), bits(c.mean()), () -> "mean of " + java.util.Arrays.toString(shape));
        }
    }

    @Test
    void aLossyCastNamesTheFirstBadElementOfTheWholeArray() {
        NDArray a = arr.zeros(FLOAT64, 40, 40);
        a.set(300.0, 35, 2);   // in a later chunk, but earlier in C order than...
        a.set(-1.0, 36, 0);
        a.set(0.5, 39, 39);
        CompressedNDArray c = a.compress("zstd", 1, 8, 8);
        LossyCastException dense = assertThrows(LossyCastException.class, () -> a.as(UINT8));
        LossyCastException chunked = assertThrows(LossyCastException.class, () -> c.as(UINT8));
        assertArrayEquals(dense.index(), chunked.index());
        assertArrayEquals(new long[] {35, 2}, chunked.index());
        assertEquals(dense.value(), chunked.value());
        assertEquals(dense.suggestion(), chunked.suggestion());
    }

    @Test
    void cooOfACompressedArrayEqualsCooOfTheDenseArray() {
        NDArray a = arr.zeros(FLOAT64, 37, 53);
        Random r = new Random(5);
        for (int k = 0; k < 200; k++) {
            a.set(r.nextBoolean() ? -0.0 : r.nextGaussian(), r.nextInt(37), r.nextInt(53));
        }
        CooArray expected = sparse.coo(a);
        CooArray actual = sparse.coo(a.compress("zstd", 3, 10, 7));
        assertEquals(expected.nnz(), actual.nnz());
        assertEquals(expected.coords(), actual.coords());
        assertEquals(expected.data(), actual.data());
        assertEquals(a, actual.todense());
    }

    @Test
    void footprintShowsStoredBytesCodecChunksAndRatio() {
        CompressedNDArray c = image().compress("zstd", 1, 128, 512);
        String text = footprint("img", c).toString();
        assertTrue(text.contains("compressed"), text);
        assertTrue(text.contains("compressed, chunks (128, 512)"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "uint16 / zstd 1 / %.2fx", c.ratio())), text);
        assertEquals(c.storedBytes(), footprint("img", c).bytes(0));
        assertTrue(c.mimeBundle().get("text/html").contains("zstd level 1"));
        assertTrue(c.toString().startsWith("<compressed uint16 array of shape (512, 512), zstd level 1"), c.toString());
    }

    @Test
    void adviseRanksCompressedFormsAndTheirCombinationWithASmallerDtype() {
        NDArray a = image().as(FLOAT64).named("img");
        Advice advice = advise(a);
        var byExpression = new java.util.HashMap<String, Advice.Candidate>();
        advice.candidates().forEach(k -> byExpression.put(k.expression(), k));
        Advice.Candidate plain = byExpression.get("img.compress()");
        Advice.Candidate narrow = byExpression.get("img.as(UINT16).compress()");
        assertEquals("compressed", plain.kind());
        assertEquals(image().compress().storedBytes(), narrow.bytes());
        assertTrue(narrow.bytes() < byExpression.get("img.as(UINT16)").bytes());
        assertEquals(a, narrow.restore());
        assertEquals(a, plain.restore());
    }

    @Test
    void adviceOnALargeArrayMeasuresASampleOfChunksAndSaysSo() {
        NDArray big = arr.zeros(UINT8, 20 << 20);
        big.set(7L, 12_345_678);
        Advice.Candidate c = advise(big).candidates().stream().filter(k -> k.expression().equals("a.compress()"))
                .findFirst().orElseThrow();
        assertEquals("compressed (estimated from 16 of 20 chunks)", c.kind());
        assertEquals(big, c.restore());
    }

    @Test
    void broadcastingKeepsTheLargerOperandsChunksAndDecodesEachChunkOfTheSmallerOneWhereItIsNeeded() {
        NDArray image = arr.arange(0, 300 * 500).reshape(300, 500).mul(3).as(FLOAT64);
        NDArray rowMeans = image.mean(1).reshape(300, 1);
        CompressedNDArray c = image.compress("lz4", 5, 64, 128);
        CompressedNDArray centred = c.sub(rowMeans.compress("zstd", 1, 100, 1));
        assertEquals(image.sub(rowMeans), centred.decompress());
        assertArrayEquals(new long[] {64, 128}, centred.chunkShape());
        assertEquals("lz4", centred.codec());
        NDArray column = arr.arange(0, 500).as(FLOAT64);
        assertEquals(image.div(column), c.div(column).decompress());
        assertEquals(rowMeans.lt(column), rowMeans.compress().lt(column).decompress());   // (300, 1) < (500,) is (300, 500)
        assertArrayEquals(new long[] {300, 500}, rowMeans.compress().lt(column.compress()).shape());
    }

    @Test
    void badArgumentsAreRefusedWithWhatWouldWork() {
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
                () -> arr.ones(3, 4).compress().add(arr.ones(5).compress()));
        assertTrue(shapes.getMessage().contains("could not be broadcast together with shapes (3, 4) (5,)"), shapes.getMessage());
        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
                () -> arr.ones(3, 4).compress().lt(arr.ones(2, 1, 3)));
        assertTrue(dense.getMessage().contains("lt: operands could not be broadcast together with shapes (3, 4) (2, 1, 3)"),
                dense.getMessage());
        NDArray a = arr.ones(10, 10);
        IllegalArgumentException codec = assertThrows(IllegalArgumentException.class, () -> a.compress("blosclz", 1));
        assertTrue(codec.getMessage().contains("zstd, lz4, zlib, none"), codec.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.compress("zlib", 12));
        IllegalArgumentException chunk = assertThrows(IllegalArgumentException.class, () -> a.compress("zstd", 1, 5));
        assertTrue(chunk.getMessage().contains("needs 2 lengths"), chunk.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> a.compress().get(10, 0));
    }
}
