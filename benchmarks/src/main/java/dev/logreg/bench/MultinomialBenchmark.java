package dev.logreg.bench;

import dev.logreg.LogisticRegression;
import dev.logreg.MultinomialFit;
import dev.logreg.Method;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.Objective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.VectorizedMultinomialObjective;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Multinomial (softmax) regression with K classes in the reference parametrization: one pass for
 * the loss, gradient and Hessian blocks by the EJML specification and by the fused kernel, and
 * whole fits by Newton (to max|g| &le; 1e-8) and by gradient descent (to 1e-4, capped at
 * {@link #GD_MAX_ITERATIONS}) through {@code LogisticRegression.fitMultinomial}.
 *
 * <p>Data from a fixed seed: Gaussian features, a true coefficient matrix with N(0, 1/p) entries per
 * class, labels drawn from its softmax. At teardown the fused pass is checked against EJML and each
 * fit against the Newton optimum, and the iteration counts are printed ({@code [convergence]}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MultinomialBenchmark {

    /** The iteration limit of gradient descent here. */
    static final int GD_MAX_ITERATIONS = 10_000;

    /** The data and the objectives. */
    @State(Scope.Benchmark)
    public static class Data {

        /** Rows x features (an intercept is added). */
        @Param({"10000x10", "100000x20"})
        public String shape;

        /** The number of classes K. */
        @Param({"4"})
        public int classes;

        double[][] x;
        int[] y;
        MultinomialProblem problem;
        Objective ejml;
        Objective fused;
        double[] theta;
        double[] gradient;
        double[] hessian;
        MultinomialFit newton;
        MultinomialFit gd;

        @Setup(Level.Trial)
        public void setUp() {
            String[] parts = shape.split("x");
            int m = Integer.parseInt(parts[0]);
            int p = Integer.parseInt(parts[1]);
            int n = p + 1;
            Random random = new Random(Dataset.SEED);
            double[][] truth = new double[classes][n];
            for (double[] row : truth) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextGaussian() / Math.sqrt(p);
                }
            }
            x = new double[m][p];
            y = new int[m];
            double[] design = new double[m * n];
            double[] prob = new double[classes];
            for (int i = 0; i < m; i++) {
                design[i * n] = 1.0;
                for (int j = 0; j < p; j++) {
                    x[i][j] = random.nextGaussian();
                    design[i * n + j + 1] = x[i][j];
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    double z = truth[k][0];
                    for (int j = 0; j < p; j++) {
                        z += truth[k][j + 1] * x[i][j];
                    }
                    prob[k] = Math.exp(z);
                    sum += prob[k];
                }
                double u = random.nextDouble() * sum;
                int k = 0;
                while (k < classes - 1 && (u -= prob[k]) > 0) {
                    k++;
                }
                y[i] = k;
            }
            problem = new MultinomialProblem(design, m, n, y, null, 0.0, 0, classes, 0);
            ejml = new VectorizedMultinomialObjective(problem);
            fused = new FusedMultinomialObjective(problem);
            theta = new double[problem.dimension()];
            for (int r = 0; r < theta.length; r++) {
                theta[r] = 0.1 * random.nextGaussian();
            }
            gradient = new double[theta.length];
            hessian = new double[theta.length * theta.length];
        }

        /** Checks the fused pass against EJML and the fits against each other; prints the iterations. */
        @TearDown(Level.Trial)
        public void check() {
            int d = theta.length;
            double[] g1 = new double[d];
            double[] h1 = new double[d * d];
            double[] g2 = new double[d];
            double[] h2 = new double[d * d];
            double j1 = ejml.valueGradientHessian(theta, g1, h1);
            double j2 = fused.valueGradientHessian(theta, g2, h2);
            Verify.close("multinomial fused loss", j2, j1, Verify.SAME_MATH);
            Verify.close("multinomial fused gradient", g2, g1, Verify.SAME_MATH);
            Verify.close("multinomial fused Hessian", h2, h1, Verify.SAME_MATH);
            System.out.printf("%n[verify] multinomial %s K=%d: fused pass equals EJML to %.0e%n", shape, classes,
                    Verify.SAME_MATH);
            if (newton != null) {
                report("newton", newton);
                if (!newton.converged()) {
                    throw new IllegalStateException("Newton did not converge: " + newton.warnings());
                }
            }
            if (gd != null) {
                report("gd", gd);
                MultinomialFit reference = newton != null ? newton : fitNewton();
                Verify.optimum("MultinomialBenchmark gd " + shape, gd.theta(), reference.theta(), 1e-2);
            }
        }

        private void report(String solver, MultinomialFit fit) {
            System.out.printf("%n[convergence] multinomial shape=%s K=%d solver=%s: %s after %d iterations,"
                    + " max|g| = %.2e%n", shape, classes, solver, fit.converged() ? "converged"
                    : "stopped: " + fit.termination(), fit.iterations(), fit.maxAbsGradient());
        }

        MultinomialFit fitNewton() {
            return LogisticRegression.newton().fitMultinomial(x, y);
        }

        MultinomialFit fitGradientDescent() {
            return LogisticRegression.gradientDescent().withTolerance(1e-4).withMaxIterations(GD_MAX_ITERATIONS)
                    .withMethod(Method.GRADIENT_DESCENT).fitMultinomial(x, y);
        }
    }

    @Benchmark
    public double passEjml(Data s) {
        return s.ejml.valueGradientHessian(s.theta, s.gradient, s.hessian);
    }

    @Benchmark
    public double passFused(Data s) {
        return s.fused.valueGradientHessian(s.theta, s.gradient, s.hessian);
    }

    @Benchmark
    public MultinomialFit newton(Data s) {
        s.newton = s.fitNewton();
        return s.newton;
    }

    @Benchmark
    public MultinomialFit gradientDescent(Data s) {
        s.gd = s.fitGradientDescent();
        return s.gd;
    }
}
