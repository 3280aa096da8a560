package dev.footprint.array;

/** A cast refused by a type-level rule ({@code SAFE}, {@code SAME_KIND}, {@code NO}) before any value is read. */
public class CastNotAllowedException extends IllegalArgumentException {
    public CastNotAllowedException(DType from, DType to, Casting rule) {
        super("cannot cast array data from " + from + " to " + to + " according to the rule '" + rule.numpyName()
                + "'" + (rule == Casting.SAFE || rule == Casting.SAME_KIND
                        ? "; as(" + to.name() + ") converts when every value fits" : ""));
    }
}
