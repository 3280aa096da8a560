package dev.footprint.kernel.agent;

import dev.footprint.Footprint;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import dev.footprint.sparse.SparseArray;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Backs {@code %whos}: picks the variables that hold Footprint arrays, sorts them by bytes and
 * shows them with the DSL's {@code footprint("name", value, ...)} table.
 */
public final class ArrayVariables {
    private ArrayVariables() {}

    private record Entry(String name, Object value, long bytes) {}

    /** The footprint table of the arrays among {@code values}, largest first. */
    public static Displayable table(String[] names, Object[] values) {
        List<Entry> arrays = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            long bytes = nbytes(values[i]);
            if (bytes >= 0) {
                arrays.add(new Entry(names[i], values[i], bytes));
            }
        }
        if (arrays.isEmpty()) {
            return () -> MimeBundle.plain("No variable holds an array.");
        }
        arrays.sort(Comparator.comparingLong(Entry::bytes).reversed());
        Object[] labelled = new Object[arrays.size() * 2];
        for (int i = 0; i < arrays.size(); i++) {
            labelled[2 * i] = arrays.get(i).name();
            labelled[2 * i + 1] = arrays.get(i).value();
        }
        return Footprint.footprint(labelled).titled("Variables holding arrays, largest first");
    }

    private static long nbytes(Object value) {
        if (value instanceof NDArray) {
            return ((NDArray) value).nbytes();
        }
        if (value instanceof SparseArray) {
            return ((SparseArray) value).nbytes();
        }
        if (value instanceof CompressedNDArray) {
            return ((CompressedNDArray) value).storedBytes();
        }
        return -1;
    }
}
