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
 * A local repository in a temporary folder, with a library made up for
 * {@link DependencyResolver#prepare} and marked as fetched from a repository {@code central}
 * that is an empty folder beside it: resolving it walks the code that resolving a library
 * already in the user's local repository walks (POMs read with a parent, profiles, managed
 * versions, plugins and interpolation; a dependency graph collected and filtered by scope; each
 * file checked against the repository it came from), yet nothing can reach a network. Closing it
 * deletes the folder.
 *
 * <p>{@code dev.footprint.rehearsal:app:1.0} has the parent {@code :parent:1.0}, depends on
 * {@code :lib:1.0} (compile, version managed by the parent) and on an absent {@code :tests:1.0}
 * (test scope, which a class path's resolution leaves out).
 */
final class RehearsalRepository implements AutoCloseable {
    private static final String GROUP = "dev.footprint.rehearsal";
    private static final String VERSION = "1.0";

    private final Path root;

    private RehearsalRepository(Path root) {
        this.root = root;
    }

    static RehearsalRepository create() throws IOException {
        RehearsalRepository rehearsal = new RehearsalRepository(Files.createTempDirectory("footprint-maven-rehearsal"));
        try {
            Files.createDirectories(rehearsal.root.resolve("remote"));
            rehearsal.write("parent", "pom", """
                    <packaging>pom</packaging>
                    <properties><lib.version>1.0</lib.version><tests.scope>test</tests.scope></properties>
                    <dependencyManagement><dependencies>
                      <dependency><groupId>${project.groupId}</groupId><artifactId>lib</artifactId><version>${lib.version}</version></dependency>
                    </dependencies></dependencyManagement>
                    <build><pluginManagement><plugins>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version><configuration><release>17</release></configuration></plugin>
                    </plugins></pluginManagement></build>
                    <profiles>
                      <profile><id>usual</id><activation><property><name>!footprint.rehearsal</name></property></activation>
                        <properties><tests.scope>test</tests.scope></properties></profile>
                      <profile><id>asked</id><activation><property><name>footprint.rehearsal</name></property></activation>
                        <properties><lib.version>1.0</lib.version></properties></profile>
                    </profiles>
                    """);
            rehearsal.write("app", "jar", """
                    <parent><groupId>dev.footprint.rehearsal</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
                    <dependencies>
                      <dependency><groupId>${project.groupId}</groupId><artifactId>lib</artifactId></dependency>
                      <dependency><groupId>${project.groupId}</groupId><artifactId>tests</artifactId><version>1.0</version><scope>${tests.scope}</scope></dependency>
                    </dependencies>
                    <build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId></plugin></plugins></build>
                    """);
            rehearsal.write("lib", "jar", "");
        } catch (IOException | RuntimeException failed) {
            rehearsal.close();
            throw failed;
        }
        return rehearsal;
    }

    /** The local repository holding the library. */
    Path localRepository() {
        return root.resolve("local");
    }

    /** The repository the library was fetched from: an empty folder, so only the local files can answer. */
    RepositorySpec remote() {
        return new RepositorySpec("central", root.resolve("remote").toUri().toString());
    }

    /** The library to resolve. */
    Coordinate coordinate() {
        return new Coordinate(GROUP, "app", "jar", "", VERSION);
    }

    /** How many artifacts its resolution gives: the library and its compile dependency. */
    int artifacts() {
        return 2;
    }

    private void write(String artifact, String packaging, String body) throws IOException {
        Path folder = Files.createDirectories(localRepository().resolve(GROUP.replace('.', '/')).resolve(artifact).resolve(VERSION));
        String base = artifact + "-" + VERSION;
        Files.writeString(folder.resolve(base + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                %s</project>
                """.formatted(GROUP, artifact, VERSION, body), StandardCharsets.UTF_8);
        StringBuilder fetched = new StringBuilder(base + ".pom>central=\n");
        if (packaging.equals("jar")) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(base + ".jar"));
                    JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
                jar.finish();
            }
            fetched.append(base).append(".jar>central=\n");
        }
        // What Maven Resolver records for files it fetched, and checks before it uses them.
        Files.writeString(folder.resolve("_remote.repositories"), fetched, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot delete the rehearsal's repository " + root, failed);
        }
    }
}
