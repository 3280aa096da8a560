package dev.footprint.array;

/**
 * How strict a cast is, as NumPy's {@code casting=} argument.
 *
 * <ul>
 *   <li>{@link #SAME_VALUE} (Footprint's default for {@code as(dtype)}): converts only when every
 *       value survives the round trip, else throws {@link LossyCastException}.
 *   <li>{@link #SAFE}, {@link #SAME_KIND}: NumPy's type-level rules, checked before any value is read.
 *   <li>{@link #UNSAFE}: NumPy's {@code astype} default; integers wrap, floats round.
 * </ul>
 */
public enum Casting {
    NO,
    SAFE,
    SAME_KIND,
    SAME_VALUE,
    UNSAFE;

    /** Whether the rule allows a cast between these types before any value is looked at. */
    public boolean allows(DType from, DType to) {
        return switch (this) {
            case NO -> from == to;
            case SAFE -> DType.canCastSafely(from, to);
            case SAME_KIND -> DType.canCastSameKind(from, to);
            case SAME_VALUE, UNSAFE -> true;
        };
    }

    /** NumPy's spelling, e.g. {@code "same_kind"}. */
    public String numpyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
