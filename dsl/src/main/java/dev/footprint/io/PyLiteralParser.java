package dev.footprint.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literals that a {@code .npy} header is written in: dicts,
 * tuples, lists, quoted strings, integers (with Python 2's {@code L} suffix), {@code True},
 * {@code False} and {@code None}. NumPy reads headers with {@code ast.literal_eval}; this is the
 * same idea without evaluating anything, and bounded in nesting so a hostile header cannot
 * exhaust the stack.
 *
 * <p>Dicts come back as {@link LinkedHashMap}, lists as {@link List}, tuples as {@link Tuple},
 * integers as {@link Long}, {@code None} as {@code null}.
 */
final class PyLiteralParser {
    /** A Python tuple, kept apart from a list because NumPy wants the shape as a tuple. */
    record Tuple(List<Object> items) {}

    /** Thrown for anything that is not a well-formed literal of the subset. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 16;

    private final String text;
    private int pos;
    private int depth;

    private PyLiteralParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} as exactly one literal, surrounding whitespace allowed. */
    static Object parse(String text) throws SyntaxError {
        PyLiteralParser p = new PyLiteralParser(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the literal ends too early");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> nested(this::dict);
            case '(' -> nested(this::tuple);
            case '[' -> nested(this::list);
            case '\'', '"' -> string();
            default -> {
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    yield integer();
                }
                yield word();
            }
        };
    }

    private interface Part {
        Object parse() throws SyntaxError;
    }

    private Object nested(Part part) throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        Object v = part.parse();
        depth--;
        return v;
    }

    private Map<Object, Object> dict() throws SyntaxError {
        pos++; // '{'
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            if (key instanceof Map || key instanceof List) {
                throw error("a dict key must be hashable");
            }
            expect(':');
            Object v = value();
            if (map.containsKey(key)) {
                throw error("the key " + key + " appears twice");
            }
            map.put(key, v);
            if (!separator('}')) {
                return map;
            }
        }
    }

    private Object tuple() throws SyntaxError {
        pos++; // '('
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                // "(5)" is the number 5 in Python, "(5,)" a tuple of one.
                return items.size() == 1 && !sawComma ? items.get(0) : new Tuple(List.copyOf(nullSafe(items)));
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                sawComma = true;
            }
            if (!separator(')')) {
                return items.size() == 1 && !sawComma ? items.get(0) : new Tuple(List.copyOf(nullSafe(items)));
            }
        }
    }

    private List<Object> list() throws SyntaxError {
        pos++; // '['
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return items;
            }
            items.add(value());
            if (!separator(']')) {
                return items;
            }
        }
    }

    private static List<Object> nullSafe(List<Object> items) {
        // List.copyOf refuses nulls; a tuple holding None is still well formed, so box it.
        List<Object> out = new ArrayList<>(items.size());
        for (Object o : items) {
            out.add(o == null ? "None" : o);
        }
        return out;
    }

    /** After an item: consumes ',' (returns true, more may follow) or the closer (returns false). */
    private boolean separator(char closer) throws SyntaxError {
        skipSpace();
        char c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == closer) {
            pos++;
            return false;
        }
        throw error("expected ',' or '" + closer + "'");
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> e; // \\ \' \" and anything else taken literally
                });
            } else {
                sb.append(c);
            }
        }
        throw error("a string is not closed");
    }

    private Long integer() throws SyntaxError {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("expected a number");
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw error("expected an integer, found a float");
        }
        String number = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++; // Python 2 long, as written by old NumPy versions
        }
        try {
            return Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
        } catch (NumberFormatException e) {
            throw error("the integer " + abbreviate(number) + " is too large");
        }
    }

    private Object word() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        return switch (w) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> {
                pos = start;
                throw error(w.isEmpty() ? "unexpected character '" + printable(text.charAt(start)) + "'"
                        : "unexpected word '" + abbreviate(w) + "'");
            }
        };
    }

    private void expect(char c) throws SyntaxError {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at character " + pos);
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }
}
