package dev.footprint.array;

import java.util.function.UnaryOperator;

/**
 * The base of the array kinds that hold their elements as dense pieces, a sparse array's stored
 * values and fill value, a compressed array's chunks: an operation with a scalar is the dense
 * operation on every piece, so that it gives, bit for bit, what the dense array gives. Each kind
 * says once, in {@link #mapPieces}, how a dense function reaches its pieces.
 *
 * @param <A> the kind itself: what every operation returns
 * @param <B> the arrays this kind combines with elementwise (see {@link ArrayOperations})
 */
public abstract class PiecewiseArray<A extends ArrayOperations<A, B>, B> implements ArrayOperations<A, B> {

    /** Only the array kinds subclass this. */
    protected PiecewiseArray() {}

    /**
     * A new array of this kind with {@code f} applied to every dense piece (for a sparse array, its
     * stored values and its fill value). {@code f} is elementwise: it keeps each piece's shape.
     */
    protected abstract A mapPieces(UnaryOperator<NDArray> f);

    @Override
    public A apply(Operation op, long s) {
        Arguments.notNull(op, "op");
        return mapPieces(x -> x.apply(op, s));
    }

    @Override
    public A apply(Operation op, double s) {
        Arguments.notNull(op, "op");
        return mapPieces(x -> x.apply(op, s));
    }
}
