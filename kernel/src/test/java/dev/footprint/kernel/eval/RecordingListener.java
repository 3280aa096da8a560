package dev.footprint.kernel.eval;

import dev.footprint.display.MimeBundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Keeps everything a cell produced, in order, for assertions. */
public final class RecordingListener implements ExecutionListener {
    public record Event(String kind, String name, String text, Map<String, String> bundle, String displayId, boolean flag) {}

    public final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stream(String name, String text) {
        events.add(new Event("stream", name, text, null, null, false));
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        events.add(new Event("display", null, null, bundle, displayId, update));
    }

    @Override
    public void clearOutput(boolean wait) {
        events.add(new Event("clear", null, null, null, null, wait));
    }

    public String stdout() {
        return text("stdout");
    }

    public String stderr() {
        return text("stderr");
    }

    public String text(String name) {
        StringBuilder text = new StringBuilder();
        synchronized (events) {
            events.stream().filter(e -> e.kind().equals("stream") && e.name().equals(name)).forEach(e -> text.append(e.text()));
        }
        return text.toString();
    }

    public long streamCalls(String name) {
        synchronized (events) {
            return events.stream().filter(e -> e.kind().equals("stream") && e.name().equals(name)).count();
        }
    }

    public List<Event> displays() {
        synchronized (events) {
            return events.stream().filter(e -> !e.kind().equals("stream")).toList();
        }
    }
}
