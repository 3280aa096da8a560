package dev.footprint.kernel.agent;

import dev.footprint.report.Displayable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs {@code %whos}: picks the variables that hold Footprint arrays, sorts them by bytes and
 * shows them with the DSL's {@code footprint("name", value, ...)} table.
 */
public final class ArrayVariables {
    private ArrayVariables() {}

    private record Entry(String name, Object value, long bytes) {}

    /** The footprint table of the arrays among {@code values}, largest first. */
    public static Object table(String[] names, Object[] values) {
        List<Entry> arrays = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            long bytes = nbytes(values[i]);
            if (bytes >= 0) {
                arrays.add(new Entry(names[i], values[i], bytes));
            }
        }
        if (arrays.isEmpty()) {
            return text("No variable holds an array.");
        }
        arrays.sort(Comparator.comparingLong(Entry::bytes).reversed());
        Object[] labelled = new Object[arrays.size() * 2];
        for (int i = 0; i < arrays.size(); i++) {
            labelled[2 * i] = arrays.get(i).name();
            labelled[2 * i + 1] = arrays.get(i).value();
        }
        try {
            Method footprint = Class.forName("dev.footprint.Footprint").getMethod("footprint", Object[].class);
            return footprint.invoke(null, (Object) labelled);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
            return plainTable(arrays);
        }
    }

    // Footprint arrays (dense or sparse) are the DSL's classes with a public long nbytes().
    private static long nbytes(Object value) {
        if (value == null || !value.getClass().getName().startsWith("dev.footprint.")) {
            return -1;
        }
        try {
            Method nbytes = value.getClass().getMethod("nbytes");
            if (nbytes.getReturnType() != long.class) {
                return -1;
            }
            return (long) nbytes.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException notAnArray) {
            return -1;
        }
    }

    private static Displayable plainTable(List<Entry> arrays) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-20s %-24s %14s%n", "name", "type", "bytes"));
        for (Entry entry : arrays) {
            table.append(String.format(Locale.ROOT, "%-20s %-24s %14d%n",
                    entry.name(), entry.value().getClass().getSimpleName(), entry.bytes()));
        }
        return text(table.toString().stripTrailing());
    }

    private static Displayable text(String text) {
        return () -> Map.of("text/plain", text);
    }
}
