package dev.footprint.display;

import java.util.Locale;

/**
 * Byte counts for people, in binary units: {@code 48 B}, {@code 2.4 MiB}. One decimal, as
 * pydata's summary, with the IEC unit names so that "MiB" is never mistaken for a million.
 *
 * <pre>{@code
 * HumanSize.of(2514648);   // "2.4 MiB"
 * }</pre>
 */
public final class HumanSize {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanSize() {}

    public static String of(double bytes) {
        if (Math.abs(bytes) < 1024) {
            return (bytes == Math.rint(bytes) ? String.valueOf((long) bytes) : String.format(Locale.ROOT, "%.1f", bytes)) + " B";
        }
        double v = bytes;
        int unit = -1;
        while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }
}
