package dev.logreg.testing;

import dev.logreg.objective.BinaryProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/** Test data: the UCLA admissions set, R's reference values, and random problems from fixed seeds. */
public final class Data {

    /** Features (one row per observation) and 0/1 labels. */
    public record Dataset(double[][] x, double[] y) {
    }

    /** Iris: four features per row, labels 0, 1, 2 for the classes in file (and sorted) order. */
    public record Iris(double[][] x, int[] y, List<String> classes) {

        /** The chosen feature columns (0 sepal length, 1 sepal width, 2 petal length, 3 petal width). */
        public double[][] columns(int... which) {
            double[][] out = new double[x.length][which.length];
            for (int i = 0; i < x.length; i++) {
                for (int c = 0; c < which.length; c++) {
                    out[i][c] = x[i][which[c]];
                }
            }
            return out;
        }
    }

    /** The feature names of {@link #iris()}, as in the CSV header. */
    public static final List<String> IRIS_FEATURES =
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    private Data() {
    }

    /** The Iris data of {@code /data/iris.csv}, 150 rows. */
    public static Iris iris() {
        List<String> classes = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : lines("/data/iris.csv")) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("sepal")) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3])});
            int label = classes.indexOf(f[4]);
            if (label < 0) {
                throw new IllegalStateException("unknown Iris class " + f[4]);
            }
            labels.add(label);
        }
        return new Iris(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    /** Features gre, gpa and rank as three dummies (rank 1 the reference); labels admit. */
    public static Dataset ucla() {
        List<double[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        boolean header = true;
        for (String line : lines("/data/ucla_admissions.csv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",");
            int rank = Integer.parseInt(f[3].trim());
            rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                rank == 2 ? 1 : 0, rank == 3 ? 1 : 0, rank == 4 ? 1 : 0});
            labels.add(Double.parseDouble(f[0]));
        }
        return new Dataset(rows.toArray(new double[0][]), labels.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** R's weights for fit b: w<sub>i</sub> = 1 + (i mod 3) for 1-based row i. */
    public static double[] uclaWeights(int rows) {
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            w[i] = 1 + ((i + 1) % 3);
        }
        return w;
    }

    /** R's reference values (see the header of reference/r-glm.properties). */
    public static double r(String key) {
        String v = REFERENCE.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return Double.parseDouble(v.trim());
    }

    private static final Properties REFERENCE = load("/reference/r-glm.properties");
    private static final Properties PREDICTIONS = load("/reference/r-predict.properties");

    /**
     * R's predictions on new data (see the header of reference/r-predict.properties).
     *
     * @return the value, or null where R has none (R predicts NA)
     */
    public static Double rPredict(String key) {
        String v = PREDICTIONS.getProperty(key);
        return v == null ? null : Double.parseDouble(v.trim());
    }

    private static final Properties OFFSETS = load("/reference/r-offset.properties");

    /** R's fits with an offset (see the header of reference/r-offset.properties). */
    public static double rOffset(String key) {
        String v = OFFSETS.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return Double.parseDouble(v.trim());
    }

    /** A text value of R's fits with an offset (reference/r-offset.properties), such as the aliased terms. */
    public static String rOffsetText(String key) {
        String v = OFFSETS.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return v.trim();
    }

    /**
     * The offsets of reference/r-offset.R on the rows of {@link #ucla()}: o<sub>i</sub> = (gpa<sub>i</sub>
     * &minus; 3.4)&sup2; + 0.25 ((i mod 5) &minus; 2) for 1-based row i, computed as R computes them.
     */
    public static double[] uclaOffsets(Dataset ucla) {
        double[] o = new double[ucla.x().length];
        for (int i = 0; i < o.length; i++) {
            double c = ucla.x()[i][1] - 3.4;
            o[i] = c * c + 0.25 * ((i + 1) % 5 - 2);
        }
        return o;
    }

    /** Offsets for random problems: N(0, scale<sup>2</sup>), with every seventh row's far out (&plusmn;30 scale). */
    public static double[] randomOffsets(long seed, int m, double scale) {
        Random random = new Random(seed);
        double[] o = new double[m];
        for (int i = 0; i < m; i++) {
            o[i] = scale * (i % 7 == 3 ? 30 * (random.nextBoolean() ? 1 : -1) : random.nextGaussian());
        }
        return o;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Data.class.getResourceAsStream(resource)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Data.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random binary problem: an intercept column of ones and n &minus; 1 Gaussian features, a true
     * &theta; with N(0, 1) entries, Bernoulli labels; optional weights uniform on [0, 3).
     */
    public static BinaryProblem randomProblem(long seed, int m, int n, boolean weighted, double l2) {
        Random random = new Random(seed);
        double[] x = new double[m * n];
        double[] truth = new double[n];
        for (int j = 0; j < n; j++) {
            truth[j] = random.nextGaussian();
        }
        double[] y = new double[m];
        double[] w = weighted ? new double[m] : null;
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                x[i * n + j] = j == 0 ? 1.0 : random.nextGaussian();
                z += x[i * n + j] * truth[j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            if (weighted) {
                w[i] = 3 * random.nextDouble();
            }
        }
        return new BinaryProblem(x, m, n, y, w, l2, 0);
    }

    /** A random &theta; of length n with N(0, scale<sup>2</sup>) entries. */
    public static double[] randomTheta(long seed, int n, double scale) {
        Random random = new Random(seed);
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = scale * random.nextGaussian();
        }
        return t;
    }

    /**
     * The seed example: x1 = 100 points evenly spaced on [0, 10], x2 = 1.2 x1 + 3.4 + e with
     * e ~ N(0, 1), label 1 where e &gt; 0. The line x2 = 1.2 x1 + 3.4 separates the classes.
     */
    public static Dataset separableSeedExample(long seed) {
        Random random = new Random(seed);
        double[][] x = new double[100][];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            double x1 = 10.0 * i / 99;
            double e = random.nextGaussian();
            x[i] = new double[] {x1, 1.2 * x1 + 3.4 + e};
            y[i] = e > 0 ? 1 : 0;
        }
        return new Dataset(x, y);
    }
}
