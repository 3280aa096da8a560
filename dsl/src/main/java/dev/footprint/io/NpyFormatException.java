package dev.footprint.io;

/**
 * A {@code .npy} or {@code .npz} file that Footprint cannot read: wrong magic, truncated data, a
 * header that lies about the shape, a dtype Footprint does not have (object, structured,
 * complex, strings), or a malformed header dict. The message names the file and the problem.
 *
 * <pre>{@code
 * try {
 *     Npy.read(Path.of("strings.npy"));
 * } catch (NpyFormatException e) {
 *     e.file();      // "strings.npy"
 *     e.problem();   // "unsupported dtype '<U5' (unicode strings); Footprint reads bool, ..."
 * }
 * }</pre>
 */
public class NpyFormatException extends RuntimeException {
    private final String file;
    private final String problem;

    public NpyFormatException(String file, String problem) {
        this(file, problem, null);
    }

    public NpyFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or {@code archive.npz!entry.npy}) that could not be read. */
    public String file() {
        return file;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
