package dev.logreg.bench;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.check.ConjugateGradientPeer;
import dev.logreg.objective.Objective;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
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
 * A whole unpenalized fit from &theta; = 0, this library against peers, on the same data:
 * <ul>
 * <li>{@code newton}: this library's {@link NewtonSolver} (tolerance 1e-8) on the fused objective, its
 *     model matrix built in the setup as every peer's input is;</li>
 * <li>{@code newtonApi}: {@code LogisticRegression.newton().withTolerance(1e-8).fit(x, y)}, the public
 *     entry point from {@code double[][]}: it also copies x into a model matrix, checks the input, and
 *     runs the aliasing check (its pass is Newton's first) and the separation check;</li>
 * <li>{@code smile}: Smile 3.1.1 {@code LogisticRegression.binomial(x, y, 0, 1e-8, 1000)} (L-BFGS,
 *     its loss parallelized over the common fork-join pool);</li>
 * <li>{@code liblinear}: LIBLINEAR 2.44 (Java), L2R_LR (trust-region Newton with conjugate
 *     gradients), C = 1e10, eps = 1e-8, bias 1 for the intercept and the bias unpenalized
 *     ({@code setRegularizeBias(false)}): the penalty &Vert;&beta;&Vert;&sup2;/2 against C times a sum
 *     over m rows is negligible;</li>
 * <li>{@code commonsMath}: Commons Math 3.6.1's preconditioned nonlinear conjugate gradient on this
 *     library's fused gradient, to max|g| &le; 1e-8 ({@code dev.logreg.check.CommonsMathConjugateGradient}).</li>
 * </ul>
 * Building each library's input (double[][], int[], LIBLINEAR's Feature[][]) is setup, not timed.
 * At teardown every fit is compared with the reference optimum (this library's Newton on the EJML
 * objective to max|g| &le; 1e-10): 1e-6 relative for this library, 1e-4 for peers with their own
 * stopping rules; the difference is printed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The heap is touched once at start (AlwaysPreTouch): newtonApi allocates its model matrix on every call,
