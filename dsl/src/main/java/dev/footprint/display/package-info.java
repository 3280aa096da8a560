/**
 * How values show themselves: the {@link dev.footprint.display.Displayable} contract that the
 * kernel asks for a MIME bundle, the bundle itself ({@link dev.footprint.display.MimeBundle}:
 * MIME type to content, {@code text/plain} first), and the small pieces every array kind's
 * summary shares ({@link dev.footprint.display.SummaryTable}, {@link dev.footprint.display.HumanSize}).
 * It depends on nothing else in Footprint, so that arrays (dense, sparse, compressed, Zarr) and
 * reports all build on it without depending on each other.
 */
package dev.footprint.display;
