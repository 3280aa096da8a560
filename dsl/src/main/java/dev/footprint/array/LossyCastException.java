package dev.footprint.array;

import java.util.Arrays;

/**
 * A cast that would change a value: thrown by {@code as(dtype)} before anything is returned.
 * It names the first offending element and a dtype that holds all the data.
 *
 * <pre>{@code
 * arr.of(1, 70000).as(UINT16);
 * // LossyCastException: uint16 cannot hold 70000 at [1]; uint32 holds every value (as(UINT32)), ...
 * }</pre>
 */
public class LossyCastException extends IllegalArgumentException {
    private final DType from;
    private final DType to;
    private final long[] index;
    private final String value;
    private final DType suggestion;

    LossyCastException(DType from, DType to, long[] index, String value, DType suggestion) {
        super(to + " cannot hold " + value + " at " + Arrays.toString(index) + " (from " + from + ")"
                + (suggestion == null || suggestion == from && suggestion != to
                        ? "; keep " + from
                        : "; " + suggestion + " holds every value (as(" + suggestion.name() + "))")
                + ", or wrap/round as NumPy's astype with as(" + to.name() + ", Casting.UNSAFE)");
        this.from = from;
        this.to = to;
        this.index = index;
        this.value = value;
        this.suggestion = suggestion;
    }

    /**
     * The same refusal for an element found at {@code globalIndex} of a larger array (a chunk's
     * index translated to the whole array's), suggesting {@code wholeSuggestion}.
     */
    public LossyCastException at(long[] globalIndex, DType wholeSuggestion) {
        return new LossyCastException(from, to, globalIndex.clone(), value, wholeSuggestion);
    }

    public DType from() {
        return from;
    }

    public DType to() {
        return to;
    }

    /** The index of the first element that does not survive. */
    public long[] index() {
        return index.clone();
    }

    /** That element, as text. */
    public String value() {
        return value;
    }

    /** The smallest dtype that holds every element exactly. */
    public DType suggestion() {
        return suggestion;
    }
}
