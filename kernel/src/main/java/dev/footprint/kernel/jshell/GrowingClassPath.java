package dev.footprint.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * JShell's file manager with a class path that can grow without JShell starting its compiler
 * afresh. {@code JShell.addToClasspath} throws away the compiler's cached state (every class it
 * had read), so the next snippet compiles cold: about 0.3 s of CPU. A jar given to {@link #add}
 * instead is listed after the class path JShell knows, in the compiler's current state.
 *
 * <p>That is only correct while the compiler has never looked into a package the jar has
 * classes in: it keeps what a package held when it first listed it. So this file manager notes
 * every class-path package the compiler lists, and {@link #add} refuses a jar with classes in
 * one of them (the caller then goes through JShell, which starts afresh). Directories are
 * refused too, as their content can change. {@link #handOver} empties the added class path once
 * JShell has been given the same jars.
 */
final class GrowingClassPath extends DelegatingFileManager {
    private final Set<String> listedPackages = ConcurrentHashMap.newKeySet();
    private final Set<String> listedRecursively = ConcurrentHashMap.newKeySet();
    private final List<Path> added = new ArrayList<>();
    private volatile StandardJavaFileManager addedJars;

    GrowingClassPath(StandardJavaFileManager standard) {
        super(standard);
    }

    /**
     * Puts {@code jar} on the compiler's class path now, if the compiler's state allows it.
     *
     * @return false when {@code jar} is not a jar file, or has classes in a package the compiler
     *     has already listed: then nothing was added
     */
    synchronized boolean add(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        Set<String> packages;
        try {
            packages = packagesIn(jar);
        } catch (IOException unreadable) {
            return false;
        }
        for (String name : packages) {
            if (seen(name)) {
                return false;
            }
        }
        List<Path> grown = new ArrayList<>(added);
        grown.add(jar);
        try {
            jars().setLocationFromPaths(StandardLocation.CLASS_PATH, grown);
        } catch (IOException | IllegalArgumentException unusable) {
            return false;
        }
        added.add(jar);
        return true;
    }

    /** The jars {@link #add} took that JShell does not know yet, in order. */
    synchronized List<Path> added() {
        return List.copyOf(added);
    }

    /**
     * Forgets the jars added so far: the caller gives them to JShell, whose class path (and
     * restarted compiler) then holds them.
     */
    synchronized void handOver() {
        added.clear();
        StandardJavaFileManager jars = addedJars;
        if (jars != null) {
            try {
                jars.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            } catch (IOException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
    }

    private boolean seen(String packageName) {
        if (listedPackages.contains(packageName)) {
            return true;
        }
        for (String prefix : listedRecursively) {
            if (prefix.isEmpty() || packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private StandardJavaFileManager jars() {
        if (addedJars == null) {
            addedJars = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
        }
        return addedJars;
    }

    /** The packages {@code jar} has classes in (those of a multi-release jar's versions too). */
    static Set<String> packagesIn(Path jar) throws IOException {
        Set<String> packages = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith("META-INF/versions/")) {
                    int release = name.indexOf('/', "META-INF/versions/".length());
                    name = release < 0 ? "" : name.substring(release + 1);
                }
                int slash = name.lastIndexOf('/');
                if (name.substring(slash + 1).equals("module-info.class")) {
                    continue; // a module's descriptor: no class of the class path
                }
                packages.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
            boolean recurse) throws IOException {
        Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH) {
            return listed;
        }
        (recurse ? listedRecursively : listedPackages).add(packageName);
        StandardJavaFileManager jars = addedJars;
        if (jars == null) {
            return listed;
        }
        List<JavaFileObject> all = new ArrayList<>();
        listed.forEach(all::add);
        jars.list(location, packageName, kinds, recurse).forEach(all::add);
        return all;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        String name = super.inferBinaryName(location, file);
        StandardJavaFileManager jars = addedJars;
        return name != null || jars == null || location != StandardLocation.CLASS_PATH ? name : jars.inferBinaryName(location, file);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        StandardJavaFileManager jars = addedJars;
        return super.contains(location, file)
                || (location == StandardLocation.CLASS_PATH && jars != null && jars.contains(location, file));
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        JavaFileObject found = super.getJavaFileForInput(location, className, kind);
        StandardJavaFileManager jars = addedJars;
        return found != null || jars == null || location != StandardLocation.CLASS_PATH
                ? found : jars.getJavaFileForInput(location, className, kind);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
        FileObject found = super.getFileForInput(location, packageName, relativeName);
        StandardJavaFileManager jars = addedJars;
        return found != null || jars == null || location != StandardLocation.CLASS_PATH
                ? found : jars.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        Iterable<? extends File> own = super.getLocation(location);
        StandardJavaFileManager jars = addedJars;
        if (location != StandardLocation.CLASS_PATH || jars == null || own == null) {
            return own;
        }
        List<File> all = new ArrayList<>();
        own.forEach(all::add);
        Iterable<? extends File> more = jars.getLocation(location);
        if (more != null) {
            more.forEach(all::add);
        }
        return all;
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        Iterable<? extends Path> own = super.getLocationAsPaths(location);
        StandardJavaFileManager jars = addedJars;
        if (location != StandardLocation.CLASS_PATH || jars == null || own == null) {
            return own;
        }
        List<Path> all = new ArrayList<>();
        own.forEach(all::add);
        Iterable<? extends Path> more = jars.getLocationAsPaths(location);
        if (more != null) {
            more.forEach(all::add);
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            StandardJavaFileManager jars = addedJars;
            if (jars != null) {
                jars.close();
            }
        }
    }
}
