package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Iteration;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The convergence plot's pieces: the x-axis rule, the legend, the title shortening, the tick labels, the PNG. */
class ConvergencePlotTest {

    /** Adult's formula: 14 terms, about 190 characters, far wider than one panel. */
    private static final String ADULT = "income ~ age + workclass + fnlwgt + education + education_num"
            + " + marital_status + occupation + relationship + race + sex + capital_gain + capital_loss"
            + " + hours_per_week + native_country";

    @TempDir
    Path dir;

    /**
     * A synthetic trace: {@code iterations} iterations of {@code passesPerIteration} passes each
     * after the start (itself one pass), the loss 1 + r<sup>k</sup> falling to 1.
     */
    private static List<Iteration> trace(int iterations, int passesPerIteration, double r) {
        List<Iteration> trace = new ArrayList<>();
        for (int k = 0; k <= iterations; k++) {
            double loss = k == iterations ? 1.0 : 1.0 + Math.pow(r, k);
            trace.add(new Iteration(k, loss, 0, 0, 0, 0, 1 + k * passesPerIteration, k * 1000L));
        }
        return trace;
    }

    /** Newton: 6 iterations, one taking a halving (8 passes in all); gradient descent: 99,999 iterations (100,000 passes). */
    private static Map<String, List<Iteration>> adultLike() {
        List<Iteration> newton = new ArrayList<>(trace(6, 1, 0.01));
        Iteration second = newton.get(2);
        for (int k = 2; k < newton.size(); k++) {
            Iteration it = newton.get(k);
            newton.set(k, new Iteration(it.index(), it.loss(), 0, 0, 0, 0, it.evaluations() + 1, it.elapsedNanos()));
        }
        assertEquals(second.evaluations() + 1, newton.get(2).evaluations());
        Map<String, List<Iteration>> traces = new LinkedHashMap<>();
        traces.put("gradient descent", trace(99_999, 1, 0.9999));
        traces.put("Newton", newton);
        return traces;
    }

