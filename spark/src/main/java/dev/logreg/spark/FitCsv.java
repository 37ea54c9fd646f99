package dev.logreg.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A command-line application for {@code spark-submit}: fits a CSV file with a header (every column but the
 * label numeric) and prints the coefficient table, the deviances and the fit's passes; optionally saves the
 * Spark model and writes the core library's model file.
 *
 * <pre>
 *   FitCsv FILE LABEL [--features A,B,...] [--weight COL] [--offset COL] [--reg LAMBDA] [--no-intercept]
 *          [--save DIR] [--model-file FILE]
 * </pre>
 *
 * The label holds class indices 0, 1, &hellip; (two classes: binary; more: multinomial). Caller mistakes
 * (unknown options or columns, a missing value) end with one line on stderr and exit code 2.
 */
public final class FitCsv {

    private FitCsv() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FitCsv: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("logreg FitCsv").getOrCreate();
        int status = 0;
        try {
            run(spark, options);
        } catch (IllegalArgumentException e) {
            System.err.println("FitCsv: " + e.getMessage());
            status = 2;
        } catch (org.apache.spark.SparkException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (!(cause instanceof IllegalArgumentException)) {
                throw new IllegalStateException(e);
            }
            System.err.println("FitCsv: " + cause.getMessage());
            status = 2;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    private static void run(SparkSession spark, Options options) throws org.apache.spark.SparkException {
        Dataset<Row> table = spark.read().option("header", "true").option("inferSchema", "true")
                .option("comment", "#").csv(options.file);
        List<String> columns = Arrays.asList(table.columns());
        for (String name : options.named()) {
            if (!columns.contains(name)) {
                throw new IllegalArgumentException("no column " + name + " in " + options.file + " (columns: "
                        + String.join(", ", columns) + ")");
            }
        }
        if (options.modelFile != null && java.nio.file.Files.exists(java.nio.file.Path.of(options.modelFile))) {
            throw new IllegalArgumentException(options.modelFile + " exists: it is not overwritten");
        }
        if (options.save != null && java.nio.file.Files.exists(java.nio.file.Path.of(options.save))) {
            throw new IllegalArgumentException(options.save + " exists: it is not overwritten");
        }
        List<String> features = new ArrayList<>(options.features);
        if (features.isEmpty()) {
            for (String name : columns) {
                if (!name.equals(options.label) && !name.equals(options.weight) && !name.equals(options.offset)) {
                    features.add(name);
                }
            }
        }
        Dataset<Row> data = new VectorAssembler().setInputCols(features.toArray(new String[0]))
                .setOutputCol("features").transform(table);
        LogisticRegression estimator = new LogisticRegression().setLabelCol(options.label)
                .setRegParam(options.lambda).setFitIntercept(options.intercept);
        if (options.weight != null) {
            estimator.setWeightCol(options.weight);
        }
        if (options.offset != null) {
            estimator.setOffsetCol(options.offset);
        }
        LogisticRegressionModel model = estimator.fit(data);
        TrainingSummary summary = model.summary();
        System.out.printf("%s: %d classes, solver %s, %s after %d iterations, %d passes over the data%n", options.file,
                model.numClasses(), summary.solver(), model.converged() ? "converged" : "not converged",
                model.iterations(), summary.passes());
        int n = summary.terms().size();
        for (int b = 0; b < summary.coefficientClasses().size(); b++) {
            if (summary.coefficientClasses().size() > 1) {
                System.out.println("class " + summary.coefficientClasses().get(b) + ":");
            }
            System.out.printf("  %-20s %14s %12s %9s %11s%n", "", "Estimate", "Std. Error", "z value", "Pr(>|z|)");
            for (int j = 0; j < n; j++) {
                int k = b * n + j;
                System.out.printf("  %-20s %14.6g %12.6g %9.3f %11.4g%n", summary.terms().get(j),
                        summary.estimates()[k], summary.standardErrors()[k], summary.z()[k], summary.p()[k]);
            }
        }
        System.out.printf("Null deviance %.6f, residual deviance %.6f, log-likelihood %.6f, AIC %.6f%n",
                summary.nullDeviance(), summary.deviance(), summary.logLikelihood(), summary.aic());
        for (String warning : summary.warnings()) {
            System.out.println("Warning: " + warning);
        }
        if (options.save != null) {
            try {
                model.save(options.save);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (options.modelFile != null) {
            // Written beside its place and moved there whole: never left half-written.
            java.nio.file.Path target = java.nio.file.Path.of(options.modelFile).toAbsolutePath();
            try {
                java.nio.file.Path partial = java.nio.file.Files.createTempFile(target.getParent(),
                        target.getFileName().toString(), ".partial");
                try {
                    model.toModel().write(partial);
                    java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    java.nio.file.Files.deleteIfExists(partial);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The command line. */
    private static final class Options {
        String file;
        String label;
        List<String> features = new ArrayList<>();
        String weight;
        String offset;
        double lambda;
        boolean intercept = true;
        String save;
        String modelFile;

        List<String> named() {
            List<String> names = new ArrayList<>(features);
            names.add(label);
            if (weight != null) {
                names.add(weight);
            }
            if (offset != null) {
                names.add(offset);
            }
            return names;
        }

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--features" -> o.features = Arrays.asList(value(args, ++i, a).split(","));
                    case "--weight" -> o.weight = value(args, ++i, a);
                    case "--offset" -> o.offset = value(args, ++i, a);
                    case "--reg" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.lambda = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--reg " + v + " is not a number");
                        }
                        if (!(o.lambda >= 0) || Double.isInfinite(o.lambda)) {
                            throw new IllegalArgumentException("--reg " + v + " must be finite and >= 0");
                        }
                    }
                    case "--no-intercept" -> o.intercept = false;
                    case "--save" -> o.save = value(args, ++i, a);
                    case "--model-file" -> o.modelFile = value(args, ++i, a);
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("usage: FitCsv FILE LABEL [--features A,B,...] [--weight COL]"
                        + " [--offset COL] [--reg LAMBDA] [--no-intercept] [--save DIR] [--model-file FILE]");
            }
            o.file = positional.get(0);
            o.label = positional.get(1);
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
