package dev.footprint.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimeBundleTest {

    @Test
    void keepsTheOrderEntriesWereAddedIn() {
        MimeBundle b = MimeBundle.of("t", "<p>h</p>").with(MimeBundle.SVG, "<svg/>");
        assertEquals(List.of("text/plain", "text/html", "image/svg+xml"), List.copyOf(b.keySet()));
        assertEquals("t", b.plain());
        assertEquals("<p>h</p>", b.html());
        assertEquals("<svg/>", b.get("image/svg+xml"));
    }

    @Test
    void withGivesANewBundleAndReplacesInPlace() {
        MimeBundle b = MimeBundle.of("t", "<p>h</p>");
        MimeBundle replaced = b.with(MimeBundle.PLAIN, "u");
        assertEquals(List.of("text/plain", "text/html"), List.copyOf(replaced.keySet()));
        assertEquals("u", replaced.plain());
        assertEquals("t", b.plain(), "the first bundle is unchanged");
    }

    @Test
    void cannotBeChangedThroughItsMapView() {
        MimeBundle b = MimeBundle.plain("t");
        assertThrows(UnsupportedOperationException.class, () -> b.put("text/html", "x"));
        assertThrows(UnsupportedOperationException.class, () -> b.entrySet().clear());
        assertThrows(UnsupportedOperationException.class, () -> b.entrySet().iterator().next().setValue("x"));
    }

    @Test
    void copiesAMapInItsOrderAndEqualsIt() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/html", "<i>x</i>");
        m.put("text/plain", "x");
        MimeBundle b = MimeBundle.copyOf(m);
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(b.keySet()));
        assertEquals(m, b);
        assertEquals(b, m);
        assertEquals(m.hashCode(), b.hashCode());
        assertSame(b, MimeBundle.copyOf(b));
        m.put("image/svg+xml", "<svg/>");
        assertEquals(2, b.size(), "a copy, not a view");
    }

    @Test
    void refusesAnEntryWithoutTypeOrContent() {
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.plain(null));
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.of("t", null));
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put(null, "x");
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.copyOf(withNull));
    }
}
