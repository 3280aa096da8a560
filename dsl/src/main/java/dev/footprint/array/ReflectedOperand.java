package dev.footprint.array;

/**
 * An array of another kind that a dense array combines with from the left: {@code dense.sub(c)}
 * asks {@code c} for {@code dense - c}, as Python asks the right operand ({@code __rsub__}) when
 * the left one does not know it. So the dense engine never names the kinds built on it. A
 * compressed array is one: {@code dense.sub(compressed)} is compressed, as {@code compressed.sub(dense)}.
 *
 * @param <R> the kind of the result
 */
public interface ReflectedOperand<R> {

    /**
     * {@code left op this}, broadcast and promoted as {@link ArrayOperations} says, equal bit for
     * bit to the dense arrays' result; what {@code left.apply(op, this)} returns.
     *
     * <pre>{@code
     * c.applyReflected(Arithmetic.SUB, image);   // image.sub(c)
     * }</pre>
     *
     * @throws ShapeMismatchException the shapes do not broadcast
     */
    R applyReflected(ArrayOperations.Operation op, NDArray left);
}