// and without it the first pass of the heap's regions pays the operating system's first-touch page faults
// (tens of ms per fit here) until the heap has been cycled through, after JMH's warm-up.
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PeerBenchmark {

    /** The gradient tolerance of every fit. */
    static final double TOLERANCE = 1e-8;

    /** The data and the reference optimum. */
    @State(Scope.Benchmark)
    public static class Data {

        @Param({"10000x10", "200000x50", "skin"})
        public String shape;

        Dataset data;
        BinaryProblem problem;
        double[] reference;

        @Setup(Level.Trial)
        public void setUp() {
            data = Dataset.of(shape);
            problem = data.problem();
            reference = Verify.referenceOptimum(problem);
        }
    }

    /** The public API's input: rows of features and 0/1 labels. */
    @State(Scope.Benchmark)
    public static class Api {
        Data data;
        double[][] x;
        double[] y;
        LogisticRegression newton;
        double[] last;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            x = d.data.features();
            y = d.data.y.clone();
            newton = LogisticRegression.newton().withTolerance(TOLERANCE);
        }

        @TearDown(Level.Trial)
        public void check() {
            Verify.optimum("PeerBenchmark.newtonApi " + data.shape, last, data.reference, Verify.OWN_OPTIMUM);
        }
    }

    /** The bare solver on the fused objective. */
    @State(Scope.Benchmark)
    public static class Bare {
        Data data;
        Objective objective;
        NewtonSolver solver;
        double[] start;
        double[] last;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            objective = Objectives.fused(d.problem);
            solver = new NewtonSolver(NewtonOptions.defaults().withTolerance(TOLERANCE));
            start = new double[d.data.cols];
        }

        @TearDown(Level.Trial)
        public void check() {
            Verify.optimum("PeerBenchmark.newton " + data.shape, last, data.reference, Verify.OWN_OPTIMUM);
        }
    }

    /** Smile's input: rows of features without the intercept, int labels. */
    @State(Scope.Benchmark)
    public static class SmileInput {
        Data data;
        double[][] x;
        int[] y;
        double[] last;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            x = d.data.features();
            y = d.data.labels();
        }

        @TearDown(Level.Trial)
        public void check() {
            Verify.optimum("PeerBenchmark.smile " + data.shape, last, data.reference, Verify.PEER_OPTIMUM);
        }
    }

    /** LIBLINEAR's input: dense rows of 1-based feature nodes, the bias node (index p + 1, value 1) last. */
    @State(Scope.Benchmark)
    public static class LiblinearInput {
        static final double C = 1e10;
        static final double BIAS = 1.0;

        Data data;
        Problem problem;
        Parameter parameter;
        double[] last;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            Linear.disableDebugOutput();
            int m = d.data.rows;
            int n = d.data.cols;
            problem = new Problem();
            problem.l = m;
            problem.n = n;
            problem.bias = BIAS;
            problem.y = d.data.y.clone();
            problem.x = new Feature[m][];
            for (int i = 0; i < m; i++) {
                Feature[] row = new Feature[n];
                for (int j = 1; j < n; j++) {
                    row[j - 1] = new FeatureNode(j, d.data.design[i * n + j]);
                }
                row[n - 1] = new FeatureNode(n, BIAS);
                problem.x[i] = row;
            }
            parameter = new Parameter(SolverType.L2R_LR, C, TOLERANCE);
            parameter.setRegularizeBias(false);
        }

        @TearDown(Level.Trial)
        public void check() {
            Verify.optimum("PeerBenchmark.liblinear " + data.shape, last, data.reference, Verify.PEER_OPTIMUM);
        }
    }

    /** Commons Math's conjugate gradient on the fused objective's gradient. */
    @State(Scope.Benchmark)
    public static class CgInput {
        Data data;
        Objective objective;
        ConjugateGradientPeer.Run lastRun;
        double[] last;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            objective = Objectives.fused(d.problem);
        }

        @TearDown(Level.Trial)
        public void check() {
            if (lastRun != null) {
                System.out.printf("%n[verify] PeerBenchmark.commonsMath %s: %d iterations, %d evaluations, converged %b%n",
                        data.shape, lastRun.iterations(), lastRun.evaluations(), lastRun.converged());
                if (!lastRun.converged()) {
                    throw new IllegalStateException("commonsMath on " + data.shape + " did not reach max|g| <= "
                            + TOLERANCE);
                }
            }
            Verify.optimum("PeerBenchmark.commonsMath " + data.shape, last, data.reference, Verify.PEER_OPTIMUM);
        }
    }

    /**
     * This library's public entry point from {@code double[][]}: the copy into a model matrix with an
     * intercept column, the input checks, the aliasing check (whose pass is Newton's first) and the
     * separation check, then Newton on the fused kernel.
     */
    @Benchmark
    public BinomialFit newtonApi(Api a) {
        BinomialFit fit = a.newton.fit(a.x, a.y);
        if (!fit.converged()) {
            throw new IllegalStateException("newtonApi did not converge: " + fit.termination() + " " + fit.warnings());
        }
        a.last = fit.theta();
        return fit;
    }

    /**
     * This library's Newton ({@code NewtonSolver}, tolerance 1e-8) on its fused objective, from &theta; = 0,
     * with the model matrix (a {@code BinaryProblem}) built in the setup, as LIBLINEAR's {@code Problem}
     * and Smile's {@code double[][]} are.
     */
    @Benchmark
    public Solution newton(Bare b) {
        Solution s = b.solver.minimize(b.objective, b.start);
        if (!s.converged()) {
            throw new IllegalStateException("newton did not converge: " + s.termination() + " " + s.warnings());
        }
        b.last = s.theta();
        return s;
    }

    @Benchmark
    public smile.classification.LogisticRegression.Binomial smile(SmileInput s) {
        smile.classification.LogisticRegression.Binomial model =
                smile.classification.LogisticRegression.binomial(s.x, s.y, 0.0, TOLERANCE, 1000);
        // Smile's coefficients are [beta_1 .. beta_p, beta_0]: the intercept last.
        double[] w = model.coefficients();
        int p = w.length - 1;
        double[] theta = new double[p + 1];
        theta[0] = w[p];
        System.arraycopy(w, 0, theta, 1, p);
        s.last = theta;
        return model;
    }

    @Benchmark
    public Model liblinear(LiblinearInput l) {
        Model model = Linear.train(l.problem, l.parameter);
        // w = [beta_1 .. beta_p, bias weight], for the first label LIBLINEAR met as the positive class.
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1.0 : -1.0;
        int p = w.length - 1;
        double[] theta = new double[p + 1];
        theta[0] = sign * w[p] * LiblinearInput.BIAS;
        for (int j = 0; j < p; j++) {
            theta[j + 1] = sign * w[j];
        }
        l.last = theta;
        return model;
    }

    @Benchmark
    public double[] commonsMath(CgInput c) {
        ConjugateGradientPeer.Run r = ConjugateGradientPeer.minimize(c.data.problem, c.objective, TOLERANCE);
        c.lastRun = r;
        c.last = r.theta();
        return c.last;
    }
}
