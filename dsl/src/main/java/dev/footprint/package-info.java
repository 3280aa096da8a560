/**
 * The DSL's one entry point, {@link dev.footprint.Footprint}: {@code import static
 * dev.footprint.Footprint.*} gives a session the factories ({@code arr}, {@code sparse},
 * {@code zarr}), the dtypes, the map modes and the reports ({@code footprint}, {@code advise},
 * {@code memit}, {@code trace}). It only delegates; it sits above every other package and nothing
 * here is imported by them.
 */
package dev.footprint;
