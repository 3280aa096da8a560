package dev.footprint.kernel.eval;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The kernel's log: standard error, which Jupyter servers show in their console. Kept apart from
 * the user's output, which travels on iopub.
 */
public final class KernelLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private KernelLog() {}

    public static void warn(String text) {
        System.err.println("[footprint-kernel " + TIME.format(LocalTime.now()) + " WARN] " + text);
    }

    public static void error(String text, Throwable cause) {
        System.err.println("[footprint-kernel " + TIME.format(LocalTime.now()) + " ERROR] " + text);
        if (cause != null) {
            cause.printStackTrace(System.err);
        }
    }
}
