package dev.logreg.cli;

import dev.logreg.solve.Iteration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Convergence plots: the loss's distance from the optimum, J(&theta;<sub>k</sub>) &minus; J*, on a
 * log axis against the passes over the data made so far, one line per optimizer; J* is the lowest
 * loss any of them reached. Passes ({@link Iteration#evaluations()}) are the honest cost measure:
 * a Newton iteration and a gradient descent iteration each cost one pass, a line-search halving
 * another. The evaluation at the starting point is the first pass, so the start sits at x = 1.
 *
 * <p>The x axis is logarithmic when the runs' lengths differ a lot &mdash; the longest made more
 * than {@link #LOG_X_RATIO} times the passes of the shortest &mdash; so that a few Newton
 * iterations stay legible next to thousands of gradient steps; otherwise it is linear. Iterates
 * at J* itself (distance 0, or below it by rounding) cannot be drawn on a log axis and are left
 * out. Log-axis tick labels are all in one format ({@code 1E-4}, {@code 1E0}).
 *
 * <p>Each panel's title (normally the model formula) is drawn above its chart and shortened at a
 * term boundary when it is wider than the panel ({@code income ~ age + workclass + fnlwgt +
 * education + … (10 more terms)}). Several panels are drawn side by side in one PNG.
 */
final class ConvergencePlot {

    /** One panel: a title and the traces to draw, by legend name. */
    record Panel(String title, Map<String, List<Iteration>> traces) {
        Panel {
            traces = new LinkedHashMap<>(traces);
        }
    }

    /** One panel's size in pixels; the PNG is {@code WIDTH} &times; panels wide. */
    static final int WIDTH = 640;
    static final int HEIGHT = 460;

    /** The x axis is logarithmic when the longest run made more than this many times the passes of the shortest. */
    static final double LOG_X_RATIO = 20;

    /** DecimalFormat pattern of the log-scale y axis's labels: {@code 1E-4}, {@code 1E0}. */
    static final String Y_TICK_PATTERN = "0E0";

    /** DecimalFormat pattern of the log-scale x axis's labels (whole passes): {@code 1}, {@code 1,000}. */
    static final String X_LOG_TICK_PATTERN = "#,##0";

    /** The axis titles; the x axis's says whether it is on a log scale and where the start is. */
    static final String X_TITLE_LINEAR = "passes over the data (the start theta_0 is pass 1)";
    static final String X_TITLE_LOG = "passes over the data, log scale (the start theta_0 is pass 1)";
    static final String Y_TITLE = "J(theta_k) - J*  (log scale)";

    /** Line colours in legend order: blue, then vermilion (distinguishable with red-green colour blindness). */
    private static final Color[] SERIES_COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    /** Traces with at most this many points are drawn with a marker at each iterate. */
    static final int MARKERS_UP_TO = 100;

    /** The panels' title font (XChart's own chart-title font). */
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /** The line under each title that says what J* is and why the last iterates may be missing. */
    static final String NOTE = "J* = the lowest loss reached; iterates at J* itself cannot be drawn on the log axis";
    static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The strip above each chart that holds its title and the note, in pixels. */
    static final int TITLE_BAND = 44;

    /** The free space left and right of a title, and above it, in pixels. */
    private static final int TITLE_MARGIN = 10;
    private static final int TITLE_TOP = 6;

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
        BufferedImage image = render(panels);
        file.write(out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        return file.path();
    }

    /**
     * @param panels the panels, left to right
     * @return the image: {@link #WIDTH} &times; panels by {@link #HEIGHT} pixels
     */
    static BufferedImage render(List<Panel> panels) {
        BufferedImage image = new BufferedImage(WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        FontRenderContext frc = g.getFontRenderContext();
        FontMetrics title = g.getFontMetrics(TITLE_FONT);
        float titleBaseline = TITLE_TOP + title.getAscent();
        float noteBaseline = TITLE_TOP + title.getHeight() + g.getFontMetrics(NOTE_FONT).getAscent();
        double noteWidth = NOTE_FONT.getStringBounds(NOTE, frc).getWidth();
        for (int p = 0; p < panels.size(); p++) {
            String shown = fitTitle(panels.get(p).title(), TITLE_FONT, frc, titleWidth());
            double width = TITLE_FONT.getStringBounds(shown, frc).getWidth();
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(shown, (float) (p * WIDTH + (WIDTH - width) / 2), titleBaseline);
            g.setColor(Color.DARK_GRAY);
            g.setFont(NOTE_FONT);
            g.drawString(NOTE, (float) (p * WIDTH + (WIDTH - noteWidth) / 2), noteBaseline);
            g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(p))), p * WIDTH, TITLE_BAND, null);
        }
        g.dispose();
        return image;
    }

    /** @return the width a panel's title may take, in pixels */
    static int titleWidth() {
        return WIDTH - 2 * TITLE_MARGIN;
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

    /**
     * The x-axis rule: logarithmic when the longest run made more than {@link #LOG_X_RATIO} times
     * the passes of the shortest (each run's passes are its last entry's
     * {@link Iteration#evaluations()}, at least 1).
     *
     * @param traces the traces of one panel (empty traces are ignored)
     * @return whether to draw the x axis on a log scale
     */
    static boolean logPasses(Collection<List<Iteration>> traces) {
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (List<Iteration> trace : traces) {
            if (!trace.isEmpty()) {
                double passes = Math.max(1, FitReport.passes(trace));
                shortest = Math.min(shortest, passes);
                longest = Math.max(longest, passes);
            }
        }
        return longest > LOG_X_RATIO * shortest;
    }

    /**
     * Shortens a title to fit a width: whole, if it fits; else, for a formula {@code y ~ a + b + …},
     * the response and as many leading terms as fit, followed by an ellipsis and the number of
     * terms left out; else (a title with no formula, or a first term too long) the longest prefix
     * that fits, followed by an ellipsis.
     *
     * @param title the title, normally {@code y ~ a + b + c}
     * @param font the font it is drawn in
     * @param frc the rendering context it is drawn with
     * @param width the width available, in pixels
     * @return the title to draw, no wider than {@code width} when any such text exists
     */
    static String fitTitle(String title, Font font, FontRenderContext frc, double width) {
        if (fits(title, font, frc, width)) {
            return title;
        }
        String ellipsis = font.canDisplay('\u2026') ? "\u2026" : "...";
        int tilde = title.indexOf(" ~ ");
        if (tilde >= 0) {
            String response = title.substring(0, tilde + 3);
            String[] terms = title.substring(tilde + 3).split(" \\+ ", -1);
            for (int kept = terms.length - 1; kept >= 1; kept--) {
                int left = terms.length - kept;
                String candidate = response + String.join(" + ", List.of(terms).subList(0, kept)) + " + " + ellipsis
                        + " (" + left + " more " + (left == 1 ? "term" : "terms") + ")";
                if (fits(candidate, font, frc, width)) {
                    return candidate;
                }
            }
        }
        for (int end = title.length() - 1; end > 0; end--) {
            String candidate = title.substring(0, end).stripTrailing() + ellipsis;
            if (fits(candidate, font, frc, width)) {
                return candidate;
            }
        }
        return ellipsis;
    }

    /** @return whether the text, drawn in that font, is at most {@code width} pixels wide */
    static boolean fits(String text, Font font, FontRenderContext frc, double width) {
        return font.getStringBounds(text, frc).getWidth() <= width;
    }

    /**
     * @param name an optimizer's name
     * @param trace its trace
     * @return its legend entry: the name, the iterations and the passes over the data
     */
    static String legend(String name, List<Iteration> trace) {
        int iterations = trace.get(trace.size() - 1).index();
        int passes = FitReport.passes(trace);
        return String.format(Locale.ROOT, "%s: %d %s, %d %s", name, iterations,
                iterations == 1 ? "iteration" : "iterations", passes, passes == 1 ? "pass" : "passes");
    }

    /**
     * @param entries the legend's entries
     * @param styler the chart's styler (its legend font, line sample length and padding)
     * @return whether the entries fit side by side in one row across the panel, with a margin for
     *         each entry's line sample and padding
     */
    static boolean legendFitsOneRow(List<String> entries, Styler styler) {
        // Whole-pixel advances, as in a bitmap: the wider measure of the two.
        FontRenderContext frc = new FontRenderContext(null, true, false);
        double width = 0;
        for (String entry : entries) {
            width += styler.getLegendFont().getStringBounds(entry, frc).getWidth()
                    + styler.getLegendSeriesLineLength() + 3 * styler.getLegendPadding();
        }
        return width <= WIDTH - 2 * styler.getChartPadding();
    }

    /**
     * The chart of one panel, without its title ({@link #render} draws that above it, shortened to fit).
     *
     * @param panel the panel
     * @return the chart, {@link #WIDTH} wide and the panel's height less the title strip
     */
    static XYChart chart(Panel panel) {
        boolean logX = logPasses(panel.traces().values());
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - TITLE_BAND)
                .xAxisTitle(logX ? X_TITLE_LOG : X_TITLE_LINEAR).yAxisTitle(Y_TITLE).build();
        XYStyler styler = chart.getStyler();
        styler.setLocale(Locale.ROOT);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisDecimalPattern(Y_TICK_PATTERN);
        styler.setYAxisLogarithmicDecadeOnly(true);
        if (logX) {
            styler.setXAxisLogarithmic(true);
            styler.setXAxisDecimalPattern(X_LOG_TICK_PATTERN);
        }
        // Below the plot: inside, it would hide whatever line passes the corner it sits in.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        // A log axis has a grid line at every 2..9 x 10^k: thin and pale, like log paper, not dashed grey.
        styler.setPlotGridLinesColor(new Color(0xE6E6E6));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setMarkerSize(5);
        styler.setSeriesColors(SERIES_COLORS);
        double optimum = optimum(panel.traces());
        boolean drawn = false;
        for (Map.Entry<String, List<Iteration>> e : panel.traces().entrySet()) {
            List<Double> passes = new ArrayList<>();
            List<Double> gap = new ArrayList<>();
            for (Iteration it : e.getValue()) {
                double d = it.loss() - optimum;
                // A point at 0 passes has no place on a log axis; the solvers record none.
                if (d > 0 && (!logX || it.evaluations() > 0)) {
                    passes.add((double) it.evaluations());
                    gap.add(d);
                }
            }
            if (!passes.isEmpty()) {
                XYSeries s = chart.addSeries(legend(e.getKey(), e.getValue()), passes, gap);
                s.setMarker(passes.size() <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                drawn = true;
            }
        }
        styler.setLegendLayout(legendFitsOneRow(new ArrayList<>(chart.getSeriesMap().keySet()), styler)
                ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        if (!drawn) {
            // Every iterate is at the optimum: nothing above zero to draw on a log axis.
            styler.setYAxisLogarithmic(false);
            styler.setXAxisLogarithmic(false);
            chart.setXAxisTitle(X_TITLE_LINEAR);
            chart.setYAxisTitle("J(theta_k) - J*");
            chart.addSeries("already at the optimum", new double[] {0}, new double[] {0});
        }
        return chart;
    }
}
