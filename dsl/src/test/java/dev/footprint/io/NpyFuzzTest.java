package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates valid files (bit flips, truncations, insertions, deletions, header characters) with a
 * fixed seed and checks that every outcome is either an array or an {@link NpyFormatException}
 * naming the file: no other exception, no hang, no allocation beyond what the file holds.
 */
class NpyFuzzTest {
    private static final int NPY_MUTATIONS = 4000;
    private static final int NPZ_MUTATIONS = 600;
    private static final byte[] HEADER_CHARS = "(),:'\"{}[]0123456789 -LTFN<>|=\n\\".getBytes();

    @TempDir
    Path dir;

    @Test
    void mutatedNpyFilesGiveAnArrayOrAClearError() throws IOException {
        List<byte[]> originals = new ArrayList<>();
        List<NDArray> arrays = new ArrayList<>();
        int i = 0;
        for (DType t : DType.values()) {
            for (long[] shape : List.of(new long[] {2, 3}, new long[] {}, new long[] {0, 4}, new long[] {5})) {
                NDArray a = TestArrays.random(t, i, shape);
                NpyWriteOptions options = NpyWriteOptions.DEFAULT.fortranOrder(i % 2 == 0).version(1 + i % 3);
                Path file = dir.resolve("seed.npy");
                Npy.write(file, a, i % 4 == 1 ? options.bigEndian() : options);
                originals.add(Files.readAllBytes(file));
                arrays.add(a);
                i++;
            }
        }
        Outcomes outcomes = fuzz(originals, NPY_MUTATIONS, "m.npy", f -> Npy.read(f, ProgressListener.NONE), arrays);
        // A healthy mix: most mutations of the header are refused, most of the data are not noticed.
        assertTrue(outcomes.refused > NPY_MUTATIONS / 10, outcomes.toString());
        assertTrue(outcomes.read > NPY_MUTATIONS / 10, outcomes.toString());
    }

    @Test
    void mutatedNpzFilesGiveArraysOrAClearError() throws IOException {
        List<byte[]> originals = new ArrayList<>();
        List<NDArray> unused = new ArrayList<>();
        for (boolean compressed : List.of(false, true)) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            arrays.put("a", TestArrays.random(DType.UINT16, 1, 4, 5));
            arrays.put("b", TestArrays.random(DType.FLOAT64, 2, 3));
            Path file = dir.resolve("seed.npz");
            if (compressed) {
                Npz.writeCompressed(file, arrays);
            } else {
                Npz.write(file, arrays);
            }
            originals.add(Files.readAllBytes(file));
            unused.add(null);
        }
        Outcomes outcomes = fuzz(originals, NPZ_MUTATIONS, "m.npz", Npz::readAll, unused);
        assertTrue(outcomes.refused > 0 && outcomes.read > 0, outcomes.toString());
    }

    @Test
    void mutatedSparseNpzFilesGiveASparseArrayOrAClearError() throws IOException {
        var sparse = new dev.footprint.sparse.SparseFactory(new dev.footprint.array.ArrayFactory());
        NDArray d = SparseNpzPythonTest.sparseDense(DType.FLOAT32, 5, 0.0, 6, 7);
        List<byte[]> originals = new ArrayList<>();
        List<NDArray> unused = new ArrayList<>();
        Path file = dir.resolve("seed.npz");
        SparseNpz.write(file, sparse.coo(d), false);
        originals.add(Files.readAllBytes(file));
        SparseNpz.write(file, sparse.csc(d), false);
        originals.add(Files.readAllBytes(file));
        SparseNpz.writeScipy(file, sparse.csr(d), false);
        originals.add(Files.readAllBytes(file));
        SparseNpz.writeScipy(file, sparse.coo(d), false);
        originals.add(Files.readAllBytes(file));
        originals.forEach(o -> unused.add(null));
        Outcomes outcomes = fuzz(originals, 1000, "m.npz", SparseNpz::read, unused);
        assertTrue(outcomes.refused > 0 && outcomes.read > 0, outcomes.toString());
    }

    private static final class Outcomes {
        int read;
        int refused;

        @Override
        public String toString() {
            return read + " read, " + refused + " refused";
        }
    }

    private Outcomes fuzz(List<byte[]> originals, int mutations, String name, Function<Path, Object> reader,
                          List<NDArray> expected) {
        Outcomes outcomes = new Outcomes();
        Path file = dir.resolve(name);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            SplittableRandom random = new SplittableRandom(20_261_125);
            for (int m = 0; m < mutations; m++) {
                int which = random.nextInt(originals.size());
                byte[] original = originals.get(which);
                String[] how = new String[1];
                byte[] mutated = mutate(original, random, how);
                Files.write(file, mutated);
                try {
                    Object result = reader.apply(file);
                    outcomes.read++;
                    for (NDArray a : arrays(result)) {
                        assertTrue(a.nbytes() <= mutated.length, "array larger than its file after " + how[0]);
                    }
                    if (Arrays.equals(original, mutated) && expected.get(which) != null) {
                        assertEquals(expected.get(which), result, how[0]);
                    }
                } catch (NpyFormatException e) {
                    outcomes.refused++;
                    assertTrue(e.file().startsWith(file.toString()), e.getMessage());
                    assertFalse(e.problem().isBlank());
                } catch (RuntimeException | Error e) {
                    fail("mutation " + m + " (" + how[0] + ") of seed file " + which + " threw " + e, e);
                }
            }
        });
        return outcomes;
    }

    private static List<NDArray> arrays(Object result) {
        if (result instanceof NDArray a) {
            return List.of(a);
        }
        if (result instanceof dev.footprint.sparse.SparseArray<?> s) {
            return List.of();
        }
        List<NDArray> out = new ArrayList<>();
        ((Map<?, ?>) result).values().forEach(v -> out.add((NDArray) v));
        return out;
    }

    private static byte[] mutate(byte[] in, SplittableRandom r, String[] how) {
        // Aim at the header more often than the data: that is where the parser lives.
        int span = r.nextInt(4) == 0 ? in.length : Math.min(in.length, 140);
        int at = r.nextInt(Math.max(1, span));
        switch (r.nextInt(6)) {
            case 0 -> {
                byte[] out = in.clone();
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    int p = r.nextInt(span);
                    out[p] ^= (byte) (1 << r.nextInt(8));
                }
                how[0] = flips + " bit flips";
                return out;
            }
            case 1 -> {
                how[0] = "truncated to " + at;
                return Arrays.copyOf(in, at);
            }
            case 2 -> {
                int n = 1 + r.nextInt(8);
                byte[] out = new byte[in.length + n];
                System.arraycopy(in, 0, out, 0, at);
                for (int k = 0; k < n; k++) {
                    out[at + k] = (byte) r.nextInt(256);
                }
                System.arraycopy(in, at, out, at + n, in.length - at);
                how[0] = n + " bytes inserted at " + at;
                return out;
            }
            case 3 -> {
                int n = Math.min(1 + r.nextInt(8), in.length - at);
                byte[] out = new byte[in.length - n];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + n, out, at, in.length - at - n);
                how[0] = n + " bytes deleted at " + at;
                return out;
            }
            case 4 -> {
                byte[] out = in.clone();
                out[at] = HEADER_CHARS[r.nextInt(HEADER_CHARS.length)];
                how[0] = "byte " + at + " set to '" + (char) out[at] + "'";
                return out;
            }
            default -> {
                how[0] = "unchanged";
                return in.clone();
            }
        }
    }
}
