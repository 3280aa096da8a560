package dev.footprint.sparse;

import dev.footprint.array.Arguments;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Makes sparse arrays: {@code Footprint.sparse}. From dense arrays ({@code coo}, {@code csr},
 * {@code csc}) and at random. Raw parts from a file go to the {@link CooArray}, {@link CsrArray}
 * and {@link CscArray} constructors.
 *
 * <pre>{@code
 * var s = sparse.coo(a);                  // fill value 0
 * var r = sparse.random(0.1, 1024, 1024); // nnz == 104857 exactly
 * }</pre>
 */
public final class SparseFactory {
    private final ArrayFactory dense;

    /** A factory whose random arrays draw from {@code dense}'s seeded generator ({@code arr.seed(42)}). */
    public SparseFactory(ArrayFactory dense) {
        this.dense = dense;
    }

    /**
     * COO of a dense array, storing every element that is not 0 (bit for bit: -0.0 is stored).
     *
     * <pre>{@code
     * sparse.coo(a).nbytes() == 24 * sparse.coo(a).nnz();   // float64, 2-d, int64 coordinates
     * }</pre>
     */
    public CooArray coo(NDArray a) {
        Arguments.notNull(a, "a");
        return DenseToSparse.coo(a, Values.fillOf(a.dtype(), 0L));
    }

    /**
     * COO storing every element whose bits differ from {@code fillValue} (NaN works: NaNs are then missing).
     *
     * <pre>{@code
     * sparse.coo(a, Double.NaN).fillValue();   // NaN
     * sparse.coo(arr.of(1, 2).as(UINT8), 0.5); // IllegalArgumentException: uint8 cannot hold 0.5 exactly
     * }</pre>
     */
    public CooArray coo(NDArray a, double fillValue) {
        Arguments.notNull(a, "a");
        return DenseToSparse.coo(a, Values.fillOf(a.dtype(), fillValue));
    }

    /**
     * COO of a compressed array, converted a chunk at a time (the dense array is never made);
     * equal to {@code coo(c.decompress())}.
     *
     * <pre>{@code
     * sparse.coo(image.compress()).nnz();
     * }</pre>
     */
    public CooArray coo(dev.footprint.array.CompressedNDArray c) {
        Arguments.notNull(c, "c");
        return ChunkedToSparse.coo(c, Values.fillOf(c.dtype(), 0L));
    }

    /** COO with an integer fill value; it must lie in the array's dtype range. */
    public CooArray coo(NDArray a, long fillValue) {
        Arguments.notNull(a, "a");
        return DenseToSparse.coo(a, Values.fillOf(a.dtype(), fillValue));
    }

    /**
     * CSR of a 2-d dense array (fill value 0, int32 indices as scipy).
     *
     * <pre>{@code
     * sparse.csr(a).nbytes() == 12 * nnz + 4 * 1025;   // 1024 x 1024 float64
     * }</pre>
     * Throws {@code IllegalArgumentException} when {@code a} is not 2-d.
     */
    public CsrArray csr(NDArray a) {
        Arguments.notNull(a, "a");
        return coo(a).tocsr();
    }

    /** CSC of a 2-d dense array (fill value 0, int32 indices as scipy). */
    public CscArray csc(NDArray a) {
        Arguments.notNull(a, "a");
        return coo(a).tocsc();
    }

    /**
     * A random COO array of float64 values uniform in [0, 1) at {@code floor(size * density)}
     * distinct random positions (exactly, as pydata), fill value 0; seeded by {@code arr.seed}.
     *
     * <pre>{@code
     * arr.seed(42);
     * sparse.random(0.1, 1024, 1024).nnz();   // 104857
     * }</pre>
     * Throws {@code IllegalArgumentException} when {@code density} is outside [0, 1].
     */
    public CooArray random(double density, long... shape) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        long size = Offsets.size(Arguments.notNull(shape, "shape"));
        long nnz = (long) (size * density);
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sparse.random would store " + nnz + " values, more than one Java array "
                    + "holds; lower the density or the shape");
        }
        SplittableRandom r = dense.generator();
        long[] offsets = distinctPositions(r, size, (int) nnz);
        Arrays.sort(offsets);
        double[] values = new double[offsets.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextDouble();
        }
        NDArray data = NDArray.wrap(DType.FLOAT64, values, values.length);
        return CooArray.fromOffsets(offsets, data, Values.fillOf(DType.FLOAT64, 0L), shape, DType.INT64);
    }

    /**
     * Loads a sparse {@code .npz} written by pydata {@code sparse.save_npz} (COO, or GCXS: CSR/CSC
     * when 2-d) or by {@code scipy.sparse.save_npz} (coo, csr, csc); {@link #open} also tells which.
     *
     * <pre>{@code
     * var s = sparse.load("matrix.npz");
     * }</pre>
     *
     * @throws RuntimeException an {@code NpyFormatException}: the file is not a sparse {@code .npz} or its parts contradict each other
     */
    public SparseArray<?> load(String path) {
        return SparseFiles.installed().open(Arguments.path(path)).array();
    }

    /** As {@link #load(String)}. */
    public SparseArray<?> load(java.nio.file.Path path) {
        return SparseFiles.installed().open(Arguments.notNull(path, "path")).array();
    }

    /**
     * Loads a sparse {@code .npz} and tells which library's layout it had.
     *
     * <pre>{@code
     * sparse.open("matrix.npz").kind();   // SCIPY_CSR
     * }</pre>
     */
    public SparseNpzFile open(String path) {
        return SparseFiles.installed().open(Arguments.path(path));
    }

    /** Robert Floyd's sampling: {@code k} distinct positions of {@code 0..size-1} in O(k), for any size. */
    private static long[] distinctPositions(SplittableRandom r, long size, int k) {
        LongSet chosen = new LongSet(k);
        long[] out = new long[k];
        int n = 0;
        for (long j = size - k; j < size; j++) {
            long t = r.nextLong(j + 1);
            long pick = chosen.add(t) ? t : j;
            if (pick == j) {
                chosen.add(j);
            }
            out[n++] = pick;
        }
        return out;
    }

    /** An open-addressing set of non-negative longs, enough for sampling without boxing. */
    private static final class LongSet {
        private final long[] slots;
        private final int mask;

        LongSet(int expected) {
            // In long: twice a count near 2^30 passes the int range.
            long wanted = Long.highestOneBit(Math.max(4L, expected) * 2 - 1) << 1;
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new dev.footprint.array.ArrayAllocationException("sparse.random would store " + expected
                        + " values; choosing that many distinct positions needs a table of " + wanted
                        + " slots, more than one Java array holds; lower the density or the shape");
            }
            int cap = (int) wanted;
            slots = new long[cap];
            Arrays.fill(slots, -1L);
            mask = cap - 1;
        }

        /** Adds {@code v}; false if it was already there. */
        boolean add(long v) {
            int i = (int) (mix(v) & mask);
            while (slots[i] != -1L) {
                if (slots[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            return true;
        }

        private static long mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
    }
}
