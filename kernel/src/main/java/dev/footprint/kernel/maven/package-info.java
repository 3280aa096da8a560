/**
 * Finding libraries for a notebook: coordinates, Maven's settings and super POM, and resolution
 * with Apache Maven Resolver (transitive dependencies, Maven's conflict resolution, the user's
 * local repository). Knows nothing of JShell or of the Jupyter protocol; the magics in
 * {@code dev.footprint.kernel.magic} and the {@code jshell} launcher command use it.
 */
package dev.footprint.kernel.maven;
