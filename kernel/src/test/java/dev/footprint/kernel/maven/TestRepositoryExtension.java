package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestRepository} for all the tests of a class, in a folder deleted after them:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestRepositoryExtension maven = new TestRepositoryExtension();
 * ... maven.repo().config(maven.path("fresh-local"), false) ...
 * </pre>
 */
public final class TestRepositoryExtension implements BeforeAllCallback, AfterAllCallback {
    private Path root;
    private TestRepository repo;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("test-repository");
        repo = TestRepository.create(root);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException leftOver) {
            // Only a temporary folder left behind: no test's result depends on it.
        }
    }

    /** The repository, its Maven home and its settings. */
    public TestRepository repo() {
        return repo;
    }

    /** A path beside the repository for a test's own files (a local repository, a POM). */
    public Path path(String name) {
        return root.resolve(name);
    }
}
