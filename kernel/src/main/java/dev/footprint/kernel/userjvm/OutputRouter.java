package dev.footprint.kernel.userjvm;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Collects what the user JVM writes (stdout, stderr, displays) and hands it to the listener of
 * the running cell in order, streams batched: text waits at most {@value #FLUSH_MILLIS} ms and
 * consecutive writes to one stream become one call. Output that arrives while no cell runs
 * (a background thread) waits for the next cell, up to a limit.
 *
 * <p>Listener calls come from the router's threads, never two at once.
 */
public final class OutputRouter implements AutoCloseable {
    static final long FLUSH_MILLIS = 25;
    private static final int MAX_IDLE_CHARS = 1 << 20;

    private final List<Object> pending = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private final DecodingStream stdout = new DecodingStream(text -> stream("stdout", text));
    private final DecodingStream stderr = new DecodingStream(text -> stream("stderr", text));
    private final SideChannelDecoder sideChannel = new SideChannelDecoder(this::event);
    private ExecutionListener listener;
    private int pendingChars;

    public OutputRouter() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "footprint-output-router");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    OutputStream stdout() {
        return stdout;
    }

    OutputStream stderr() {
        return stderr;
    }

    OutputStream sideChannel() {
        return sideChannel;
    }

    /** Text the user JVM's process wrote outside the protocol (JVM warnings, crashes). */
    void rawOutput(String text) {
        stream("stderr", text);
    }

    /** Sends everything to {@code cellListener} until {@link #detach}. */
    public synchronized void attach(ExecutionListener cellListener) {
        listener = cellListener;
        flush();
    }

    /** Delivers what is pending and stops sending to the cell's listener. */
    public synchronized void detach() {
        flush();
        listener = null;
    }

    /** Writes text on behalf of the kernel (magics), ordered with the user's output. */
    public void write(String name, String text) {
        stream(name, text);
    }

    public synchronized void display(MimeBundle bundle, String id, boolean update) {
        event(new DisplayEvent(bundle, id, update));
    }

    private synchronized void stream(String name, String text) {
        if (text.isEmpty()) {
            return;
        }
        Object last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last instanceof StreamText && ((StreamText) last).name.equals(name)) {
            ((StreamText) last).text.append(text);
        } else {
            pending.add(new StreamText(name, new StringBuilder(text)));
        }
        pendingChars += text.length();
        if (listener == null && pendingChars > MAX_IDLE_CHARS) {
            pending.clear();
            pendingChars = 0;
        }
    }

    // Displays and clears go out at once, after the text written before them.
    private synchronized void event(Object event) {
        pending.add(event);
        flush();
    }

    synchronized void flush() {
        if (listener == null || pending.isEmpty()) {
            return;
        }
        for (Object event : pending) {
            try {
                deliver(event);
            } catch (RuntimeException listenerFailure) {
                // A failing front end must not lose the rest of the output.
            }
        }
        pending.clear();
        pendingChars = 0;
    }

    private void deliver(Object event) {
        if (event instanceof StreamText) {
            StreamText text = (StreamText) event;
            listener.stream(text.name, text.text.toString());
        } else if (event instanceof DisplayEvent) {
            DisplayEvent display = (DisplayEvent) event;
            listener.display(display.bundle, display.id, display.update);
        } else if (event instanceof ClearEvent) {
            listener.clearOutput(((ClearEvent) event).waitForNext());
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }

    private static final class StreamText {
        final String name;
        final StringBuilder text;

        StreamText(String name, StringBuilder text) {
            this.name = name;
            this.text = text;
        }
    }

    record DisplayEvent(MimeBundle bundle, String id, boolean update) {}

    record ClearEvent(boolean waitForNext) {}
}
