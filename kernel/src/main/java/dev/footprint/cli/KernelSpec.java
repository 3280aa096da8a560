package dev.footprint.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter kernelspec for this kernel: {@code kernel.json} (from the template in
 * {@code src/kernelspec}) with the java launcher and jar filled in, plus the two logos.
 *
 * <pre>{@code
 * KernelSpec spec = KernelSpec.builder().userJvmOptions("-Xmx2g").build();
 * spec.writeTo(Path.of(home, ".local/share/jupyter/kernels"));   // .../kernels/footprint
 * }</pre>
 */
public final class KernelSpec {

    /** Where the template and logos sit inside the jar. */
    private static final String RESOURCES = "kernelspec/";
    private static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

    /**
     * Options of the kernel JVM itself (not the user JVM, which holds the arrays): it routes
     * messages and compiles cells with javac. Measured with bench/kernel_latency.py: the default
     * G1 heap took the two JVMs to about 770 MB; serial GC with a small young generation and
     * the C1 compiler only (C2's compiler threads and code cache cost memory and compete for
     * the CPU just when the first cells run) brought them to about 225 MB with the same round
     * trip.
     */
    static final List<String> KERNEL_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn32m", "-Xmx512m");

    private final String name;
    private final JsonObject kernelJson;

    private KernelSpec(String name, JsonObject kernelJson) {
        this.name = name;
        this.kernelJson = kernelJson;
    }

    /** A builder preset for this jar, the running java and the kernelspec name {@code footprint}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernelspec's name, also its folder's name. */
    public String name() {
        return name;
    }

    /** The content of {@code kernel.json}. */
    public JsonObject kernelJson() {
        return kernelJson.deepCopy();
    }

    /**
     * Writes {@code kernelsDir/NAME/} with kernel.json and the logos, replacing an older copy.
     *
     * @return the kernelspec's folder
     */
    public Path writeTo(Path kernelsDir) throws IOException {
        Path target = kernelsDir.resolve(name);
        Files.createDirectories(target);
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(kernelJson);
        Files.writeString(target.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
        for (String logo : LOGOS) {
            try (InputStream in = resource(logo)) {
                Files.copy(in, target.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Collects the parts of a kernelspec; every setter returns the builder. */
    public static final class Builder {
        private String name = "footprint";
        private String displayName;
        private String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private String userJvmOptions = InstallCommand.DEFAULT_USER_JVM_OPTIONS;
        private List<String> launch;
        private Path classArchive;

        private Builder() {}

        /** The kernelspec's name (default {@code footprint}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The name Jupyter shows (default from the template: "Java (Footprint)"). */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The {@code java} that runs the kernel (default: the running JVM's). */
        public Builder javaExecutable(String javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        /** The value of {@code FOOTPRINT_USER_JVM_OPTS} in the kernel's environment. */
        public Builder userJvmOptions(String options) {
            this.userJvmOptions = options;
            return this;
        }

        /**
         * A class data archive of the kernel JVM (see {@link ClassArchive}) to start it with, or
         * null for none (the default). A stale or unreadable archive is silently not used.
         */
        public Builder classArchive(Path archive) {
            this.classArchive = archive;
            return this;
        }

        /**
         * The JVM arguments that start the launcher, e.g. {@code ["-jar", "/opt/footprint-kernel.jar"]}
         * (default: this jar, or this class path when run from classes).
         */
        public Builder launch(List<String> launchArguments) {
            this.launch = List.copyOf(launchArguments);
            return this;
        }

        /**
         * The kernelspec: the template with argv (java, kernel JVM options, class archive,
         * launch) and env filled in.
         */
        public KernelSpec build() {
            JsonObject json = template();
            JsonArray argv = new JsonArray();
            argv.add(javaExecutable);
            KERNEL_JVM_OPTIONS.forEach(argv::add);
            if (classArchive != null) {
                argv.add("-XX:SharedArchiveFile=" + classArchive.toAbsolutePath());
                argv.add("-Xlog:cds*=off"); // a stale archive only costs speed: say nothing
            }
            (launch == null ? currentLaunch() : launch).forEach(argv::add);
            argv.add("kernel");
            argv.add("{connection_file}");
            json.add("argv", argv);
            if (displayName != null) {
                json.addProperty("display_name", displayName);
            }
            JsonObject env = json.has("env") ? json.getAsJsonObject("env") : new JsonObject();
            env.addProperty("FOOTPRINT_USER_JVM_OPTS", userJvmOptions);
            json.add("env", env);
            return new KernelSpec(name, json);
        }

        /** How this very launcher was started: {@code -jar} for the jar, {@code -cp} from classes. */
        static List<String> currentLaunch() {
            Path codeSource;
            try {
                codeSource = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot tell where the launcher's classes are", e);
            }
            List<String> launch = new ArrayList<>();
            if (Files.isRegularFile(codeSource)) {
                launch.add("-jar");
                launch.add(codeSource.toAbsolutePath().toString());
            } else {
                launch.add("-cp");
                launch.add(System.getProperty("java.class.path"));
                launch.add(Main.class.getName());
            }
            return launch;
        }

        private static JsonObject template() {
            try (InputStream in = resource("kernel.json")) {
                return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = KernelSpec.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IOException("the launcher lacks its kernelspec resource " + RESOURCES + file
                    + "; was it built with Maven?");
        }
        return in;
    }
}
