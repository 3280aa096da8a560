package dev.footprint.kernel.eval;

import dev.footprint.display.MimeBundle;

/** Receives what a running cell produces before its outcome is known. */
public interface ExecutionListener {

    /** Text written to {@code "stdout"} or {@code "stderr"}; calls may be batched. */
    void stream(String name, String text);

    /**
     * A rich display from user code ({@code display(obj)}) or a magic.
     *
     * @param bundle MIME type to content, always with {@code text/plain}
     * @param displayId the id for later updates, or {@code null}
     * @param update true when this replaces the display with {@code displayId}
     */
    void display(MimeBundle bundle, String displayId, boolean update);

    /** The cell asked to clear its output; {@code wait} defers it until new output arrives. */
    void clearOutput(boolean wait);

    /** A listener that drops everything. */
    ExecutionListener NONE = new ExecutionListener() {
        @Override
        public void stream(String name, String text) {}

        @Override
        public void display(MimeBundle bundle, String displayId, boolean update) {}

        @Override
        public void clearOutput(boolean wait) {}
    };
}
