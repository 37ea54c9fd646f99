package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.data.Feature.Function;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, naming and evaluating feature expressions, and splitting lists of them. */
class FeatureTest {

    /** x numeric, g categorical, "f(x)" a numeric column whose name looks like a call, "a b" spaced. */
    private static final Table TABLE = Table.read(new StringReader(
            "x,g,f(x),a b,y\n1,u,5,7,0\n2,v,6,8,1\n"), "test.csv", ',', null, Set.of());

    /** Values to evaluate features at: small, around one, large, non-integers. */
    private static final double[] XS = {1e-300, 1e-12, 0.3, 1.0, 2.5, 7.0, 123.456, 1e12};

    static Feature parse(String expression) {
        return Feature.parse(expression, TABLE);
    }

    static String fails(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> parse(expression)).getMessage();
    }

    // ---- parsing ----

    @Test
    void plainColumn() {
        Feature f = parse("x");
        assertEquals(new Feature("x", "x", Function.IDENTITY, 1), f);
        assertEquals(Feature.column("x"), f);
    }

    @Test
    void plainColumnIsTrimmed() {
        Feature f = parse("  x\t");
        assertEquals("x", f.label());
        assertEquals("x", f.column());
    }

    @Test
    void categoricalColumnAsItIs() {
        Feature f = parse("g");
        assertEquals(Function.IDENTITY, f.function());
        assertEquals("g", f.column());
    }

    @Test
    void columnNameWithSpace() {
        Feature f = parse("a b");
        assertEquals("a b", f.column());
        Feature g = parse("log(a b)");
        assertEquals("a b", g.column());
        assertEquals(Function.LOG, g.function());
    }

    @Test
    void columnWhoseNameHasParenthesesIsTakenAsTheColumn() {
        Feature f = parse("f(x)");
        assertEquals(Function.IDENTITY, f.function());
        assertEquals("f(x)", f.column());
        assertEquals("f(x)", f.label());
    }

    @Test
    void functionOfAColumnWhoseNameHasParentheses() {
        Feature f = parse("sqrt(f(x))");
        assertEquals(Function.SQRT, f.function());
        assertEquals("f(x)", f.column());
    }

    @Test
    void log() {
        Feature f = parse("log(x)");
        assertEquals(new Feature("log(x)", "x", Function.LOG, 1), f);
    }

    @Test
    void log1p() {
        Feature f = parse("log1p(x)");
        assertEquals(new Feature("log1p(x)", "x", Function.LOG1P, 1), f);
    }

    @Test
    void sqrt() {
        assertEquals(new Feature("sqrt(x)", "x", Function.SQRT, 1), parse("sqrt(x)"));
    }

    @Test
    void sq() {
        assertEquals(new Feature("sq(x)", "x", Function.SQ, 1), parse("sq(x)"));
    }

    @Test
    void pow() {
        assertEquals(new Feature("pow(x,3)", "x", Function.POW, 3), parse("pow(x,3)"));
        assertEquals(new Feature("pow(x, -0.5)", "x", Function.POW, -0.5), parse("pow(x, -0.5)"));
        assertEquals(new Feature("pow( x , 1e1 )", "x", Function.POW, 10), parse(" pow( x , 1e1 ) "));
    }

    @Test
    void labelsAreKeptAsWrittenButTrimmed() {
        assertEquals("LOG(x)", parse("LOG(x)").label());
        assertEquals(Function.LOG, parse("LOG(x)").function());
        assertEquals("log( x )", parse("  log( x ) ").label());
        assertEquals("x", parse("log( x )").column());
        assertEquals("Sqrt (x)", parse("Sqrt (x)").label());
        assertEquals(Function.SQRT, parse("Sqrt (x)").function());
        assertEquals("pow(x,2.0)", parse("pow(x,2.0)").label());
    }

    // ---- values ----

    @Test
    void applyMatchesMathExactly() {
        Feature id = parse("x");
        Feature log = parse("log(x)");
        Feature log1p = parse("log1p(x)");
        Feature sqrt = parse("sqrt(x)");
        Feature sq = parse("sq(x)");
        Feature pow3 = parse("pow(x,3)");
        Feature powHalf = parse("pow(x,0.5)");
        Feature powNeg = parse("pow(x,-1.7)");
        for (double v : XS) {
            assertEquals(v, id.apply(v), 0.0, "x at " + v);
            assertEquals(Math.log(v), log.apply(v), 0.0, "log at " + v);
            assertEquals(Math.log1p(v), log1p.apply(v), 0.0, "log1p at " + v);
            assertEquals(Math.sqrt(v), sqrt.apply(v), 0.0, "sqrt at " + v);
            assertEquals(v * v, sq.apply(v), 0.0, "sq at " + v);
            assertEquals(Math.pow(v, 3), pow3.apply(v), 0.0, "pow 3 at " + v);
            assertEquals(Math.pow(v, 0.5), powHalf.apply(v), 0.0, "pow 0.5 at " + v);
            assertEquals(Math.pow(v, -1.7), powNeg.apply(v), 0.0, "pow -1.7 at " + v);
        }
    }

    @Test
    void log1pIsAccurateForSmallValues() {
        // log(1 + 1e-17) rounds to 0; log1p does not.
        assertEquals(1e-17, parse("log1p(x)").apply(1e-17), 0.0);
    }

    @Test
    void knownValues() {
        assertEquals(0.0, parse("log(x)").apply(1.0), 0.0);
        assertEquals(Math.log(2), parse("log1p(x)").apply(1.0), 0.0);
        assertEquals(3.0, parse("sqrt(x)").apply(9.0), 0.0);
        assertEquals(6.25, parse("sq(x)").apply(-2.5), 0.0);
        assertEquals(-8.0, parse("pow(x,3)").apply(-2.0), 0.0);
        assertEquals(0.25, parse("pow(x,-2)").apply(2.0), 0.0);
        assertEquals(1.0, parse("pow(x,0)").apply(5.0), 0.0);
    }

    @Test
    void nonFiniteValuesAreReturnedForTheCallerToReport() {
        assertEquals(Double.NEGATIVE_INFINITY, parse("log(x)").apply(0.0), 0.0);
        assertTrue(Double.isNaN(parse("log(x)").apply(-1.0)));
        assertTrue(Double.isNaN(parse("sqrt(x)").apply(-1.0)));
        assertEquals(Double.NEGATIVE_INFINITY, parse("log1p(x)").apply(-1.0), 0.0);
        assertTrue(Double.isNaN(parse("pow(x,0.5)").apply(-4.0)));
    }

    // ---- errors ----

    @Test
    void unknownColumn() {
        String message = fails("z");
        assertTrue(message.contains("'z'"), message);
        assertTrue(message.contains("x, g, f(x), a b, y"), message);
    }

    @Test
    void unknownFunction() {
        String message = fails("exp(x)");
        assertTrue(message.contains("'exp'"), message);
        assertTrue(message.contains("exp(x)"), message);
    }

    @Test
    void unknownColumnInsideAFunction() {
        String message = fails("log(z)");
        assertTrue(message.contains("'z'"), message);
        assertTrue(message.contains("'log(z)'"), message);
        assertTrue(message.contains("test.csv"), message);
    }

    @Test
    void functionsDoNotNest() {
        String message = fails("log(sq(x))");
        assertTrue(message.contains("'sq(x)'"), message);
    }

    @Test
    void functionOfACategoricalColumn() {
        String message = fails("log(g)");
        assertTrue(message.contains("'g'"), message);
        assertTrue(message.contains("categorical"), message);
    }

    @Test
    void powOfACategoricalColumn() {
        String message = fails("pow(g,2)");
        assertTrue(message.contains("'g'"), message);
        assertTrue(message.contains("categorical"), message);
    }

    @Test
    void powWithoutExponent() {
        String message = fails("pow(x)");
        assertTrue(message.contains("'pow(x)'"), message);
        assertTrue(message.contains("exponent"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two", "", "1d", "2f", "0x10", "0x1p3", "NaN", "Infinity", "-Infinity", "1e400", "2 3"})
    void powWithABadExponent(String exponent) {
        String message = fails("pow(x," + exponent + ")");
        assertTrue(message.contains("'" + exponent + "'"), message);
        assertTrue(message.contains("not a finite number"), message);
    }

    @Test
    void powWithoutColumn() {
        String message = fails("pow(,2)");
        assertTrue(message.contains("no column"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log()", "sqrt( )", "sq()"})
    void emptyArgument(String expression) {
        String message = fails(expression);
        assertTrue(message.contains("no column"), message);
        assertTrue(message.contains(expression.trim()), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log(x", "logx)", "(x)", "log(x) + 1", "1log(x)"})
    void malformedExpression(String expression) {
        String message = fails(expression);
        assertTrue(message.contains("'" + expression + "'"), message);
        assertTrue(message.contains("cannot parse"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyExpression(String expression) {
        String message = fails(expression);
        assertTrue(message.contains("empty"), message);
    }

    // ---- split ----

    @Test
    void splitKeepsCommasInsideParentheses() {
        assertEquals(List.of("a", "pow(b,2)", "log(c)"), Feature.split("a, pow(b,2) ,log(c)"));
        assertEquals(List.of("pow(x, 2)", "pow(y,3)"), Feature.split("pow(x, 2),pow(y,3)"));
        assertEquals(List.of("f(g(a,b),c)", "d"), Feature.split("f(g(a,b),c),d"));
    }

    @Test
    void splitSingleItem() {
        assertEquals(List.of("gre"), Feature.split("  gre "));
    }

    @Test
    void splitColumnNamesWithSpaces() {
        assertEquals(List.of("a b", "c"), Feature.split("a b , c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"log(a", "pow(a,2", "a, (b", "f((a)"})
    void splitRejectsUnclosedParenthesis(String list) {
        String message = assertThrows(IllegalArgumentException.class, () -> Feature.split(list)).getMessage();
        assertTrue(message.contains("unbalanced '('"), message);
        assertTrue(message.contains(list), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a)", "log(a))", ")(", "a, b)"})
    void splitRejectsUnopenedParenthesis(String list) {
        String message = assertThrows(IllegalArgumentException.class, () -> Feature.split(list)).getMessage();
        assertTrue(message.contains("unbalanced ')'"), message);
        assertTrue(message.contains(list), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a,,b", "a, ,b", ",a", "a,", "a, pow(b,2),"})
    void splitRejectsEmptyItems(String list) {
        String message = assertThrows(IllegalArgumentException.class, () -> Feature.split(list)).getMessage();
        assertTrue(message.contains("empty item"), message);
        assertTrue(message.contains("'" + list + "'"), message);
    }

    @Test
    void splitThenParse() {
        List<Feature> features = Feature.split("x, pow(x,2), log1p(f(x))").stream()
                .map(FeatureTest::parse).toList();
        assertEquals(List.of(
                new Feature("x", "x", Function.IDENTITY, 1),
                new Feature("pow(x,2)", "x", Function.POW, 2),
                new Feature("log1p(f(x))", "f(x)", Function.LOG1P, 1)), features);
    }
}
