package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's plot panels against its text. */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void thePanelTitlesAreTheFormulasTheTextPrintsAndFitWhole() {
        StringWriter text = new StringWriter();
        List<ConvergencePlot.Panel> panels = Demo.run(new PrintWriter(text), dir);
        String out = text.toString();
        List<String> models = out.lines().filter(l -> l.startsWith("Model: "))
                .map(l -> l.substring("Model: ".length()).split(" {3}\\(")[0]).toList();
        assertEquals(List.of("A16 ~ log1p(A15)", "A16 ~ A2 + A3 + A8 + A11 + A14 + log1p(A15) + A9 + A10"), models, out);
        assertEquals(models, panels.stream().map(ConvergencePlot.Panel::title).toList());
        assertTrue(out.lines().findFirst().orElse("").contains("approved (A16 = +)"), out);
        assertFalse(out.contains("approved ~"), out);

        // Both formulas are drawn whole: neither needs shortening.
        var frc = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontRenderContext();
        for (String model : models) {
            assertEquals(model, ConvergencePlot.fitTitle(model, ConvergencePlot.TITLE_FONT, frc,
                    ConvergencePlot.titleWidth()));
        }
        for (ConvergencePlot.Panel panel : panels) {
            assertEquals(List.of("gradient descent", "Newton"), List.copyOf(panel.traces().keySet()));
        }
    }
}
