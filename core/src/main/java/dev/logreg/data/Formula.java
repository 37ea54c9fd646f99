package dev.logreg.data;

import dev.logreg.data.FormulaParser.Raw;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A model formula as R writes one for {@code glm}, {@code response ~ terms}, with the terms R's
 * {@code terms()} makes of it.
 *
 * <p>On the right of {@code ~}: {@code +} adds terms; {@code a:b} is the interaction;
 * {@code a*b} is {@code a + b + a:b}; {@code (a + b + c)^2} is the main effects and every
 * interaction up to order 2; {@code -} removes terms ({@code - 1} the intercept); {@code 0 +},
 * {@code + 0} and {@code - 1} drop the intercept and {@code 1} keeps it; {@code a/b} is
 * {@code a + a:b}; {@code a %in% b} is {@code a:b}; parentheses group; {@code .} is every column of
 * the data but the response's ({@link #expandDot}). A factor of a term is a column (in backticks
 * when its name is not syntactic in R: {@code `my col`}), {@code factor(c)} (the column made
 * categorical), {@code I(expression)} or one of {@code log log1p exp sqrt abs} of an expression,
 * where an {@link Expression} has {@code + - * / ^}, unary minus, numbers, columns and those
 * functions. {@code offset(expression)} is not a term but a known part of the linear predictor; R
 * sums the offsets, each distinct one once.
 *
 * <p>As in R, the terms are ordered by degree (main effects, then two-way interactions, &hellip;),
 * keeping the written order within a degree; a repeated term counts once; a term's factors are in
 * the order the variables first appear in the formula ({@code y ~ z:x + x} has terms {@code x},
 * {@code z:x}).
 *
 * <p>Errors are {@link IllegalArgumentException}s that quote the formula and name a 0-based
 * character position in it.
 */
public final class Formula {

    /** How a term codes one of its factors in the model matrix. */
    public enum Coding {
        /** A numeric factor: its value. */
        NUMERIC,
        /** A categorical factor coded by contrasts: one column per level but the first (R's 1). */
        CONTRASTS,
        /** A categorical factor coded by indicators: one column per level (R's 2). */
        INDICATORS
    }

    /**
     * One term of the model: the product of its factors.
     *
     * @param factors its variables, in the order they first appear in the formula; none repeated
     */
    public record Term(List<Variable> factors) {

        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException if factors is null or empty or has a null or repeated
         *         variable
         */
        public Term {
            if (factors == null || factors.isEmpty()) {
                throw new IllegalArgumentException("factors is " + (factors == null ? "null" : "empty"));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int j = 0; j < factors.size(); j++) {
                if (factors.get(j) == null) {
                    throw new IllegalArgumentException("factors[" + j + "] is null");
                }
                if (!seen.add(factors.get(j).label())) {
                    throw new IllegalArgumentException("factors repeats " + factors.get(j).label());
                }
            }
            factors = List.copyOf(factors);
        }

        /**
         * @return the term as R labels it in {@code attr(terms(f), "term.labels")}: the factors'
         *         labels joined by {@code :}
         */
        public String label() {
            StringBuilder b = new StringBuilder();
            for (Variable v : factors) {
                b.append(b.length() == 0 ? "" : ":").append(v.label());
            }
            return b.toString();
        }

        /**
         * @return the columns the term reads, in the order they first appear
         */
        public List<String> columns() {
            Set<String> out = new LinkedHashSet<>();
            for (Variable v : factors) {
                out.addAll(v.columns());
            }
            return List.copyOf(out);
        }

