package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.logreg.check.Validation;
import dev.logreg.check.ValidationReport;
import dev.logreg.data.Design;
import dev.logreg.data.Encoder;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.LoopBinaryObjective;
import dev.logreg.objective.LoopMultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.objective.VectorizedMultinomialObjective;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Warning;

import dev.logreg.testing.Data;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the library, called with null for its object parameters:
 * it either accepts null (where null means a default, as documented) or throws
 * IllegalArgumentException naming a parameter; never NullPointerException.
 */
class PublicApiNullTest {

    /** Methods whose null argument is documented to mean something, and methods inherited from Object. */
    private static final Set<String> SKIPPED = Set.of("equals", "hashCode", "toString", "valueOf", "compareTo");

    /** An instance of each public class whose instance methods are called. */
    private static Map<Class<?>, Object> instances() throws IOException {
        Map<Class<?>, Object> map = new LinkedHashMap<>();
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        map.put(LogisticRegression.class, LogisticRegression.newton());
        map.put(Fit.class, fit);
        map.put(BinomialFit.class, fit);
        map.put(LogisticModel.class, fit.model());
        Data.Iris iris = Data.iris();
        MultinomialFit multinomial = LogisticRegression.newton().fitMultinomial(iris.columns(0), iris.y());
        map.put(LogisticRegression.class, LogisticRegression.newton());
        map.put(MultinomialFit.class, multinomial);
        map.put(MultinomialModel.class, multinomial.model());
        map.put(Inference.class, fit.inference());
        map.put(Warning.class, new Warning(Warning.Kind.SOLVER, "a warning"));
        map.put(TextTable.class, new TextTable(List.of("a", "b")));
        Table table = Table.read(new StringReader("y,a,c\n0,1,x\n1,2,y\n0,3,x\n1,1,y\n"), "t.csv", ',', null,
                List.of());
        map.put(Table.class, table);
        map.put(dev.logreg.data.Column.class, table.column("a"));
        Design design = Design.build(table, ModelSpec.of("y"));
        map.put(Design.class, design);
        map.put(Encoder.class, design.encoder());
        map.put(ModelSpec.class, ModelSpec.of("y"));
        BinaryProblem problem = Data.randomProblem(1, 20, 3, false, 0.0);
        map.put(BinaryProblem.class, problem);
        MultinomialProblem mp = new MultinomialProblem(new double[] {1, 0, 1, 1, 1, 2, 1, 3}, 4, 2,
                new int[] {0, 1, 2, 0}, null, 0.1, 0, 3, 0);
        map.put(MultinomialProblem.class, mp);
        map.put(FusedBinaryObjective.class, new FusedBinaryObjective(problem));
        map.put(VectorizedBinaryObjective.class, new VectorizedBinaryObjective(problem));
        map.put(LoopBinaryObjective.class, new LoopBinaryObjective(problem));
        map.put(FusedMultinomialObjective.class, new FusedMultinomialObjective(mp));
        map.put(VectorizedMultinomialObjective.class, new VectorizedMultinomialObjective(mp));
        map.put(LoopMultinomialObjective.class, new LoopMultinomialObjective(mp));
        map.put(NewtonSolver.class, new NewtonSolver(NewtonOptions.defaults()));
        map.put(GradientDescentSolver.class, new GradientDescentSolver(GradientDescentOptions.defaults()));
        map.put(NewtonOptions.class, NewtonOptions.defaults());
        map.put(GradientDescentOptions.class, GradientDescentOptions.defaults());
        map.put(ValidationReport.class, Validation.run(d.x(), d.y(), null, 0.0, 1e-6));
        return map;
    }

    /** The library's public classes, from the compiled classes. */
    private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
        Path root = Path.of(LogisticRegression.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = root.relativize(f).toString().replace('/', '.');
                // The command line's entry point is not library API (and exits the JVM).
                if (!name.endsWith(".class") || name.contains("package-info") || name.startsWith("dev.logreg.cli.")) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
                    if (!c.isEnum() && reachable(c)) {
                        classes.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // SimdHessianUpdate needs the incubator module: not public API anyway.
                }
            }
        }
        return classes;
    }

    @Test
    void nullArgumentsAreIllegalArgumentsNamingTheParameterNeverNullPointers() throws Exception {
        Map<Class<?>, Object> instances = instances();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : publicClasses()) {
            List<Executable> executables = new ArrayList<>();
            for (Constructor<?> k : c.getConstructors()) {
                executables.add(k);
            }
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != Object.class && !SKIPPED.contains(m.getName()) && !m.isSynthetic()
                        && (Modifier.isStatic(m.getModifiers()) || instances.containsKey(c))) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                Parameter[] parameters = e.getParameters();
                List<String> objectParameters = new ArrayList<>();
                Object[] args = new Object[parameters.length];
                for (int p = 0; p < parameters.length; p++) {
                    Class<?> type = parameters[p].getType();
                    if (type.isPrimitive()) {
                        args[p] = zero(type);
                    } else {
                        objectParameters.add(parameters[p].getName());
                    }
                }
                if (objectParameters.isEmpty()) {
                    continue;
                }
                checked++;
                String what = c.getSimpleName() + "." + (e instanceof Constructor ? "<init>" : e.getName())
                        + objectParameters;
                try {
                    if (e instanceof Constructor<?> k) {
                        k.newInstance(args);
                    } else {
                        Method m = (Method) e;
                        m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instances.get(c), args);
                    }
                } catch (InvocationTargetException thrown) {
                    Throwable t = thrown.getCause();
                    if (t instanceof IllegalArgumentException) {
                        String message = String.valueOf(t.getMessage());
                        // A setter withX(value) may name the property x instead of its parameter.
                        List<String> names = new ArrayList<>(objectParameters);
                        if (e.getName().startsWith("with") && e.getName().length() > 4) {
                            names.add(Character.toLowerCase(e.getName().charAt(4)) + e.getName().substring(5));
                        }
                        if (names.stream().noneMatch(message::contains)) {
                            failures.add(what + ": the message does not name a parameter: " + message);
                        }
                    } else if (!(t instanceof IllegalStateException)) {
                        failures.add(what + ": " + t);
                    }
                }
            }
        }
        assertTrue(checked > 80, "only " + checked + " methods checked");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " methods mishandle null:\n" + String.join("\n", failures));
        }
    }

    /** Whether a class is public API: public, and so is every class it is nested in. */
    private static boolean reachable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            boolean inner = k.getEnclosingClass() != null && !Modifier.isStatic(k.getModifiers());
            if (!Modifier.isPublic(k.getModifiers()) || inner) {
                return false;
            }
        }
        return true;
    }

    /** A primitive argument that passes the usual range checks (counts of 2, a level or tolerance of 0.5). */
    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return ',';
        }
        if (type == int.class) {
            return 2;
        }
        if (type == long.class) {
            return 2L;
        }
        if (type == double.class) {
            return 0.5;
        }
        throw new IllegalArgumentException(type.toString());
    }
}
