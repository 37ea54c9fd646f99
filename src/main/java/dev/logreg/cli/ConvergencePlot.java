package dev.logreg.cli;

import dev.logreg.solve.Iteration;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Convergence plots: the loss's distance from the optimum, J(&theta;<sub>k</sub>) &minus; J*, on a
 * log axis against the iteration k, one line per optimizer; J* is the lowest loss any of them
 * reached. Iterates at J* itself (distance 0, or below it by rounding) cannot be drawn on a log axis
 * and are left out. Several panels are drawn side by side in one PNG.
 */
final class ConvergencePlot {

    /** One panel: a title and the traces to draw, by legend name. */
    record Panel(String title, Map<String, List<Iteration>> traces) {
        Panel {
            traces = new LinkedHashMap<>(traces);
        }
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 460;

    private ConvergencePlot() {
    }

    /**
     * Draws the panels side by side and writes a PNG.
     *
     * @param file where to write
     * @param panels the panels, left to right
     * @return the file written, as an absolute path
     * @throws IllegalArgumentException if the file cannot be written
     */
    static Path write(OutputFile file, List<Panel> panels) {
        BufferedImage image = new BufferedImage(WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int p = 0; p < panels.size(); p++) {
            g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(p))), p * WIDTH, 0, null);
        }
        g.dispose();
        file.write(out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        return file.path();
    }

    /**
     * @param traces the traces of one panel
     * @return J*, the lowest loss in any of them
     */
    static double optimum(Map<String, List<Iteration>> traces) {
        double best = Double.POSITIVE_INFINITY;
        for (List<Iteration> trace : traces.values()) {
            for (Iteration it : trace) {
                best = Math.min(best, it.loss());
            }
        }
        return best;
    }

    private static XYChart chart(Panel panel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(panel.title())
                .xAxisTitle("iteration k").yAxisTitle("J(theta_k) - J*").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        double optimum = optimum(panel.traces());
        boolean drawn = false;
        for (Map.Entry<String, List<Iteration>> e : panel.traces().entrySet()) {
            List<Double> k = new ArrayList<>();
            List<Double> gap = new ArrayList<>();
            for (Iteration it : e.getValue()) {
                double d = it.loss() - optimum;
                if (d > 0) {
                    k.add((double) it.index());
                    gap.add(d);
                }
            }
            if (!k.isEmpty()) {
                XYSeries s = chart.addSeries(e.getKey() + " (" + (e.getValue().size() - 1) + " iterations)", k, gap);
                s.setMarker(SeriesMarkers.CIRCLE);
                drawn = true;
            }
        }
        if (!drawn) {
            // Every iterate is at the optimum: nothing above zero to draw on a log axis.
            chart.getStyler().setYAxisLogarithmic(false);
            chart.addSeries("already at the optimum", new double[] {0}, new double[] {0});
        }
        return chart;
    }
}
