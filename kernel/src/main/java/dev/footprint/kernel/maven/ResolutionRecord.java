package dev.footprint.kernel.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What a resolution found, kept in the local repository ({@value #FOLDER}) so that the same
 * request, made again (by this kernel or another) with the same repositories and settings, is
 * answered without running the resolver: a pure cache hit, taken only when every jar and every
 * POM of the resolved graph (not their parent POMs) is still there with the size and
 * modification time it had. Anything else (another request, repository, mirror, proxy, offline
 * mode, local repository, {@code maven.*} system property, Java version or operating system, a
 * changed or missing file) misses, and the resolver runs as always.
 * Requests with snapshots, version ranges or {@code LATEST}/{@code RELEASE}, whose answer depends
 * on the time and the repositories' metadata, are never recorded.
 */
final class ResolutionRecord {
    /** The folder of the records, in the local repository. */
    static final String FOLDER = ".footprint-resolutions";
    /** System properties besides {@code maven.*} that POMs' profiles are commonly activated by. */
    private static final List<String> PROPERTIES = List.of("java.version", "java.specification.version", "os.name",
            "os.arch", "os.version");

    private ResolutionRecord() {}

    /** The record's name for this request: a digest of everything the resolution depends on. */
    static String key(MavenSettings settings, List<RequestedDependency> wanted, List<RemoteRepository> repositories,
            Properties properties) {
        StringBuilder text = new StringBuilder("record 1\n").append(settings.fingerprint).append('\n');
        for (RemoteRepository repository : repositories) {
            text.append("repository ").append(repository.getId()).append(' ').append(repository.getUrl()).append('\n');
        }
        for (RequestedDependency dependency : wanted) {
            text.append("dependency ").append(fields(dependency.coordinate())).append(" excluding ")
                    .append(dependency.exclusions()).append('\n');
        }
        TreeSet<String> names = new TreeSet<>(properties.stringPropertyNames());
        for (String name : names) {
            if (name.startsWith("maven.") || PROPERTIES.contains(name)) {
                text.append("property ").append(name).append('=').append(properties.getProperty(name)).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** Whether a resolution of {@code wanted} gives the same answer every time its files are unchanged. */
    static boolean recordable(List<RequestedDependency> wanted) {
        for (RequestedDependency dependency : wanted) {
            if (!fixed(dependency.coordinate().version())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fixed(String version) {
        return !version.endsWith("SNAPSHOT") && !version.equals("LATEST") && !version.equals("RELEASE")
                && version.chars().noneMatch(c -> c == '[' || c == '(' || c == ',');
    }

    /** The recorded answer, or null when there is none or one of its files changed. */
    static List<ResolvedArtifact> find(Path localRepository, String key) {
        Path record = localRepository.resolve(FOLDER).resolve(key);
        List<String> lines;
        try {
            lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException absent) {
            return null;
        }
        List<ResolvedArtifact> found = new ArrayList<>();
        try {
            for (String line : lines) {
                String[] field = line.split("\t", -1);
                Path file = Path.of(field[3]);
                long bytes = Long.parseLong(field[1]);
                if (!Files.isRegularFile(file) || Files.size(file) != bytes
                        || Files.getLastModifiedTime(file).toMillis() != Long.parseLong(field[2])) {
                    return null;
                }
                if (field[0].equals("jar")) {
                    found.add(new ResolvedArtifact(new Coordinate(field[4], field[5], field[6], field[7], field[8]), file, bytes,
                            "local repository (cached)", false));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        return found.isEmpty() ? null : found;
    }

    /**
     * Records {@code resolved} (the files in class-path order) and the POMs of the graph, unless a
     * version in it is a snapshot or a file is missing. A record that cannot be written is only
     * not kept.
     */
    static void write(Path localRepository, String key, List<ResolvedArtifact> resolved, List<Path> poms) {
        StringBuilder text = new StringBuilder();
        try {
            for (ResolvedArtifact artifact : resolved) {
                if (!fixed(artifact.coordinate().version())) {
                    return;
                }
                text.append(entry("jar", artifact.file())).append('\t').append(fields(artifact.coordinate()).replace(':', '\t'))
                        .append('\n');
            }
            for (Path pom : poms) {
                text.append(entry("pom", pom)).append('\n');
            }
            Path folder = Files.createDirectories(localRepository.resolve(FOLDER));
            Path partial = Files.createTempFile(folder, key, ".part");
            try {
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                Files.move(partial, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException notKept) {
            // a read-only local repository, a file gone meanwhile: the next request resolves again
        }
    }

    private static String entry(String kind, Path file) throws IOException {
        return kind + '\t' + Files.size(file) + '\t' + Files.getLastModifiedTime(file).toMillis() + '\t' + file.toAbsolutePath();
    }

    private static String fields(Coordinate c) {
        return c.groupId() + ':' + c.artifactId() + ':' + c.extension() + ':' + c.classifier() + ':' + c.version();
    }
}
