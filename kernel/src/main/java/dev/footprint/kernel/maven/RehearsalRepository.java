package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A local repository in a temporary folder holding a library made up for
 * {@link DependencyResolver#prepare}: {@code dev.footprint.rehearsal:app:1.0}, which depends on
 * {@code dev.footprint.rehearsal:lib:1.0} (compile) and on an absent {@code :tests:1.0} (test
 * scope, left out as a class path's resolution leaves it out), so that resolving it offline walks
 * the code a real library's resolution walks: POMs read and interpolated, a dependency graph
 * collected and filtered by scope, jars found. Closing it deletes the folder.
 */
final class RehearsalRepository implements AutoCloseable {
    private static final String GROUP = "dev.footprint.rehearsal";

    private final Path localRepository;

    private RehearsalRepository(Path localRepository) {
        this.localRepository = localRepository;
    }

    static RehearsalRepository create() throws IOException {
        RehearsalRepository repository = new RehearsalRepository(Files.createTempDirectory("footprint-maven-rehearsal"));
        try {
            repository.write("app", """
                    <dependencies>
                      <dependency><groupId>${project.groupId}</groupId><artifactId>lib</artifactId><version>${lib.version}</version></dependency>
                      <dependency><groupId>${project.groupId}</groupId><artifactId>tests</artifactId><version>1.0</version><scope>test</scope></dependency>
                    </dependencies>
                    <properties><lib.version>1.0</lib.version></properties>
                    """);
            repository.write("lib", "");
        } catch (IOException | RuntimeException failed) {
            repository.close();
            throw failed;
        }
        return repository;
    }

    Path localRepository() {
        return localRepository;
    }

    /** The library to resolve. */
    Coordinate coordinate() {
        return new Coordinate(GROUP, "app", "jar", "", "1.0");
    }

    /** How many artifacts its resolution gives: the library and its compile dependency. */
    int artifacts() {
        return 2;
    }

    private void write(String artifact, String body) throws IOException {
        Path folder = Files.createDirectories(localRepository.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve("1.0"));
        Files.writeString(folder.resolve(artifact + "-1.0.pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>1.0</version>
                %s</project>
                """.formatted(GROUP, artifact, body), StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(folder.resolve(artifact + "-1.0.jar"));
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.finish();
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(localRepository)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot delete the rehearsal's repository " + localRepository, failed);
        }
    }
}
