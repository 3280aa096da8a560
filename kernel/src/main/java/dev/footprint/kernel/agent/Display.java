package dev.footprint.kernel.agent;

import dev.footprint.display.MimeBundle;
import java.util.UUID;

/**
 * Rich output from a cell, as Jupyter's {@code display}, {@code update_display} and
 * {@code clear_output}. The kernel imports these statically into every session:
 *
 * <pre>{@code
 * var shown = display(footprint(a, s));      // shows the table, keeps its id
 * updateDisplay(shown, footprint(a, s, b));  // replaces it in place (or shown.update(...))
 * display("<b>done</b>", "text/html");       // content shown as the given MIME type
 * clearOutput();
 * }</pre>
 *
 * <p>Outside a kernel (a plain {@code jshell}) the text form is printed instead.
 */
public final class Display {
    private Display() {}

    /** Shows {@code value} with its richest representation; the handle updates it later. */
    public static DisplayHandle display(Object value) {
        String id = UUID.randomUUID().toString();
        emit(SideChannel.DISPLAY, id, ValueRenderer.bundle(value));
        return new DisplayHandle(id);
    }

    /**
     * Shows {@code value} as {@code mimeType} only (plus the text form every front end needs):
     * a String is taken as content of that type; a rich value keeps only that representation.
     */
    public static DisplayHandle display(Object value, String mimeType) {
        String id = UUID.randomUUID().toString();
        emit(SideChannel.DISPLAY, id, ValueRenderer.forcedBundle(value, mimeType));
        return new DisplayHandle(id);
    }

    /** Shows {@code value} under a display id of the caller's choice, for later updates. */
    public static DisplayHandle display(Object value, DisplayHandle reuse) {
        emit(SideChannel.DISPLAY, reuse.id(), ValueRenderer.bundle(value));
        return reuse;
    }

    /** Replaces the display {@code handle} by {@code value}. */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        updateDisplay(handle.id(), value);
    }

    /** Replaces the display created with {@code displayId} by {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        emit(SideChannel.UPDATE, displayId, ValueRenderer.bundle(value));
    }

    /** Replaces the display created with {@code displayId} by {@code value} as {@code mimeType}. */
    public static void updateDisplay(String displayId, Object value, String mimeType) {
        emit(SideChannel.UPDATE, displayId, ValueRenderer.forcedBundle(value, mimeType));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when new output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        if (SideChannel.isConnected()) {
            SideChannel.sendClear(wait);
        }
    }

    private static void emit(byte kind, String id, MimeBundle bundle) {
        if (SideChannel.isConnected()) {
            SideChannel.sendBundle(kind, id, bundle);
        } else {
            System.out.println(bundle.plain());
        }
    }
}
