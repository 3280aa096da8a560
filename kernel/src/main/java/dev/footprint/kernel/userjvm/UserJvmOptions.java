package dev.footprint.kernel.userjvm;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How to start the user JVM that runs the cells.
 *
 * <pre>{@code
 * UserJvmOptions options = UserJvmOptions.builder()
 *         .jvmOptions("-Xmx2g")                 // added after FOOTPRINT_USER_JVM_OPTS and FOOTPRINT_SERVER_JVM_OPTS
 *         .javaHome(Path.of("/opt/jdk-25"))     // default: this JVM's java.home
 *         .build();
 * }</pre>
 *
 * @param javaExecutable the {@code java} launcher of the user JVM
 * @param jvmOptions options placed before the main class, e.g. {@code -Xmx512m}
 * @param classPath the user JVM's class path, also the compiler's (default: this JVM's)
 * @param sourcePath folders or jars with {@code .java} sources whose Javadoc inspection shows,
 *     searched after the class path's own sources
 * @param startTimeout how long the user JVM may take to connect back
 */
public record UserJvmOptions(
        Path javaExecutable, List<String> jvmOptions, List<String> classPath, List<Path> sourcePath, Duration startTimeout) {

    /** Environment variable with extra user JVM options, split on whitespace. */
    public static final String JVM_OPTIONS_ENV = "FOOTPRINT_USER_JVM_OPTS";

    /**
     * Environment variable with user JVM options that the server starting the kernel sets for
     * all its kernels, e.g. a JupyterHub spawner capping each participant's heap with
     * {@code -Xmx512m}. They come after {@value #JVM_OPTIONS_ENV}, which the kernelspec sets
     * and so always replaces the server's value of that variable: the server's cap wins.
     */
    public static final String SERVER_JVM_OPTIONS_ENV = "FOOTPRINT_SERVER_JVM_OPTS";

    public UserJvmOptions {
        jvmOptions = List.copyOf(jvmOptions);
        classPath = List.copyOf(classPath);
        sourcePath = List.copyOf(sourcePath);
    }

    /** This JVM's java, class path, and the options of {@value #JVM_OPTIONS_ENV} and {@value #SERVER_JVM_OPTIONS_ENV}. */
    public static UserJvmOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private Path javaHome = Paths.get(System.getProperty("java.home"));
        private final List<String> jvmOptions = new ArrayList<>(environmentOptions(System::getenv));
        private List<String> classPath = splitPath(System.getProperty("java.class.path"));
        private final List<Path> sourcePath = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** The JDK or JRE whose {@code bin/java} runs the user JVM. */
        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        /** Adds user JVM options (after those of the environment variable). */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /** Drops the options collected so far, the environment's included. */
        public Builder clearJvmOptions() {
            jvmOptions.clear();
            return this;
        }

        /** Replaces the class path (entries are jars or folders). */
        public Builder classPath(List<String> entries) {
            this.classPath = new ArrayList<>(entries);
            return this;
        }

        /** Adds a folder or jar of sources for Javadoc in inspection. */
        public Builder sourcePath(Path sources) {
            sourcePath.add(sources);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public UserJvmOptions build() {
            Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            return new UserJvmOptions(java, jvmOptions, classPath, sourcePath, startTimeout);
        }
    }

    /** The options of {@value #JVM_OPTIONS_ENV}, then those of {@value #SERVER_JVM_OPTIONS_ENV}. */
    static List<String> environmentOptions(UnaryOperator<String> environment) {
        List<String> options = new ArrayList<>(splitOptions(environment.apply(JVM_OPTIONS_ENV)));
        options.addAll(splitOptions(environment.apply(SERVER_JVM_OPTIONS_ENV)));
        return options;
    }

    /** The starting heap the user JVM gets unless its options size the heap's start themselves. */
    static final String STARTING_HEAP = "-Xms32m";
    private static final long STARTING_HEAP_BYTES = 32L << 20;

    /**
     * {@value #STARTING_HEAP}, or nothing when {@code options} (or the {@code JAVA_TOOL_OPTIONS},
     * {@code JDK_JAVA_OPTIONS} and {@code _JAVA_OPTIONS} the user JVM inherits) set the starting, minimum or young
     * generation size themselves, or cap the heap below it (the last cap counts, as for the JVM).
     *
     * <p>Left alone, a JVM starts with a heap of 1/64 of the machine's memory (384 MB on 24 GB,
     * 4 GB on 256 GB) and a young generation of a third of that, which the allocations of even
     * small cells walk through and keep resident. Ten kernels of a workshop on one server would
     * hold that ten times. Starting small, the heap grows as the cells' arrays need. (Without an
     * explicit cap the JVM raises its maximum to the start, so a small machine still starts.)
     */
    static List<String> startingHeap(List<String> options) {
        List<String> all = new ArrayList<>(splitOptions(System.getenv("JAVA_TOOL_OPTIONS")));
        all.addAll(splitOptions(System.getenv("JDK_JAVA_OPTIONS")));
        all.addAll(options);
        all.addAll(splitOptions(System.getenv("_JAVA_OPTIONS"))); // read last by the JVM, overriding the rest
        return startingHeapGiven(all);
    }

    /** As {@link #startingHeap(List)} for exactly {@code options}, in the order the JVM reads them. */
    static List<String> startingHeapGiven(List<String> options) {
        long cap = Long.MAX_VALUE;
        for (String option : options) {
            if (option.startsWith("-Xms") || option.startsWith("-Xmn") || option.startsWith("-XX:InitialHeapSize=")
                    || option.startsWith("-XX:MinHeapSize=") || option.startsWith("-XX:NewSize=")
                    || option.startsWith("-XX:InitialRAMPercentage=")) {
                return List.of();
            }
            if (option.startsWith("-Xmx")) {
                cap = bytes(option.substring(4));
            } else if (option.startsWith("-XX:MaxHeapSize=")) {
                cap = bytes(option.substring("-XX:MaxHeapSize=".length()));
            }
        }
        return cap < STARTING_HEAP_BYTES ? List.of() : List.of(STARTING_HEAP);
    }

    /** A JVM size ({@code 512m}, {@code 2G}, {@code 1048576}) in bytes; a size it cannot read counts as large. */
    private static long bytes(String size) {
        if (size.isEmpty()) {
            return Long.MAX_VALUE;
        }
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
        try {
            long value = Long.parseLong(digits);
            return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
        } catch (NumberFormatException unreadable) {
            return Long.MAX_VALUE; // the JVM itself will say what is wrong with it
        }
    }

    static List<String> splitOptions(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.asList(options.trim().split("\\s+"));
    }

    static List<String> splitPath(String path) {
        List<String> entries = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
