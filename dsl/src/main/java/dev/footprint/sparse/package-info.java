/**
 * Sparse arrays: {@link dev.footprint.sparse.SparseArray} and its formats
 * {@link dev.footprint.sparse.CooArray}, {@link dev.footprint.sparse.CsrArray} and
 * {@link dev.footprint.sparse.CscArray}, with {@link dev.footprint.sparse.SparseFactory} (the
 * DSL's {@code sparse}): conversion from and to dense arrays, elementwise operations and
 * comparisons with {@code fill = f(fill)}, reductions that count the fill value, and products.
 * Built on the engine ({@code dev.footprint.array}) and the storage loops; reads compressed
 * arrays chunk by chunk for {@code sparse.coo(c)}. Its files are reached through
 * {@link dev.footprint.sparse.SparseFiles}, implemented in {@code dev.footprint.io}, which this
 * package never imports.
 */
package dev.footprint.sparse;
