package dev.footprint.compress;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.PairwiseSum;
import dev.footprint.storage.Parallel;
import dev.footprint.storage.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code sum mean min max countNonzero} of a compressed array, whole or along an axis, a chunk at
 * a time and equal bit for bit to the dense array's: integer results and min/max combine chunk
 * results computed in parallel; float sums and all means follow the dense summation order in C
 * order, which is NumPy's (one band of chunks along the first axis decoded at a time); axis
 * reductions run along the axis chunk by chunk, the other axes' chunks in parallel.
 */
final class ChunkReductions {
    enum Kind { SUM, MEAN, MIN, MAX, COUNT_NONZERO }

    private ChunkReductions() {}

    /** The result dtype, asked of the dense engine (one element) so the rules live in one place. */
    static DType resultType(Kind kind, DType t) {
        NDArray one = NDArray.allocate(t, 1);
        return switch (kind) {
            case SUM -> one.sum().dtype();
            case MEAN -> one.mean().dtype();
            case MIN, MAX -> t;
            case COUNT_NONZERO -> one.countNonzero(0).dtype();
        };
    }

    static NDArray whole(ChunkStore s, Kind kind) {
        DType t = s.dtype;
        DType rt = resultType(kind, t);
        if (kind == Kind.SUM && t.isFloat() || kind == Kind.MEAN) {
            double total = orderedSum(s, arithmetic(kind, t));
            long size = size(s.chunking.shape);
            double v = kind == Kind.SUM ? total : size == 0 ? Double.NaN : total / size;
            return scalar(rt, ElementValues.fromDoubles(rt, new double[] {v}));
        }
        if (kind == Kind.COUNT_NONZERO || kind == Kind.SUM) {
            long[] partial = new long[s.chunking.count];
            Parallel.forEach(s.chunking.count, i -> {
                NDArray c = s.chunkArray(i);
                partial[i] = kind == Kind.SUM ? c.sum().getLongFlat(0) : c.countNonzero();
            });
            long acc = 0;
            for (long p : partial) {
                acc += p;
            }
            return scalar(rt, new long[] {acc});
        }
        return extreme(s, kind == Kind.MIN);
    }

    /** The arithmetic NumPy sums {@code t} in for a sum or a mean ({@link PairwiseSum.Arithmetic}). */
    private static PairwiseSum.Arithmetic arithmetic(Kind kind, DType t) {
        return PairwiseSum.Arithmetic.of(t.isFloat(), t.itemsize(), kind == Kind.MEAN);
    }

