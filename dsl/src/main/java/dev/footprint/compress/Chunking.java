package dev.footprint.compress;

import java.util.Arrays;

/**
 * How an array of {@code shape} is cut into chunks of {@code chunk} (edge chunks are smaller:
 * they hold only the elements inside the array). Chunks are numbered in C order of their grid
 * position; each holds its elements in C order.
 */
final class Chunking {
    final long[] shape;
    final int[] chunk;
    final int[] grid;
    final int count;

    Chunking(long[] shape, int[] chunk) {
        if (chunk.length != shape.length) {
            throw new IllegalArgumentException("a chunk shape for a " + shape.length + "-d array needs " + shape.length
                    + " lengths, got " + Arrays.toString(chunk));
        }
        this.shape = shape.clone();
        this.chunk = chunk.clone();
        this.grid = new int[shape.length];
        long n = 1;
        long elements = 1;
        for (int d = 0; d < shape.length; d++) {
            if (chunk[d] < 1) {
                throw new IllegalArgumentException("chunk lengths must be at least 1, got " + Arrays.toString(chunk));
            }
            elements *= chunk[d];
            if (elements > Integer.MAX_VALUE / 8) {
                throw new IllegalArgumentException("a chunk of " + Arrays.toString(chunk) + " has more elements than one "
                        + "Java array holds at 8 bytes each; use smaller chunks");
            }
            grid[d] = (int) Math.max(1, (shape[d] + chunk[d] - 1) / chunk[d]);
            n *= shape[d] == 0 ? 0 : grid[d];
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("chunks of " + Arrays.toString(chunk) + " cut an array of "
                    + Arrays.toString(shape) + " into " + n + " chunks, too many; use larger chunks");
        }
        this.count = (int) n;
    }

    /**
     * The default chunk shape: C-contiguous blocks of about {@code targetBytes} (whole trailing
     * axes, then a run of the first axis that does not fit whole), so compressing reads the dense
     * array in runs as long as the chunk.
     */
    static int[] contiguous(long[] shape, int itemsize, long targetBytes) {
        int[] c = new int[shape.length];
        long rest = Math.max(1, targetBytes / itemsize);
        for (int d = shape.length - 1; d >= 0; d--) {
            long len = Math.max(1, shape[d]);
            if (len <= rest) {
                c[d] = (int) len;
                rest /= len;
            } else {
                c[d] = (int) Math.max(1, rest);
                rest = 1;
            }
        }
        return c;
    }

    /** A chunk shape given as longs, each checked to be from 1 to {@code Integer.MAX_VALUE}. */
    static int[] lengths(long[] chunkShape) {
        int[] c = new int[chunkShape.length];
        for (int d = 0; d < c.length; d++) {
            if (chunkShape[d] < 1 || chunkShape[d] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("chunk lengths must be from 1 to " + Integer.MAX_VALUE + ", got "
                        + Arrays.toString(chunkShape));
            }
            c[d] = (int) chunkShape[d];
        }
        return c;
    }

    int ndim() {
        return shape.length;
    }

    /** The grid position of chunk {@code i}. */
    int[] position(int i) {
        int[] p = new int[grid.length];
        for (int d = grid.length - 1; d >= 0; d--) {
            p[d] = i % grid[d];
            i /= grid[d];
        }
        return p;
    }

    /** The chunk at grid position {@code p}. */
    int index(int[] p) {
        int i = 0;
        for (int d = 0; d < grid.length; d++) {
            i = i * grid[d] + p[d];
        }
        return i;
    }

    /** The array index of chunk {@code i}'s first element, per axis. */
    long[] origin(int i) {
        int[] p = position(i);
        long[] o = new long[p.length];
        for (int d = 0; d < p.length; d++) {
            o[d] = (long) p[d] * chunk[d];
        }
        return o;
    }

    /** Chunk {@code i}'s lengths: the chunk shape, cut at the array's edge. */
    int[] extent(int i) {
        long[] o = origin(i);
        int[] e = new int[o.length];
        for (int d = 0; d < o.length; d++) {
            e[d] = (int) Math.min(chunk[d], shape[d] - o[d]);
        }
        return e;
    }

    static int elements(int[] extent) {
        int n = 1;
        for (int e : extent) {
            n = Math.multiplyExact(n, e); // chunks are capped below 2^31 elements; never wrap
        }
        return n;
    }

    /** C-order strides (in elements) of an array of {@code shape}. */
    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    /**
     * Calls {@code run(denseOffset, chunkOffset, length)} for each run of chunk {@code i}'s elements
     * along the last axis: where it starts in a C-order array of {@link #shape} and in the chunk.
     */
    void runs(int i, RunVisitor run) {
        int nd = shape.length;
        if (nd == 0) {
            run.visit(0, 0, 1);
            return;
        }
        long[] o = origin(i);
        int[] e = extent(i);
        long[] strides = strides(shape);
        int rows = elements(e) / Math.max(1, e[nd - 1]);
        if (e[nd - 1] == 0) {
            return;
        }
        int[] at = new int[nd];
        for (int r = 0; r < rows; r++) {
            long dense = 0;
            for (int d = 0; d < nd; d++) {
                dense += (o[d] + at[d]) * strides[d];
            }
            run.visit(dense, r * e[nd - 1], e[nd - 1]);
            for (int d = nd - 2; d >= 0; d--) {
                if (++at[d] < e[d]) {
                    break;
                }
                at[d] = 0;
            }
        }
    }

    interface RunVisitor {
        void visit(long denseOffset, int chunkOffset, int length);
    }
}
