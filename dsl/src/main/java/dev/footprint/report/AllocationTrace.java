package dev.footprint.report;

import dev.footprint.array.ArrayOperations;
import dev.footprint.array.DType;
import dev.footprint.array.MemoryLedger;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every array storage a piece of code allocated, in order: which operation made it, who called
 * that operation, its dtype, shape and bytes, and whether the storage is still reachable after
 * the code ended. Where {@link MemitReport} says how much, this says which array: it finds the
 * float64 copy that a library function such as {@link Upcast#imgAsFloat} makes behind your back.
 *
 * <pre>{@code
 * var image = arr.ones(UINT16, 1024, 1024);
 * trace(() -> Upcast.imgAsFloat(image));
 * // 2 arrays allocated, 8.0 MiB; peak +8.0 MiB; kept 0 B
 * // #  operation    called from           dtype    shape         bytes    size     kept
 * // 1  NDArray.mul  Upcast.imgAsFloat:35  float64  ()                  8  8 B      no
 * // 2  NDArray.mul  Upcast.imgAsFloat:35  float64  (1024, 1024)  8388608  8.0 MiB  no
 * }</pre>
 *
 * <p>(The first row is the scale factor, a scalar held as a 0-d array.) Views allocate nothing
 * and do not appear; an operation that must copy, such as reshaping a transposed array, does. Only this thread's allocations are listed; the
 * first {@value #MAX_KEPT_ROWS} are kept in detail, all are counted.
 *
 * <p>A file the code mapped ({@code arr.load(path, MMAP_READ)}) is listed as storage
 * {@code mapped}: its bytes are pages of the operating system, counted apart ("mapped 3.0 GiB,
 * not heap") and in none of the heap figures.
 */
public final class AllocationTrace implements Displayable {
    static final int MAX_KEPT_ROWS = 10_000;
    private static final List<String> ENGINE_PREFIXES = List.of(
            "dev.footprint.array.", "dev.footprint.sparse.", "dev.footprint.io.", "dev.footprint.Footprint");

    /** One allocation: where it came from and what it was. */
    public record Allocation(String operation, String calledFrom, DType dtype, long[] shape, long bytes, boolean kept,
                             boolean mapped) {}

    private final List<Allocation> allocations;
    private final long count;
    private final long allocatedBytes;
    private final long peakIncrement;
    private final long keptBytes;
    private final long mappedBytes;

    private AllocationTrace(List<Allocation> allocations, long count, long allocatedBytes, long peakIncrement, long mappedBytes) {
        this.allocations = List.copyOf(allocations);
        this.count = count;
        this.allocatedBytes = allocatedBytes;
        this.peakIncrement = peakIncrement;
        this.mappedBytes = mappedBytes;
        this.keptBytes = allocations.stream().filter(a -> a.kept() && !a.mapped()).mapToLong(Allocation::bytes).sum();
    }

    /**
     * Runs {@code code} on this thread and lists the array storage it allocated. Collects
     * garbage before (so older arrays do not blur the peak) and after (so "kept" is true only
     * for storage that something still references).
     */
    public static AllocationTrace of(Runnable code) {
        Recorder recorder = new Recorder();
        MemoryLedger.settle();
        MemoryLedger.resetPeak();
        long before = MemoryLedger.windowStart();
        MemoryLedger.AllocationListener outer = MemoryLedger.listen(recorder);
        try {
            code.run();
        } finally {
            MemoryLedger.listen(outer);
        }
        long peakIncrement = MemoryLedger.peak() - before;
        MemoryLedger.settle();
        List<Allocation> rows = new ArrayList<>(recorder.pending.size());
        for (Pending p : recorder.pending) {
            rows.add(new Allocation(p.operation, p.calledFrom, p.dtype, p.shape, p.bytes, p.owner.get() != null, p.mapped));
        }
        return new AllocationTrace(rows, recorder.count, recorder.bytes, peakIncrement, recorder.mappedBytes);
    }

    /** The allocations in the order they happened (at most {@value #MAX_KEPT_ROWS}). */
    public List<Allocation> allocations() {
        return allocations;
    }

    /** Bytes of files the code mapped (arrays over them, kept or not): not heap, and in no other figure. */
    public long mappedBytes() {
        return mappedBytes;
    }

    /** How many array storages the code allocated on the heap. */
    public long count() {
        return count;
    }

    /** Bytes of array storage the code allocated, freed or not. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** The most array memory the code held at once, over what was live when it started. */
    public long peakIncrement() {
        return peakIncrement;
    }

    /** Bytes of the listed heap storage still reachable after the code ended. */
    public long keptBytes() {
        return keptBytes;
    }

    /** The allocations as a Tablesaw table: #, operation, called from, dtype, shape, storage (heap or mapped), bytes, size, kept. */
    public Table table() {
        LongColumn number = LongColumn.create("#");
        StringColumn operation = StringColumn.create("operation");
        StringColumn caller = StringColumn.create("called from");
        StringColumn dtype = StringColumn.create("dtype");
        StringColumn shape = StringColumn.create("shape");
        StringColumn storage = StringColumn.create("storage");
        LongColumn bytes = LongColumn.create("bytes");
        StringColumn size = StringColumn.create("size");
        StringColumn kept = StringColumn.create("kept");
        long i = 1;
        for (Allocation a : allocations) {
            number.append(i++);
            operation.append(a.operation());
            caller.append(a.calledFrom());
            dtype.append(a.dtype().numpyName());
            shape.append(FootprintRow.shapeText(a.shape()));
            storage.append(a.mapped() ? "mapped" : "heap");
            bytes.append(a.bytes());
            size.append(HumanSize.of(a.bytes()));
            kept.append(a.kept() ? "yes" : "no");
        }
        return Table.create("allocations", number, operation, caller, dtype, shape, storage, bytes, size, kept);
    }

    /** One line: how many arrays, how many bytes, the peak and what was kept. */
    public String summary() {
        String more = count > allocations.size() ? " (the first " + allocations.size() + " listed)" : "";
        return String.format(Locale.ROOT, "%d arr%s allocated, %s%s; peak +%s; kept %s",
                count, count == 1 ? "ay" : "ays", HumanSize.of(allocatedBytes), more, HumanSize.of(peakIncrement),
                HumanSize.of(keptBytes)) + (mappedBytes == 0 ? "" : "; mapped " + HumanSize.of(mappedBytes) + ", not heap");
    }

    @Override
    public String toString() {
        return allocations.isEmpty() ? summary() : TableText.render(table(), summary());
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(toString(), TableHtml.render(table(), summary()));
    }

    private record Pending(String operation, String calledFrom, DType dtype, long[] shape, long bytes, WeakReference<Object> owner,
                           boolean mapped) {}

    /** Keeps the allocations of the traced thread; owners weakly, so the trace frees nothing late. */
    private static final class Recorder implements MemoryLedger.AllocationListener {
        final List<Pending> pending = new ArrayList<>();
        long count;
        long bytes;
        long mappedBytes;

        @Override
        public void allocated(DType dtype, long[] shape, long size, Object owner) {
            count++;
            bytes += size;
            keep(dtype, shape, size, owner, false);
        }

        @Override
        public void mapped(DType dtype, long[] shape, long size, Object owner) {
            mappedBytes += size;
            keep(dtype, shape, size, owner, true);
        }

        private void keep(DType dtype, long[] shape, long size, Object owner, boolean mapped) {
            if (pending.size() >= MAX_KEPT_ROWS) {
                return;
            }
            String[] where = StackWalker.getInstance().walk(frames -> origin(frames.iterator()));
            pending.add(new Pending(where[0], where[1], dtype, shape, size, new WeakReference<>(owner), mapped));
        }

        /** The outermost engine frame (the operation the caller asked for) and the frame that called it. */
        private static String[] origin(Iterator<StackWalker.StackFrame> frames) {
            StackWalker.StackFrame operation = null;
            StackWalker.StackFrame inner = null;
            while (frames.hasNext()) {
                StackWalker.StackFrame frame = frames.next();
                if (frame.getClassName().equals(Recorder.class.getName()) || frame.getClassName().equals(MemoryLedger.class.getName())) {
                    continue;
                }
                if (isEngine(frame.getClassName())) {
                    inner = operation;
                    operation = frame;
                    continue;
                }
                return new String[] {operationName(operation, inner), caller(frame)};
            }
            return new String[] {operationName(operation, inner), "?"};
        }

        /**
         * As the DSL spells it: {@code arr.ones}, {@code sparse.coo}, {@code NDArray.mul}. A named
         * operation of the contract ({@code ArrayOperations.mul}) is named by the kind whose
         * {@code apply} it called ({@code inner}), as a user calls it.
         */
        private static String operationName(StackWalker.StackFrame frame, StackWalker.StackFrame inner) {
            if (frame == null) {
                return "?";
            }
            boolean contract = frame.getClassName().equals(ArrayOperations.class.getName()) && inner != null;
            String owner = switch (simpleName(contract ? inner : frame)) {
                case "ArrayFactory" -> "arr";
                case "SparseFactory" -> "sparse";
                default -> simpleName(contract ? inner : frame);
            };
            return owner + "." + frame.getMethodName();
        }

        private static boolean isEngine(String className) {
            return ENGINE_PREFIXES.stream().anyMatch(className::startsWith);
        }

        /** {@code Class.method:line}; a JShell cell (notebook or jshell) is "your code". */
        private static String caller(StackWalker.StackFrame frame) {
            if (frame.getClassName().startsWith("REPL.")) {
                return "your code";
            }
            String method = frame.getMethodName().startsWith("lambda$") ? "lambda" : frame.getMethodName();
            int line = frame.getLineNumber();
            return simpleName(frame) + "." + method + (line > 0 ? ":" + line : "");
        }

        private static String simpleName(StackWalker.StackFrame frame) {
            String name = frame.getClassName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            int nested = simple.indexOf('$');
            return nested > 0 ? simple.substring(0, nested) : simple;
        }
    }
}
