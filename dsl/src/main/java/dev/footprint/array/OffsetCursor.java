package dev.footprint.array;

/**
 * Walks the elements of a strided view in C order and hands out their storage offsets a chunk
 * at a time, so loops over views stay tight loops over {@code int[]} offsets.
 */
final class OffsetCursor {
    static final int CHUNK = 2048;

    private final int[] shape;
    private final int[] strides;
    private final int[] counter;
    private final int last;
    private int offset;
    private long remaining;

    OffsetCursor(int[] shape, int[] strides, int offset) {
        this.shape = shape;
        this.strides = strides;
        this.counter = new int[shape.length];
        this.last = shape.length - 1;
        this.offset = offset;
        this.remaining = Shapes.size(shape);
    }

    /** Fills up to {@code out.length} offsets; returns how many (0 at the end). */
    int next(int[] out) {
        int n = (int) Math.min(out.length, remaining);
        if (last < 0) {
            if (n > 0) {
                out[0] = offset;
            }
            remaining -= n;
            return n;
        }
        int inner = shape[last];
        int step = strides[last];
        int i = 0;
        while (i < n) {
            int run = Math.min(inner - counter[last], n - i);
            int o = offset;
            for (int k = 0; k < run; k++, o += step) {
                out[i + k] = o;
            }
            i += run;
            offset = o;
            counter[last] += run;
            if (counter[last] == inner) {
                carry();
            }
        }
        remaining -= n;
        return n;
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