    private static NDArray scalar(DType t, Object data) {
        return NDArray.wrap(t, data);
    }

    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** min or max: the chunks' own results, the winner chosen as the dense loop would (NaN wins; ties of 0.0 and -0.0 by position). */
    private static NDArray extreme(ChunkStore s, boolean min) {
        int count = s.chunking.count;
        if (count == 0 || size(s.chunking.shape) == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + (min ? "min" : "max")
                    + " which has no identity");
        }
        NDArray[] results = new NDArray[count];
        Parallel.forEach(count, i -> {
            NDArray c = s.chunkArray(i);
            results[i] = min ? c.min() : c.max();
        });
        DType t = s.dtype;
        if (!t.isFloat()) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                long a = results[i].getLongFlat(0);
                long b = results[best].getLongFlat(0);
                int c = t == DType.UINT64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
                if (min ? c < 0 : c > 0) {
                    best = i;
                }
            }
            return results[best];
        }
        int best = -1;
        for (int i = 0; i < count; i++) {
            double v = results[i].getDoubleFlat(0);
            if (v != v) {
                return results[i];
            }
            if (best < 0 || (min ? v < results[best].getDoubleFlat(0) : v > results[best].getDoubleFlat(0))) {
                best = i;
            }
        }
        if (results[best].getDoubleFlat(0) != 0) {
            return results[best];
        }
        // 0.0 and -0.0 tie: float32/float64 keep the last zero in C order, float16 the first
        boolean later = t != DType.FLOAT16;
        long winnerAt = -1;
        int winner = best;
        for (int i = 0; i < count; i++) {
            if (results[i].getDoubleFlat(0) == 0) {
                long at = zeroPosition(s, i, later);
                if (winnerAt < 0 || (later ? at > winnerAt : at < winnerAt)) {
                    winnerAt = at;
                    winner = i;
                }
            }
        }
        return results[winner];
    }

    /** The C-order index in the whole array of chunk {@code i}'s last (or first) element equal to zero. */
    private static long zeroPosition(ChunkStore s, int i, boolean last) {
        NDArray c = s.chunkArray(i);
        int n = (int) c.size();
        int k = last ? n - 1 : 0;
        while (c.getDoubleFlat(k) != 0) {
            k += last ? -1 : 1;
        }
        int[] extent = s.chunking.extent(i);
        long[] origin = s.chunking.origin(i);
        long[] strides = Chunking.strides(s.chunking.shape);
        long at = 0;
        for (int d = extent.length - 1; d >= 0; d--) {
            at += (origin[d] + k % extent[d]) * strides[d];
            k /= extent[d];
        }
        return at;
    }

    /** The dense engine's float sum over the elements in C order, a band of chunks (one grid row of the first axis) at a time. */
    private static double orderedSum(ChunkStore s, PairwiseSum.Arithmetic arithmetic) {
        Chunking ch = s.chunking;
        PairwiseSum.InOrder sum = new PairwiseSum.InOrder(arithmetic);
        int nd = ch.ndim();
        if (nd == 0 || ch.count == 0) {
            if (ch.count > 0) {
                double[] x = new double[1];
                ElementValues.doubles(s.dtype, s.chunk(0), 0, 1, x);
                sum.add(x, 1);
            }
            return sum.total();
        }
        if (nd == 1) {
            double[] x = new double[ch.chunk[0]];
            for (int i = 0; i < ch.count; i++) {
                int n = ch.extent(i)[0];
                ElementValues.doubles(s.dtype, s.chunk(i), 0, n, x);
                sum.add(x, n);
            }
            return sum.total();
        }
        int perBand = ch.count / ch.grid[0];
        double[] x = new double[ch.chunk[nd - 1]];
        for (int band = 0; band < ch.grid[0]; band++) {
            int first = band * perBand;
            Object[] chunks = new Object[perBand];
            Parallel.forEach(perBand, j -> chunks[j] = s.chunk(first + j));
            int rows = ch.extent(first)[0];
            // rows of the band in C order over axes 0..nd-2; along the last axis, chunk after chunk
            long[] bandShape = ch.shape.clone();
            bandShape[0] = rows;
            long outer = size(bandShape) / Math.max(1, ch.shape[nd - 1]);
            int[] idx = new int[nd - 1];
            for (long r = 0; r < outer && ch.shape[nd - 1] > 0; r++) {
                for (int j = 0; j < ch.grid[nd - 1]; j++) {
                    int[] p = new int[nd];
                    p[0] = band;
                    for (int d = 1; d < nd - 1; d++) {
                        p[d] = idx[d] / ch.chunk[d];
                    }
                    p[nd - 1] = j;
                    int local = ch.index(p) - first;
                    int[] e = ch.extent(first + local);
                    int off = 0;
                    for (int d = 0; d < nd - 1; d++) {
                        off = off * e[d] + (d == 0 ? idx[0] : idx[d] % ch.chunk[d]);
                    }
                    int len = e[nd - 1];
                    ElementValues.doubles(s.dtype, chunks[local], off * len, len, x);
                    sum.add(x, len);
                }
                for (int d = nd - 2; d >= 0; d--) {
                    if (++idx[d] < (d == 0 ? rows : ch.shape[d])) {
                        break;
                    }
                    idx[d] = 0;
                }
            }
        }
        return sum.total();
    }

    static NDArray alongAxis(ChunkStore s, Kind kind, int axis) {
        Chunking ch = s.chunking;
        int nd = ch.ndim();
        int ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + nd);
        }
        if ((kind == Kind.MIN || kind == Kind.MAX) && ch.shape[ax] == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.name().toLowerCase(Locale.ROOT)
                    + " which has no identity");
        }
        DType t = s.dtype;
        DType rt = resultType(kind, t);
        long[] outShape = new long[nd - 1];
        for (int d = 0, j = 0; d < nd; d++) {
            if (d != ax) {
                outShape[j++] = ch.shape[d];
            }
        }
        long outElements = size(outShape);
        if (outElements > Storage.HEAP_ARRAY_MAX) {
            throw new ArrayAllocationException("reducing a compressed array of shape " + Arrays.toString(ch.shape)
                    + " along axis " + ax + " gives " + outElements + " results, more than the " + Storage.HEAP_ARRAY_MAX
                    + " this reduction accumulates at once; decompress() it or reduce slices of it");
        }
        int outSize = (int) outElements;
        PairwiseSum.Arithmetic arithmetic = kind == Kind.SUM || kind == Kind.MEAN ? arithmetic(kind, t) : null;
        if ((kind == Kind.SUM && t.isFloat() || kind == Kind.MEAN) && ch.shape[ax] >= 8
                && PairwiseSum.innermostInCOrder(ch.shape, ax)) {
            return pairwiseAlongAxis(s, kind, ax, outShape, outSize);
        }
        boolean floatLane = t.isFloat() || kind == Kind.MEAN || kind == Kind.COUNT_NONZERO;
        double[] dAcc = floatLane ? new double[outSize] : null;
        long[] lAcc = floatLane ? null : new long[outSize];
        boolean[] nan = new boolean[outSize];
        boolean laterWins = t != DType.FLOAT16;
        long initLong = kind == Kind.MIN ? (t == DType.UINT64 ? -1L : Long.MAX_VALUE)
                : kind == Kind.MAX ? (t == DType.UINT64 ? 0 : Long.MIN_VALUE) : 0;
        double initDouble = kind == Kind.MIN ? Double.POSITIVE_INFINITY : kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
        if (floatLane) {
            java.util.Arrays.fill(dAcc, initDouble);
        } else {
            java.util.Arrays.fill(lAcc, initLong);
        }
        long[] outStrides = Chunking.strides(outShape);
        List<int[]> columns = columns(ch, ax);
        Parallel.forEach(columns.size(), () -> new Lanes(new double[maxChunk(ch)], new long[maxChunk(ch)]), (scratch, c) -> {
            double[] xd = scratch.doubles();
            long[] xl = scratch.longs();
            int[] p = columns.get(c).clone();
            for (int g = 0; g < ch.grid[ax]; g++) {
                p[ax] = g;
                int i = ch.index(p);
                Object data = s.chunk(i);
                int[] e = ch.extent(i);
                long[] o = ch.origin(i);
                int n = Chunking.elements(e);
                if (floatLane) {
                    ElementValues.doubles(t, data, 0, n, xd);
                } else {
                    ElementValues.longs(t, data, 0, n, xl);
                }
                int[] at = new int[nd];
                for (int k = 0; k < n; k++) {
                    long out = 0;
                    for (int d = 0, j = 0; d < nd; d++) {
                        if (d != ax) {
                            out += (o[d] + at[d]) * outStrides[j++];
                        }
                    }
                    int q = (int) out;
                    if (floatLane) {
                        double v = xd[k];
                        switch (kind) {
                            case COUNT_NONZERO -> dAcc[q] += v != 0 ? 1 : 0;
                            case SUM, MEAN -> { nan[q] |= v != v; dAcc[q] = arithmetic.add(dAcc[q], v); }
                            case MIN -> { nan[q] |= v != v; dAcc[q] = laterWins ? (v <= dAcc[q] ? v : dAcc[q]) : (v < dAcc[q] ? v : dAcc[q]); }
                            case MAX -> { nan[q] |= v != v; dAcc[q] = laterWins ? (v >= dAcc[q] ? v : dAcc[q]) : (v > dAcc[q] ? v : dAcc[q]); }
                        }
                    } else {
                        long v = xl[k];
                        switch (kind) {
                            case SUM -> lAcc[q] += v;
                            case MIN -> lAcc[q] = (t == DType.UINT64 ? Long.compareUnsigned(v, lAcc[q]) : Long.compare(v, lAcc[q])) < 0 ? v : lAcc[q];
                            case MAX -> lAcc[q] = (t == DType.UINT64 ? Long.compareUnsigned(v, lAcc[q]) : Long.compare(v, lAcc[q])) > 0 ? v : lAcc[q];
                            default -> throw new IllegalStateException();
                        }
                    }
                    for (int d = nd - 1; d >= 0; d--) {
                        if (++at[d] < e[d]) {
                            break;
                        }
                        at[d] = 0;
                    }
                }
            }
        });
        Object out;
        if (kind == Kind.COUNT_NONZERO) {
            long[] counts = new long[outSize];
            for (int q = 0; q < outSize; q++) {
                counts[q] = (long) dAcc[q];
            }
            out = counts;
        } else if (floatLane) {
            long len = ch.shape[ax];
            for (int q = 0; q < outSize; q++) {
                double v = nan[q] ? Double.NaN : dAcc[q];
                dAcc[q] = kind == Kind.MEAN ? PairwiseSum.axisMean(v, len, t == DType.FLOAT16) : v;
            }
            out = ElementValues.fromDoubles(rt, dAcc);
        } else {
            out = ElementValues.fromLongs(rt, lAcc);
        }
        return NDArray.wrap(rt, out, outShape);
    }

    /** A group's held blocks, at most 2^21 doubles (16 MiB) per worker. */
    private static final int GROUP_DOUBLES = 1 << 21;

    /**
     * A float sum or any mean along the axis NumPy reads innermost (every later axis has length 1)
     * as the dense engine adds it ({@link PairwiseSum#innermost}): each result's elements in blocks
     * of 8192 summed pairwise and added in order to 0.0, in the dtype's {@link
     * PairwiseSum.Arithmetic}. A result's elements run through one column of chunks along the axis;
     * a group of results holds its current block while the column's chunks are decoded in turn,
     * each once per group, the columns in parallel.
     */
    private static NDArray pairwiseAlongAxis(ChunkStore s, Kind kind, int ax, long[] outShape, int outSize) {
        Chunking ch = s.chunking;
        PairwiseSum.Arithmetic arithmetic = arithmetic(kind, s.dtype);
        long len = ch.shape[ax];
        int blockLen = (int) Math.min(len, PairwiseSum.BLOCK);
        double[] totals = new double[outSize];
        long[] outStrides = Chunking.strides(outShape);
        List<int[]> columns = columns(ch, ax);
        Parallel.forEach(columns.size(), c -> {
            int[] p = columns.get(c).clone();
            int first = ch.index(p);
            int[] e = ch.extent(first);
            long[] o = ch.origin(first);
            // The column's results in its chunks' C order (the axes before ax; the later ones have one element).
            int rows = 1;
            for (int d = 0; d < ax; d++) {
                rows *= e[d];
            }
            int[] result = new int[rows];
            int[] at = new int[ax];
            for (int r = 0; r < rows; r++) {
                long q = 0;
                for (int d = 0; d < ax; d++) {
                    q += (o[d] + at[d]) * outStrides[d];
                }
                result[r] = (int) q;
                for (int d = ax - 1; d >= 0; d--) {
                    if (++at[d] < e[d]) {
                        break;
                    }
                    at[d] = 0;
                }
            }
            int group = Math.max(1, Math.min(rows, GROUP_DOUBLES / blockLen));
            double[] held = new double[group * blockLen];
            double[] x = new double[0];
            for (int r0 = 0; r0 < rows; r0 += group) {
                int g = Math.min(group, rows - r0);
                int filled = 0;
                for (int j = 0; j < ch.grid[ax]; j++) {
                    p[ax] = j;
                    int i = ch.index(p);
                    int[] ei = ch.extent(i);
                    int along = ei[ax];
                    int n = Chunking.elements(ei);
                    if (x.length < n) {
                        x = new double[n];
                    }
                    ElementValues.doubles(s.dtype, s.chunk(i), 0, n, x);
                    for (int pos = 0; pos < along; ) {
                        int take = Math.min(along - pos, blockLen - filled);
                        for (int r = 0; r < g; r++) {
                            System.arraycopy(x, (r0 + r) * along + pos, held, r * blockLen + filled, take);
                        }
                        filled += take;
                        pos += take;
                        if (filled == blockLen) {
                            for (int r = 0; r < g; r++) {
                                int q = result[r0 + r];
                                totals[q] = arithmetic.add(totals[q], arithmetic.pairwise(held, r * blockLen, blockLen));
                            }
                            filled = 0;
                        }
                    }
                }
                for (int r = 0; r < g && filled > 0; r++) {
                    int q = result[r0 + r];
                    totals[q] = arithmetic.add(totals[q], arithmetic.pairwise(held, r * blockLen, filled));
                }
            }
        });
        for (int q = 0; q < outSize; q++) {
            double v = totals[q] != totals[q] ? Double.NaN : totals[q];
            totals[q] = kind == Kind.MEAN ? PairwiseSum.axisMean(v, len, s.dtype == DType.FLOAT16) : v;
        }
        DType rt = resultType(kind, s.dtype);
        return NDArray.wrap(rt, ElementValues.fromDoubles(rt, totals), outShape);
    }

    /**
     * The columns along axis {@code ax}: chunks sharing every grid index but the axis's, each
     * given by its first chunk's grid position; a column runs along the axis in order.
     */
    private static List<int[]> columns(Chunking ch, int ax) {
        List<int[]> columns = new ArrayList<>();
        for (int i = 0; i < ch.count; i++) {
            int[] p = ch.position(i);
            if (p[ax] == 0) {
                columns.add(p);
            }
        }
        return columns;
    }

    private static int maxChunk(Chunking ch) {
        return Chunking.elements(ch.chunk);
    }

    /** One worker's scratch: a chunk's elements in the double lane and in the long lane. */
    private record Lanes(double[] doubles, long[] longs) {}
}
