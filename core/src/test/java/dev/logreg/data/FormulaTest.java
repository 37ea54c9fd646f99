package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link Formula} against R's {@code terms()} and {@code model.matrix()} (reference/r-formula.properties). */
class FormulaTest {

    /** The columns of the data frame r-formula.R uses, in its order. */
    private static final List<String> COLUMNS = List.of("y", "x", "z", "w", "f", "g", "h", "k", "my col", "o");

    /** Its categorical columns. */
    private static final Set<String> CATEGORICAL = Set.of("f", "g", "h");

    /** The number of levels of each categorical variable there, by label. */
    private static final Map<String, Integer> LEVELS = Map.of("f", 3, "g", 4, "h", 2, "factor(k)", 5);

    private static final Predicate<Variable> IS_CATEGORICAL = v -> v.isCategorical(CATEGORICAL::contains);

    private static final Properties R = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = FormulaTest.class.getResourceAsStream("/reference/r-formula.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    private static List<String> list(String key) {
        String value = R.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in r-formula.properties");
        }
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\|", -1));
    }

    private static Formula parsed(int n) {
        Formula f = Formula.parse(R.getProperty("formula." + n));
        return f.hasDot() ? f.expandDot(COLUMNS) : f;
    }

    @TestFactory
    Stream<DynamicTest> termsAsR() {
        int count = Integer.parseInt(R.getProperty("formula.count"));
        assertTrue(count >= 30, "only " + count + " reference formulas");
        return IntStream.rangeClosed(1, count).mapToObj(n -> DynamicTest.dynamicTest(
                "formula." + n + ": " + R.getProperty("formula." + n), () -> checkAgainstR(n)));
    }

    private static void checkAgainstR(int n) {
        String key = "formula." + n;
        Formula f = parsed(n);
        assertFalse(f.hasDot());
        List<String> labels = f.terms().stream().map(Formula.Term::label).toList();
        assertEquals(list(key + ".labels"), labels, "term labels");
        assertEquals(list(key + ".order"), f.terms().stream().map(t -> String.valueOf(t.order())).toList(), "order");
        assertEquals(R.getProperty(key + ".intercept"), f.intercept() ? "1" : "0", "intercept");
        assertEquals(list(key + ".variables"), f.variables().stream().map(Variable::label).toList(), "variables");
        assertEquals(list(key + ".offsets"), f.offsets().stream().map(Variable::label).toList(), "offsets");
        assertEquals("y", f.response());
        for (int t = 0; t < labels.size(); t++) {
            List<Variable> factors = f.terms().get(t).factors();
            List<Integer> codes = f.factorCodes(t);
            List<String> entries = new ArrayList<>();
            for (int j = 0; j < factors.size(); j++) {
                entries.add(factors.get(j).label() + "=" + codes.get(j));
            }
            assertEquals(list(key + ".factors." + (t + 1)), entries, "factors of term " + labels.get(t));
        }
        if (R.getProperty(key + ".columns") != null) {
            f.validate(COLUMNS, CATEGORICAL::contains);
            List<String> columns = new ArrayList<>();
            for (int t = 0; t < labels.size(); t++) {
                columns.add(String.valueOf(columns(f, t)));
            }
            assertEquals(list(key + ".columns"), columns, "model.matrix columns per term");
        }
        Formula again = Formula.parse(f.toString());
        assertEquals(termSets(f), termSets(again), "terms of " + f);
        assertEquals(f.intercept(), again.intercept(), "intercept of " + f);
        assertEquals(f.offsets().stream().map(Variable::label).toList(),
                again.offsets().stream().map(Variable::label).toList(), "offsets of " + f);
    }

    /** The model-matrix columns of a term: the product over its factors of 1, levels &minus; 1 or levels. */
    private static int columns(Formula f, int term) {
        List<Variable> factors = f.terms().get(term).factors();
        List<Formula.Coding> coding = f.coding(term, IS_CATEGORICAL);
        int columns = 1;
        for (int j = 0; j < factors.size(); j++) {
            switch (coding.get(j)) {
                case NUMERIC -> { }
                case CONTRASTS -> columns *= LEVELS.get(factors.get(j).label()) - 1;
                case INDICATORS -> columns *= LEVELS.get(factors.get(j).label());
            }
        }
        return columns;
    }

    private static List<Set<String>> termSets(Formula f) {
        return f.terms().stream().map(t -> (Set<String>) new TreeSet<>(t.factors().stream().map(Variable::label)
                .toList())).toList();
    }

    @Test
    void codingFollowsModelMatrix() {
        // R's model.matrix (f with 3 levels, g with 2): columns 3, 1, 3 for y ~ 0 + f + g + f:x and
        // 3, 1, 1, 2 for y ~ 0 + f + g + x + f:x.
        Formula f = Formula.parse("y ~ 0 + f + g + f:x");
        assertEquals(List.of(Formula.Coding.INDICATORS), f.coding(0, IS_CATEGORICAL));
        assertEquals(List.of(Formula.Coding.CONTRASTS), f.coding(1, IS_CATEGORICAL));
        assertEquals(List.of(Formula.Coding.INDICATORS, Formula.Coding.NUMERIC), f.coding(2, IS_CATEGORICAL));
        Formula margin = Formula.parse("y ~ 0 + f + g + x + f:x");
        assertEquals(List.of(Formula.Coding.CONTRASTS, Formula.Coding.NUMERIC), margin.coding(3, IS_CATEGORICAL));
        Formula withIntercept = Formula.parse("y ~ x:f");
        assertEquals(List.of(2, 2), withIntercept.factorCodes(0));
        assertEquals(List.of(Formula.Coding.NUMERIC, Formula.Coding.INDICATORS),
                withIntercept.coding(0, IS_CATEGORICAL));
        // With f taken as numeric, nothing is categorical.
        assertEquals(List.of(Formula.Coding.NUMERIC, Formula.Coding.NUMERIC), withIntercept.coding(0, v -> false));
        assertThrows(IllegalArgumentException.class, () -> withIntercept.coding(1, IS_CATEGORICAL));
    }

    @Test
    void normalizedText() {
        assertEquals("y ~ x + z + x:z - 1", Formula.parse("y~x*z-1").toString());
        assertEquals("y ~ f + f:x + offset(o) + offset(log(w))",
                Formula.parse("y ~ f/x + offset(o) + offset( log( w ) )").toString());
        assertEquals("y ~ 1", Formula.parse("y ~ 1").toString());
        assertEquals("y ~ 0", Formula.parse("y ~ x - x - 1").toString());
        assertEquals("y ~ `my col` + I(x^2.5) + I(1e+05 * x) + I(1e-04 * x) + I(0.001 * x)",
                Formula.parse("y ~ `my col` + I(x ^ 2.50) + I(1e5*x) + I(0.0001*x) + I(.001*x)").toString());
        assertEquals("y ~ x + z + x:z", Formula.parse("y ~ (x + z + w)^2 - w - x:w - z:w").toString());
        assertEquals("y ~ .^2 - x", Formula.parse("y ~ .^2 - x").toString());
    }

    @Test
    void dotIsTheOtherColumns() {
        Formula f = Formula.parse("log(y) ~ .^2 - x:z");
        assertTrue(f.hasDot());
        assertThrows(IllegalStateException.class, f::terms);
        Formula e = f.expandDot(List.of("x", "y", "z", "f"));
        assertFalse(e.hasDot());
        assertEquals(List.of("x", "z", "f", "x:f", "z:f"), e.terms().stream().map(Formula.Term::label).toList());
        assertEquals("log(y)", e.response());
        Formula none = Formula.parse("y ~ .").expandDot(List.of("y"));
        assertEquals(List.of(), none.terms());
        assertTrue(none.intercept());
        Formula plain = Formula.parse("y ~ x");
        assertSame(plain, plain.expandDot(List.of("y", "x")));
        assertThrows(IllegalArgumentException.class, () -> f.expandDot(List.of("x", "x")));
    }

    private static void assertError(String formula, int position, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse(formula),
                formula);
        String expected = "formula \"" + formula + "\" at position " + position + " (0-based): ";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage() + "\n  does not start with " + expected);
        assertTrue(e.getMessage().contains(problem), e.getMessage() + "\n  does not say " + problem);
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertError("y ~ (a + b", 4, "unbalanced parenthesis: \"(\" at position 4 is not closed");
        assertError("y ~ log(a + b", 7, "\"(\" at position 7 is not closed");
        assertError("y ~ a + b)", 9, "\")\" closes nothing");
        assertError("y + x", 0, "no '~'");
        assertError("~ x", 0, "no response before '~'");
        assertError("y ~ ", 4, "no terms after '~'");
        assertError("y ~ x ~ z", 6, "a second '~'");
        assertError("y ~ x +", 7, "ends where an operand is expected");
        assertError("y ~ poly(x, 2)", 4, "unknown function 'poly'");
        assertError("y ~ I(factor(x))", 6, "unknown function 'factor' in an expression");
        assertError("y ~ log(x, 2)", 4, "log() takes one argument, not 2");
        assertError("y ~ sqrt()", 4, "sqrt() takes one argument, not 0");
        assertError("y ~ a^2", 5, "applies to a parenthesized sum");
        assertError("y ~ (a + b)^1", 11, "whole number of 2 or more");
        assertError("y ~ (a + b)^2.5", 11, "whole number of 2 or more");
        assertError("y ~ (a + b)^c", 11, "whole number of 2 or more");
        assertError("y ~ x + 2", 8, "the number 2 is not a term");
        assertError("y ~ x + 1e5", 8, "the number 1e+05 is not a term");
        assertError("y ~ `my col + x", 4, "backtick at position 4 is not closed");
        assertError("y ~ x & z", 6, "unexpected character '&'");
        assertError("y ~ x %o% z", 6, "unknown operator '%o%'");
        assertError("y ~ I(x:z)", 7, "':' is not arithmetic");
        assertError("y ~ factor(x + 1)", 13, "factor() takes a column name");
        assertError("y ~ x + TRUE", 8, "reserved word");
        assertError("y ~ x + 1x", 8, "malformed number '1x'");
        assertError("a + b ~ x", 2, "the response must be a column");
        assertError("y ~ I(.)", 6, "'.' stands for columns only as a term");
        assertError("y ~ ()", 5, "')' where an operand is expected");
        assertError("y ~ x y", 6, "unexpected 'y'");
    }

    @Test
    void rejectsWhatRRejects() {
        int n = 0;
        for (; R.getProperty("rejected." + (n + 1)) != null; n++) {
            String formula = R.getProperty("rejected." + (n + 1));
            assertTrue(R.getProperty("rejected." + (n + 1) + ".r").startsWith("error:"), formula);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse(formula),
                    formula);
            assertTrue(e.getMessage().startsWith("formula \"" + formula + "\" at position "), e.getMessage());
        }
        assertEquals(6, n, "rejected formulas in r-formula.properties");
    }

    /** Formulas R accepts that Formula rejects: a power of one column, a fractional power, log's base, .... */
    @Test
    void stricterThanR() {
        int n = 0;
        for (; R.getProperty("stricter." + (n + 1)) != null; n++) {
            String formula = R.getProperty("stricter." + (n + 1));
            assertFalse(R.getProperty("stricter." + (n + 1) + ".r").startsWith("error:"), formula);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse(formula),
                    formula);
            assertTrue(e.getMessage().startsWith("formula \"" + formula + "\" at position "), e.getMessage());
        }
        assertEquals(7, n, "stricter formulas in r-formula.properties");
    }

    @Test
    void manyColumns() {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < 20_000; j++) {
            columns.add("c" + j);
        }
        Formula wide = Formula.parse("c0 ~ . - c1").expandDot(columns);
        assertEquals(columns.size() - 2, wide.terms().size());
        assertEquals("c2", wide.terms().get(0).label());
        assertEquals("c19999", wide.terms().get(wide.terms().size() - 1).label());
        Formula pairs = Formula.parse("c0 ~ c1 * .").expandDot(columns.subList(0, 1000));
        for (int t = 0; t < pairs.terms().size(); t++) {
            assertEquals(pairs.terms().get(t).order() == 1 ? List.of(1) : List.of(1, 1), pairs.factorCodes(t));
        }
        Formula typed = Formula.parse("y ~ " + String.join(" + ", columns) + " - c7 - 1");
        assertEquals(columns.size() - 1, typed.terms().size());
        assertFalse(typed.intercept());
        String deep = "y ~ " + "(".repeat(200_000) + "x" + ")".repeat(200_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse(deep));
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage().substring(0, 100));
        assertTrue(e.getMessage().length() < 400, "a long formula is quoted in part");
        String bad = "y ~ " + String.join(" + ", columns) + " + 2";
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> Formula.parse(bad));
        assertTrue(number.getMessage().startsWith("formula \"..."), number.getMessage());
        assertTrue(number.getMessage().contains(" + c19998 + c19999 + 2\" (" + bad.length()
                + " characters) at position " + (bad.length() - 1) + " (0-based): the number 2 is not a term"),
                number.getMessage());
    }

    @Test
    void offsetsAreNotTermsAndCountOnce() {
        Formula f = Formula.parse("y ~ x + offset(o) + offset(log(w)) + offset(o) + offset(o):x");
        assertEquals(List.of("x"), f.terms().stream().map(Formula.Term::label).toList());
        assertEquals(List.of("offset(o)", "offset(log(w))"), f.offsets().stream().map(Variable::label).toList());
        Map<String, Double> row = Map.of("o", 0.25, "w", 2.0, "x", 1.0);
        double sum = 0;
        for (Variable o : f.offsets()) {
            assertEquals(Variable.Kind.OFFSET, o.kind());
            sum += o.evaluate(row::get);
        }
        assertEquals(0.25 + Math.log(2.0), sum);
        assertTrue(Formula.parse("y ~ offset(o)").terms().isEmpty());
        assertTrue(Formula.parse("y ~ offset(o)").intercept());
    }

    @Test
    void validationNamesTheColumn() {
        List<String> columns = List.of("y", "x", "f", "my col");
        Predicate<String> categorical = "f"::equals;
        Formula.parse("y ~ x * f + factor(x) + I(x^2) + log(`my col`) + offset(x)").validate(columns, categorical);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ x + log(q + 1)").validate(columns, categorical));
        assertEquals("formula \"y ~ x + log(q + 1)\" at position 12 (0-based): unknown column q in log(q + 1); "
                + "the data have y, x, f, my col", unknown.getMessage());
        IllegalArgumentException response = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("admit ~ x").validate(columns, categorical));
        assertTrue(response.getMessage().contains("position 0 (0-based): unknown column admit"),
                response.getMessage());
        IllegalArgumentException removed = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ x - `no such`").validate(columns, categorical));
        assertTrue(removed.getMessage().contains("position 8 (0-based): unknown column `no such`"),
                removed.getMessage());
        for (String[] c : new String[][] {{"y ~ log(f)", "8", "log(f)"}, {"y ~ x + I(f^2)", "10", "I(f^2)"},
                {"y ~ x + offset(x * f)", "19", "offset(x * f)"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Formula.parse(c[0]).validate(columns, categorical), c[0]);
            assertTrue(e.getMessage().contains("position " + c[1] + " (0-based): column f in " + c[2]
                    + " is categorical"), e.getMessage());
        }
    }

    /** The value of the first term's variable of {@code y ~ expression} at the given column values. */
    private static double value(String expression, Map<String, Double> values) {
        Formula f = Formula.parse("y ~ " + expression);
        ToDoubleFunction<String> column = values::get;
        return f.terms().get(0).factors().get(0).evaluate(column);
    }

    @Test
    void expressionsEvaluateAsInR() {
        Map<String, Double> v = Map.of("gpa", 3.5, "x", 3.0, "a", 1.0, "b", 2.0, "c", 3.0, "small", 1e-12);
        assertEquals(12.25, value("I(gpa^2)", v));
        assertEquals(Math.log1p(1e-12), value("log1p(small)", v));
        assertTrue(Math.log1p(1e-12) != Math.log(1 + 1e-12), "log1p is not log(1 + x) for small x");
        assertEquals(-3.0, value("I(-x)", v));
        assertEquals(19.0, value("I(a + b * c ^ 2)", v));
        assertEquals(-9.0, value("I(-x^2)", v));
        assertEquals(9.0, value("I((-x)^2)", v));
        assertEquals(512.0, value("I(b^c^b)", v)); // right to left: 2^(3^2)
        assertEquals(-4.0, value("I(a - b - c)", v)); // left to right
        assertEquals(1.0 / 6, value("I(a / b / c)", v));
        assertEquals(0.5, value("I(b^-1)", v));
        assertEquals(9.0, value("I((a + b) * c)", v));
        assertEquals(Math.sqrt(3.5) + Math.exp(1) - Math.abs(-3.0), value("I(sqrt(gpa) + exp(a) - abs(-x))", v));
        assertEquals(Math.log(4.0), value("log(x + a)", v));
        assertTrue(Double.isNaN(value("log(-x)", v)));
        Variable offset = Formula.parse("y ~ a + offset(2 * log(x))").offsets().get(0);
        assertEquals(2 * Math.log(3.0), offset.evaluate(v::get));
        assertEquals(List.of("a", "b", "c"), Formula.parse("y ~ I(a * (b + a) / c)").terms().get(0).columns());
        Variable factor = Formula.parse("y ~ factor(x)").terms().get(0).factors().get(0);
        assertThrows(IllegalStateException.class, () -> factor.evaluate(v::get));
    }

    @Test
    void labelsAsR() {
        Formula f = Formula.parse("y ~ I(-x^2 + 2*z) + I((x+z)/w) + `my col`:x + `.x`+ .x + x_1 + `1x`");
        assertEquals(List.of("I(-x^2 + 2 * z)", "I((x + z)/w)", ".x", "x_1", "`1x`", "`my col`:x"),
                f.terms().stream().map(Formula.Term::label).toList());
        assertEquals(List.of(1, 1, 1, 1, 1, 2), f.terms().stream().map(Formula.Term::order).toList());
        assertEquals(Variable.Kind.IDENTITY, f.terms().get(0).factors().get(0).kind());
        assertEquals(List.of("x", "z"), f.terms().get(0).factors().get(0).columns());
    }
}
