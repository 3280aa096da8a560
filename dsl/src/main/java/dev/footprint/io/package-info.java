/**
 * NumPy's file formats: {@link dev.footprint.io.Npy} for {@code .npy} (versions 1.0 to 3.0,
 * either byte order, either memory order), {@link dev.footprint.io.Npz} for {@code .npz}
 * archives (stored or deflated, ZIP64 included), and {@link dev.footprint.io.SparseNpz} for the
 * sparse layouts of pydata {@code sparse} and scipy.
 *
 * <pre>{@code
 * Npy.write(Path.of("a.npy"), a);                 // byte for byte what numpy.save writes
 * NDArray b = Npy.read(Path.of("a.npy"));
 * Npy.readHeader(Path.of("a.npy")).dataBytes();   // the memory it will take, without loading
 * }</pre>
 *
 * <p>Reading streams the data in 1 MiB chunks straight into the new array's primitive storage,
 * so a file takes its own size in heap and no more. Every way a file can be wrong (magic,
 * version, header dict, dtype, a shape that needs more data than the file has, a damaged zip)
 * ends in a {@link dev.footprint.io.NpyFormatException} that names the file and the problem,
 * checked before anything large is allocated. Every save goes through {@link
 * dev.footprint.io.AtomicFile} (a temporary file beside the target, renamed over it when
 * complete), and file errors through {@link dev.footprint.io.FileErrors}, which says what is wrong
 * with which path. The DSL reaches all of this through
 * {@code arr.load}, {@code arr.loadAll}, {@code arr.savez}, {@code a.save}, {@code sparse.load}
 * and {@code s.save}: the engine and the sparse package declare what they need
 * ({@code ArrayFiles}, {@code SparseFiles}) and {@link dev.footprint.io.NpyFiles} and
 * {@link dev.footprint.io.SparseNpzFiles} implement it, declared in {@code META-INF/services}, so
 * that this package depends on them and never the reverse.
 */
package dev.footprint.io;
