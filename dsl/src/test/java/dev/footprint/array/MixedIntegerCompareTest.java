package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * uint64 against a signed integer promotes to float64, where 2^53 + 1 and 2^53 are the same
 * number; the comparisons still answer for the integers themselves, checked against
 * {@link BigInteger} on the edges of both ranges and on random bit patterns, broadcast included.
 */
class MixedIntegerCompareTest {

    private static final long[] EDGES = {0, 1, -1, (1L << 53), (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 42};

    @Test
    void uint64AgainstInt64AnswersForTheIntegersNotTheirFloat64Roundings() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 4096;
        long[] u = new long[n];
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            u[i] = i < EDGES.length * EDGES.length ? EDGES[i % EDGES.length] : r.nextLong();
            s[i] = i < EDGES.length * EDGES.length ? EDGES[i / EDGES.length] : i % 2 == 0 ? r.nextLong() : u[i] + r.nextInt(3) - 1;
        }
        NDArray a = NDArray.wrap(DType.UINT64, u, n);
        NDArray b = NDArray.wrap(DType.INT64, s, n);
        NDArray lt = a.lt(b), le = a.le(b), gt = a.gt(b), ge = a.ge(b), eq = a.eq(b), ne = a.ne(b);
        NDArray reversed = b.lt(a);
        for (int i = 0; i < n; i++) {
            int sign = new BigInteger(Long.toUnsignedString(u[i])).compareTo(BigInteger.valueOf(s[i]));
            String at = Long.toUnsignedString(u[i]) + " vs " + s[i];
            assertEquals(sign < 0 ? 1 : 0, lt.getLongFlat(i), "lt " + at);
            assertEquals(sign <= 0 ? 1 : 0, le.getLongFlat(i), "le " + at);
            assertEquals(sign > 0 ? 1 : 0, gt.getLongFlat(i), "gt " + at);
            assertEquals(sign >= 0 ? 1 : 0, ge.getLongFlat(i), "ge " + at);
            assertEquals(sign == 0 ? 1 : 0, eq.getLongFlat(i), "eq " + at);
            assertEquals(sign != 0 ? 1 : 0, ne.getLongFlat(i), "ne " + at);
            assertEquals(sign > 0 ? 1 : 0, reversed.getLongFlat(i), "int64 < uint64, " + at);
        }
    }

    @Test
    void theNumberFloat64CannotTellApartIsToldApartWithSmallerSignedTypesAndBroadcasting() {
        NDArray big = NDArray.wrap(DType.UINT64, new long[] {(1L << 53) + 1, -1L}, 2, 1); // 2^53 + 1 and 2^64 - 1
        NDArray signed = NDArray.wrap(DType.INT64, new long[] {1L << 53, -1L}, 2);
        NDArray gt = big.gt(signed);
        assertEquals(4, gt.size());
        assertEquals(1, gt.getLong(0, 0), "2^53 + 1 > 2^53, though both are 2^53 in float64");
        assertEquals(1, gt.getLong(0, 1));
        assertEquals(1, gt.getLong(1, 0), "2^64 - 1 > 2^53");
        assertEquals(1, gt.getLong(1, 1), "2^64 - 1 > -1: its bits are not -1");
        NDArray small = NDArray.wrap(DType.INT8, new byte[] {-1, 5}, 2);
        NDArray five = NDArray.wrap(DType.UINT64, new long[] {5, 5}, 2);
        assertEquals(0, five.eq(small).getLongFlat(0));
        assertEquals(1, five.eq(small).getLongFlat(1));
    }
}
