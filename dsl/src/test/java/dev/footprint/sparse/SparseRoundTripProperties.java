package dev.footprint.sparse;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

/** Round trips that must hold for every dtype and every format, NaN, -0.0 and non-zero fill values included. */
class SparseRoundTripProperties {

    /** A small array whose elements are drawn from a pool that favours the fill value, 0, -0.0 and NaN. */
    record Case(NDArray dense, NDArray fill) {
        @Override
        public String toString() {
            return dense.dtype() + " " + java.util.Arrays.toString(dense.shape()) + " fill=" + fill.get(0) + " " + dense;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<DType> types = Arbitraries.of(DType.values());
        Arbitrary<long[]> shapes = Arbitraries.integers().between(1, 4).flatMap(nd ->
                Arbitraries.integers().between(0, 5).array(int[].class).ofSize(nd)
                        .map(d -> java.util.Arrays.stream(d).asLongStream().toArray()));
        return Combinators.combine(types, shapes, Arbitraries.longs(), Arbitraries.integers().between(0, 4),
                Arbitraries.randomValue(r -> r.nextLong())).as((t, shape, fillSeed, fillKind, seed) -> {
            long fillBits = specialBits(t, fillKind, fillSeed);
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            int n = (int) Offsets.size(shape);
            long[] bits = new long[n];
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(6);
                bits[i] = pick <= 1 ? fillBits : specialBits(t, pick - 2, r.nextLong());
            }
            return new Case(Values.fromBits(t, bits, n, shape), Values.scalar(t, fillBits));
        });
    }

    /** 0: zero, 1: negative zero (floats), 2: NaN (floats), 3+: random bits (quiet NaNs only). */
    static long specialBits(DType t, int kind, long random) {
        long mask = t.itemsize() == 8 ? -1L : (1L << (8 * t.itemsize())) - 1;
        if (t.isBool()) {
            return random & 1;
        }
        return switch (kind) {
            case 0 -> 0;
            case 1 -> t.isFloat() ? negativeZero(t) : random & mask;
            case 2 -> t.isFloat() ? nan(t) : 1;
            default -> quiet(t, random & mask);
        };
    }

    static long negativeZero(DType t) {
        return switch (t) {
            case FLOAT16 -> 0x8000L;
            case FLOAT32 -> 0x8000_0000L;
            default -> Long.MIN_VALUE;
        };
    }

    static long nan(DType t) {
        return switch (t) {
            case FLOAT16 -> 0x7E00L;
            case FLOAT32 -> 0x7FC0_0000L;
            default -> 0x7FF8_0000_0000_0000L;
        };
    }

    static long quiet(DType t, long bits) {
        boolean isNan = switch (t) {
            case FLOAT16 -> (bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0;
            case FLOAT32 -> Float.isNaN(Float.intBitsToFloat((int) bits));
            case FLOAT64 -> Double.isNaN(Double.longBitsToDouble(bits));
            default -> false;
        };
        return isNan ? nan(t) : bits;
    }

    static SparseArray<?> cooOf(Case c) {
        return DenseToSparse.coo(c.dense(), c.fill());
    }

    @Property(tries = 400)
    void todenseOfCooGivesTheInputBitForBit(@ForAll("cases") Case c) {
        SparseArray<?> s = cooOf(c);
        assertEquals(c.dense(), s.todense());
        assertEquals(Values.bitsOf(c.fill()), Values.bitsOf(s.fill));
        assertEquals(s.nnz() * (c.dense().itemsize() + 8L * c.dense().ndim()), s.nbytes());
    }

    @Property(tries = 300)
    void cooCsrCscRoundTripsKeepEveryBit(@ForAll("cases") Case c) {
        Assume.that(c.dense().ndim() == 2);
        SparseArray<?> coo = cooOf(c);
        for (String f : new String[] {"csr", "csc"}) {
            SparseArray<?> other = coo.asformat(f);
            assertEquals(f, other.format());
            assertEquals(coo.nnz(), other.nnz());
            assertEquals(c.dense(), other.todense(), f);
            assertEquals(c.dense(), other.tocoo().todense(), f + " -> coo");
            assertEquals(c.dense(), other.tocsr().todense(), f + " -> csr");
            assertEquals(c.dense(), other.tocsc().todense(), f + " -> csc");
        }
        CooArray back = coo.tocsc().tocsr().tocoo();
        assertEquals(((CooArray) coo).coords(), back.coords());
        assertEquals(((CooArray) coo).data(), back.data());
    }

    @Property(tries = 300)
    void compactIsLossless(@ForAll("cases") Case c) {
        SparseArray<?> coo = cooOf(c);
        for (SparseArray<?> s : c.dense().ndim() == 2
                ? new SparseArray<?>[] {coo, coo.tocsr(), coo.tocsc()} : new SparseArray<?>[] {coo}) {
            SparseArray<?> small = s.compact();
            assertTrue(small.nbytes() <= s.nbytes(), "compact never grows");
            assertEquals(s.nnz(), small.nnz());
            assertEquals(c.dense(), small.todense().as(c.dense().dtype()), s.format() + " as " + small.dtype());
        }
    }

    @Property(tries = 200)
    void transposeTwiceAndReshapeBackAreIdentities(@ForAll("cases") Case c) {
        CooArray s = (CooArray) cooOf(c);
        assertEquals(c.dense().transpose().copy(), s.transpose().todense());
        assertEquals(c.dense(), s.transpose().transpose().todense());
        long n = c.dense().size();
        assertEquals(c.dense(), s.reshape(n).reshape(c.dense().shape()).todense());
    }

    @Property(tries = 100)
    void narrowCoordinatesNeverOverflowOffsets(@ForAll @IntRange(min = 1, max = 40) int density) {
        arr.seed(density);
        CooArray r = sparse.random(density / 100.0, 300, 300);
        CooArray narrow = r.withIndexType(UINT16);
        assertEquals(r.todense(), narrow.todense(), "uint16 coordinates of a 300 x 300 array: offsets reach 89999");
        assertEquals(r.todense(), narrow.tocsr().todense());
        assertEquals(r.todense().transpose().copy(), narrow.transpose().todense());
    }
}
