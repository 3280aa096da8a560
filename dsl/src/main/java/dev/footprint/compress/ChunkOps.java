package dev.footprint.compress;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import dev.footprint.array.SliceSpec;
import dev.footprint.storage.Parallel;
import dev.footprint.storage.Storage;
import java.util.List;
import java.util.function.UnaryOperator;

/** Operations of a compressed array that work a chunk at a time: elementwise maps, casts and slices. */
final class ChunkOps {
    private ChunkOps() {}

    /** A function of one chunk: its index and its elements. */
    interface ChunkFunction {
        NDArray apply(int chunk, NDArray elements);
    }

    /** Applies {@code op} to every chunk (in parallel) and compresses the results like the source. */
    static ChunkStore map(ChunkStore s, UnaryOperator<NDArray> op) {
        return map(s, resultType(s, op), (i, c) -> op.apply(c));
    }

    /** {@link #map(ChunkStore, UnaryOperator)} with the result dtype known. */
    static ChunkStore map(ChunkStore s, DType rt, ChunkFunction op) {
        return ChunkStore.fromChunks(rt, s.chunking, s.codec, s.level, s.blocksize, i -> {
            NDArray r = op.apply(i, s.chunkArray(i));
            if (r.dtype() != rt) {
                throw new IllegalStateException("chunk " + i + " gave " + r.dtype() + ", expected " + rt);
            }
            return r.contiguousData();
        });
    }

    /**
     * {@code op(a, b)} for two arrays of the same shape, a chunk of {@code a} at a time (in
     * parallel), compressed with {@code a}'s chunks: {@code b}'s matching chunk, or, when its chunks
     * differ, the region of {@code b} under {@code a}'s chunk, decoding only the chunks it touches.
     */
    static ChunkStore zip(ChunkStore a, ChunkStore b, java.util.function.BinaryOperator<NDArray> op) {
        boolean sameChunks = java.util.Arrays.equals(a.chunking.chunk, b.chunking.chunk);
        String first = String.join(",", java.util.Collections.nCopies(a.chunking.ndim(), "0:1"));
        DType rt = op.apply(a.chunkArray(0).slice(first), b.chunkArray(0).slice(first)).dtype();
        return map(a, rt, (i, c) -> op.apply(c, sameChunks ? b.chunkArray(i)
                : slice(b, SliceSpec.box(a.chunking.origin(i), a.chunking.extent(i)))));
    }

    /** The dtype {@code op} gives, from one element of the first chunk. */
    private static DType resultType(ChunkStore s, UnaryOperator<NDArray> op) {
        if (s.chunking.count == 0) {
            return op.apply(NDArray.allocate(s.dtype, s.chunking.shape)).dtype();
        }
        return op.apply(s.chunkArray(0).slice(String.join(",", java.util.Collections.nCopies(s.chunking.ndim(), "0:1")))).dtype();
    }

