package dev.logreg.bench;

import dev.logreg.objective.Objective;
import dev.logreg.objective.LoopBinaryObjective;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
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
 * One pass over the data, per implementation of the objective, against the memory floor:
 * <ul>
 * <li>{@code streamPass}: one thread sums every element of the row-major X (m&times;n) &mdash; the
 *     cost of reading X once, which no pass can beat on one core;</li>
 * <li>{@code lossGradient}: J and g at a fixed &theta; ({@code valueAndGradient}), per {@code impl};</li>
 * <li>{@code hessian}: J, g and H = X<sup>T</sup>DX/W ({@code valueGradientHessian}), per {@code impl};</li>
 * <li>{@code newtonIteration}: one Newton iteration on the fused objective &mdash; the pass for J, g
 *     and H, then the Cholesky solve of H d = &minus;g (EJML), without line search.</li>
 * </ul>
 * &theta; is the true parameter vector for synthetic data and half the optimum for Skin. Every result is
 * checked against {@link LoopBinaryObjective} at teardown.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelBenchmark {

    /** The data, and the fixed &theta; every kernel is evaluated at. */
    @State(Scope.Benchmark)
    public static class Data {

        @Param({"10000x10", "200000x50", "skin"})
        public String shape;

        Dataset data;
        double[] theta;
        /** X summed in another order, to check {@code streamPass}. */
        double referenceSum;
        double lastSum = Double.NaN;

        @Setup(Level.Trial)
        public void setUp() {
            data = Dataset.of(shape);
            if (data.trueTheta != null) {
                theta = data.trueTheta.clone();
            } else {
                // Halfway to the optimum: at the optimum g is rounding noise and H d = -g says nothing.
                theta = Verify.referenceOptimum(data.problem());
                for (int j = 0; j < theta.length; j++) {
                    theta[j] *= 0.5;
                }
            }
            double sum = 0;
            for (int j = 0; j < data.cols; j++) {
                for (int i = 0; i < data.rows; i++) {
                    sum += data.design[i * data.cols + j];
                }
            }
            referenceSum = sum;
        }

        @TearDown(Level.Trial)
        public void check() {
            if (!Double.isNaN(lastSum)) {
                Verify.close("streamPass sum of X (" + shape + ")", lastSum, referenceSum,
                        1e-10 * data.design.length);
            }
        }
    }

    /** One implementation of the objective with its output buffers. */
    @State(Scope.Benchmark)
    public static class Kernel {

        @Param({Objectives.EJML, Objectives.LOOP, Objectives.FUSED})
        public String impl;

        Data data;
        Objective objective;
        double[] gradient;
        double[] hessian;
        double lastLoss = Double.NaN;
        boolean hessianComputed;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            objective = Objectives.create(impl, d.data.problem());
            if (objective instanceof dev.logreg.objective.FusedBinaryObjective) {
                dev.logreg.objective.FusedBinaryObjective f = (dev.logreg.objective.FusedBinaryObjective) objective;
                System.out.printf("%n[kernel] fused on %s: %d threads, SIMD (Vector API) %s%n", d.shape, f.threads(),
                        f.simd() ? "on" : "off");
            }
            gradient = new double[d.data.cols];
            hessian = new double[d.data.cols * d.data.cols];
        }

        /** Compares the last outputs with the loop reference at the same &theta;. */
        @TearDown(Level.Trial)
        public void check() {
            if (Double.isNaN(lastLoss)) {
                return;
            }
            int n = data.data.cols;
            LoopBinaryObjective reference = new LoopBinaryObjective(data.data.problem());
            double[] g = new double[n];
            double[] h = new double[n * n];
            double loss = hessianComputed
                    ? reference.valueGradientHessian(data.theta, g, h) : reference.valueAndGradient(data.theta, g);
            String what = impl + " on " + data.shape;
            System.out.printf("%n[verify] KernelBenchmark %s %s: |J - J_loop| = %.1e, max|g - g_loop| = %.1e%s%n",
                    hessianComputed ? "hessian" : "lossGradient", what, Math.abs(lastLoss - loss),
                    Verify.maxAbsDifference(gradient, g), hessianComputed
                            ? String.format(", max|H - H_loop| = %.1e", Verify.maxAbsDifference(hessian, h)) : "");
            Verify.close(what + ": loss", lastLoss, loss, Verify.SAME_MATH);
            Verify.close(what + ": gradient", gradient, g, Verify.SAME_MATH);
            if (hessianComputed) {
                Verify.close(what + ": Hessian", hessian, h, Verify.SAME_MATH);
            }
        }
    }

    /** The fused objective and an EJML Cholesky solver for H d = &minus;g. */
    @State(Scope.Benchmark)
    public static class NewtonStep {

        Data data;
        Objective objective;
        double[] gradient;
        DMatrixRMaj H;
        DMatrixRMaj minusG;
        DMatrixRMaj direction;
        LinearSolverDense<DMatrixRMaj> cholesky;
        boolean ran;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            data = d;
            int n = d.data.cols;
            objective = Objectives.create(Objectives.FUSED, d.data.problem());
            gradient = new double[n];
            H = new DMatrixRMaj(n, n);
            minusG = new DMatrixRMaj(n, 1);
            direction = new DMatrixRMaj(n, 1);
            cholesky = LinearSolverFactory_DDRM.chol(n);
        }

        /** Checks H d = &minus;g with the loop reference's H and g. */
        @TearDown(Level.Trial)
        public void check() {
            if (!ran) {
                return;
            }
            int n = data.data.cols;
            double[] g = new double[n];
            double[] h = new double[n * n];
            new LoopBinaryObjective(data.data.problem()).valueGradientHessian(data.theta, g, h);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double s = g[i];
                for (int j = 0; j < n; j++) {
                    s += h[i * n + j] * direction.data[j];
                }
                residual = Math.max(residual, Math.abs(s));
            }
            double relative = residual / Verify.maxAbs(g);
            System.out.printf("%n[verify] KernelBenchmark newtonIteration on %s: max|H d + g| / max|g| = %.1e "
                    + "(H, g from the loop reference)%n", data.shape, relative);
            if (!(relative <= Verify.LINEAR_SOLVE)) {
                throw new IllegalStateException("newtonIteration on " + data.shape + ": max|H d + g| / max|g| = "
                        + relative);
            }
        }
    }

    @Benchmark
    public double streamPass(Data d) {
        double[] x = d.data.design;
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += x[k];
        }
        d.lastSum = sum;
        return sum;
    }

    @Benchmark
    public double lossGradient(Data d, Kernel k) {
        double loss = k.objective.valueAndGradient(d.theta, k.gradient);
        k.lastLoss = loss;
        return loss;
    }

    @Benchmark
    public double hessian(Data d, Kernel k) {
        double loss = k.objective.valueGradientHessian(d.theta, k.gradient, k.hessian);
        k.lastLoss = loss;
        k.hessianComputed = true;
        return loss;
    }

    @Benchmark
    public DMatrixRMaj newtonIteration(Data d, NewtonStep s) {
        // J, g, H at theta: one pass over the data
        s.objective.valueGradientHessian(d.theta, s.gradient, s.H.data);
        // H d = -g by Cholesky
        for (int j = 0; j < s.gradient.length; j++) {
            s.minusG.data[j] = -s.gradient[j];
        }
        if (!s.cholesky.setA(s.H)) {
            throw new IllegalStateException("the Hessian is not positive definite at theta");
        }
        s.cholesky.solve(s.minusG, s.direction);
        s.ran = true;
        return s.direction;
    }
}
