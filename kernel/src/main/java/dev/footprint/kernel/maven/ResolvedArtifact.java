package dev.footprint.kernel.maven;

import java.nio.file.Path;

/**
 * A file that resolution delivered.
 *
 * @param coordinate its coordinate, at the version resolution chose
 * @param file the file in the local repository
 * @param bytes its size
 * @param source where it came from: a remote repository's id and URL, or the local repository
 * @param downloaded true if it was fetched during this resolution, false if it was cached
 */
public record ResolvedArtifact(Coordinate coordinate, Path file, long bytes, String source, boolean downloaded) {}
