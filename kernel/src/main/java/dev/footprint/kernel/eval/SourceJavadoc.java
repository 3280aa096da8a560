package dev.footprint.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Javadoc of a class or member from its source, for the libraries JShell's own
 * lookup (the JDK's {@code src.zip} only) does not cover, such as the DSL. Sources are looked
 * up on the class path as resources under {@value #RESOURCE_PREFIX} (where the kernel's build
 * puts the DSL's sources; a prefix, because javac would compile sources found on the class
 * path), then in the folders or jars of {@link UserJvmOptions#sourcePath()}.
 */
final class SourceJavadoc {
    static final String RESOURCE_PREFIX = "META-INF/footprint-sources/";

    private static final String DOC = "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*";

    /** Where a simple class name in a signature is looked for: the DSL's packages. */
    private static final List<String> DSL_PACKAGES = List.of(
            "dev.footprint", "dev.footprint.array", "dev.footprint.sparse", "dev.footprint.report",
            "dev.footprint.io", "dev.footprint.kernel.agent");

    private final List<Path> sourcePath;

    SourceJavadoc(List<Path> sourcePath) {
        this.sourcePath = sourcePath;
    }

    /**
     * The doc comment of the element JShell describes by {@code signature}, e.g.
     * {@code dev.footprint.array.NDArray dev.footprint.Footprint.footprint(java.lang.Object...)}
     * or {@code dev.footprint.Footprint}; null when no source has it.
     */
    String find(String signature) {
        int paren = signature.indexOf('(');
        int colon = signature.indexOf(':');
        String head = paren >= 0 ? signature.substring(0, paren).trim()
                : colon >= 0 ? signature.substring(0, colon).trim() // a field: "Owner.name:Type"
                : signature.trim();
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        String source = sourceOf(qualified, false);
        if (source != null) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            return docBefore(source, "(?:[\\w\\s]*\\s)?(?:class|interface|record|enum)\\s+" + Pattern.quote(simple) + "\\b");
        }
        int lastDot = qualified.lastIndexOf('.');
        if (lastDot < 0) {
            return null;
        }
        source = sourceOf(qualified.substring(0, lastDot), true);
        if (source == null) {
            return null;
        }
        String member = Pattern.quote(qualified.substring(lastDot + 1));
        return docBefore(source, "[^;{}=]*?\\b" + member + (paren < 0 ? "\\s*[=;]" : "\\s*\\("));
    }

    private static String docBefore(String source, String declaration) {
        Matcher matcher = Pattern.compile(DOC + declaration, Pattern.DOTALL).matcher(source);
        return matcher.find() ? clean(matcher.group(1)) : null;
    }

    private static String clean(String comment) {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\\R")) {
            text.append(line.replaceFirst("^\\s*\\*?\\s?", "")).append('\n');
        }
        return text.toString().strip();
    }

    // JShell prints some signatures with simple class names (ArrayFactory.zeros).
    private String sourceOf(String name, boolean orOuterClass) {
        if (Character.isLowerCase(name.charAt(0))) {
            return sourceOfQualified(name, orOuterClass);
        }
        for (String packageName : DSL_PACKAGES) {
            String text = sourceOfQualified(packageName + "." + name, orOuterClass);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    // Tries the class name, then its outer classes (a nested class lives in its outer's file).
    private String sourceOfQualified(String qualifiedName, boolean orOuterClass) {
        String name = qualifiedName;
        while (true) {
            String text = read(name.replace('.', '/') + ".java");
            if (text != null || !orOuterClass) {
                return text;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            String outer = name.substring(0, dot);
            String outerSimple = outer.substring(outer.lastIndexOf('.') + 1);
            if (outerSimple.isEmpty() || !Character.isUpperCase(outerSimple.charAt(0))) {
                return null;
            }
            name = outer;
        }
    }

    private String read(String resource) {
        try (InputStream in = SourceJavadoc.class.getClassLoader().getResourceAsStream(RESOURCE_PREFIX + resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException unreadable) {
            // try the source path
        }
        for (Path root : sourcePath) {
            try {
                if (Files.isDirectory(root)) {
                    Path file = root.resolve(resource);
                    if (Files.isRegularFile(file)) {
                        return Files.readString(file);
                    }
                } else if (Files.isRegularFile(root)) {
                    try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                        Path file = jar.getPath(resource);
                        if (Files.isRegularFile(file)) {
                            return Files.readString(file);
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // next root
            }
        }
        return null;
    }
}