    /** {@code as(t, casting)} chunk by chunk; a lossless cast that fails names the first offending element of the whole array. */
    static ChunkStore cast(ChunkStore s, DType t, Casting casting) {
        if (casting != Casting.SAME_VALUE) {
            return map(s, c -> c.as(t, casting));
        }
        LossyCastException[] failures = new LossyCastException[s.chunking.count];
        ChunkStore out = map(s, t, (i, c) -> {
            try {
                return c.as(t, casting);
            } catch (LossyCastException e) {
                failures[i] = e;
                return NDArray.allocate(t, c.shape());
            }
        });
        long firstAt = -1;
        long[] firstIndex = null;
        LossyCastException first = null;
        DType suggestion;
        long[] strides = Chunking.strides(s.chunking.shape);
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] == null) {
                continue;
            }
            long[] o = s.chunking.origin(i);
            long[] local = failures[i].index();
            long[] global = new long[o.length];
            long at = 0;
            for (int d = 0; d < o.length; d++) {
                global[d] = o[d] + local[d];
                at += global[d] * strides[d];
            }
            if (first == null || at < firstAt) {
                first = failures[i];
                firstAt = at;
                firstIndex = global;
            }
        }
        if (first == null) {
            return out;
        }
        suggestion = wholeMinimal(s);
        throw first.at(firstIndex, suggestion);
    }

    /**
     * The smallest dtype that holds every element, as the dense array's {@code minimalDType()}: the
     * smallest of the chunks' own minimal dtypes (and their promotion) that every chunk casts to
     * losslessly, else the array's dtype.
     */
    private static DType wholeMinimal(ChunkStore s) {
        java.util.Set<DType> candidates = new java.util.TreeSet<>(java.util.Comparator.comparingInt(DType::itemsize)
                .thenComparing(t -> t.isFloat()).thenComparing(Enum::ordinal));
        DType promoted = null;
        for (int i = 0; i < s.chunking.count; i++) {
            DType m = s.chunkArray(i).minimalDType();
            candidates.add(m);
            promoted = promoted == null ? m : DType.promote(promoted, m);
        }
        candidates.add(promoted);
        for (DType t : candidates) {
            if (t.itemsize() > s.dtype.itemsize()) {
                break;
            }
            boolean all = true;
            for (int i = 0; i < s.chunking.count && all; i++) {
                try {
                    s.chunkArray(i).as(t);
                } catch (LossyCastException e) {
                    all = false;
                }
            }
            if (all) {
                return t;
            }
        }
        return s.dtype;
    }

    /** NumPy basic indexing: decodes only the chunks the selection touches, into a new dense array. */
    static NDArray slice(ChunkStore s, String spec) {
        Chunking ch = s.chunking;
        int nd = ch.ndim();
        List<SliceSpec.Axis> axes = SliceSpec.parse(spec, ch.shape);
        long[] outShape = axes.stream().filter(a -> !a.dropped()).mapToLong(SliceSpec.Axis::count).toArray();
        long outElements = ChunkReductions.size(outShape);
        if (outElements > Storage.HEAP_ARRAY_MAX) {
            throw new ArrayAllocationException("a slice [" + spec + "] of a compressed array has " + outElements
                    + " elements, more than the " + Storage.HEAP_ARRAY_MAX + " a slice of one is decoded into; "
                    + "slice smaller parts, or decompress() it and slice that");
        }
        NDArray out = NDArray.allocate(s.dtype, outShape);
        Object outData = out.contiguousData();
        long total = 1;
        long[] full = new long[nd];
        for (int d = 0; d < nd; d++) {
            full[d] = axes.get(d).count();
            total *= full[d];
        }
        if (total == 0) {
            return out;
        }
        long[] outStrides = Chunking.strides(full);
        Parallel.forEach(ch.count, i -> {
            long[] o = ch.origin(i);
            int[] e = ch.extent(i);
            long[] lo = new long[nd];
            long[] hi = new long[nd];
            for (int d = 0; d < nd; d++) {
                SliceSpec.Axis a = axes.get(d);
                long first = o[d];
                long last = o[d] + e[d] - 1;
                if (a.step() > 0) {
                    lo[d] = Math.max(0, ceilDiv(first - a.start(), a.step()));
                    hi[d] = Math.min(a.count() - 1, Math.floorDiv(last - a.start(), a.step()));
                } else {
                    lo[d] = Math.max(0, ceilDiv(a.start() - last, -a.step()));
                    hi[d] = Math.min(a.count() - 1, Math.floorDiv(a.start() - first, -a.step()));
                }
                if (lo[d] > hi[d]) {
                    return;
                }
            }
            Object data = s.chunk(i);
            long[] k = lo.clone();
            while (true) {
                int local = 0;
                long target = 0;
                for (int d = 0; d < nd; d++) {
                    SliceSpec.Axis a = axes.get(d);
                    local = local * e[d] + (int) (a.start() + k[d] * a.step() - o[d]);
                    target += k[d] * outStrides[d];
                }
                System.arraycopy(data, local, outData, (int) target, 1);
                int d = nd - 1;
                for (; d >= 0; d--) {
                    if (++k[d] <= hi[d]) {
                        break;
                    }
                    k[d] = lo[d];
                }
                if (d < 0) {
                    break;
                }
            }
        });
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
