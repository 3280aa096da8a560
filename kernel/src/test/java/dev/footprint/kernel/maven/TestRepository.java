package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a folder, made by a test: tiny jars compiled here and their POMs.
 *
 * <ul>
 *   <li>{@code org.example:words:1.0} and {@code :2.0}: {@code org.example.words.Words.version()}</li>
 *   <li>{@code org.example:greeting:1.0}: {@code org.example.greeting.Greeting.hello()}, which calls
 *       {@code Words}; depends on words 1.0 (compile) and on {@code org.example:testonly:1.0} (test
 *       scope, absent from the repository: resolving it would fail)</li>
 *   <li>{@code org.example:greeting:jar:shout:1.0}: a classified jar with {@code org.example.greeting.Shout.loud()}</li>
 *   <li>{@code org.example:shouter:1.0}: depends on words 2.0</li>
 *   <li>{@code tech.tablesaw:tablesaw-core:0.1}: an artifact the kernel itself provides, in another version</li>
 * </ul>
 * Also a Maven home for the test ({@code home/.m2/settings.xml} mirroring {@code central} to the
 * repository, so nothing reaches a network), one whose settings say offline, and an empty local
 * repository.
 */
public final class TestRepository {
    public final Path repository;
    public final Path home;
    public final Path localRepository;

    private TestRepository(Path root) {
        this.repository = root.resolve("repo");
        this.home = root.resolve("home");
        this.localRepository = root.resolve("local");
    }

    /** Builds the repository and a settings file that mirrors central to it, under {@code root}. */
    public static TestRepository create(Path root) throws IOException {
        TestRepository repo = new TestRepository(root);
        Path sources = Files.createDirectories(root.resolve("src"));
        repo.library("org.example", "words", "1.0", "", List.of(),
                "package org.example.words; public class Words { public static String version() { return \"words 1.0\"; } }", sources);
        repo.library("org.example", "words", "2.0", "", List.of(),
                "package org.example.words; public class Words { public static String version() { return \"words 2.0\"; } }", sources);
        repo.library("org.example", "greeting", "1.0", "", List.of(
                dependency("org.example", "words", "1.0", "compile"), dependency("org.example", "testonly", "1.0", "test")),
                "package org.example.greeting; public class Greeting { public static String hello() {"
                        + " return \"hello from \" + org.example.words.Words.version(); } }", sources);
        repo.library("org.example", "greeting", "1.0", "shout", List.of(),
                "package org.example.greeting; public class Shout { public static String loud() { return \"HELLO\"; } }", sources);
        repo.library("org.example", "shouter", "1.0", "", List.of(dependency("org.example", "words", "2.0", "compile")),
                "package org.example.shouter; public class Shouter { public static String shout() {"
                        + " return org.example.words.Words.version().toUpperCase(); } }", sources);
        repo.library("tech.tablesaw", "tablesaw-core", "0.1", "", List.of(),
                "package org.example.fake; public class FakeTablesaw { }", sources);
        repo.writeSettings(repo.home, false);
        repo.writeSettings(repo.home.resolveSibling("home-offline"), true);
        return repo;
    }

    private void writeSettings(Path home, boolean offline) throws IOException {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <offline>%s</offline>
                  <mirrors>
                    <mirror>
                      <id>test-mirror</id>
                      <mirrorOf>central</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(localRepository, offline, repository.toUri()));
    }

    /** A configuration that reads this home's settings, with short timeouts. */
    public MavenConfig config() {
        return new MavenConfig(home, new Properties(), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /**
     * Like {@link #config()}, with its own local repository named by {@code maven.repo.local},
     * and settings that say {@code <offline>true</offline>} if asked.
     */
    public MavenConfig config(Path localRepository, boolean offline) {
        Properties properties = new Properties();
        properties.setProperty("maven.repo.local", localRepository.toString());
        return new MavenConfig(offline ? home.resolveSibling("home-offline") : home, properties,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static String dependency(String group, String artifact, String version, String scope) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version><scope>" + scope + "</scope></dependency>";
    }

    private void library(String group, String artifact, String version, String classifier, List<String> dependencies,
            String source, Path sources) throws IOException {
        Path folder = Files.createDirectories(repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        String base = artifact + "-" + version;
        Path pom = folder.resolve(base + ".pom");
        if (!Files.exists(pom)) {
            Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>"
                    + artifact + "</artifactId><version>" + version + "</version><dependencies>" + String.join("", dependencies)
                    + "</dependencies></project>\n");
        }
        Path jar = folder.resolve(base + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
        writeJar(jar, compile(source, sources.resolve(base + classifier), folder));
    }

    /** Compiles one source against the jars already in the repository; returns the class folder. */
    private Path compile(String source, Path work, Path folder) throws IOException {
        String className = source.replaceAll("(?s).*public class (\\w+).*", "$1");
        Path src = Files.createDirectories(work.resolve("src")).resolve(className + ".java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repository)) {
            files.filter(p -> p.toString().endsWith(".jar") && p.toString().contains("words-1.0")).forEach(p -> jars.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        if (!jars.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, jars));
        }
        args.add(src.toString());
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IOException("cannot compile the test library " + className + " for " + folder);
        }
        return classes;
    }

    private static void writeJar(Path jar, Path classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        Files.writeString(jar.resolveSibling(jar.getFileName() + ".sha1"), sha1(jar), StandardCharsets.US_ASCII);
    }

    private static String sha1(Path file) throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
