package dev.footprint.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Maven artifacts already on a class path, found by the {@code META-INF/maven/G/A/pom.properties}
 * that Maven puts into every jar it builds (the kernel's shaded jar keeps one per library it
 * bundles, Tablesaw's included).
 */
final class ProvidedArtifacts {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

    /** An artifact found in a class-path entry. */
    record Provided(String groupArtifact, String version, Path entry) {}

    private final Map<Path, Map<String, Provided>> byEntry = new HashMap<>();

    /**
     * What {@code entry} (a jar or a folder) says it contains, by {@code group:artifact}; read once
     * per entry (the kernel's own entries may be read ahead, on another thread).
     */
    synchronized Map<String, Provided> in(Path entry) {
        return byEntry.computeIfAbsent(entry, ProvidedArtifacts::scan);
    }

    private static Map<String, Provided> scan(Path entry) {
        Map<String, Provided> found = new HashMap<>();
        try {
            if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        JarEntry file = entries.nextElement();
                        if (POM_PROPERTIES.matcher(file.getName()).matches()) {
                            try (InputStream in = jar.getInputStream(file)) {
                                add(found, in, entry);
                            }
                        }
                    }
                }
            } else if (Files.isDirectory(entry.resolve("META-INF/maven"))) {
                try (Stream<Path> files = Files.walk(entry.resolve("META-INF/maven"), 3)) {
                    for (Path file : (Iterable<Path>) files.filter(p -> p.endsWith("pom.properties"))::iterator) {
                        try (InputStream in = Files.newInputStream(file)) {
                            add(found, in, entry);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not a jar Maven built: nothing known of it
        }
        return found;
    }

    private static void add(Map<String, Provided> found, InputStream in, Path entry) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        String group = properties.getProperty("groupId");
        String artifact = properties.getProperty("artifactId");
        String version = properties.getProperty("version");
        if (group != null && artifact != null && version != null) {
            found.put(group + ":" + artifact, new Provided(group + ":" + artifact, version, entry));
        }
    }
}
