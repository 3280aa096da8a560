package dev.footprint.zarr;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sum mean min max countNonzero} of a store, whole or along an axis, one chunk at a time:
 * each chunk is reduced on its own (in parallel), and the partial results are reduced again, as
 * Dask does. Sums and means of floats are accumulated in float64, as the in-memory reductions do,
 * and rounded to NumPy's result dtype at the end.
 */
final class ZarrReductions {
    enum Kind { SUM, MEAN, MIN, MAX, COUNT_NONZERO }

    private ZarrReductions() {}

    static NDArray whole(ChunkStore s, Kind kind) {
        if (s.chunkCount == 0 || anyZero(s.meta.shape())) {
            return reduceInMemory(NDArray.allocate(s.meta.dtype(), s.meta.shape()), kind, null);
        }
        NDArray[] parts = new NDArray[(int) s.chunkCount];
        Map<String, NDArray> fills = new ConcurrentHashMap<>();
        ChunkTasks.forEach(s.chunkCount, i -> parts[(int) i] = partial(s, s.position(i), kind, null, fills));
        return finish(reduceInMemory(stack(parts), kind == Kind.COUNT_NONZERO ? Kind.SUM : combiner(kind), 0),
                kind, s.meta.dtype(), s.meta.shape().length == 0 ? 1 : size(s.meta.shape()));
    }

    static NDArray along(ChunkStore s, Kind kind, int axis) {
        long[] shape = s.meta.shape();
        int ax = axis < 0 ? axis + shape.length : axis;
        if (ax < 0 || ax >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + shape.length);
        }
        long[] outShape = without(shape, ax);
        if (anyZero(shape)) {
            return reduceInMemory(NDArray.allocate(s.meta.dtype(), shape), kind, ax);
        }
        DType outType = reduceInMemory(NDArray.allocate(s.meta.dtype(), ones(shape.length)), kind, 0).dtype();
        NDArray out = NDArray.allocate(outType, outShape);
        long[] groups = s.grid.clone();
        groups[ax] = 1;
        long groupCount = size(groups);
        Map<String, NDArray> fills = new ConcurrentHashMap<>();
        ChunkTasks.forEach(groupCount, g -> {
            long[] at = ChunkStore.position(groups, g);
            NDArray[] parts = new NDArray[(int) s.grid[ax]];
            for (int k = 0; k < parts.length; k++) {
                at[ax] = k;
                parts[k] = partial(s, at, kind, ax, fills);
            }
            at[ax] = 0;
            NDArray block = finish(reduceInMemory(stack(parts), kind == Kind.COUNT_NONZERO ? Kind.SUM : combiner(kind), 0),
                    kind, s.meta.dtype(), shape[ax]);
            Blocks.place(block, out, without(s.origin(at), ax));
        });
        return out;
    }

    /**
     * The reduction of the chunk at {@code at}; a missing chunk's depends only on the shape of its
     * part inside the array, so it is computed once per shape ({@code fills}) and not per chunk.
     */
    private static NDArray partial(ChunkStore s, long[] at, Kind kind, Integer axis, Map<String, NDArray> fills) {
        byte[] stored = s.readStored(s.key(at));
        if (stored != null) {
            return partial(s.read(at, stored), kind, axis);
        }
        return fills.computeIfAbsent(Arrays.toString(s.valid(at)), k -> partial(s.read(at, null), kind, axis));
    }

    /** A chunk's own reduction, in the type partial results are combined in. */
    private static NDArray partial(NDArray chunk, Kind kind, Integer axis) {
        NDArray c = chunk;
        if ((kind == Kind.SUM && chunk.dtype().isFloat() || kind == Kind.MEAN) && chunk.dtype() != DType.FLOAT64) {
            c = chunk.as(DType.FLOAT64, Casting.UNSAFE);
        }
        return reduceInMemory(c, kind == Kind.MEAN ? Kind.SUM : kind, axis);
    }

    private static Kind combiner(Kind kind) {
        return kind == Kind.MEAN ? Kind.SUM : kind;
    }

    /** Rounds a combined float64 sum to NumPy's result dtype; divides a mean's sum by the count. */
    private static NDArray finish(NDArray combined, Kind kind, DType dtype, long count) {
        NDArray probe = NDArray.allocate(dtype, 1);
        return switch (kind) {
            case SUM -> dtype.isFloat() ? combined.as(dtype, Casting.UNSAFE) : combined;
            case MEAN -> combined.div((double) count).as(probe.mean().dtype(), Casting.UNSAFE);
            default -> combined;
        };
    }

    private static NDArray reduceInMemory(NDArray a, Kind kind, Integer axis) {
        if (axis == null) {
            return switch (kind) {
                case SUM -> a.sum();
                case MEAN -> a.mean();
                case MIN -> a.min();
                case MAX -> a.max();
                case COUNT_NONZERO -> NDArray.wrap(DType.INT64, new long[] {a.countNonzero()});
            };
        }
        return switch (kind) {
            case SUM -> a.sum(axis);
            case MEAN -> a.mean(axis);
            case MIN -> a.min(axis);
            case MAX -> a.max(axis);
            case COUNT_NONZERO -> a.countNonzero(axis);
        };
    }

    /** The parts (one shape and dtype) stacked along a new first axis. */
    private static NDArray stack(NDArray[] parts) {
        long[] partShape = parts[0].shape();
        long[] shape = new long[partShape.length + 1];
        shape[0] = parts.length;
        System.arraycopy(partShape, 0, shape, 1, partShape.length);
        NDArray out = NDArray.allocate(parts[0].dtype(), shape);
        for (int k = 0; k < parts.length; k++) {
            long[] origin = new long[shape.length];
            origin[0] = k;
            Blocks.place(parts[k].reshape(withOne(partShape)), out, origin);
        }
        return out;
    }

    private static long[] withOne(long[] shape) {
        long[] r = new long[shape.length + 1];
        r[0] = 1;
        System.arraycopy(shape, 0, r, 1, shape.length);
        return r;
    }

    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d); // a store's metadata already bounds this; never wrap
        }
        return n;
    }

    private static boolean anyZero(long[] shape) {
        return Arrays.stream(shape).anyMatch(d -> d == 0);
    }

    private static long[] ones(int n) {
        long[] r = new long[n];
        Arrays.fill(r, 1);
        return r;
    }

    private static long[] without(long[] a, int axis) {
        long[] r = new long[a.length - 1];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (i != axis) {
                r[j++] = a[i];
            }
        }
        return r;
    }
}
