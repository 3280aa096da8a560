package dev.footprint.compress;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;
import dev.footprint.array.SliceSpec;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Elementwise operations between a compressed array and another array (compressed or dense, on
 * either side) of a shape that broadcasts with it by NumPy's rules. The result is compressed chunk by chunk: each
 * result chunk takes the region of each operand under it (an axis of length 1 stays 1, missing
 * leading axes stay missing), decoding only the compressed chunks that region touches, and the
 * dense operation broadcasts the two pieces. So every element is computed as the dense operation
 * computes it.
 */
final class BroadcastOps {
    private BroadcastOps() {}

    /** One operand: its shape and the dense elements of a region given as a slice spec. */
    record Operand(long[] shape, Function<String, NDArray> region, int[] chunk) {
        static Operand of(ChunkStore s) {
            return new Operand(s.chunking.shape, spec -> ChunkOps.slice(s, spec), s.chunking.chunk);
        }

        static Operand of(NDArray a) {
            return new Operand(a.shape(), a::slice, null);
        }
    }

    /** NumPy's broadcast shape of {@code a} and {@code b}, or an error naming the operation and both shapes. */
    static long[] shape(String name, long[] a, long[] b) {
        try {
            return Arrays.stream(Shapes.broadcast(ints(a), ints(b))).asLongStream().toArray();
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException(name + ": " + e.getMessage()
                    + "; each axis, counted from the last, must be equal or 1 in one of them");
        }
    }

    private static int[] ints(long[] shape) {
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * {@code op(a, b)} broadcast, compressed with the codec, level and block size of {@code like}
     * (the compressed operand, the left one when both are) in the chunk shape of the first
     * compressed operand that has the result's shape, else in default chunks. One of the two is
     * compressed; which side it is on does not change the result's kind or settings.
     */
    static ChunkStore zip(Operand a, Operand b, ChunkStore like, long[] out, BinaryOperator<NDArray> op) {
        int[] chunk = a.chunk() != null && Arrays.equals(out, a.shape()) ? a.chunk()
                : b.chunk() != null && Arrays.equals(out, b.shape()) ? b.chunk() : null;
        String first = String.join(",", java.util.Collections.nCopies(out.length, "0:1"));
        DType rt = op.apply(piece(a, out, first), piece(b, out, first)).dtype();
        if (chunk == null) {
            chunk = Chunking.contiguous(out, rt.itemsize(), CompressedNDArray.DEFAULT_CHUNK_BYTES);
        }
        Chunking target = new Chunking(out, chunk);
        return ChunkStore.fromChunks(rt, target, like.codec, like.level, like.blocksize, i -> {
            String spec = SliceSpec.box(target.origin(i), target.extent(i));
            NDArray r = op.apply(piece(a, out, spec), piece(b, out, spec));
            long[] extent = Arrays.stream(target.extent(i)).asLongStream().toArray();
            if (!Arrays.equals(r.shape(), extent) || r.dtype() != rt) {
                throw new IllegalStateException("chunk " + i + " gave " + r.dtype() + " " + Shapes.text(r.shape())
                        + ", expected " + rt + " " + Shapes.text(extent));
            }
            return r.contiguousData();
        });
    }

    /** The operand's elements under the result region {@code spec} (ranges per result axis). */
    private static NDArray piece(Operand o, long[] out, String spec) {
        String[] ranges = spec.isEmpty() ? new String[0] : spec.split(",");
        int skip = out.length - o.shape().length;
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < o.shape().length; d++) {
            boolean stretched = o.shape()[d] == 1 && out[d + skip] != 1;
            s.append(d == 0 ? "" : ",").append(stretched ? "0:1" : ranges[d + skip]);
        }
        return o.region().apply(s.toString());
    }
}
