package dev.footprint.report;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** A horizontal bar chart of bytes per array, drawn offline into an SVG string (no display needed). */
final class BytesChart {
    static {
        // Charts are drawn into SVG only; never open a window or need a display.
        System.setProperty("java.awt.headless", "true");
    }

    private BytesChart() {}

    static String svg(String title, List<String> labels, List<Long> bytes) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            // Two arrays may share a name; the column key must be unique.
            String label = labels.subList(0, i).contains(labels.get(i)) ? labels.get(i) + " (" + (i + 1) + ")" : labels.get(i);
            data.addValue(bytes.get(i) / 1024.0, "KiB", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "KiB", data, PlotOrientation.HORIZONTAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x4C72B0));
        renderer.setShadowVisible(false);
        int width = 640;
        int height = 80 + 28 * Math.max(1, labels.size());
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Ids from the content, not the clock: the same table gives the same SVG, and two charts on one page do not clash.
        g.setDefsKeyPrefix("fp" + Integer.toHexString((title + labels + bytes).hashCode()) + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }
}
