package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.maven.Coordinate;
import dev.footprint.kernel.maven.RequestedDependency;
import java.util.List;

/**
 * {@code %maven group:artifact[:extension[:classifier]]:version ...}: resolves the coordinates
 * together with Maven's conflict resolution, from the repositories of {@code %mavenRepo} and
 * Maven's default one, through the user's settings and local repository, and adds the jars to
 * the compiler's and the user JVM's class path (IJava's syntax).
 *
 * <pre>
 * %maven org.apache.commons:commons-math3:3.6.1
 * new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(new double[] {1, 2, 3}).getMean()
 * </pre>
 */
public final class MavenMagic extends NamedMagic {
    private final MavenLibraries libraries;

    MavenMagic(MavenLibraries libraries) {
        super("maven", "add libraries from Maven repositories: %maven group:artifact:version ...");
        this.libraries = libraries;
    }

    @Override
    public String help() {
        return """
                %maven group:artifact[:extension[:classifier]]:version ...

                Resolves the coordinates together, with their compile and runtime dependencies and
                Maven's conflict resolution (nearest wins), and adds the jars to the class path of
                the compiler and of the JVM that runs your cells, for the rest of the session (a
                restart of the user JVM after System.exit or a full heap keeps them).
                Repositories: those of %mavenRepo, then Maven's default one; ~/.m2/settings.xml
                is honoured (mirrors, proxies, servers, offline) and jars are kept in the local
                repository (~/.m2/repository, or settings' <localRepository>, or -Dmaven.repo.local),
                so a second %maven of them works offline.
                A library already added in another version keeps the first one (a JVM cannot
                unload classes): restart the kernel to switch.

                Examples:
                  %maven org.apache.commons:commons-math3:3.6.1
                  %maven com.google.guava:guava:33.4.0-jre org.slf4j:slf4j-simple:2.0.16
                  %maven org.lwjgl:lwjgl:jar:natives-linux:3.3.3
                """;
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        if (args.isBlank()) {
            return Magic.failure("UsageError", "%maven needs coordinates: " + Coordinate.EXPECTED);
        }
        List<Coordinate> coordinates;
        try {
            coordinates = Coordinate.parseAll(args);
        } catch (IllegalArgumentException malformed) {
            return Magic.failure("UsageError", "%maven: " + malformed.getMessage());
        }
        return libraries.load(args.strip(), coordinates.stream().map(RequestedDependency::of).toList(), List.of(), context);
    }
}
