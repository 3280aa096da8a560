package dev.footprint.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.NDArray;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code written against the raw {@code SparseArray}, as before sparse arrays were typed by their
 * format, still compiles: an operation on a raw sparse array is typed by the contract, which has
 * {@code todense()}.
 */
class RawSparseArrayCompileTest {
    @TempDir Path dir;

    @Test
    void anOperationOnARawSparseArrayGoesBackToDense() throws Exception {
        String source = """
                package raw;
                import static dev.footprint.Footprint.*;
                import dev.footprint.array.NDArray;
                import dev.footprint.sparse.SparseArray;
                public class Use implements java.util.function.Supplier<NDArray> {
                    @SuppressWarnings("rawtypes")
                    public NDArray get() {
                        SparseArray s = sparse.coo(arr.eye(3));
                        return s.add(1).todense();
                    }
                }
                """;
        Path file = dir.resolve("raw/Use.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("-d", dir.toString(), "-classpath", classPath(), "-Xlint:unchecked", "-Werror");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
            assertTrue(ok, () -> "raw SparseArray code no longer compiles: " + diagnostics.getDiagnostics());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            Supplier<NDArray> use = (Supplier<NDArray>) loader.loadClass("raw.Use").getConstructor().newInstance();
            assertEquals(dev.footprint.Footprint.arr.eye(3).add(1), use.get());
        }
    }

    /** The directory or jar of the DSL's classes, then the test's own class path. */
    private static String classPath() throws URISyntaxException {
        String dsl = Path.of(NDArray.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return dsl + File.pathSeparator + System.getProperty("java.class.path");
    }
}
