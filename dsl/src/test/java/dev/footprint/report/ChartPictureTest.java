package dev.footprint.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartPictureTest {
    private static final Pattern IMG = Pattern.compile(
            "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" height=\"(\\d+)\" alt=\"[^\"<>]*\">");

    /** The PNG inside {@code html}'s only {@code <img>}, checked to be shown at width x height and drawn at twice that. */
    static BufferedImage picture(String html, int width, int height) {
        assertFalse(html.contains("<svg") || html.contains("<style"), "nothing an untrusted notebook drops: " + html);
        Matcher img = IMG.matcher(html);
        assertTrue(img.find(), "an <img> with a PNG data URI: " + html.substring(0, Math.min(300, html.length())));
        assertEquals(width, Integer.parseInt(img.group(2)));
        assertEquals(height, Integer.parseInt(img.group(3)));
        byte[] png = Base64.getDecoder().decode(img.group(1));
        assertFalse(img.find(), "one picture");
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotNull(image, "a PNG that decodes");
        assertEquals(2 * width, image.getWidth());
        assertEquals(2 * height, image.getHeight());
        return image;
    }

    /** {@code html} holds a bar chart picture: its bars' blue is drawn. */
    static void assertBarChart(String html, int width, int height) {
        BufferedImage image = picture(html, width, height);
        int bars = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                bars += (image.getRGB(x, y) & 0xFFFFFF) == 0x4C72B0 ? 1 : 0;
            }
        }
        assertTrue(bars > 100, "the bars are drawn: " + bars + " pixels of their colour");
    }

    private static JFreeChart line() {
        XYSeries series = new XYSeries("bytes");
        series.add(0.1, 0.3);
        series.add(0.5, 1.5);
        return ChartFactory.createXYLineChart("When <sparse> stops paying", "density", "bytes", new XYSeriesCollection(series));
    }

    @Test
    void anyChartShowsAsAPictureAndKeepsItsSvg() {
        ChartPicture chart = new ChartPicture(line(), 320, 200);
        var bundle = chart.mimeBundle();
        assertEquals("(chart: When <sparse> stops paying)", bundle.get("text/plain"));
        BufferedImage image = picture(bundle.get("text/html"), 320, 200);
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF, "a white background, not a transparent one");
        assertTrue(bundle.get("text/html").contains("alt=\"When &lt;sparse&gt; stops paying\""), bundle.get("text/html"));
        assertEquals(chart.svg(), new ChartPicture(line(), 320, 200).svg(), "the same chart gives the same SVG");
        assertTrue(chart.svg().startsWith("<svg") && chart.svg().contains("density"), chart.svg());
    }

    @Test
    void anEmptySizeIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new ChartPicture(line(), 0, 200));
        assertEquals("a chart needs a positive size, got 0 x 200", error.getMessage());
    }
}
