package dev.logreg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the text of a model formula into a tree, with R's operator precedence: {@code ^} (right to
 * left), unary minus and plus, {@code :}, {@code %in%}, {@code * /}, binary {@code + -}, {@code ~}.
 * Errors name the formula and a 0-based character position.
 */
final class FormulaParser {

    /** R's reserved words: not syntactic names, so written in backticks. */
    private static final Set<String> RESERVED = Set.of("if", "else", "repeat", "while", "function", "for", "next",
            "break", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_",
            "NA_complex_", "in");

    /** A node of the tree as written. */
    sealed interface Raw permits Num, Name, Op, Neg, Call, Group {
        /** @return the 0-based index of the node's first character (an operator's, for an operation) */
        int position();
    }

    /** A number as written. */
    record Num(double value, int position) implements Raw { }

    /** A name; {@code dot} for an unquoted {@code .}. */
    record Name(String name, boolean dot, int position) implements Raw { }

    /** A binary operator: one of {@code + - * / ^ : %in%}. */
    record Op(String operator, Raw left, Raw right, int position) implements Raw { }

    /** A unary minus or plus. */
    record Neg(char operator, Raw operand, int position) implements Raw { }

    /** A call {@code name(arguments)}. */
    record Call(String function, List<Raw> arguments, int position) implements Raw { }

    /** Parentheses. */
    record Group(Raw inner, int position) implements Raw { }

    private enum T { NAME, NUMBER, OP, LPAREN, RPAREN, COMMA, TILDE, END }

    private record Token(T type, String text, int position, boolean quoted, double number) { }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    FormulaParser(String text) {
        this.text = text;
        tokenize();
    }

    /** @return the error for a problem at a position */
    IllegalArgumentException error(int position, String problem) {
        return error(text, position, problem);
    }

    static IllegalArgumentException error(String text, int position, String problem) {
        return new IllegalArgumentException("formula " + quoted(text, position) + " at position " + position
                + " (0-based): " + problem);
    }

    /** Formulas up to this long are quoted whole in a message; a longer one around the position. */
    static final int QUOTED = 200;

    /**
     * The formula in quotes, or for a long one the characters from QUOTED / 2 before the position,
     * with "..." for the rest and the formula's length.
     */
    private static String quoted(String text, int position) {
        if (text.length() <= QUOTED) {
            return "\"" + text + "\"";
        }
        int from = Math.max(0, Math.min(position, text.length()) - QUOTED / 2);
        int to = Math.min(text.length(), from + QUOTED);
        return "\"" + (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "")
                + "\" (" + text.length() + " characters)";
    }

    /** @return the response and the right-hand side */
    Raw[] formula() {
        int tilde = -1;
        int depth = 0;
        for (Token t : tokens) {
            if (t.type == T.LPAREN) {
                depth++;
            } else if (t.type == T.RPAREN) {
                depth--;
            } else if (t.type == T.TILDE) {
                if (depth > 0) {
                    throw error(t.position, "'~' inside parentheses; a formula has one '~', at the top");
                }
                if (tilde >= 0) {
                    throw error(t.position, "a second '~'; a formula has one");
                }
                tilde = t.position;
            }
        }
        if (tilde < 0) {
            throw error(0, "no '~': a formula is response ~ terms, as in y ~ x + z");
        }
        if (tokens.get(0).type == T.TILDE) {
            throw error(tilde, "no response before '~': a formula is response ~ terms");
        }
        Raw response = sum();
        Token t = peek();
        if (t.type != T.TILDE) {
            throw unexpected(t);
        }
        next++;
        if (peek().type == T.END) {
            throw error(text.length(), "no terms after '~' (write 1 for the intercept only)");
        }
        Raw rhs = sum();
        if (peek().type != T.END) {
            throw unexpected(peek());
        }
        return new Raw[] {response, rhs};
    }

