/**
 * The footprint reports: {@link dev.footprint.report.FootprintTable} ({@code footprint(...)}),
 * {@link dev.footprint.report.Advice} ({@code advise(...)}), {@link dev.footprint.report.MemitReport}
 * and {@link dev.footprint.report.AllocationTrace} ({@code memit}, {@code trace}), the upcast
 * check and the byte charts, rendered as Tablesaw tables, HTML and SVG. It reads every array kind
 * (dense, sparse, compressed) and the memory ledger; no array package depends on it: the display
 * contract they share is {@code dev.footprint.display}.
 */
package dev.footprint.report;
