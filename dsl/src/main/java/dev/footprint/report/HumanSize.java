package dev.footprint.report;

/**
 * Byte counts for people, as {@link dev.footprint.display.HumanSize}, under the name notebooks
 * already use: {@code HumanSize.of(2514648)} is {@code "2.4 MiB"}.
 */
public final class HumanSize {
    private HumanSize() {}

    /** {@code HumanSize.of(2514648)}: {@code "2.4 MiB"}; see {@link dev.footprint.display.HumanSize#of}. */
    public static String of(double bytes) {
        return dev.footprint.display.HumanSize.of(bytes);
    }
}