    private IllegalArgumentException unexpected(Token t) {
        if (t.type == T.END) {
            return error(t.position, "the formula ends where an operand is expected");
        }
        if (t.type == T.RPAREN) {
            return error(t.position, "')' where an operand is expected");
        }
        return error(t.position, "unexpected '" + t.text + "'");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean at(String operator) {
        Token t = peek();
        return t.type == T.OP && t.text.equals(operator);
    }

    private Raw sum() {
        Raw left = product();
        while (at("+") || at("-")) {
            Token op = tokens.get(next++);
            left = new Op(op.text, left, product(), op.position);
        }
        return left;
    }

    private Raw product() {
        Raw left = special();
        while (at("*") || at("/")) {
            Token op = tokens.get(next++);
            left = new Op(op.text, left, special(), op.position);
        }
        return left;
    }

    private Raw special() {
        Raw left = colon();
        while (at("%in%")) {
            Token op = tokens.get(next++);
            left = new Op(op.text, left, colon(), op.position);
        }
        return left;
    }

    private Raw colon() {
        Raw left = unary();
        while (at(":")) {
            Token op = tokens.get(next++);
            left = new Op(op.text, left, unary(), op.position);
        }
        return left;
    }

    private Raw unary() {
        if (at("-") || at("+")) {
            Token op = tokens.get(next++);
            return new Neg(op.text.charAt(0), unary(), op.position);
        }
        return power();
    }

    private Raw power() {
        Raw base = primary();
        if (at("^")) {
            Token op = tokens.get(next++);
            return new Op("^", base, unary(), op.position);
        }
        return base;
    }

    private Raw primary() {
        Token t = tokens.get(next);
        switch (t.type) {
            case NUMBER -> {
                next++;
                return new Num(t.number, t.position);
            }
            case NAME -> {
                next++;
                if (t.quoted || peek().type != T.LPAREN) {
                    return new Name(t.text, !t.quoted && t.text.equals("."), t.position);
                }
                Token open = tokens.get(next++);
                List<Raw> arguments = new ArrayList<>();
                if (peek().type != T.RPAREN) {
                    arguments.add(sum());
                    while (peek().type == T.COMMA) {
                        next++;
                        arguments.add(sum());
                    }
                }
                close(open);
                return new Call(t.text, arguments, t.position);
            }
            case LPAREN -> {
                next++;
                Raw inner = sum();
                close(t);
                return new Group(inner, t.position);
            }
            default -> throw unexpected(t);
        }
    }

    private void close(Token open) {
        Token t = peek();
        if (t.type == T.RPAREN) {
            next++;
            return;
        }
        if (t.type == T.END || t.type == T.TILDE) {
            throw error(open.position, "unbalanced parenthesis: \"(\" at position " + open.position
                    + " is not closed");
        }
        throw unexpected(t);
    }

    private void tokenize() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    throw error(i, "the backtick at position " + i + " is not closed");
                }
                if (end == i + 1) {
                    throw error(i, "an empty name in backticks");
                }
                tokens.add(new Token(T.NAME, text.substring(i + 1, end), i, true, 0));
                i = end + 1;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int start = i;
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < n && Character.isDigit(text.charAt(e))) {
                        i = e;
                        while (i < n && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                }
                String literal = text.substring(start, i);
                if (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
                    throw error(start, "malformed number '" + literal + text.charAt(i) + "'");
                }
                double value;
                try {
                    value = Double.parseDouble(literal);
                } catch (NumberFormatException e) {
                    throw error(start, "malformed number '" + literal + "'");
                }
                if (!Double.isFinite(value)) {
                    throw error(start, "the number '" + literal + "' is not finite");
                }
                tokens.add(new Token(T.NUMBER, literal, start, false, value));
            } else if (Character.isLetter(c) || c == '.') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                String name = text.substring(start, i);
                if (RESERVED.contains(name)) {
                    throw error(start, "'" + name + "' is a reserved word in R; write a column of that name as `"
                            + name + "`");
                }
                tokens.add(new Token(T.NAME, name, start, false, 0));
            } else if (c == '%') {
                int end = text.indexOf('%', i + 1);
                String op = end < 0 ? text.substring(i) : text.substring(i, end + 1);
                if (!op.equals("%in%")) {
                    throw error(i, "unknown operator '" + op + "'; the only %...% operator of a formula is %in%");
                }
                tokens.add(new Token(T.OP, op, i, false, 0));
                i = end + 1;
            } else if ("+-*/^:".indexOf(c) >= 0) {
                tokens.add(new Token(T.OP, String.valueOf(c), i, false, 0));
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '~') {
                T type = c == '(' ? T.LPAREN : c == ')' ? T.RPAREN : c == ',' ? T.COMMA : T.TILDE;
                tokens.add(new Token(type, String.valueOf(c), i, false, 0));
                i++;
            } else {
                throw error(i, "unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(T.END, "", n, false, 0));
        int depth = 0;
        for (Token t : tokens) {
            if (t.type == T.LPAREN) {
                depth++;
            } else if (t.type == T.RPAREN && --depth < 0) {
                throw error(t.position, "unbalanced parenthesis: \")\" closes nothing");
            }
        }
    }

    /**
     * @param name a name
     * @return whether R accepts it without backticks: letters, digits, {@code .} and {@code _},
     *         starting with a letter or a dot not followed by a digit, and not a reserved word
     */
    static boolean syntactic(String name) {
        if (name.isEmpty() || RESERVED.contains(name)) {
            return false;
        }
        char c = name.charAt(0);
        boolean dotDigit = c == '.' && name.length() > 1 && Character.isDigit(name.charAt(1));
        if (!(Character.isLetter(c) || c == '.') || dotDigit) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char d = name.charAt(i);
            if (!(Character.isLetterOrDigit(d) || d == '.' || d == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param name a column name
     * @return the name as R writes it: in backticks unless syntactic
     */
    static String quote(String name) {
        return syntactic(name) ? name : "`" + name + "`";
    }
}
