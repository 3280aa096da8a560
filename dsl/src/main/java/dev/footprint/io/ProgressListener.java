package dev.footprint.io;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Hears how far a long load has got. Called after each chunk of data (about every MiB) and once
 * more when the load ends, from the loading thread.
 *
 * <pre>{@code
 * var a = Npy.read(Path.of("big.npy"), (file, done, total) -> bar.set(done * 100 / total));
 * var b = Npy.read(Path.of("big.npy"), ProgressListener.NONE);   // quiet
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** Silent. */
    ProgressListener NONE = (file, bytesDone, bytesTotal) -> {};

    /** Progress of the data of {@code file}: {@code bytesDone} of {@code bytesTotal} bytes read or written. */
    void progress(String file, long bytesDone, long bytesTotal);

    /** The load ended (normally or not); lets a listener finish its line. */
    default void finished(String file) {}

    /**
     * The default: a one-line progress on standard error, shown only for loads of more than
     * 64 MiB that have taken more than one second, so small loads stay quiet.
     */
    static ProgressListener standardError() {
        return onStream(System.err, Duration.ofSeconds(1), 64L << 20);
    }

    /** A one-line progress on {@code out} once a load of more than {@code minBytes} has taken {@code after}. */
    static ProgressListener onStream(PrintStream out, Duration after, long minBytes) {
        return new LineProgress(out, after.toNanos(), minBytes);
    }
}
