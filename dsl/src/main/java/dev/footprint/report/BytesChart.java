package dev.footprint.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A horizontal bar chart of bytes per array (footprint tables, advice), as a {@link ChartPicture}. */
final class BytesChart {
    private BytesChart() {}

    static ChartPicture of(String title, List<String> labels, List<Long> bytes) {
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
        // Ids from the content, not the clock: the same table gives the same SVG, and two charts on one page do not clash.
        String ids = "fp" + Integer.toHexString((title + labels + bytes).hashCode()) + "-";
        return new ChartPicture(chart, 640, 80 + 28 * Math.max(1, labels.size()), ids);
    }
}
