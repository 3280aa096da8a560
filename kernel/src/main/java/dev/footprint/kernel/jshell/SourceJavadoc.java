package dev.footprint.kernel.jshell;

import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
            "dev.footprint.display", "dev.footprint.io", "dev.footprint.kernel.agent");

    private static final int MAX_SUPERTYPE_DEPTH = 4;

    private final List<Path> sourcePath;
    private final Map<String, Optional<String>> packagedSources = new ConcurrentHashMap<>();

    SourceJavadoc(List<Path> sourcePath) {
        this.sourcePath = sourcePath;
    }

    /**
     * The doc comment of the element JShell describes by {@code signature}, e.g.
     * {@code dev.footprint.array.NDArray dev.footprint.Footprint.footprint(java.lang.Object...)}
     * or {@code dev.footprint.Footprint}; null when no source has it.
     *
     * <p>A method is matched by its parameters' types and names when the signature has them, so each
     * overload gets its own comment; a member without a comment of its own gets the one it
     * overrides or inherits from a superclass or interface, as the javadoc tool shows it.
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
        String owner = qualified.substring(0, lastDot);
        String member = Pattern.quote(qualified.substring(lastDot + 1));
        if (paren < 0) {
            return inHierarchy(owner, "[^;{}=]*?\\b" + member + "\\s*[=;]", 0);
        }
        List<Parameter> parameters = parameters(signature.substring(paren + 1, Math.max(paren + 1, signature.lastIndexOf(')'))));
        if (parameters != null) {
            String exact = inHierarchy(owner, "[^;{}=]*?\\b" + member + parametersPattern(parameters), 0);
            if (exact != null) {
                return exact;
            }
        }
        return inHierarchy(owner, "[^;{}=]*?\\b" + member + "\\s*\\(", 0);
    }

    /** The comment before the first {@code declaration} in {@code owner} or, failing that, in its supertypes. */
    private String inHierarchy(String owner, String declaration, int depth) {
        String source = sourceOf(owner, true);
        if (source == null) {
            return null;
        }
        String doc = docBefore(source, declaration);
        if (doc != null || depth >= MAX_SUPERTYPE_DEPTH) {
            return doc;
        }
        for (String supertype : supertypes(source, owner)) {
            doc = inHierarchy(supertype, declaration, depth + 1);
            if (doc != null) {
                return doc;
            }
        }
        return null;
    }

    /** A parameter of a signature: its type's simple name without type arguments, and its name. */
    record Parameter(String type, String name) {}

    /**
     * The parameters of a signature's parameter list ({@code DType dtype, long... shape}), or null
     * when the signature has only types ({@code java.lang.Object...}) or compiler names.
     */
    static List<Parameter> parameters(String list) {
        List<Parameter> found = new ArrayList<>();
        if (list.isBlank()) {
            return found;
        }
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String parameter = withoutTypeArguments(list.substring(from, i)).strip();
                int space = parameter.lastIndexOf(' ');
                String name = parameter.substring(space + 1);
                if (space < 0 || !name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")
                        || name.matches("arg\\d+")) {
                    return null;
                }
                String type = parameter.substring(0, space).replaceAll("(\\.\\.\\.|\\[\\s*])", "").strip();
                found.add(new Parameter(type.substring(type.lastIndexOf('.') + 1), name));
                from = i + 1;
            }
        }
        return found;
    }

    private static String parametersPattern(List<Parameter> parameters) {
        StringBuilder pattern = new StringBuilder("\\s*\\(\\s*");
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                pattern.append("\\s*,\\s*");
            }
            pattern.append("[^()]*?\\b").append(Pattern.quote(parameters.get(i).type()))
                    .append("\\b[^()]*?\\b").append(Pattern.quote(parameters.get(i).name())).append("\\b");
        }
        return pattern.append("\\s*\\)").toString();
    }

    /** The qualified names of the classes and interfaces {@code owner} extends or implements, as far as they are known. */
    private List<String> supertypes(String source, String owner) {
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        Matcher declaration = Pattern.compile("\\b(?:class|interface|record|enum)\\s+" + Pattern.quote(simple)
                + "\\b([^{]*)\\{").matcher(source);
        if (!declaration.find()) {
            return List.of();
        }
        String clause = withoutTypeArguments(declaration.group(1)).replaceAll("(?s)\\bpermits\\b.*", "").replaceAll("\\([^)]*\\)", "");
        int keyword = clause.indexOf("extends");
        int implementsAt = clause.indexOf("implements");
        if (keyword < 0 || (implementsAt >= 0 && implementsAt < keyword)) {
            keyword = implementsAt;
        }
        if (keyword < 0) {
            return List.of();
        }
        String packageName = owner.contains(".") ? owner.substring(0, owner.lastIndexOf('.')) : "";
        List<String> found = new ArrayList<>();
        for (String name : clause.substring(keyword).replaceAll("\\b(?:extends|implements)\\b", ",").split(",")) {
            String type = name.trim();
            if (!type.matches("[\\w.]+")) {
                continue;
            }
            if (!type.contains(".") && !packageName.isEmpty()) {
                found.add(packageName + "." + type); // the same package first,
            }
            found.add(type);                         // then imported: the DSL's packages
        }
        return found;
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

    /** {@code text} without its type arguments ({@code Map<String, List<Integer>>} becomes {@code Map}), innermost first. */
    private static String withoutTypeArguments(String text) {
        String shorter = text;
        while (shorter.contains("<")) {
            String next = shorter.replaceAll("<[^<>]*>", "");
            if (next.equals(shorter)) {
                break; // unbalanced: leave the rest
            }
            shorter = next;
        }
        return shorter;
    }

    // One inspection may look up the same file for every overload and supertype. What is packaged
    // (the kernel's resources, source jars) cannot change while the kernel runs, so it is read once;
    // a folder of sources is read each time, as the user may be editing it.
    private String read(String resource) {
        String text = packaged("", resource, () -> {
            try (InputStream in = SourceJavadoc.class.getClassLoader().getResourceAsStream(RESOURCE_PREFIX + resource)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        if (text != null) {
            return text;
        }
        for (Path root : sourcePath) {
            try {
                if (Files.isDirectory(root)) {
                    Path file = root.resolve(resource);
                    text = Files.isRegularFile(file) ? Files.readString(file) : null;
                } else if (Files.isRegularFile(root)) {
                    text = packaged(root + "!", resource, () -> {
                        try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                            Path file = jar.getPath(resource);
                            return Files.isRegularFile(file) ? Files.readString(file) : null;
                        }
                    });
                }
            } catch (IOException | RuntimeException unreadable) {
                text = null; // next root
            }
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private interface SourceReader {
        String read() throws IOException;
    }

    /** The text {@code reader} gives for {@code resource} in the package {@code where}, read once; null if absent. */
    private String packaged(String where, String resource, SourceReader reader) {
        return packagedSources.computeIfAbsent(where + resource, key -> {
            try {
                return Optional.ofNullable(reader.read());
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
