package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logreg demo} end to end through {@link Main#run}: the printed fits against R and the plot. */
class DemoCommandTest {

    @TempDir
    Path dir;


    /**
     * The Newton cell of a term's row in the coefficient table of one model section.
     *
     * @param out the demo's output
     * @param model 0 for the first "Model:" section, 1 for the second
     * @param term the row name
     * @return the first cell after the row name
     */
    private static String newtonCell(String out, int model, String term) {
        String[] sections = out.split("\nModel: ", -1);
        assertEquals(3, sections.length, "expected two 'Model:' sections:\n" + out);
        List<String> rows = sections[model + 1].lines().filter(l -> l.startsWith(term + " ")).toList();
        assertEquals(1, rows.size(), "rows for " + term + " in model " + (model + 1) + ":\n" + out);
        String[] cells = rows.get(0).substring(term.length()).trim().split("\\s+");
        return cells[0];
    }

    @Test
    void demoPrintsRsFitsAndWritesThePlot() throws IOException {
        Cli.Run r = run("demo", "--plot-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.contains("690 applications, 307 approved"), out);
        assertTrue(out.contains("666 observations, 24 dropped"), out);

        // Model c, the seed analysis: the Newton column shares its format with the standard errors, whose
        // smallest (0.026) needs 7 decimals for 6 significant digits.
        assertEquals(String.format(Locale.ROOT, "%.7f", Data.r("c.coef.Intercept")),
                newtonCell(out, 0, "(Intercept)"));
        assertEquals(String.format(Locale.ROOT, "%.7f", Data.r("c.coef.log1pA15")),
                newtonCell(out, 0, "log1p(A15)"));
        assertTrue(out.contains("Residual deviance 873.062 on 688 df, null deviance 948.155 on 689 df, AIC 877.062"),
                out);
        assertTrue(out.contains("Residual deviance 436.425 on 657 df, null deviance 916.317 on 665 df, AIC 454.425"),
                out);

        // Model e: the smallest coefficient (A14, about -8.2e-4) needs 9 decimals for 6 significant
        // digits, and the column shares one format, so every entry has 9 decimals.
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("(Intercept)", "Intercept");
        for (String t : List.of("A2", "A3", "A8", "A11", "A14")) {
            terms.put(t, t);
        }
        terms.put("log1p(A15)", "log1pA15");
        terms.put("A9t", "A9t");
        terms.put("A10t", "A10t");
        for (Map.Entry<String, String> t : terms.entrySet()) {
            assertEquals(String.format(Locale.ROOT, "%.9f", Data.r("e.coef." + t.getValue())),
                    newtonCell(out, 1, t.getKey()), t.getKey());
        }

        Matcher converged = Pattern.compile("\\bCONVERGED\\b").matcher(out);
        int count = 0;
        while (converged.find()) {
            count++;
        }
        assertEquals(4, count, out);
        assertFalse(out.contains("warning"), out);

        Path png = dir.resolve("logreg-demo-convergence.png");
        assertTrue(Files.isRegularFile(png), "no plot at " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable image: " + png);
        assertTrue(image.getWidth() > image.getHeight(), image.getWidth() + " x " + image.getHeight());
        assertTrue(out.contains(png.toAbsolutePath().normalize().toString()), out);
    }

    @Test
    void aMissingPlotDirectoryIsOneLine() {
        Cli.Run r = run("demo", "--plot-dir", "/no/such/dir");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("/no/such/dir"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(Path.of("/no/such/dir")));
    }
}
