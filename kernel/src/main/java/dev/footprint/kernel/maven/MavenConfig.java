package dev.footprint.kernel.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Where Maven's files are and how long to wait for a repository.
 *
 * @param userHome holds {@code .m2/settings.xml} and, unless settings or {@code maven.repo.local}
 *     say otherwise, the local repository {@code .m2/repository}
 * @param properties Maven's system properties: {@code maven.repo.local}, {@code maven.repo.central},
 *     {@code maven.home} (for {@code conf/settings.xml}), and what settings interpolate
 * @param connectTimeout how long to wait for a repository's server to answer a connection
 * @param requestTimeout how long to wait for data of one request
 */
public record MavenConfig(Path userHome, Properties properties, Duration connectTimeout, Duration requestTimeout) {

    /** This JVM's user home and system properties; 10 s to connect, 60 s per request. */
    public static MavenConfig standard() {
        return new MavenConfig(Path.of(System.getProperty("user.home")), System.getProperties(),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** The user's settings file, {@code ~/.m2/settings.xml}. */
    public Path userSettings() {
        return userHome.resolve(".m2").resolve("settings.xml");
    }

    /** Maven's installation's settings, {@code ${maven.home}/conf/settings.xml}, or null. */
    public Path globalSettings() {
        String mavenHome = properties.getProperty("maven.home");
        return mavenHome == null ? null : Path.of(mavenHome, "conf", "settings.xml");
    }
}
