package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;

/**
 * The kernel's {@code language_info}, as {@code kernel_info_reply} sends it and notebooks save it.
 *
 * <p>The version is the Java feature release ("17" on any 17.x build), so a notebook saved on one
 * build of a JDK is not rewritten when opened on another. Scripts are JShell scripts
 * ({@code .jsh}): {@code jupyter nbconvert --to script X.ipynb} writes {@code X.jsh}, which
 * {@code footprint jshell X.jsh} runs.
 */
public final class LanguageInfo {
    private LanguageInfo() {}

    /** A fresh copy of the language_info object. */
    public static JsonObject json() {
        JsonObject info = new JsonObject();
        info.addProperty("name", "java");
        info.addProperty("version", String.valueOf(Runtime.version().feature()));
        info.addProperty("mimetype", "text/x-java-source");
        info.addProperty("file_extension", ".jsh");
        info.addProperty("pygments_lexer", "java");
        info.addProperty("codemirror_mode", "text/x-java");
        return info;
    }
}
