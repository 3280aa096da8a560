package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.kernel.protocol.LanguageInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The shipped notebooks' saved outputs look the same untrusted (a new machine, GitHub, nbviewer):
 * Jupyter's sanitiser drops {@code <svg>}, {@code <style>} and {@code <script>} inside
 * {@code text/html} and ignores {@code image/svg+xml} outputs, so none may carry their look;
 * charts are PNG pictures, which it keeps.
 */
class SavedOutputsTest {
    private static final Pattern PICTURE = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @Test
    void savedChartsArePicturesAndNothingNeedsTrust() throws Exception {
        int pictures = 0;
        for (Path file : ExternalTools.notebooks()) {
            String name = ExternalTools.notebooksFolder().relativize(file).toString();
            int inFile = 0;
            Notebook notebook = NotebookFile.read(file);
            assertEquals(LanguageInfo.json(), notebook.json().getAsJsonObject("metadata").getAsJsonObject("language_info"),
                    name + ": saved with the kernel's language_info, so opening it changes nothing");
            for (JsonObject cell : notebook.codeCells()) {
                for (JsonElement output : cell.getAsJsonArray("outputs")) {
                    JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
                    if (data == null) {
                        continue;
                    }
                    assertFalse(data.has("image/svg+xml") || data.has("application/javascript"),
                            name + ": an output an untrusted notebook ignores: " + data.keySet());
                    String html = data.has("text/html") ? NotebookFile.text(data.get("text/html")) : "";
                    for (String dropped : new String[] {"<svg", "<style", "<script"}) {
                        assertFalse(html.contains(dropped), name + ": " + dropped + " in text/html: " + html.substring(0, Math.min(300, html.length())));
                    }
                    if (html.contains("<div class=\"footprint\">") && Notebook.source(cell).matches("(?s).*\\b(footprint|advise)\\(.*")) {
                        assertTrue(html.contains("<img "), name + ": a footprint table shows its chart: " + Notebook.source(cell));
                    }
                    Matcher picture = PICTURE.matcher(html);
                    while (picture.find()) {
                        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(picture.group(1))));
                        assertNotNull(image, name + ": a picture that decodes as PNG");
                        assertEquals(1280, image.getWidth(), name + ": drawn at twice the 640 pixels it is shown at");
                        inFile++;
                    }
                }
            }
            if (name.matches("0[1235-7]-.*")) {
                assertTrue(inFile > 0, name + " shows at least one chart");
            }
            pictures += inFile;
        }
        assertTrue(pictures >= 8, "the chapters' charts: " + pictures);
    }
}
