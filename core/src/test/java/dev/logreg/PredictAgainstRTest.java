package dev.logreg;

import static dev.logreg.testing.Data.rPredict;
import static dev.logreg.testing.Tolerances.R_PREDICTION;
import static dev.logreg.testing.Tolerances.R_PREDICTION_LINK_FLOOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.data.Design;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.testing.Close;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model fitted on one file and applied to another, whose columns come in another order with an extra
 * one and missing cells, against R's {@code predict} on the same files (reference/r-predict.R): the
 * saved and reloaded model scores every row as R does, and gives no score where R gives NA.
 */
class PredictAgainstRTest {


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
            Double link = rPredict(tag + ".link[" + row + "]");
            if (link == null) {
                assertFalse(s.scored(i), "row " + row + " has a missing cell: R predicts NA");
                continue;
            }
            scored++;
            Close.assertClose(link, s.linearPredictors()[i][0], R_PREDICTION, R_PREDICTION_LINK_FLOOR,
                    tag + " link, row " + row);
            Close.assertRelative(rPredict(tag + ".response[" + row + "]"), s.probabilities()[i][1], R_PREDICTION,
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
                Double expected = rPredict(key);
                assertTrue(expected != null, key);
                Close.assertRelative(expected, s.probabilities()[i][k], R_PREDICTION, key);
                best = s.probabilities()[i][k] > s.probabilities()[i][best] ? k : best;
            }
            assertEquals(best, s.predicted()[i], "row " + row);
        }
    }
}
