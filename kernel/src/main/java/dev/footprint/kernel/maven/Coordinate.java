package dev.footprint.kernel.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * A Maven coordinate as IJava's {@code %maven} takes it:
 * {@code group:artifact[:extension[:classifier]]:version}.
 *
 * <pre>{@code
 * Coordinate.parse("org.apache.commons:commons-math3:3.6.1");          // a jar
 * Coordinate.parse("org.lwjgl:lwjgl:jar:natives-linux:3.3.3");         // with a classifier
 * }</pre>
 */
public record Coordinate(String groupId, String artifactId, String extension, String classifier, String version) {
    /** The form {@link #parse} accepts, with an example, for error messages. */
    public static final String EXPECTED = "group:artifact[:extension[:classifier]]:version,"
            + " e.g. org.apache.commons:commons-math3:3.6.1";

    /**
     * Parses one coordinate.
     *
     * @throws IllegalArgumentException naming the coordinate and the expected form
     */
    public static Coordinate parse(String text) {
        String[] parts = text.strip().split(":", -1);
        for (String part : parts) {
            if (part.isBlank() || part.chars().anyMatch(Character::isWhitespace)) {
                throw malformed(text);
            }
        }
        return switch (parts.length) {
            case 3 -> new Coordinate(parts[0], parts[1], "jar", "", parts[2]);
            case 4 -> new Coordinate(parts[0], parts[1], parts[2], "", parts[3]);
            case 5 -> new Coordinate(parts[0], parts[1], parts[2], parts[3], parts[4]);
            default -> throw malformed(text);
        };
    }

    /** Parses the coordinates of one {@code %maven} line, separated by spaces or commas. */
    public static List<Coordinate> parseAll(String line) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (String token : line.strip().split("[\\s,]+")) {
            if (!token.isEmpty()) {
                coordinates.add(parse(token));
            }
        }
        return coordinates;
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("'" + text.strip() + "' is not a Maven coordinate; expected " + EXPECTED);
    }

    /** What stays the same across versions: group, artifact, extension and classifier. */
    public String key() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** {@code group:artifact} */
    public String groupArtifact() {
        return groupId + ":" + artifactId;
    }

    /** The short form: extension {@code jar} and an empty classifier are left out. */
    @Override
    public String toString() {
        if (classifier.isEmpty() && extension.equals("jar")) {
            return groupId + ":" + artifactId + ":" + version;
        }
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }
}
