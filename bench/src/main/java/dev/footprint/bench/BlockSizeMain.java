package dev.footprint.bench;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the block size of in-memory compressed arrays: for each data set, codec and candidate
 * block size (0: c-blosc's rule for the level), the stored bytes and the compress / decompress
 * speed (MB/s of the array's nbytes, the median of {@link BloscCompareMain#medianMillis}'s runs),
 * in default chunks of about 1 MiB. The data sets are those of {@code blosc_compare.py} (a smooth
 * uint16 image, 1 %-dense float64, uniform random float64) and chapter 9's gradient image held as
 * float64, each 1024 × 1024 by default. Prints a Markdown table. Arguments, all optional: the
 * side length, the codecs ({@code zstd:1,lz4:5}), the block sizes in KiB ({@code 0,64,256,1024}; 0
 * is c-blosc's rule).
 *
 * <pre>
 * java -Dfootprint.threads=2 -cp bench/target/footprint-benchmarks.jar dev.footprint.bench.BlockSizeMain 1024 zstd:1 0,128,1024
 * </pre>
 */
public final class BlockSizeMain {
    private BlockSizeMain() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int[] candidates = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(k -> Integer.parseInt(k) << 10).toArray()
                : new int[] {0, 64 << 10, 256 << 10, 1 << 20};
        String[][] codecs = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).map(c -> c.split(":")).toArray(String[][]::new)
                : new String[][] {{"zstd", "1"}, {"lz4", "5"}};
        System.out.println("| data | codec level | block size asked | block size | stored bytes | compress MB/s | decompress MB/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, NDArray> d : datasets(n).entrySet()) {
            NDArray a = d.getValue();
            double mb = a.nbytes() / 1e6;
            for (String[] codec : codecs) {
                int level = Integer.parseInt(codec[1]);
                for (int bs : candidates) {
                    CompressedNDArray c = CompressedNDArray.withBlockSize(a, codec[0], level, bs);
                    if (!c.decompress().equals(a)) {
                        throw new IllegalStateException(d.getKey() + " " + codec[0] + " " + bs + ": round trip differs");
                    }
                    double comp = BloscCompareMain.medianMillis(() -> CompressedNDArray.withBlockSize(a, codec[0], level, bs));
                    double decomp = BloscCompareMain.medianMillis(c::decompress);
                    System.out.printf(Locale.ROOT, "| %s | %s %d | %s | %d | %,d | %.0f | %.0f |%n", d.getKey(), codec[0], level,
                            bs == 0 ? "c-blosc's" : bs / 1024 + " KiB", c.blockSize(), c.storedBytes(), mb / comp * 1e3,
                            mb / decomp * 1e3);
                }
            }
        }
    }

    static Map<String, NDArray> datasets(int n) {
        java.util.Random rng = new java.util.Random(42);
        short[] image = new short[n * n];
        double[] sparse = new double[n * n];
        double[] random = new double[n * n];
        double[] gradient = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                double v = 20000 + 8000 * Math.sin(x / 300.0) * Math.cos(y / 450.0) + 3000 * Math.sin((x + y) / 900.0);
                image[i] = (short) (int) v;
                sparse[i] = rng.nextDouble() < 0.01 ? rng.nextGaussian() : 0;
                random[i] = rng.nextDouble();
                double g = (y * 1024.0 / n) * 40 + (x * 1024.0 / n) * 20;
                gradient[i] = g < 20000 ? 0 : Math.floor(g);
            }
        }
        long[] shape = {n, n};
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("image uint16", NDArray.wrap(DType.UINT16, image, shape));
        m.put("1 %-dense float64", NDArray.wrap(DType.FLOAT64, sparse, shape));
        m.put("random float64", NDArray.wrap(DType.FLOAT64, random, shape));
        m.put("chapter 9 gradient float64", NDArray.wrap(DType.FLOAT64, gradient, shape));
        return m;
    }
}
