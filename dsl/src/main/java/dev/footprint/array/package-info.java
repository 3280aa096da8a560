/**
 * The engine: {@link dev.footprint.array.DType}, the dense {@link dev.footprint.array.NDArray}
 * and its factory {@link dev.footprint.array.ArrayFactory} (the DSL's {@code arr}), casting and
 * NumPy 2's promotion, the elementwise, comparison and reduction kernels, shapes and views, and
 * the memory ledger. Built on {@code dev.footprint.storage}; displays itself through
 * {@code dev.footprint.display}. File formats are not here: {@code arr.load} and {@code a.save}
 * reach {@code dev.footprint.io} through the {@link dev.footprint.array.ArrayFiles} interface,
 * found once on the class path, so this package never imports the ones above it except one:
 * {@code NDArray.compress()} returns a {@code dev.footprint.compress.CompressedNDArray}.
 */
package dev.footprint.array;
