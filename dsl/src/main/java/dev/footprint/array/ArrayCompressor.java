package dev.footprint.array;

/**
 * How the engine reaches the compressed arrays ({@code a.compress()}, {@link CompressedNDArray#of}):
 * {@code dev.footprint.compress}, which depends on this package, implements it and declares it in
 * {@code META-INF/services}, found once ({@link Providers}), as {@link ArrayFiles} is.
 */
public interface ArrayCompressor {

    /** {@code a} compressed with {@code codec} at {@code level} in blocks of {@code blockSize} (0: c-blosc's rule), in chunks of {@code chunkShape} (none: about 1 MiB, C-contiguous). */
    CompressedNDArray compress(NDArray a, String codec, int level, int blockSize, long... chunkShape);

    /** The block size a new array compressed with {@code codec} is cut in (0: c-blosc's rule for the level). */
    int defaultBlockSize(String codec);

    /** The implementation declared on the class path, found on first use. */
    static ArrayCompressor installed() {
        return Installed.COMPRESSOR;
    }

    /** Holds the implementation, loaded when first asked for. */
    final class Installed {
        private static final ArrayCompressor COMPRESSOR = Providers.load(ArrayCompressor.class);

        private Installed() {}
    }
}
