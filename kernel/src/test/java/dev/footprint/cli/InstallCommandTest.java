package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCommandTest {

    private static JsonObject readKernelJson(Path specDir) throws Exception {
        return JsonParser.parseString(Files.readString(specDir.resolve("kernel.json"))).getAsJsonObject();
    }

    @Test
    void prefixInstallWritesAFullKernelspec(@TempDir Path prefix) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"install", "--prefix", prefix.toString(), "--jvm-opts", "-Xmx2g -Xss2m"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        Path specDir = prefix.resolve("share/jupyter/kernels/footprint");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(specDir.toString()));

        JsonObject spec = readKernelJson(specDir);
        assertEquals("Java (Footprint)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("-Xmx2g -Xss2m", spec.getAsJsonObject("env").get("FOOTPRINT_USER_JVM_OPTS").getAsString());

        JsonArray argv = spec.getAsJsonArray("argv");
        Path java = Path.of(argv.get(0).getAsString());
        assertTrue(java.isAbsolute() && Files.isExecutable(java), java.toString());
        assertEquals("kernel", argv.get(argv.size() - 2).getAsString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        String launch = argv.toString();
        assertTrue(launch.contains("\"-jar\"") || launch.contains("\"-cp\""), launch);

        for (int size : List.of(32, 64)) {
            BufferedImage logo = ImageIO.read(specDir.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertEquals(size, logo.getWidth());
            assertEquals(size, logo.getHeight());
        }
    }

    @Test
    void installFromClassFoldersHasNoClassArchive(@TempDir Path prefix) throws Exception {
        Path specDir = prefix.resolve("share/jupyter/kernels/footprint");
        Files.createDirectories(specDir);
        Files.writeString(specDir.resolve(ClassArchive.FILE_NAME), "an archive of an earlier install");
        String[] args = {"install", "--prefix", prefix.toString()};
        assertEquals(0, Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err));
        assertFalse(Files.exists(specDir.resolve(ClassArchive.FILE_NAME)), "the old archive is gone");
        assertFalse(readKernelJson(specDir).getAsJsonArray("argv").toString().contains("SharedArchiveFile"));
    }

    @Test
    void noClassArchiveOptionRemovesAnOldArchive(@TempDir Path prefix) throws Exception {
        Path specDir = prefix.resolve("share/jupyter/kernels/footprint");
        Files.createDirectories(specDir);
        Files.writeString(specDir.resolve(ClassArchive.FILE_NAME), "an archive of an earlier install");
        String[] args = {"install", "--prefix", prefix.toString(), "--no-class-archive"};
        assertEquals(0, Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err));
        assertFalse(Files.exists(specDir.resolve(ClassArchive.FILE_NAME)));
        assertFalse(readKernelJson(specDir).getAsJsonArray("argv").toString().contains("SharedArchiveFile"));
    }

    @Test
    void failedTrainingRunLeavesNoArchiveAndSaysWhy(@TempDir Path specDir) {
        KernelSpec spec = KernelSpec.builder()
                .launch(List.of("-jar", specDir.resolve("missing-footprint-kernel.jar").toString()))
                .build();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path archive = ClassArchive.create(spec, specDir, "-Xmx64m", new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNull(archive);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no class data archive"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(specDir.resolve(ClassArchive.FILE_NAME)));
        assertFalse(Files.exists(specDir.resolve(ClassArchive.FILE_NAME + ".part")));
    }

    @Test
    void classArchiveGoesBeforeTheLaunchAndStaysQuietWhenStale() {
        KernelSpec spec = KernelSpec.builder()
                .launch(List.of("-jar", "/opt/footprint/footprint-kernel.jar"))
                .classArchive(Path.of("/opt/kernels/footprint/kernel.jsa"))
                .build();
        List<String> argv = spec.kernelJson().getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        int archive = argv.indexOf("-XX:SharedArchiveFile=/opt/kernels/footprint/kernel.jsa");
        assertTrue(archive > 0 && archive < argv.indexOf("-jar"), argv.toString());
        assertTrue(argv.indexOf("-Xlog:cds*=off") > 0 && argv.indexOf("-Xlog:cds*=off") < argv.indexOf("-jar"), argv.toString());
    }

    @Test
    void jarLaunchUsesTheAbsoluteJarPath() {
        KernelSpec spec = KernelSpec.builder()
                .launch(List.of("-jar", "/opt/footprint/footprint-kernel.jar"))
                .javaExecutable("/opt/jdk/bin/java")
                .build();
        JsonArray argv = spec.kernelJson().getAsJsonArray("argv");
        assertEquals("/opt/jdk/bin/java", argv.get(0).getAsString());
        int jar = argv.asList().indexOf(new JsonPrimitive("-jar"));
        assertEquals("/opt/footprint/footprint-kernel.jar", argv.get(jar + 1).getAsString());
        assertEquals("-Xmx1g", spec.kernelJson().getAsJsonObject("env").get("FOOTPRINT_USER_JVM_OPTS").getAsString());
    }

    @Test
    void nameAndDisplayNameCanBeChangedAndReinstallReplaces(@TempDir Path prefix) throws Exception {
        String[] args = {"install", "--prefix", prefix.toString(), "--name", "fp-test", "--display-name", "FP test"};
        assertEquals(0, Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err));
        assertEquals(0, Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err));
        JsonObject spec = readKernelJson(prefix.resolve("share/jupyter/kernels/fp-test"));
        assertEquals("FP test", spec.get("display_name").getAsString());
    }

    @Test
    void sysPrefixInstallGoesUnderThePythonsPrefix(@TempDir Path dir) throws Exception {
        // A stand-in interpreter that answers the sys.prefix question with a folder of ours.
        Path prefix = dir.resolve("venv");
        Path python = dir.resolve("python");
        Files.writeString(python, "#!/bin/sh\necho " + prefix + "\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        String[] args = {"install", "--sys-prefix", "--python", python.toString()};
        assertEquals(0, Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err));
        assertTrue(Files.isRegularFile(prefix.resolve("share/jupyter/kernels/footprint/kernel.json")));
    }

    @Test
    void userDataDirFollowsJupyterDataDirElseXdg() {
        Path dir = JupyterPaths.userDataDir();
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        if (explicit == null || explicit.isBlank()) {
            assertTrue(dir.endsWith("jupyter") || dir.endsWith("Jupyter"), dir.toString());
        } else {
            assertEquals(Path.of(explicit), dir);
        }
    }
}
