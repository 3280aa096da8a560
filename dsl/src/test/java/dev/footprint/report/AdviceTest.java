package dev.footprint.report;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.compress.CompressionEstimate;
import java.nio.file.Path;
import java.util.SplittableRandom;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviceTest {

    @Test
    void aMappedFileIsAdvisedAsItsArrayIsAndEachCandidateRestoresIt(@TempDir Path dir) {
        arr.seed(8);
        NDArray a = arr.random(512, 512);
        a.set(a.lt(0.9), 0.0);
        a.set(a.gt(0.0), 7.0);
        Path f = dir.resolve("a.npy");
        a.save(f);
        NDArray m = arr.load(f.toString(), MMAP_READ).named("a");
        Advice heap = advise(a);
        Advice mapped = advise(m);
        assertNull(mapped.note());
        assertEquals(heap.candidates().stream().map(c -> c.expression() + " " + c.kind() + " " + c.bytes()).toList(),
                mapped.candidates().stream().map(c -> c.expression() + " " + c.kind() + " " + c.bytes()).toList());
        assertTrue(mapped.candidates().stream().anyMatch(c -> c.expression().equals("a.as(UINT8)")));
        for (Advice.Candidate c : mapped.candidates()) {
            assertEquals(a, c.restore(), c.expression());
        }
    }

    @Test
    void aSampledCastEstimateMeasuresWhatTheCastArrayWould() {
        arr.seed(9);
        NDArray r = arr.random(1, 1 << 20);
        NDArray a = arr.zeros(INT16, 17, 1 << 20); // 17 chunks of int8 once cast: sampled
        a.set(r.lt(0.3), 5);
        a.set(r.lt(0.1), -3);
        CompressionEstimate cast = CompressionEstimate.ofCast(a, INT8, "zstd", 1, 16);
        CompressionEstimate made = CompressionEstimate.of(a.as(INT8), "zstd", 1, 16);
        assertTrue(cast.sampled() && made.sampled());
        assertEquals(made.storedBytes(), cast.storedBytes());
        assertEquals(made.chunks(), cast.chunks());
    }


    @Test
    void theArticlesArrayIsBestAsCompactCoo() {
        arr.seed(42);
        NDArray a = arr.random(1024, 1024);
        a.set(a.lt(0.9), 0.0);
        Advice advice = advise(a);
        Advice.Candidate best = advice.best();
        assertEquals("sparse.coo(a).compact()", best.expression());
        assertEquals(12 * sparse.coo(a).nnz(), best.bytes());
        assertEquals(UINT16, best.indexType());
        assertEquals(a, best.restore());
        var exprs = advice.candidates().stream().map(Advice.Candidate::expression).toList();
        assertTrue(exprs.containsAll(java.util.List.of("a", "sparse.coo(a)", "sparse.csr(a).compact()", "sparse.csc(a).compact()")), exprs.toString());
        for (int i = 1; i < advice.candidates().size(); i++) {
            assertTrue(advice.candidates().get(i - 1).bytes() <= advice.candidates().get(i).bytes(), "ranked by bytes");
        }
        assertTrue(advice.toString().contains("sparse.coo(a).compact()"));
        assertTrue(advice.svg().startsWith("<svg"));
        ChartPictureTest.assertBarChart(advice.mimeBundle().get("text/html"), 640, 80 + 28 * advice.candidates().size());
    }

    @Test
    void smallIntegersInAFloatArrayAreBestAsUint8() {
        NDArray a = arr.of(1.0, 2.0, 200.0, 7.0).named("counts");
        Advice advice = advise(a);
        assertEquals("counts.as(UINT8)", advice.best().expression());
        assertEquals(4, advice.best().bytes());
        assertEquals(a, advice.best().restore());
    }

    @Provide
    Arbitrary<NDArray> arrays() {
        return Combinators.combine(Arbitraries.of(DType.values()), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 12), Arbitraries.longs(), Arbitraries.integers().between(0, 100))
                .as((t, rows, cols, seed, zeroPercent) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    NDArray a = NDArray.allocate(t, rows, cols);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            if (r.nextInt(100) < zeroPercent) continue;
                            if (t.isBool()) a.set(true, i, j);
                            else if (t.isFloat()) a.set(r.nextInt(4) == 0 ? -0.0 : r.nextInt(3) == 0 ? Double.NaN
                                    : r.nextBoolean() ? r.nextInt(-300, 300) : r.nextDouble() * 1000, i, j);
                            else a.set(r.nextLong(Math.max(1, t.isUnsigned() ? Math.min(t.maxLong(), 100000) : 100000))
                                    * (t.isUnsigned() ? 1 : r.nextBoolean() ? 1 : -1) % (t.maxLong() == -1 ? Long.MAX_VALUE : t.maxLong()), i, j);
                        }
                    }
                    return a;
                });
    }

    @Property(tries = 200)
    void everyCandidateIsLossless(@ForAll("arrays") NDArray a) {
        for (Advice.Candidate c : Advice.of(a).candidates()) {
            assertEquals(a, c.restore(), c.expression() + " as " + c.dtype());
            assertTrue(c.bytes() >= 0);
        }
    }

    @Property(tries = 50)
    void compactSparseNeverExceedsDefaultSparse(@ForAll @IntRange(min = 0, max = 100) int percent) {
        arr.seed(percent);
        NDArray a = arr.random(40, 50);
        a.set(a.lt(percent / 100.0), 0.0);
        long coo = sparse.coo(a).nbytes();
        Advice advice = advise(a);
        assertTrue(advice.candidates().stream().filter(c -> c.expression().equals("sparse.coo(a).compact()"))
                .allMatch(c -> c.bytes() <= coo));
    }
}
