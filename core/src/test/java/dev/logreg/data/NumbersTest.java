package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cell rules on characters: the hand-written number scan agrees with the rules' pattern, a number
 * parses (by the exact fast path or fastdoubleparser) to exactly the double {@link Double#parseDouble}
 * gives, and the canonical text of a value reads back to it.
 */
class NumbersTest {

    /** The rules' number pattern, as the reader before used it. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** Decimal numbers in every form the pattern allows: signs, leading zeros, no digits before or after the point. */
    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "", "+", "-");
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> zeros = Arbitraries.of("", "", "0", "00", "000");
        Arbitrary<String> mantissa = Arbitraries.oneOf(
                Combinators.combine(zeros, digits).as((z, d) -> z + d),
                Combinators.combine(zeros, digits, digits).as((z, a, b) -> z + a + "." + b),
                digits.map(d -> d + "."),
                digits.map(d -> "." + d));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.integers().between(0, 400)).as((e, s, x) -> e + s + x),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 30)).as((e, s, x) -> e + s + "00" + x));
        return Combinators.combine(sign, mantissa, exponent).as((s, m, e) -> s + m + e);
    }

    /**
     * Numbers at the edges of the exact fast path: up to 20 digits (18 gather exactly), significands around
     * 2<sup>53</sup>, powers of ten around &plusmn;22.
     */
    @Provide
    Arbitrary<String> nearTheFastPath() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> edge = Arbitraries.of("9007199254740991", "9007199254740992", "9007199254740993",
                "999999999999999999", "1000000000000000000", "123456789012345678");
        Arbitrary<String> mantissa = Arbitraries.oneOf(digits, edge,
                Combinators.combine(digits, digits).as((a, b) -> a + "." + b),
                Combinators.combine(edge, Arbitraries.integers().between(1, 18)).as((e, k) -> e.substring(0,
                        Math.min(k, e.length())) + "." + e.substring(Math.min(k, e.length()))));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-30, 30).map(x -> "e" + x));
        return Combinators.combine(Arbitraries.of("", "-"), mantissa, exponent).as((s, m, e) -> s + m + e);
    }

    @Property(tries = 3000)
    void aNumberNearTheFastPathParsesToTheSameDoubleAsTheJdk(@ForAll("nearTheFastPath") String cell) {
        assertParsesAsTheJdk(cell);
    }

    /** Doubles' own texts, with their 17 significant digits, and values near the ends of the range. */
    @Provide
    Arbitrary<String> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(bits -> Double.toString(Math.abs(Double.longBitsToDouble(bits)))),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(6).map(d -> String.format(java.util.Locale.ROOT,
                        "%.6f", d)))
                .filter(s -> NUMBER.matcher(s.replace("E", "e")).matches())
                .map(s -> s.replace("E", "e"));
    }

    /** Short strings over the characters numbers (and near-numbers) are made of. */
    @Provide
    Arbitrary<String> nearNumbers() {
        return Arbitraries.strings().withChars("0123456789+-.eEfFdDxXinINfaty _").ofMaxLength(8);
    }

    @Property(tries = 3000)
    void aDecimalParsesToTheSameDoubleAsTheJdk(@ForAll("decimals") String cell) {
        assertParsesAsTheJdk(cell);
    }

    @Property(tries = 2000)
    void aDoublesTextParsesToTheSameDouble(@ForAll("doubles") String cell) {
        assertParsesAsTheJdk(cell);
    }

    private static void assertParsesAsTheJdk(String cell) {
        char[] chars = ("  " + cell + " ").toCharArray();
        assertTrue(Numbers.isNumber(chars, 2, 2 + cell.length()), cell);
        double parsed = Numbers.value(chars, 2, 2 + cell.length());
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(parsed), cell);
    }

    @Property(tries = 3000)
    void theScanAgreesWithThePattern(@ForAll("nearNumbers") String cell) {
        char[] chars = cell.toCharArray();
        assertEquals(NUMBER.matcher(cell).matches(), Numbers.isNumber(chars, 0, chars.length), cell);
        assertEquals(INFINITE.matcher(cell).matches(), Numbers.isInfinite(chars, 0, chars.length), cell);
    }

    @Property(tries = 2000)
    void theCanonicalTextReadsBackToTheValue(@ForAll double value) {
        String text = Numbers.text(value);
        assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
        assertTrue(Numbers.isNumber(text.replace("E", "e")), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "0x10", "1d", "Inf", "NaN", "1e", "e5", ".", "+", "", "1.2.3", "1_000", "--1", " 1",
        "1 ", "١٢", "1e+", "+-1"})
    void notNumbers(String cell) {
        assertFalse(Numbers.isNumber(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00202", "+1", "-1", ".5", "5.", "1e5", "1E-5", "-0.5e+10", "1e400", "1e-400"})
    void numbers(String cell) {
        assertTrue(Numbers.isNumber(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "INF", "+Inf", "-infinity", "InFiNiTy"})
    void infiniteWords(String cell) {
        assertTrue(Numbers.isInfinite(cell.toCharArray(), 0, cell.length()), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"infinit", "in", "infinityy", "+-inf", "ınf", "∞"})
    void notInfiniteWords(String cell) {
        assertFalse(Numbers.isInfinite(cell.toCharArray(), 0, cell.length()), cell);
    }

    @org.junit.jupiter.api.Test
    void canonicalTexts() {
        assertEquals("202", Numbers.text(202.0));
        assertEquals("-3", Numbers.text(-3.0));
        assertEquals("0", Numbers.text(0.0));
        assertEquals("-0", Numbers.text(-0.0));
        assertEquals("9007199254740992", Numbers.text(0x1p53));
        assertEquals("-9007199254740992", Numbers.text(-0x1p53));
        assertEquals("1.8014398509481984E16", Numbers.text(0x1p54));
        assertEquals("1.5", Numbers.text(1.5));
        assertEquals("1.0E-5", Numbers.text(1e-5));
        assertEquals("1.0E20", Numbers.text(1e20));
    }

    @org.junit.jupiter.api.Test
    void missingCells() {
        for (String cell : Table.MISSING) {
            assertTrue(Numbers.isMissing(cell.toCharArray(), 0, cell.length()), cell);
        }
        for (String cell : new String[] {"na", "nan", "NAN", "N", "??", " "}) {
            assertFalse(Numbers.isMissing(cell.toCharArray(), 0, cell.length()), cell);
        }
    }
}
