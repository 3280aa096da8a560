package dev.footprint.kernel.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    @Test
    void plainValuesLookAsInJShell() {
        assertEquals("null", ValueRenderer.plainText(null));
        assertEquals("\"a\\\"b\\n\"", ValueRenderer.plainText("a\"b\n"));
        assertEquals("'x'", ValueRenderer.plainText('x'));
        assertEquals("int[3] { 1, 2, 3 }", ValueRenderer.plainText(new int[] {1, 2, 3}));
        assertEquals("String[0] {  }", ValueRenderer.plainText(new String[0]));
        assertEquals(Map.of("text/plain", "42"), ValueRenderer.bundle(42));
    }

    @Test
    void displayableGivesItsBundleWithTextAlways() {
        Displayable htmlOnly = () -> MimeBundle.copyOf(Map.of("text/html", "<i>x</i>"));
        Map<String, String> bundle = ValueRenderer.bundle(htmlOnly);
        assertEquals("<i>x</i>", bundle.get("text/html"));
        assertTrue(bundle.containsKey("text/plain"));
    }

    @Test
    void failingRenderingFallsBackToText() {
        Displayable broken = () -> {
            throw new IllegalStateException("boom");
        };
        assertTrue(ValueRenderer.bundle(broken).get("text/plain").contains("rendering failed"));
    }

    @Test
    void forcedMimeKeepsOnlyThatRepresentation() {
        Map<String, String> rich = new LinkedHashMap<>();
        rich.put("text/plain", "t");
        rich.put("text/html", "<p>h</p>");
        rich.put("image/svg+xml", "<svg/>");
        Map<String, String> forced = ValueRenderer.forcedBundle((Displayable) () -> MimeBundle.copyOf(rich), "image/svg+xml");
        assertEquals(Map.of("image/svg+xml", "<svg/>", "text/plain", "t"), forced);
        assertEquals(Map.of("text/markdown", "# hi", "text/plain", "# hi"), ValueRenderer.forcedBundle("# hi", "text/markdown"));
        assertEquals(Map.of("image/svg+xml", "<svg></svg>", "text/plain", "<image/svg+xml image, 11 characters>"),
                ValueRenderer.forcedBundle("<svg></svg>", "image/svg+xml"), "a text front end gets a name, not the SVG source");
    }
}
