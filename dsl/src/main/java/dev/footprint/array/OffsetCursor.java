package dev.footprint.array;

/**
 * Walks the elements of a strided view in C order and hands out their storage offsets a chunk
 * at a time, so loops over views stay tight loops over {@code int[]} offsets. Storage offsets
 * are {@code long} (a big array has more than 2^31 elements); each chunk's offsets count from
 * that chunk's {@link #base()}, and a chunk ends early where the next offset would lie 2^31 or
 * more from it, which happens only in storage of more than 2^31 elements.
 */
final class OffsetCursor {
    static final int CHUNK = 2048;

    private final int[] shape;
    private final long[] strides;
    private final int[] counter;
    private final int last;
    private long offset;
    private long remaining;
    private long base;

    OffsetCursor(int[] shape, long[] strides, long offset) {
        this.shape = shape;
        this.strides = strides;
        this.counter = new int[shape.length];
        this.last = shape.length - 1;
        this.offset = offset;
        this.remaining = Shapes.size(shape);
    }

    /** The storage offset that the offsets of the last chunk count from. */
    long base() {
        return base;
    }

    /** Fills up to {@code out.length} offsets relative to {@link #base()}; returns how many (0 at the end). */
    int next(int[] out) {
        return next(out, out.length);
    }

    /**
     * Fills up to {@code max} offsets relative to {@link #base()}; returns how many: fewer than
     * {@code max} at the end, or where an offset would not fit an {@code int} from the base.
     */
    int next(int[] out, int max) {
        int n = (int) Math.min(max, remaining);
        base = offset;
        if (last < 0) {
            if (n > 0) {
                out[0] = 0;
            }
            remaining -= n;
            return n;
        }
        int inner = shape[last];
        long step = strides[last];
        int i = 0;
        while (i < n) {
            int run = Math.min(inner - counter[last], n - i);
            long rel = offset - base;
            if (rel != (int) rel) {
                break;
            }
            long end = rel + step * (run - 1);
            boolean cut = end != (int) end;
            if (cut) {
                // Offsets along a run are linear: keep the ones that fit.
                long room = step > 0 ? Integer.MAX_VALUE - rel : rel - Integer.MIN_VALUE;
                run = (int) Math.min(run, room / Math.abs(step) + 1);
            }
            // Every offset of the run fits an int, so int arithmetic (which wraps) gives each exactly.
            int o = (int) rel;
            int st = (int) step;
            for (int k = 0; k < run; k++, o += st) {
                out[i + k] = o;
            }
            i += run;
            offset += step * run;
            counter[last] += run;
            if (counter[last] == inner) {
                carry();
            }
            if (cut) {
                break;
            }
        }
        remaining -= i;
        return i;
    }

    private void carry() {
        offset -= strides[last] * shape[last];
        counter[last] = 0;
        for (int axis = last - 1; axis >= 0; axis--) {
            counter[axis]++;
            offset += strides[axis];
            if (counter[axis] < shape[axis]) {
                return;
            }
            offset -= strides[axis] * shape[axis];
            counter[axis] = 0;
        }
    }
}
