package dev.footprint.array;

/**
 * Argument checks shared by the public entry points: a null is refused with the parameter's
 * name as the method's Javadoc gives it, instead of a NullPointerException about an internal field.
 *
 * <pre>{@code
 * Arguments.notNull(mask, "mask");   // IllegalArgumentException: mask must not be null
 * }</pre>
 */
public final class Arguments {
    private Arguments() {}

    /** Returns {@code value}; a null is refused naming {@code parameter}. */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
        return value;
    }

    /** The user's path text as a {@link java.nio.file.Path}; null is refused naming the parameter {@code path}. */
    public static java.nio.file.Path path(String path) {
        return java.nio.file.Path.of(notNull(path, "path"));
    }
}
