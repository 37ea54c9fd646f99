package dev.logreg.bench;

import dev.logreg.objective.Objective;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Solver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Time to max|g| &le; {@code tolerance} from &theta; = 0, Newton against gradient descent (&eta; = 1/L,
 * L from the objective's power iteration, which is part of the time), both on the fused objective.
 * Gradient descent is capped at {@link #GD_MAX_ITERATIONS} iterations so that no shape runs for
 * minutes; a capped run is reported as not converged, not as an error. The iteration count of each
 * configuration is printed at teardown ({@code [convergence] ...}, one line each); the secondary
 * result {@code solve:iterations} is the time per solver iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ConvergenceBenchmark {

    /** The iteration limit of gradient descent here (the library's default is 100000). */
    static final int GD_MAX_ITERATIONS = 10_000;
    /** The iteration limit of Newton's method (the library's default). */
    static final int NEWTON_MAX_ITERATIONS = NewtonOptions.DEFAULT_MAX_ITERATIONS;

    /** The data, the objective and the solver. */
    @State(Scope.Benchmark)
    public static class Run {

        @Param({"10000x10", "200000x50", "50000x200"})
        public String shape;

        @Param({"1e-4", "1e-8"})
        public String tolerance;

        @Param({"newton", "gd"})
        public String solver;

        Dataset data;
        Objective objective;
        Solver minimizer;
        double[] start;
        double[] reference;
        Solution last;

        @Setup(Level.Trial)
        public void setUp() {
            data = Dataset.of(shape);
            objective = Objectives.fused(data.problem());
            double tol = Double.parseDouble(tolerance);
            switch (solver) {
                case "newton":
                    minimizer = new NewtonSolver(new NewtonOptions(tol, NEWTON_MAX_ITERATIONS));
                    break;
                case "gd":
                    minimizer = new GradientDescentSolver(GradientDescentOptions.defaults()
                            .withTolerance(tol).withMaxIterations(GD_MAX_ITERATIONS));
                    break;
                default:
                    throw new IllegalArgumentException("solver must be newton or gd, got " + solver);
            }
            start = new double[data.cols];
            reference = Verify.referenceOptimum(data.problem());
        }

        /**
         * Prints the iterations; throws if the solver stopped for another reason than convergence or
         * (gradient descent only) the iteration cap, or if a converged &theta; is not the optimum.
         */
        @TearDown(Level.Trial)
        public void check() {
            if (last == null) {
                return;
            }
            List<dev.logreg.solve.Iteration> trace = last.trace();
            int evaluations = trace.get(trace.size() - 1).evaluations();
            boolean capped = !last.converged() && solver.equals("gd")
                    && last.termination() == dev.logreg.solve.Termination.MAX_ITERATIONS;
            System.out.printf("%n[convergence] shape=%s solver=%s tolerance=%s: %s after %d iterations "
                            + "(%d passes over the data), max|g| = %.2e%n",
                    shape, solver, tolerance,
                    last.converged() ? "converged" : capped ? "NOT CONVERGED (capped at " + GD_MAX_ITERATIONS
                            + " iterations)" : "stopped: " + last.termination(),
                    last.iterations(), evaluations, last.maxAbsGradient());
            if (!last.converged() && !capped) {
                throw new IllegalStateException(solver + " on " + shape + " stopped with " + last.termination()
                        + ": " + last.warnings());
            }
            if (last.converged()) {
                // max|g| <= tol puts theta within about tol / lambda_min(H) of the optimum.
                double limit = Math.max(Verify.OWN_OPTIMUM, 1e3 * Double.parseDouble(tolerance));
                Verify.optimum("ConvergenceBenchmark " + solver + " tolerance " + tolerance + " " + shape,
                        last.theta(), reference, limit);
            }
        }
    }

    /**
     * Solver iterations as JMH "operations": in average-time mode the secondary result
     * {@code solve:iterations} is the time per solver iteration (ms/op), so the iterations of one
     * solve are the primary score divided by it. (An EVENTS counter would be summed over the
     * measurement iterations.) Reset at each measurement iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Iterations {
        /** Solver iterations taken since the start of the JMH iteration. */
        public long iterations;

        @Setup(Level.Iteration)
        public void reset() {
            iterations = 0;
        }
    }

    @Benchmark
    public Solution solve(Run r, Iterations counters) {
        Solution s = r.minimizer.minimize(r.objective, r.start);
        r.last = s;
        counters.iterations += s.iterations();
        return s;
    }
}
