package dev.footprint.kernel.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A remote repository a notebook names ({@code %mavenRepo id url}, or a POM's
 * {@code <repositories>}).
 */
public record RepositorySpec(String id, String url) {

    /**
     * Checks the id and URL; a plain folder path becomes a {@code file:} URL.
     *
     * @throws IllegalArgumentException saying what a repository needs
     */
    public static RepositorySpec of(String id, String url, Path workingDirectory) {
        if (id == null || id.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("a repository needs an id and a URL, e.g. %mavenRepo company https://repo.example.com/maven2");
        }
        String location = url.strip();
        try {
            URI uri = new URI(location);
            if (uri.getScheme() == null || uri.getScheme().length() == 1) { // a path, or a drive letter
                location = workingDirectory.resolve(location).normalize().toUri().toString();
            } else if (!uri.getScheme().matches("https?|file")) {
                throw new IllegalArgumentException("repository " + id + ": " + location
                        + " is not an http:, https: or file: URL");
            }
        } catch (URISyntaxException notUri) {
            location = workingDirectory.resolve(location).normalize().toUri().toString();
        }
        return new RepositorySpec(id.strip(), location);
    }

    @Override
    public String toString() {
        return id + " (" + url + ")";
    }
}
