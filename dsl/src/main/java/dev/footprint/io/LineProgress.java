package dev.footprint.io;

import java.io.PrintStream;

/** Rewrites one line ({@code \r}) with the percentage loaded, at most five times a second. */
final class LineProgress implements ProgressListener {
    private static final long REPEAT_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long delayNanos;
    private final long minBytes;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos;
    private boolean printed;
    private long lastDone;

    LineProgress(PrintStream out, long delayNanos, long minBytes) {
        this.out = out;
        this.delayNanos = delayNanos;
        this.minBytes = minBytes;
    }

    @Override
    public void progress(String file, long bytesDone, long bytesTotal) {
        if (bytesTotal <= minBytes) {
            return;
        }
        lastDone = bytesDone;
        long now = System.nanoTime();
        if (now - startNanos < delayNanos || (printed && now - lastPrintNanos < REPEAT_NANOS)) {
            return;
        }
        lastPrintNanos = now;
        printed = true;
        out.printf("\rloading %s: %d of %d MiB (%d%%)", file, bytesDone >> 20, bytesTotal >> 20,
                bytesDone * 100 / Math.max(1, bytesTotal));
        out.flush();
    }

    @Override
    public void finished(String file) {
        if (printed) {
            out.printf("\rloading %s: %d MiB in %.1f s      %n", file, lastDone >> 20,
                    (System.nanoTime() - startNanos) / 1e9);
            out.flush();
        }
    }
}
