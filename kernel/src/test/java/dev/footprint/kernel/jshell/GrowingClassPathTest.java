package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's class path that grows without a compiler restart: a jar is taken only while the
 * compiler has listed none of the packages it has classes in, and its classes are then listed
 * after the class path's own; directories are refused; a hand-over empties it.
 */
class GrowingClassPathTest {
    private static final Set<JavaFileObject.Kind> CLASSES = Set.of(JavaFileObject.Kind.CLASS);

    @TempDir
    Path folder;

    private Path jar(String name, String... entries) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(GrowingClassPath files, String packageName) throws IOException {
        List<String> names = new ArrayList<>();
        for (JavaFileObject file : files.list(StandardLocation.CLASS_PATH, packageName, CLASSES, false)) {
            names.add(files.inferBinaryName(StandardLocation.CLASS_PATH, file));
        }
        return names;
    }

    @Test
    void takesAJarWhosePackagesTheCompilerHasNotListedAndListsItsClasses() throws IOException {
        try (GrowingClassPath files = new GrowingClassPath(ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            assertEquals(List.of(), names(files, "r.s"), "nothing there before");
            assertTrue(files.added().isEmpty());
            Path listedOne = jar("listed.jar", "r/s/B.class");
            assertFalse(files.add(listedOne), "r.s was listed: the compiler keeps what it found there, so the jar is refused");
            assertEquals(List.of(), files.added());

            Path fresh = jar("fresh.jar", "module-info.class", "t/u/C.class", "t/u/D.class", "META-INF/MANIFEST.MF");
            assertTrue(files.add(fresh), "t.u was never listed; a module descriptor is no class of the class path");
            assertEquals(List.of(fresh), files.added());
            List<String> listed = names(files, "t.u");
            listed.sort(null);
            assertEquals(List.of("t.u.C", "t.u.D"), listed);
            assertTrue(files.getJavaFileForInput(StandardLocation.CLASS_PATH, "t.u.C", JavaFileObject.Kind.CLASS) != null);
            List<Path> classPath = new ArrayList<>();
            files.getLocationAsPaths(StandardLocation.CLASS_PATH).forEach(classPath::add);
            assertTrue(classPath.contains(fresh), "the class path shows the added jar: " + classPath);

            Path sameMultiRelease = jar("versions.jar", "v/w/E.class", "META-INF/versions/11/t/u/F.class");
            assertFalse(files.add(sameMultiRelease), "a multi-release jar's versioned classes count in their package");
            assertFalse(files.add(Files.createDirectories(folder.resolve("classes"))), "a directory can change: refused");
            assertFalse(files.add(folder.resolve("missing.jar")));

            files.handOver();
            assertEquals(List.of(), files.added());
            assertEquals(List.of(), names(files, "t.u"), "handed over: JShell's class path holds it from then on");
        }
    }

    @Test
    void aRecursiveListingCoversEveryPackageBelowIt() throws IOException {
        try (GrowingClassPath files = new GrowingClassPath(ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            files.list(StandardLocation.CLASS_PATH, "x", CLASSES, true);
            assertFalse(files.add(jar("below.jar", "x/y/G.class")));
            assertTrue(files.add(jar("beside.jar", "xy/H.class")), "xy is not below x");
        }
    }
}
