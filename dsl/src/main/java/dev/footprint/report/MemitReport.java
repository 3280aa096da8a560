package dev.footprint.report;

import dev.footprint.array.MemoryLedger;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What running a piece of code cost in memory, like IPython's {@code %memit}: the peak of array
 * storage while it ran and its increment over the start, the array bytes allocated, the bytes
 * still live afterwards, and everything the JVM allocated on this thread (arrays, boxes,
 * temporaries). Array figures come from {@link MemoryLedger}; collected storage leaves the
 * live count only when the garbage collector runs, so the JVM collects garbage before the code
 * starts (a few milliseconds) and the peak is not hidden by older arrays being freed.
 *
 * <pre>{@code
 * memit(() -> imgAsFloat(arr.ones(UINT16, 1024, 1024)));
 * // peak array memory 10.0 MiB (+10.0 MiB), allocated 10.0 MiB; JVM allocated 10.0 MiB in 3.1 ms
 * }</pre>
 */
public final class MemitReport implements Displayable {
    private final long liveBefore;
    private final long peak;
    private final long liveAfter;
    private final long arrayAllocated;
    private final long jvmAllocated;
    private final long nanos;
    private final long mappedBefore;
    private final long mappedAfter;

    private MemitReport(long liveBefore, long peak, long liveAfter, long arrayAllocated, long jvmAllocated, long nanos,
            long mappedBefore, long mappedAfter) {
        this.mappedBefore = mappedBefore;
        this.mappedAfter = mappedAfter;
        this.liveBefore = liveBefore;
        this.peak = peak;
        this.liveAfter = liveAfter;
        this.arrayAllocated = arrayAllocated;
        this.jvmAllocated = jvmAllocated;
        this.nanos = nanos;
    }

    /**
     * Runs {@code code} on this thread and measures it. Starts a new peak window of the ledger.
     *
     * <pre>{@code
     * MemitReport r = MemitReport.of(() -> arr.ones(1024, 1024));
     * r.peakIncrement();   // 8388608
     * }</pre>
     */
    public static MemitReport of(Runnable code) {
        MemoryLedger.settle();
        MemoryLedger.resetPeak();
        long before = MemoryLedger.windowStart();
        long mappedBefore = MemoryLedger.mappedLive();
        long totalBefore = MemoryLedger.allocatedTotal();
        long threadBefore = threadAllocated();
        long start = System.nanoTime();
        code.run();
        long nanos = System.nanoTime() - start;
        long threadAfter = threadAllocated();
        return new MemitReport(before, MemoryLedger.peak(), MemoryLedger.live(),
                MemoryLedger.allocatedTotal() - totalBefore, threadBefore < 0 || threadAfter < 0 ? -1 : threadAfter - threadBefore,
                nanos, mappedBefore, MemoryLedger.mappedLive());
    }

    private static long threadAllocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /** Largest live array storage while the code ran. */
    public long peak() {
        return peak;
    }

    /** {@code peak - live at the start}: the most array memory the code held at once. */
    public long peakIncrement() {
        return peak - liveBefore;
    }

    /** Array storage live after the code minus before (what it kept, until collected). */
    public long liveIncrement() {
        return liveAfter - liveBefore;
    }

    /** Array storage allocated by the code, freed or not. */
    public long arrayAllocated() {
        return arrayAllocated;
    }

    /** Bytes the JVM allocated on this thread while the code ran, or -1 when the JVM cannot tell. */
    public long jvmAllocated() {
        return jvmAllocated;
    }

    /**
     * Bytes of mapped files that arrays opened by the code are over, still reachable at its end
     * (files it mapped less those it let go); they are not heap and not in the other figures.
     */
    public long mappedIncrement() {
        return mappedAfter - mappedBefore;
    }

    /** Bytes of mapped files reachable arrays were over at the end (see {@link #mappedIncrement()}). */
    public long mapped() {
        return mappedAfter;
    }

    public double millis() {
        return nanos / 1e6;
    }

    /** Peak increment in bits per element of an array of {@code elements} elements (80 for a uint16 image and its float64 copy). */
    public double bitsPer(long elements) {
        return peakIncrement() * 8.0 / elements;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "peak array memory %s (+%s), allocated %s, still live +%s; JVM allocated %s in %.1f ms",
                HumanSize.of(peak), HumanSize.of(peakIncrement()), HumanSize.of(arrayAllocated), HumanSize.of(liveIncrement()),
                jvmAllocated < 0 ? "?" : HumanSize.of(jvmAllocated), millis())
                + (mappedBefore == 0 && mappedAfter == 0 ? "" : "; mapped files " + HumanSize.of(mappedAfter) + " (+"
                        + HumanSize.of(mappedIncrement()) + "), not heap");
    }

    @Override
    public MimeBundle mimeBundle() {
        String[][] rows = {
                {"peak array memory", HumanSize.of(peak), Long.toString(peak)},
                {"increment (peak - start)", HumanSize.of(peakIncrement()), Long.toString(peakIncrement())},
                {"array bytes allocated", HumanSize.of(arrayAllocated), Long.toString(arrayAllocated)},
                {"still live afterwards", HumanSize.of(liveIncrement()), Long.toString(liveIncrement())},
                {"mapped files (not heap)", HumanSize.of(mappedAfter), Long.toString(mappedAfter)},
                {"JVM allocated (this thread)", jvmAllocated < 0 ? "?" : HumanSize.of(jvmAllocated), Long.toString(jvmAllocated)},
                {"time", String.format(Locale.ROOT, "%.1f ms", millis()), Long.toString(nanos) + " ns"}};
        StringBuilder html = new StringBuilder("<table><thead><tr><th style=\"text-align:left\">memit</th><th>size</th><th>bytes</th></tr></thead><tbody>");
        for (String[] r : rows) {
            html.append("<tr><td style=\"text-align:left\">").append(TableHtml.escape(r[0])).append("</td><td style=\"text-align:right\">")
                    .append(TableHtml.escape(r[1])).append("</td><td style=\"text-align:right\">").append(TableHtml.escape(r[2]))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        return MimeBundle.of(toString(), html.toString());
    }
}
