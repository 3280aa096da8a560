package dev.footprint;

/**
 * The one static entry to Footprint: {@code import static dev.footprint.Footprint.*;}
 */
public final class Footprint {
    private Footprint() {}
}
