package dev.footprint.zarr;

import dev.footprint.array.NDArray;
import dev.footprint.array.SliceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy basic indexing of a store ({@code "10:20, ::2, 3"}), reading only the chunks the selection
 * touches. Each axis selects an arithmetic run of indices; negative steps read the same run
 * forwards and reverse it at the end.
 */
final class ZarrSlicer {
    /** The indices {@code first, first + step, ...} ({@code count} of them, step > 0) of one axis. */
    private record Run(long first, long step, long count, boolean reversed, boolean dropped) {}

    private ZarrSlicer() {}

    static NDArray slice(ChunkStore s, String spec) {
        long[] shape = s.meta.shape();
        List<Run> runs = parse(spec, shape);
        int nd = shape.length;
        long[] outShape = new long[nd];
        StringBuilder finish = new StringBuilder();
        boolean needsFinish = false;
        for (int i = 0; i < nd; i++) {
            Run r = runs.get(i);
            outShape[i] = r.count;
            finish.append(i == 0 ? "" : ",").append(r.dropped ? "0" : r.reversed ? "::-1" : ":");
            needsFinish |= r.dropped || r.reversed;
        }
        NDArray out = NDArray.allocate(s.meta.dtype(), outShape);
        if (out.size() > 0) {
            fill(s, runs, out);
        }
        return needsFinish ? out.slice(finish.toString()) : out;
    }

    private static void fill(ChunkStore s, List<Run> runs, NDArray out) {
        int nd = runs.size();
        int[] cs = s.meta.chunks();
        long[] firstChunk = new long[nd];
        long[] touched = new long[nd];
        for (int i = 0; i < nd; i++) {
            Run r = runs.get(i);
            firstChunk[i] = r.first / cs[i];
            touched[i] = (r.first + (r.count - 1) * r.step) / cs[i] - firstChunk[i] + 1;
        }
        boolean unitSteps = runs.stream().allMatch(r -> r.step == 1);
        long[] outDims = out.shape();
        ChunkTasks.forEach(ZarrReductions.size(touched), flat -> {
            long[] at = new long[nd];
            long rest = flat;
            for (int i = nd - 1; i >= 0; i--) {
                at[i] = firstChunk[i] + rest % touched[i];
                rest /= touched[i];
            }
            StringBuilder local = new StringBuilder();
            long[] origin = new long[nd];
            int[] block = new int[nd];
            int[] chunkOrigin = new int[nd];
            for (int i = 0; i < nd; i++) {
                Run r = runs.get(i);
                long lo = at[i] * cs[i];
                long hi = Math.min(lo + cs[i], r.first + (r.count - 1) * r.step + 1);
                long g0 = r.first >= lo ? r.first : r.first + ceilDiv(lo - r.first, r.step) * r.step;
                if (g0 >= hi) {
                    return;   // a step longer than the chunk skips it
                }
                long n = (hi - g0 + r.step - 1) / r.step;
                origin[i] = (g0 - r.first) / r.step;
                chunkOrigin[i] = (int) (g0 - lo);
                block[i] = (int) n;
                local.append(i == 0 ? "" : ",").append(g0 - lo).append(':').append(g0 - lo + (n - 1) * r.step + 1)
                        .append(':').append(r.step);
            }
            byte[] stored = s.readStored(s.key(at));
            if (stored == null) {
                // a missing chunk: its part of the result is the fill value, whatever the steps
                if (s.meta.fill().bits() != 0) {   // the result is allocated zeroed
                    Blocks.fill(s.meta.fill().asArray(nd == 0 ? 1 : block[nd - 1]), block, out, origin);
                }
                return;
            }
            if (unitSteps && !s.meta.fortranOrder()) {
                // straight from the chunk's bytes into the result, row by row
                ChunkBytes.getRows(s.decodeBytes(s.key(at), stored), s.meta.chunks(), chunkOrigin, block, out.storage(),
                        out.storageOffset(), outDims, origin, s.meta.byteOrder());
                return;
            }
            NDArray chunk = s.read(at, stored);
            NDArray part = nd == 0 ? chunk : chunk.slice(local.toString());
            Blocks.place(part, out, origin);
        });
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Each axis's run, read forwards: a negative step reads the same indices from the lowest, reversed at the end. */
    private static List<Run> parse(String spec, long[] shape) {
        List<Run> runs = new ArrayList<>();
        for (SliceSpec.Axis a : SliceSpec.parse(spec, shape)) {
            if (a.step() > 0) {
                runs.add(new Run(a.start(), a.step(), a.count(), false, a.dropped()));
            } else {
                long lowest = a.count() == 0 ? 0 : a.start() + (a.count() - 1) * a.step();
                runs.add(new Run(lowest, -a.step(), a.count(), true, false));
            }
        }
        return runs;
    }
}
