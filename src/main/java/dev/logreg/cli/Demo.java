package dev.logreg.cli;

import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo: the embedded UCI Credit Approval data, approval against numeric attributes, fitted by
 * Newton's method and by gradient descent and printed side by side with the coefficient table.
 */
final class Demo {

    /** crx.data columns (0-based) of the numeric attributes without missing values. */
    private static final int A3 = 2;
    private static final int A8 = 7;
    private static final int A11 = 10;
    private static final int A15 = 14;
    private static final int A16 = 15;

    private Demo() {
    }

    static void run(PrintStream out) {
        List<String[]> rows = readCreditApproval();
        int m = rows.size();
        double[] y = new double[m];
        double[][] seed = new double[m][];
        double[][] multi = new double[m][];
        int approved = 0;
        for (int i = 0; i < m; i++) {
            String[] f = rows.get(i);
            y[i] = f[A16].equals("+") ? 1 : 0;
            approved += (int) y[i];
            double logA15 = Math.log1p(Double.parseDouble(f[A15]));
            seed[i] = new double[] {logA15};
            multi[i] = new double[] {Double.parseDouble(f[A3]), Double.parseDouble(f[A8]),
                Double.parseDouble(f[A11]), logA15};
        }
        out.printf("logreg demo: UCI Credit Approval, %d applications, %d approved (A16 = '+')%n", m, approved);
        compare(out, "approved ~ log1p(A15)", seed, y, new String[] {"log1p(A15)"});
        compare(out, "approved ~ A3 + A8 + A11 + log1p(A15)", multi, y,
                new String[] {"A3", "A8", "A11", "log1p(A15)"});
    }

    private static void compare(PrintStream out, String model, double[][] x, double[] y, String[] terms) {
        LogisticRegression newton = LogisticRegression.newton();
        // Gradient descent on raw columns crawls when scales differ; on standardized columns it is
        // the same optimum, reported on the original scale.
        LogisticRegression gd = LogisticRegression.gradientDescent().withStandardize(true);
        long t0 = System.nanoTime();
        FitResult n = newton.fit(x, y);
        long t1 = System.nanoTime();
        FitResult g = gd.fit(x, y);
        long t2 = System.nanoTime();

        out.printf("%nModel: %s%n%n", model);
        out.printf("%-16s %18s %22s%n", "", "Newton", "gradient descent (std)");
        out.printf("%-16s %18d %22d%n", "iterations", n.iterations(), g.iterations());
        out.printf("%-16s %18d %22d%n", "passes over data",
                n.trace().get(n.trace().size() - 1).evaluations(), g.trace().get(g.trace().size() - 1).evaluations());
        out.printf("%-16s %18.1f %22.1f%n", "time (ms)", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        out.printf("%-16s %18.12f %22.12f%n", "final loss", n.loss(), g.loss());
        out.printf("%-16s %18.2e %22.2e%n", "max|g|", n.maxAbsGradient(), g.maxAbsGradient());
        out.printf("%-16s %18s %22s%n", "termination", n.termination(), g.termination());

        out.printf("%n%-16s %14s %14s %14s%n", "Coefficients", "Newton", "odds ratio", "grad. descent");
        double[] nt = n.theta();
        double[] gt = g.theta();
        for (int j = 0; j < nt.length; j++) {
            String term = j == 0 ? "(Intercept)" : terms[j - 1];
            out.printf("%-16s %14.6f %14.6f %14.6f%n", term, nt[j], Math.exp(nt[j]), gt[j]);
        }
        for (String w : n.warnings()) {
            out.println("warning (Newton): " + w);
        }
        for (String w : g.warnings()) {
            out.println("warning (gradient descent): " + w);
        }
    }

    private static List<String[]> readCreditApproval() {
        try (InputStream in = Demo.class.getResourceAsStream("/dev/logreg/data/crx.data");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
