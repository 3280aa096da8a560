package dev.footprint.report;

import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * A JFreeChart drawn off screen, shown in a notebook as a picture that survives every front end.
 *
 * <p>A notebook opened untrusted (on a new machine, on GitHub, in nbviewer) sanitises
 * {@code text/html} and drops inline {@code <svg>}, and ignores an {@code image/svg+xml}
 * output; it keeps an {@code <img>} whose source is a PNG data URI. So the notebook form is such
 * an {@code <img>}, drawn at twice its shown size to stay sharp on dense screens.
 * {@link #svg()} gives the vector form for files.
 *
 * <pre>{@code
 * var chart = ChartFactory.createXYLineChart("title", "x", "y", data);
 * new ChartPicture(chart, 640, 380);     // as a cell's value: the chart, in every notebook
 * }</pre>
 */
public final class ChartPicture implements Displayable {
    static {
        // Charts are drawn off screen only; never open a window or need a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** Pixels drawn per pixel shown. */
    private static final int SCALE = 2;

    private final JFreeChart chart;
    private final int width;
    private final int height;
    private final String svgIdPrefix;

    /** {@code chart} at {@code width} by {@code height} CSS pixels. */
    public ChartPicture(JFreeChart chart, int width, int height) {
        this(chart, width, height, "chart-");
    }

    ChartPicture(JFreeChart chart, int width, int height, String svgIdPrefix) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a chart needs a positive size, got " + width + " x " + height);
        }
        this.chart = chart;
        this.width = width;
        this.height = height;
        this.svgIdPrefix = svgIdPrefix;
    }

    private String title() {
        return chart.getTitle() == null ? "chart" : chart.getTitle().getText();
    }

    /** The chart as PNG bytes, twice its shown width and height. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG document (ids from a fixed prefix: the same chart gives the same text). */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(svgIdPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }

    /** An {@code <img>} holding the PNG as a data URI, shown at the chart's size, its title as the text. */
    public String html() {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png()) + "\" width=\"" + width
                + "\" height=\"" + height + "\" alt=\"" + TableHtml.escape(title()) + "\">";
    }

    /** The chart's title, for a terminal. */
    @Override
    public String toString() {
        return "(chart: " + title() + ")";
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(toString(), html());
    }
}