        /**
         * @return the degree of the term: how many factors it has
         */
        public int order() {
            return factors.size();
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** The right-hand side in R's formula algebra. */
    private sealed interface Node permits Sum, Interact, Cross, Power, Nest, In, Group, One, Zero, Dot,
            Nothing, Var { }

    /**
     * {@code first ± items[0] ± items[1] ...}, kept flat so that a long sum is no deep tree;
     * first is null for a leading unary minus.
     */
    private record Sum(Node first, List<Node> items, List<Boolean> subtract) implements Node { }


    private record Interact(Node left, Node right) implements Node { }

    private record Cross(Node left, Node right) implements Node { }

    private record Power(Node base, int exponent) implements Node { }

    private record Nest(Node left, Node right) implements Node { }

    private record In(Node left, Node right) implements Node { }

    private record Group(Node inner) implements Node { }

    private record One() implements Node { }

    private record Zero() implements Node { }

    private record Dot(int position) implements Node { }

    /** What {@code .} stands for when the data have no other column. */
    private record Nothing() implements Node { }

    private record Var(Variable variable) implements Node { }

    private final String text;
    private final Variable response;
    private final Node rhs;
    private final boolean dot;
    /** R's variables: the response first, then in the order they first appear. */
    private final List<Variable> variables;
    private final List<Term> terms;
    private final List<BitSet> bits;
    /** For each variable, the indices of the terms that have it, in increasing order. */
    private final List<List<Integer>> containing;
    private final List<Variable> offsets;
    private final boolean intercept;

    private Formula(String text, Variable response, Node rhs) {
        this.text = text;
        this.response = response;
        this.rhs = rhs;
        this.dot = containsDot(rhs);
        Map<String, Variable> vars = new LinkedHashMap<>();
        vars.put(response.label(), response);
        collect(rhs, vars);
        this.variables = List.copyOf(vars.values());
        Map<String, Integer> labels = new HashMap<>();
        for (String label : vars.keySet()) {
            labels.put(label, labels.size());
        }
        if (dot) {
            this.terms = null;
            this.bits = null;
            this.containing = null;
            this.offsets = null;
            this.intercept = false;
            return;
        }
        boolean[] icpt = {true};
        List<BitSet> encoded = encode(rhs, true, icpt, labels);
        List<Variable> offs = new ArrayList<>();
        BitSet offsetBits = new BitSet();
        for (int i = 1; i < variables.size(); i++) {
            if (variables.get(i).kind() == Variable.Kind.OFFSET) {
                offs.add(variables.get(i));
                offsetBits.set(i);
            }
        }
        List<BitSet> kept = new ArrayList<>();
        for (BitSet b : encoded) {
            if (!b.intersects(offsetBits)) {
                kept.add(b);
            }
        }
        // R's order: by degree, stable within a degree.
        kept.sort((a, b) -> Integer.compare(a.cardinality(), b.cardinality()));
        List<Term> list = new ArrayList<>();
        for (BitSet b : kept) {
            List<Variable> factors = new ArrayList<>();
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                factors.add(variables.get(i));
            }
            list.add(new Term(factors));
        }
        this.terms = List.copyOf(list);
        this.bits = List.copyOf(kept);
        List<List<Integer>> having = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            having.add(new ArrayList<>());
        }
        for (int t = 0; t < kept.size(); t++) {
            BitSet b = kept.get(t);
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                having.get(i).add(t);
            }
        }
        this.containing = having;
        this.offsets = List.copyOf(offs);
        this.intercept = icpt[0];
    }

    /**
     * Parses a formula.
     *
     * @param text the formula, as in R: {@code admit ~ gre + gpa + factor(rank)}
     * @return the formula
     * @throws IllegalArgumentException for a malformed formula, naming the 0-based character
     *         position of the problem
     */
    public static Formula parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        FormulaParser parser = new FormulaParser(text);
        try {
            Raw[] sides = parser.formula();
            Variable response = responseOf(sides[0], parser);
            return new Formula(text, response, node(sides[1], parser));
        } catch (StackOverflowError e) {
            throw parser.error(0, "the formula is nested too deeply (or has too many operators) to read");
        }
    }

    private static Variable responseOf(Raw raw, FormulaParser parser) {
        if (raw instanceof FormulaParser.Name name && !name.dot()) {
            return new Variable(Variable.Kind.COLUMN, new Expression.Column(name.name(), name.position()));
        }
        if (raw instanceof FormulaParser.Call call) {
            return variable(call, parser);
        }
        throw parser.error(raw.position(), "the response must be a column or a function of one, as in y ~ x or "
                + "log(y) ~ x");
    }

    private static Node node(Raw raw, FormulaParser parser) {
        if (raw instanceof FormulaParser.Op op) {
            if (op.operator().equals("^")) {
                Node base = node(op.left(), parser);
                if (!(op.left() instanceof FormulaParser.Group) && !(base instanceof Dot)) {
                    throw parser.error(op.position(), "'^' in a formula applies to a parenthesized sum, as in "
                            + "(a + b)^2; for a power of a value write I(x^2)");
                }
                if (!(op.right() instanceof FormulaParser.Num num) || num.value() != Math.rint(num.value())
                        || num.value() < 2 || num.value() > Integer.MAX_VALUE) {
                    throw parser.error(op.position(), "the power after '^' must be a whole number of 2 or more, "
                            + "as in (a + b)^2");
                }
                return new Power(base, (int) num.value());
            }
            if (op.operator().equals("+") || op.operator().equals("-")) {
                // The left spine of a sum, walked without recursion.
                List<FormulaParser.Op> spine = new ArrayList<>();
                Raw r = op;
                while (r instanceof FormulaParser.Op o && (o.operator().equals("+") || o.operator().equals("-"))) {
                    spine.add(o);
                    r = o.left();
                }
                Node first = node(r, parser);
                List<Node> items = new ArrayList<>();
                List<Boolean> subtract = new ArrayList<>();
                for (int k = spine.size() - 1; k >= 0; k--) {
                    items.add(node(spine.get(k).right(), parser));
                    subtract.add(spine.get(k).operator().equals("-"));
                }
                return new Sum(first, items, subtract);
            }
            Node left = node(op.left(), parser);
            Node right = node(op.right(), parser);
            return switch (op.operator()) {
                case "*" -> new Cross(left, right);
                case "/" -> new Nest(left, right);
                case ":" -> new Interact(left, right);
                default -> new In(left, right);
            };
        }
        if (raw instanceof FormulaParser.Neg neg) {
            Node operand = node(neg.operand(), parser);
            return neg.operator() == '-' ? new Sum(null, List.of(operand), List.of(true)) : operand;
        }
        if (raw instanceof FormulaParser.Num num) {
            if (num.value() == 1) {
                return new One();
            }
            if (num.value() == 0) {
                return new Zero();
            }
            throw parser.error(num.position(), "the number " + Expression.Number.format(num.value())
                    + " is not a term: only 1 (the intercept) and 0 (none) are; for a computed value write I()");
        }
        if (raw instanceof FormulaParser.Name name) {
            if (name.dot()) {
                return new Dot(name.position());
            }
            return new Var(new Variable(Variable.Kind.COLUMN, new Expression.Column(name.name(), name.position())));
        }
        if (raw instanceof FormulaParser.Group group) {
            return new Group(node(group.inner(), parser));
        }
        return new Var(variable((FormulaParser.Call) raw, parser));
    }

    private static Variable variable(FormulaParser.Call call, FormulaParser parser) {
        String f = call.function();
        if (!f.equals("I") && !f.equals("factor") && !f.equals("offset") && !Expression.Call.FUNCTIONS.contains(f)) {
            throw parser.error(call.position(), "unknown function '" + f + "'; a formula may use factor(), I(), "
                    + "offset() and " + String.join(", ", Expression.Call.FUNCTIONS));
        }
        if (call.arguments().size() != 1) {
            throw parser.error(call.position(), f + "() takes one argument, not " + call.arguments().size());
        }
        Raw argument = call.arguments().get(0);
        switch (f) {
            case "factor" -> {
                if (!(argument instanceof FormulaParser.Name name) || name.dot()) {
                    throw parser.error(argument.position(), "factor() takes a column name, as in factor(rank)");
                }
                return new Variable(Variable.Kind.FACTOR, new Expression.Column(name.name(), name.position()));
            }
            case "I" -> {
                return new Variable(Variable.Kind.IDENTITY, expression(argument, parser));
            }
            case "offset" -> {
                return new Variable(Variable.Kind.OFFSET, expression(argument, parser));
            }
            default -> {
                return new Variable(Variable.Kind.FUNCTION,
                        new Expression.Call(f, expression(argument, parser), call.position()));
            }
        }
    }

    private static Expression expression(Raw raw, FormulaParser parser) {
        if (raw instanceof FormulaParser.Num num) {
            return new Expression.Number(num.value());
        }
        if (raw instanceof FormulaParser.Name name) {
            if (name.dot()) {
                throw parser.error(name.position(), "'.' stands for columns only as a term, not inside an expression");
            }
            return new Expression.Column(name.name(), name.position());
        }
        if (raw instanceof FormulaParser.Neg neg) {
            return new Expression.Unary(neg.operator(), expression(neg.operand(), parser));
        }
        if (raw instanceof FormulaParser.Group group) {
            return new Expression.Parens(expression(group.inner(), parser));
        }
        if (raw instanceof FormulaParser.Op op) {
            if (op.operator().length() != 1 || "+-*/^".indexOf(op.operator().charAt(0)) < 0) {
                throw parser.error(op.position(), "'" + op.operator() + "' is not arithmetic; an expression has "
                        + "+ - * / ^");
            }
            return new Expression.Binary(op.operator().charAt(0), expression(op.left(), parser),
                    expression(op.right(), parser));
        }
        FormulaParser.Call call = (FormulaParser.Call) raw;
        if (!Expression.Call.FUNCTIONS.contains(call.function())) {
            throw parser.error(call.position(), "unknown function '" + call.function() + "' in an expression; "
                    + "it may use " + String.join(", ", Expression.Call.FUNCTIONS));
        }
        if (call.arguments().size() != 1) {
            throw parser.error(call.position(), call.function() + "() takes one argument, not "
                    + call.arguments().size());
        }
        return new Expression.Call(call.function(), expression(call.arguments().get(0), parser), call.position());
    }

    private static boolean containsDot(Node n) {
        if (n instanceof Dot) {
            return true;
        }
        for (Node c : children(n)) {
            if (containsDot(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<Node> children(Node n) {
        List<Node> out = new ArrayList<>(2);
        if (n instanceof Sum s) {
            if (s.first() != null) {
                out.add(s.first());
            }
            out.addAll(s.items());
        } else if (n instanceof Interact i) {
            out.add(i.left());
            out.add(i.right());
        } else if (n instanceof Cross c) {
            out.add(c.left());
            out.add(c.right());
        } else if (n instanceof Nest s) {
            out.add(s.left());
            out.add(s.right());
        } else if (n instanceof In i) {
            out.add(i.left());
            out.add(i.right());
        } else if (n instanceof Power p) {
            out.add(p.base());
        } else if (n instanceof Group g) {
            out.add(g.inner());
        }
        return out;
    }

    /** R's ExtractVars: every variable, in the order written, once. */
    private static void collect(Node n, Map<String, Variable> vars) {
        if (n instanceof Var v) {
            vars.putIfAbsent(v.variable().label(), v.variable());
        }
        for (Node c : children(n)) {
            collect(c, vars);
        }
    }

    /** R's EncodeVars: the terms of a node as sets of variable indices. */
    private static List<BitSet> encode(Node n, boolean parity, boolean[] intercept, Map<String, Integer> labels) {
        if (n instanceof Nothing) {
            return new ArrayList<>();
        }
        if (n instanceof One) {
            intercept[0] = parity;
            return new ArrayList<>();
        }
        if (n instanceof Zero) {
            intercept[0] = !parity;
            return new ArrayList<>();
        }
        if (n instanceof Var v) {
            BitSet b = new BitSet();
            b.set(labels.get(v.variable().label()));
            List<BitSet> out = new ArrayList<>();
            out.add(b);
            return out;
        }
        if (n instanceof Group g) {
            return encode(g.inner(), parity, intercept, labels);
        }
        if (n instanceof Sum s) {
            // R's PlusTerms and DeleteTerms, left to right, on lists that never repeat a term; the
            // terms so far are kept in a set as well as in order.
            List<BitSet> out = s.first() == null ? new ArrayList<>() : encode(s.first(), parity, intercept, labels);
            Set<Key> have = new HashSet<>();
            for (BitSet b : out) {
                have.add(new Key(b));
            }
            for (int k = 0; k < s.items().size(); k++) {
                if (s.subtract().get(k)) {
                    Set<Key> removed = new HashSet<>();
                    for (BitSet b : encode(s.items().get(k), !parity, intercept, labels)) {
                        removed.add(new Key(b));
                    }
                    out.removeIf(b -> removed.contains(new Key(b)));
                    have.removeAll(removed);
                } else {
                    for (BitSet b : encode(s.items().get(k), parity, intercept, labels)) {
                        if (!b.isEmpty() && have.add(new Key(b))) {
                            out.add(b);
                        }
                    }
                }
            }
            return out;
        }
        if (n instanceof Interact i) {
            return trim(product(encode(i.left(), parity, intercept, labels),
                    encode(i.right(), parity, intercept, labels)));
        }
        if (n instanceof Cross c) {
            List<BitSet> left = encode(c.left(), parity, intercept, labels);
            List<BitSet> right = encode(c.right(), parity, intercept, labels);
            List<BitSet> out = new ArrayList<>(left);
            out.addAll(right);
            out.addAll(product(left, right));
            return trim(out);
        }
        if (n instanceof Power p) {
            List<BitSet> base = encode(p.base(), parity, intercept, labels);
            List<BitSet> out = base;
            for (int k = 1; k < p.exponent(); k++) {
                out = trim(product(base, out));
            }
            return out;
        }
        if (n instanceof Nest s) {
            List<BitSet> left = encode(s.left(), parity, intercept, labels);
            List<BitSet> right = encode(s.right(), parity, intercept, labels);
            BitSet all = union(left);
            List<BitSet> out = new ArrayList<>(left);
            for (BitSet r : right) {
                BitSet b = (BitSet) r.clone();
                b.or(all);
                out.add(b);
            }
            return trim(out);
        }
        if (n instanceof In i) {
            List<BitSet> left = encode(i.left(), parity, intercept, labels);
            BitSet all = union(encode(i.right(), parity, intercept, labels));
            List<BitSet> out = new ArrayList<>();
            for (BitSet l : left) {
                BitSet b = (BitSet) l.clone();
                b.or(all);
                out.add(b);
            }
            return trim(out);
        }
        throw new IllegalStateException("'.' not expanded");
    }

    private static List<BitSet> product(List<BitSet> left, List<BitSet> right) {
        List<BitSet> out = new ArrayList<>();
        for (BitSet l : left) {
            for (BitSet r : right) {
                BitSet b = (BitSet) l.clone();
                b.or(r);
                out.add(b);
            }
        }
        return out;
    }

    private static BitSet union(List<BitSet> list) {
        BitSet all = new BitSet();
        for (BitSet b : list) {
            all.or(b);
        }
        return all;
    }

    /** R's TrimRepeats: drops empty and repeated terms, keeping the first of each. */
    private static List<BitSet> trim(List<BitSet> list) {
        Set<Key> seen = new HashSet<>();
        List<BitSet> out = new ArrayList<>();
        for (BitSet b : list) {
            if (!b.isEmpty() && seen.add(new Key(b))) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * A term's set of variables as a hash key: {@link BitSet#hashCode} gives sets of one variable
     * few distinct values, so this one mixes every index.
     */
    private record Key(BitSet bits, int hash) {

        Key(BitSet bits) {
            this(bits, mix(bits));
        }

        private static int mix(BitSet bits) {
            int h = 0;
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                h = 31 * h + Integer.rotateLeft(i * 0x9E3779B9, 16);
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.bits.equals(bits);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * @return the formula as given to {@link #parse}
     */
    public String text() {
        return text;
    }

    /**
     * @return the response as R labels it ({@code admit}, {@code log(y)})
     */
    public String response() {
        return response.label();
    }

    /**
     * @return the response as a variable
     */
    public Variable responseVariable() {
        return response;
    }

    /**
     * @return whether the formula has {@code .}, which {@link #expandDot} replaces by columns;
     *         until then it has no terms
     */
    public boolean hasDot() {
        return dot;
    }

    /**
     * R's {@code attr(terms(f), "variables")}: the response, then every variable in the order it
     * first appears, including offsets and variables that {@code -} removes from every term.
     *
     * @return the variables
     * @throws IllegalStateException if the formula has {@code .} not yet expanded
     */
    public List<Variable> variables() {
        requireExpanded();
        return variables;
    }

    /**
     * @return the terms in R's order (by degree, then as written)
     * @throws IllegalStateException if the formula has {@code .} not yet expanded
     */
    public List<Term> terms() {
        requireExpanded();
        return terms;
    }

    /**
     * @return whether the model has an intercept
     * @throws IllegalStateException if the formula has {@code .} not yet expanded
     */
    public boolean intercept() {
        requireExpanded();
        return intercept;
    }

    /**
     * @return the distinct {@code offset()} variables in the order written; the model's offset is
     *         their sum
     * @throws IllegalStateException if the formula has {@code .} not yet expanded
     */
    public List<Variable> offsets() {
        requireExpanded();
        return offsets;
    }

    private void requireExpanded() {
        if (dot) {
            throw new IllegalStateException("formula \"" + text + "\" has '.': expand it with expandDot(columns) "
                    + "first");
        }
    }

    /**
     * Replaces {@code .} by the columns of the data, as R's {@code terms(f, data = d)} does: every
     * column but those the response reads, in the order given. As in R, the columns an
     * {@code offset()} reads are not excluded.
     *
     * @param columns the data's column names
     * @return the formula without {@code .}; this one if it has none
     * @throws IllegalArgumentException for a null or repeated column name
     */
    public Formula expandDot(List<String> columns) {
        if (columns == null) {
            throw new IllegalArgumentException("columns is null");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < columns.size(); j++) {
            String c = columns.get(j);
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException("columns[" + j + "] is " + (c == null ? "null" : "empty"));
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("columns repeats '" + c + "': '.' needs distinct names");
            }
        }
        if (!dot) {
            return this;
        }
        List<String> used = new ArrayList<>(columns);
        used.removeAll(response.columns());
        return new Formula(text, response, expand(rhs, used));
    }

    private static Node expand(Node n, List<String> columns) {
        if (n instanceof Dot d) {
            if (columns.isEmpty()) {
                return new Nothing();
            }
            List<Node> vars = new ArrayList<>();
            for (String c : columns) {
                vars.add(new Var(new Variable(Variable.Kind.COLUMN, new Expression.Column(c, d.position()))));
            }
            List<Boolean> plus = new ArrayList<>();
            for (int k = 1; k < vars.size(); k++) {
                plus.add(false);
            }
            return new Group(new Sum(vars.get(0), vars.subList(1, vars.size()), plus));
        }
        if (n instanceof Sum s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) {
                items.add(expand(item, columns));
            }
            return new Sum(s.first() == null ? null : expand(s.first(), columns), items, s.subtract());
        }
        if (n instanceof Interact i) {
            return new Interact(expand(i.left(), columns), expand(i.right(), columns));
        }
        if (n instanceof Cross c) {
            return new Cross(expand(c.left(), columns), expand(c.right(), columns));
        }
        if (n instanceof Nest s) {
            return new Nest(expand(s.left(), columns), expand(s.right(), columns));
        }
        if (n instanceof In i) {
            return new In(expand(i.left(), columns), expand(i.right(), columns));
        }
        if (n instanceof Power p) {
            return new Power(expand(p.base(), columns), p.exponent());
        }
        if (n instanceof Group g) {
            return new Group(expand(g.inner(), columns));
        }
        return n;
    }

    /**
     * R's {@code attr(terms(f), "factors")} for one term: for each of its factors, 1 if the term
     * without it is among the terms before it (so the factor is coded by contrasts) or is empty,
     * else 2 (coded by indicators). This is before {@link #coding}'s adjustment for a model
     * without an intercept.
     *
     * @param term the index of a term in {@link #terms()}
     * @return a code per factor of the term, in the term's order
     * @throws IllegalArgumentException if term is out of range
     */
    public List<Integer> factorCodes(int term) {
        requireExpanded();
        if (term < 0 || term >= terms.size()) {
            throw new IllegalArgumentException("term " + term + " is not in 0.." + (terms.size() - 1));
        }
        BitSet bitsOfTerm = bits.get(term);
        List<Integer> out = new ArrayList<>();
        for (int i = bitsOfTerm.nextSetBit(0); i >= 0; i = bitsOfTerm.nextSetBit(i + 1)) {
            BitSet without = (BitSet) bitsOfTerm.clone();
            without.clear(i);
            int code = 2;
            if (without.isEmpty()) {
                code = 1;
            } else {
                // Only a term with one of its variables can hold it.
                for (int t : containing.get(without.nextSetBit(0))) {
                    if (t >= term) {
                        break;
                    }
                    BitSet rest = (BitSet) without.clone();
                    rest.andNot(bits.get(t));
                    if (rest.isEmpty()) {
                        code = 1;
                        break;
                    }
                }
            }
            out.add(code);
        }
        return out;
    }

    /**
     * How R's {@code model.matrix} codes the factors of one term: numeric factors by value,
     * categorical ones by {@link #factorCodes}, except that without an intercept the first
     * categorical factor of the first term that has one is coded by indicators (so
     * {@code y ~ 0 + f + g} has every level of f and all but the first of g).
     *
     * @param term the index of a term in {@link #terms()}
     * @param categorical whether a variable is categorical (see {@link Variable#isCategorical})
     * @return a coding per factor of the term, in the term's order
     * @throws IllegalArgumentException if term is out of range or categorical is null
     */
    public List<Coding> coding(int term, Predicate<Variable> categorical) {
        if (categorical == null) {
            throw new IllegalArgumentException("categorical is null");
        }
        List<Integer> codes = factorCodes(term);
        List<Variable> factors = terms.get(term).factors();
        int firstTerm = -1;
        Variable first = null;
        if (!intercept) {
            for (int t = 0; t < terms.size() && first == null; t++) {
                for (Variable v : terms.get(t).factors()) {
                    if (categorical.test(v)) {
                        firstTerm = t;
                        first = v;
                        break;
                    }
                }
            }
        }
        List<Coding> out = new ArrayList<>();
        for (int j = 0; j < factors.size(); j++) {
            Variable v = factors.get(j);
            if (!categorical.test(v)) {
                out.add(Coding.NUMERIC);
            } else if (codes.get(j) == 2 || term == firstTerm && v == first) {
                out.add(Coding.INDICATORS);
            } else {
                out.add(Coding.CONTRASTS);
            }
        }
        return out;
    }

    /**
     * Checks the formula against the data's columns: every column it reads exists, and no
     * categorical column is computed with (in {@code I()}, {@code offset()} or a function such as
     * {@code log()}); {@code factor()} of any column and a categorical column as it is are fine.
     * The columns of a formula with {@code .} are checked where they are written.
     *
     * @param columns the data's column names
     * @param categorical whether a column, by name, is categorical
     * @throws IllegalArgumentException naming the column and its 0-based position in the formula
     */
    public void validate(List<String> columns, Predicate<String> categorical) {
        if (columns == null) {
            throw new IllegalArgumentException("columns is null");
        }
        if (categorical == null) {
            throw new IllegalArgumentException("categorical is null");
        }
        Set<String> known = new LinkedHashSet<>(columns);
        List<Variable> all = new ArrayList<>();
        all.add(response);
        Map<String, Variable> vars = new LinkedHashMap<>();
        collect(rhs, vars);
        all.addAll(vars.values());
        for (Variable v : all) {
            List<Expression.Column> used = new ArrayList<>();
            columnsOf(v.expression(), used);
            for (Expression.Column c : used) {
                if (!known.contains(c.name())) {
                    throw FormulaParser.error(text, c.position(), "unknown column " + c.label() + " in "
                            + v.label() + "; the data have " + String.join(", ", columns));
                }
                boolean computed = v.kind() != Variable.Kind.COLUMN && v.kind() != Variable.Kind.FACTOR;
                if (computed && categorical.test(c.name())) {
                    throw FormulaParser.error(text, c.position(), "column " + c.label() + " in " + v.label()
                            + " is categorical; arithmetic and functions apply to numeric columns only");
                }
            }
        }
    }

    private static void columnsOf(Expression e, List<Expression.Column> out) {
        if (e instanceof Expression.Column c) {
            out.add(c);
        } else if (e instanceof Expression.Unary u) {
            columnsOf(u.operand(), out);
        } else if (e instanceof Expression.Binary b) {
            columnsOf(b.left(), out);
            columnsOf(b.right(), out);
        } else if (e instanceof Expression.Call c) {
            columnsOf(c.argument(), out);
        } else if (e instanceof Expression.Parens p) {
            columnsOf(p.inner(), out);
        }
    }

    /**
     * A normalized formula: {@code response ~ terms + offsets}, the terms in R's order and
     * {@code - 1} for a model without an intercept ({@code y ~ 1} or {@code y ~ 0} without terms);
     * parsing it gives the same terms. A formula with {@code .} not yet expanded is written as
     * R deparses it.
     *
     * @return the formula
     */
    @Override
    public String toString() {
        if (dot) {
            return response.label() + " ~ " + deparse(rhs);
        }
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            parts.add(t.label());
        }
        for (Variable o : offsets) {
            parts.add(o.label());
        }
        if (parts.isEmpty()) {
            return response.label() + " ~ " + (intercept ? "1" : "0");
        }
        return response.label() + " ~ " + String.join(" + ", parts) + (intercept ? "" : " - 1");
    }

    private static String deparse(Node n) {
        if (n instanceof Sum s) {
            StringBuilder b = new StringBuilder(s.first() == null ? "" : deparse(s.first()));
            for (int k = 0; k < s.items().size(); k++) {
                boolean minus = s.subtract().get(k);
                String op = b.length() == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ");
                b.append(op).append(deparse(s.items().get(k)));
            }
            return b.toString();
        }
        if (n instanceof Interact i) {
            return deparse(i.left()) + ":" + deparse(i.right());
        }
        if (n instanceof Cross c) {
            return deparse(c.left()) + " * " + deparse(c.right());
        }
        if (n instanceof Nest s) {
            return deparse(s.left()) + "/" + deparse(s.right());
        }
        if (n instanceof In i) {
            return deparse(i.left()) + " %in% " + deparse(i.right());
        }
        if (n instanceof Power p) {
            return deparse(p.base()) + "^" + p.exponent();
        }
        if (n instanceof Group g) {
            return "(" + deparse(g.inner()) + ")";
        }
        if (n instanceof One) {
            return "1";
        }
        if (n instanceof Zero) {
            return "0";
        }
        if (n instanceof Dot) {
            return ".";
        }
        if (n instanceof Var v) {
            return v.variable().label();
        }
        return "";
    }
}
