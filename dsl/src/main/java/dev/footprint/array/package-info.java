/**
 * The engine: {@link dev.footprint.array.DType}, the dense {@link dev.footprint.array.NDArray}
 * and its factory {@link dev.footprint.array.ArrayFactory} (the DSL's {@code arr}), casting and
 * NumPy 2's promotion, the elementwise, comparison and reduction kernels, shapes and views, and
 * the memory ledger; the one operation contract of every kind of array
 * ({@link dev.footprint.array.ArrayOperations}) and the type of the compressed arrays
 * ({@link dev.footprint.array.CompressedNDArray}). Built on {@code dev.footprint.storage}; displays
 * itself through {@code dev.footprint.display}. What is built on it is reached through interfaces
 * found once on the class path, so that this package never imports the ones above it:
 * {@code arr.load} and {@code a.save} reach {@code dev.footprint.io} through
 * {@link dev.footprint.array.ArrayFiles}, {@code a.compress()} reaches {@code dev.footprint.compress}
 * through {@link dev.footprint.array.ArrayCompressor}, and {@code dense.sub(compressed)} asks the
 * compressed array ({@link dev.footprint.array.ReflectedOperand}).
 */
package dev.footprint.array;