    private static FontRenderContext renderContext() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        FontRenderContext frc = g.getFontRenderContext();
        g.dispose();
        return frc;
    }

    private static double width(String text) {
        return ConvergencePlot.TITLE_FONT.getStringBounds(text, renderContext()).getWidth();
    }

    @Test
    void theXAxisIsLogarithmicWhenOneRunMakesMoreThanTwentyTimesThePassesOfTheOther() {
        assertTrue(ConvergencePlot.logPasses(adultLike().values()), "8 against 100,000 passes");
        // 5 passes against 100 is exactly 20 times: linear; against 101, log.
        assertFalse(ConvergencePlot.logPasses(List.of(trace(4, 1, 0.5), trace(99, 1, 0.5))));
        assertTrue(ConvergencePlot.logPasses(List.of(trace(4, 1, 0.5), trace(100, 1, 0.5))));
        assertFalse(ConvergencePlot.logPasses(List.of(trace(40, 1, 0.5), trace(45, 1, 0.5))), "similar lengths");
        assertFalse(ConvergencePlot.logPasses(List.of(trace(40, 1, 0.5))), "one run");

        XYChart log = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", adultLike()));
        assertTrue(log.getStyler().isXAxisLogarithmic());
        assertTrue(log.getStyler().isYAxisLogarithmic());
        assertEquals(ConvergencePlot.X_TITLE_LOG, log.getXAxisTitle());
        assertTrue(log.getXAxisTitle().contains("log scale"), log.getXAxisTitle());

        Map<String, List<Iteration>> similar = new LinkedHashMap<>();
        similar.put("gradient descent", trace(60, 1, 0.7));
        similar.put("Newton", trace(5, 2, 0.01));
        XYChart linear = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", similar));
        assertFalse(linear.getStyler().isXAxisLogarithmic());
        assertTrue(linear.getStyler().isYAxisLogarithmic());
        assertEquals(ConvergencePlot.X_TITLE_LINEAR, linear.getXAxisTitle());
    }

    @Test
    void theXDataArePassesAndTheLegendSaysIterationsAndPasses() {
        XYChart chart = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", adultLike()));
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(List.of("gradient descent: 99999 iterations, 100000 passes", "Newton: 6 iterations, 8 passes"),
                new ArrayList<>(series.keySet()));
        XYSeries newton = series.get("Newton: 6 iterations, 8 passes");
        // The last iterate is at J* and cannot be drawn on the log axis; the others are at their passes.
        assertEquals(List.of(1.0, 2.0, 4.0, 5.0, 6.0, 7.0), toList(newton.getXData()));
        assertEquals(0.01, newton.getYData()[1], 1e-15);
        assertEquals("Newton: 1 iteration, 1 pass", ConvergencePlot.legend("Newton", trace(1, 0, 0.5)));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    @Test
    void aLongFormulaIsShortenedAtATermBoundaryToFitThePanelAndSaysHowManyTermsAreLeftOut() {
        FontRenderContext frc = renderContext();
        Font font = ConvergencePlot.TITLE_FONT;
        int available = ConvergencePlot.titleWidth();
        assertTrue(width(ADULT) > ConvergencePlot.WIDTH, "the test formula must be too wide: " + width(ADULT));

        String shown = ConvergencePlot.fitTitle(ADULT, font, frc, available);
        assertTrue(width(shown) <= available, shown + ": " + width(shown) + " > " + available);
        Matcher m = Pattern.compile("(income ~ .*) \\+ (?:\u2026|\\.\\.\\.) \\((\\d+) more terms\\)").matcher(shown);
        assertTrue(m.matches(), shown);
        List<String> terms = List.of(ADULT.substring("income ~ ".length()).split(" \\+ "));
        assertEquals(14, terms.size());
        List<String> kept = List.of(m.group(1).substring("income ~ ".length()).split(" \\+ "));
        assertTrue(kept.size() >= 2, shown);
        assertEquals(terms.subList(0, kept.size()), kept, "whole leading terms");
        assertEquals(14 - kept.size(), Integer.parseInt(m.group(2)), shown);
        // As many terms as fit: one more would not.
        String oneMore = String.join(" + ", terms.subList(0, kept.size() + 1));
        assertTrue(width("income ~ " + oneMore + " + \u2026 (" + (13 - kept.size()) + " more terms)") > available);

        assertEquals("admit ~ gre + gpa + rank", ConvergencePlot.fitTitle("admit ~ gre + gpa + rank", font, frc,
                available), "a title that fits is kept whole");
        assertEquals("y ~ a + b + \u2026 (1 more term)",
                ConvergencePlot.fitTitle("y ~ a + b + " + "c".repeat(40), font, frc,
                        width("y ~ a + b + \u2026 (1 more term)")));

        String oneLongTerm = "y ~ " + "x".repeat(200);
        String cut = ConvergencePlot.fitTitle(oneLongTerm, font, frc, available);
        assertTrue(width(cut) <= available, cut);
        assertTrue(cut.startsWith("y ~ xxx") && (cut.endsWith("\u2026") || cut.endsWith("...")), cut);
    }

    @Test
    void theLegendIsOneRowUnderThePlotWhenItFitsAndOneEntryALineWhenNot() {
        XYChart chart = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", adultLike()));
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(Styler.LegendLayout.Horizontal, chart.getStyler().getLegendLayout());
        // Gradient descent at a 10,000,000-iteration limit next to Newton at its limit of 100: too wide for one row.
        Map<String, List<Iteration>> longRuns = new LinkedHashMap<>();
        longRuns.put("gradient descent", List.of(new Iteration(0, 2, 0, 0, 0, 0, 1, 0),
                new Iteration(10_000_000, 1, 0, 0, 0, 0, 10_000_001, 0)));
        longRuns.put("Newton", List.of(new Iteration(0, 2, 0, 0, 0, 0, 1, 0), new Iteration(100, 1, 0, 0, 0, 0, 400, 0)));
        XYChart wide = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", longRuns));
        assertEquals(Styler.LegendLayout.Vertical, wide.getStyler().getLegendLayout());
        assertFalse(ConvergencePlot.legendFitsOneRow(List.of(ConvergencePlot.legend("gradient descent",
                longRuns.get("gradient descent")), ConvergencePlot.legend("Newton", longRuns.get("Newton"))),
                wide.getStyler()));
    }

    @Test
    void theNoteUnderTheTitleFitsThePanel() {
        double note = ConvergencePlot.NOTE_FONT.getStringBounds(ConvergencePlot.NOTE, renderContext()).getWidth();
        assertTrue(note <= ConvergencePlot.titleWidth(), note + " px");
    }

    @Test
    void theLogAxesLabelEveryDecadeInOneFormat() {
        XYChart chart = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", adultLike()));
        AxesChartStyler styler = chart.getStyler();
        // XChart formats log-axis labels with the locale's DecimalFormat and the axis's pattern.
        NumberFormat y = NumberFormat.getNumberInstance(styler.getLocale());
        ((DecimalFormat) y).applyPattern(styler.getYAxisDecimalPattern());
        assertEquals("1E-3", y.format(1e-3));
        assertEquals("1E-4", y.format(1e-4));
        assertEquals("1E0", y.format(1.0));
        for (int e = -17; e <= 3; e++) {
            String label = y.format(Math.pow(10, e));
            assertEquals("1E" + e, label, "10^" + e);
        }
        NumberFormat x = NumberFormat.getNumberInstance(styler.getLocale());
        ((DecimalFormat) x).applyPattern(styler.getXAxisDecimalPattern());
        assertEquals("1", x.format(1.0));
        assertEquals("100", x.format(100.0));
        assertEquals("100,000", x.format(1e5));
    }

    @Test
    void thePngDecodesWithOnePanelPerModelAndItsTitleInsideTheImage() throws IOException {
        Map<String, List<Iteration>> similar = new LinkedHashMap<>();
        similar.put("gradient descent", trace(60, 1, 0.7));
        similar.put("Newton", trace(5, 1, 0.01));
        Path png = dir.resolve("plot.png");
        Path written = ConvergencePlot.write(OutputFile.of("--plot", png),
                List.of(new ConvergencePlot.Panel(ADULT, adultLike()), new ConvergencePlot.Panel("y ~ x", similar)));
        assertEquals(png.toAbsolutePath().normalize(), written);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable PNG");
        assertEquals(2 * ConvergencePlot.WIDTH, image.getWidth());
        assertEquals(ConvergencePlot.HEIGHT, image.getHeight());

        // The long title and the note are drawn in the top strip of the first panel, clear of its edges.
        int dark = 0;
        for (int row = 0; row < ConvergencePlot.TITLE_BAND; row++) {
            for (int col = 0; col < ConvergencePlot.WIDTH; col++) {
                boolean ink = new Color(image.getRGB(col, row)).getRed() < 128;
                if (ink) {
                    dark++;
                    assertTrue(col >= 5 && col < ConvergencePlot.WIDTH - 5, "title ink at column " + col);
                }
            }
        }
        assertTrue(dark > 100, "no title drawn: " + dark + " dark pixels");
    }

    @Test
    void tracesAlreadyAtTheOptimumGiveALinearChartSayingSo() {
        Map<String, List<Iteration>> flat = new LinkedHashMap<>();
        flat.put("Newton", List.of(new Iteration(0, 0.5, 0, 0, 0, 0, 1, 0)));
        XYChart chart = ConvergencePlot.chart(new ConvergencePlot.Panel("y ~ x", flat));
        assertFalse(chart.getStyler().isYAxisLogarithmic());
        assertFalse(chart.getStyler().isXAxisLogarithmic());
        assertEquals(List.of("already at the optimum"), new ArrayList<>(chart.getSeriesMap().keySet()));
    }
}
