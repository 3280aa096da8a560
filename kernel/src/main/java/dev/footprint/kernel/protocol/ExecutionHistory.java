package dev.footprint.kernel.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for {@code history_request}: tail, range and search, with or without
 * the text output. History lives as long as the kernel process; every kernel is session 1.
 *
 * <pre>{@code
 * history.record(1, "var a = arr.ones(4)", null);
 * history.record(2, "a.nbytes()", "32");
 * history.tail(1);                              // [Entry(session 1, line 2, "a.nbytes()", "32")]
 * history.search("a.*", 10, true);              // glob, as IPython's history search
 * }</pre>
 */
public final class ExecutionHistory {

    /** The session number of the current kernel process. */
    public static final int SESSION = 1;

    /** One remembered cell: its execution count is its line number. */
    public record Entry(int session, int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Remembers a cell that ran as execution {@code line}; {@code output} is its text/plain result or null. */
    public synchronized void record(int line, String input, String output) {
        entries.add(new Entry(SESSION, line, input, output));
    }

    /** The last {@code n} cells, oldest first. */
    public synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /**
     * The cells of {@code session} with {@code start <= line < stop}. Session 0 means the current
     * one, as in IPython; a {@code stop} of 0 or less means "to the end".
     */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.line() >= start && (stop <= 0 || entry.line() < stop)) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * The last {@code n} cells (all when {@code n <= 0}) whose whole input matches the glob
     * {@code pattern} ({@code *} any text, {@code ?} one character, {@code [...]} a set); with
     * {@code unique}, each input only once, at its latest run. Oldest first.
     */
    public synchronized List<Entry> search(String pattern, int n, boolean unique) {
        Pattern regex = globToRegex(pattern);
        List<Entry> newestFirst = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || newestFirst.size() < n); i--) {
            Entry entry = entries.get(i);
            if (regex.matcher(entry.input()).matches() && (!unique || inputs.add(entry.input()))) {
                newestFirst.add(entry);
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** How many cells are remembered. */
    public synchronized int size() {
        return entries.size();
    }

    /** Translates a glob as SQLite's GLOB (used by IPython's history) reads it into a regex. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[\\s\\S]*");
                case '?' -> regex.append("[\\s\\S]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("^")) {
                            set = "^" + set.substring(1).replace("\\", "\\\\").replace("[", "\\[");
                        } else {
                            set = set.replace("\\", "\\\\").replace("[", "\\[");
                        }
                        regex.append('[').append(set).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
