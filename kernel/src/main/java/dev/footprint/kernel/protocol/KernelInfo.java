package dev.footprint.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The content of {@code kernel_info_reply}: who this kernel is and which language it runs. */
final class KernelInfo {

    static final String IMPLEMENTATION = "footprint";

    private KernelInfo() {}

    /** The full kernel_info_reply content for a kernel of version {@code implementationVersion}. */
    static JsonObject content(String implementationVersion) {
        JsonArray helpLinks = new JsonArray();
        helpLinks.add(link("Java SE API", "https://docs.oracle.com/en/java/javase/"
                + Runtime.version().feature() + "/docs/api/"));
        helpLinks.add(link("JShell user guide",
                "https://docs.oracle.com/en/java/javase/17/jshell/introduction-jshell.html"));

        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("protocol_version", MessageFactory.PROTOCOL_VERSION);
        content.addProperty("implementation", IMPLEMENTATION);
        content.addProperty("implementation_version", implementationVersion);
        content.add("language_info", LanguageInfo.json());
        content.addProperty("banner", "Footprint " + implementationVersion + " - Java "
                + Runtime.version().feature() + " with JShell; see how much memory your arrays take."
                + " Try: footprint(arr.ones(1024, 1024).as(UINT16))");
        content.add("help_links", helpLinks);
        content.addProperty("debugger", false);
        return content;
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    static String implementationVersion() {
        String version = KernelInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static JsonObject link(String text, String url) {
        JsonObject link = new JsonObject();
        link.addProperty("text", text);
        link.addProperty("url", url);
        return link;
    }
}
