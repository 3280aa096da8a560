/**
 * Where array elements live, and the per-primitive loops that move them. Not public API: the
 * engine ({@code dev.footprint.array}), the sparse arrays and the file codecs use it; users reach
 * it only through {@code NDArray}.
 *
 * <p>A {@link dev.footprint.storage.Storage} is chosen once, when an array is made: a
 * {@link dev.footprint.storage.HeapStorage} is one primitive Java array; a
 * {@link dev.footprint.storage.MappedStorage} is a region of a file mapped in pieces of at most
 * 1 GiB, so files past 2 GiB map on Java 17. Every storage moves values through two lanes,
 * {@code long} (bool and integers, unsigned as their bits) and {@code double}, and through raw
 * bytes for the codecs; only this package switches on a primitive array's class.
 *
 * <p>Beside the lanes: {@link dev.footprint.storage.Bits}, the bits lane (raw bits, so NaN
 * payloads and -0.0 survive) with the marking, gathering, filling and scattering kernels the
 * sparse arrays use; {@link dev.footprint.storage.ArrayRuns}, the same loops on a bare primitive
 * array, for compressed and Zarr chunks, which keep their elements in such arrays;
 * {@link dev.footprint.storage.DirectReads}, which reads a mapped piece's float64 elements by
 * address on JDK 17 to 23, as fast as a heap array's; {@link dev.footprint.storage.Parallel}, the
 * pool of one worker per core that compressed chunks and the parts of large comparisons share.
 */
package dev.footprint.storage;
