package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.data.Design;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.testing.Close;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A model fitted on one file and applied to another, whose columns come in another order with an extra
 * one and missing cells, against R's {@code predict} on the same files (reference/r-predict.R): the
 * saved and reloaded model scores every row as R does, and gives no score where R gives NA.
 */
class PredictAgainstRTest {

    /**
     * Scores against R's, relative: R's fits are converged to a gradient of 1e-13, this library's to its
     * default tolerance 1e-8 on max|g| (in practice far below it: Newton's last step is quadratic); the
     * coefficients then agree to about 1e-11 and the predictions to about 2e-10.
     */
    private static final double AGAINST_R = 1e-9;
    /** A log-odds near 0 is compared absolutely: below this size, |difference| &le; AGAINST_R times it. */
    private static final double LINK_FLOOR = 1.0;

    private static final Properties R = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PredictAgainstRTest.class.getResourceAsStream("/reference/r-predict.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Double r(String key) {
        String v = R.getProperty(key);
        return v == null ? null : Double.parseDouble(v.trim());
    }

    /** The model, saved and read back. */
    private static Model fitted(String train, ModelSpec spec, String... categorical) throws IOException {
        Design design = Design.build(ModelFileTest.resource(train, categorical), spec);
        return ModelFileTest.read(ModelFileTest.text(LogisticRegression.newton().fit(design).model()));
    }

    private static void binomial(String tag, ModelSpec spec) throws IOException {
        Model model = fitted("ucla_train.csv", spec, "rank");
        Table fresh = ModelFileTest.resource("ucla_new.csv");
        Scores s = model.score(fresh);
        assertEquals(100, s.rows());
        int scored = 0;
        for (int i = 0; i < s.rows(); i++) {
            int row = 301 + i;
            Double link = r(tag + ".link[" + row + "]");
            if (link == null) {
                assertFalse(s.scored(i), "row " + row + " has a missing cell: R predicts NA");
                continue;
            }
            scored++;
            Close.assertClose(link, s.linearPredictors()[i][0], AGAINST_R, LINK_FLOOR, tag + " link, row " + row);
            Close.assertRelative(r(tag + ".response[" + row + "]"), s.probabilities()[i][1], AGAINST_R,
                    tag + " response, row " + row);
            assertEquals(s.probabilities()[i][1] > 0.5 ? "1" : "0", s.predictedClass(i));
        }
        assertEquals(98, scored, "rows 320 and 373 lack gre");
    }

    @Test
    void theUclaModelScoresTheNewRowsAsR() throws IOException {
        binomial("ucla.binomial", ModelSpec.of("admit", "gre", "gpa", "rank"));
    }

    @Test
    void theTransformedUclaModelScoresTheNewRowsAsR() throws IOException {
        binomial("ucla.transformed", ModelSpec.of("admit", "log(gre)", "gpa", "sq(gpa)", "rank"));
    }

    @Test
    void theIrisModelGivesRsClassProbabilities() throws IOException {
        Model model = fitted("iris_train.csv", ModelSpec.of("species", "sepal_length"));
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), model.classes());
        Scores s = model.score(ModelFileTest.resource("iris_new.csv"));
        assertEquals(30, s.rows());
        for (int i = 0; i < s.rows(); i++) {
            int row = 5 * (i + 1);
            int best = 0;
            for (int k = 0; k < 3; k++) {
                String key = "iris.multinomial.prob[" + row + "][" + model.classes().get(k) + "]";
                Double expected = r(key);
                assertTrue(expected != null, key);
                Close.assertRelative(expected, s.probabilities()[i][k], AGAINST_R, key);
                best = s.probabilities()[i][k] > s.probabilities()[i][best] ? k : best;
            }
            assertEquals(best, s.predicted()[i], "row " + row);
        }
    }
}
