package be.buurtstem.bot.files.xlsform;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of XLSForm's XPath expressions that has a declarative meaning: {@code selected(${x}, 'a')},
 * {@code ${x} = 'a'}, comparisons with numbers, {@code count-selected(.)}, {@code and}, {@code or},
 * {@code not(...)} and parentheses. A small recursive-descent parser over a token list; nothing is evaluated, and
 * anything else (other functions, arithmetic, paths) is refused with a reason ({@link Untranslatable}).
 */
sealed interface Expression {

    record And(List<Expression> parts) implements Expression {
    }

    record Or(List<Expression> parts) implements Expression {
    }

    record Not(Expression inner) implements Expression {
    }

    /**
     * {@code ref op literal} with the reference on the left ({@code 5 < ${x}} is turned round); {@code ref} is a
     * field name or {@code "."} (the question itself, in a constraint).
     *
     * @param quoted the literal was a string ({@code '5'}), not a number
     */
    record Compare(String ref, String op, String literal, boolean quoted) implements Expression {
    }

    record Selected(String ref, String value) implements Expression {
    }

    /** {@code count-selected(ref) op n}. */
    record CountSelected(String ref, String op, double count) implements Expression {
    }

    /** Why an expression has no declarative form; the message is for the organiser. */
    final class Untranslatable extends Exception {
        Untranslatable(String message) {
            super(message);
        }
    }

    static Expression parse(String text) throws Untranslatable {
        Parser p = new Parser(tokens(text));
        Expression e = p.or();
        if (!p.atEnd()) {
            throw new Untranslatable("unexpected '" + p.peek() + "'");
        }
        return e;
    }

    private static List<String> tokens(String s) throws Untranslatable {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new Untranslatable("'${' without its closing '}'");
                }
                out.add(s.substring(i, end + 1).replaceAll("\\s", ""));
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new Untranslatable("a text in quotes is not closed");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (c == '!' || c == '<' || c == '>') {
                boolean eq = i + 1 < s.length() && s.charAt(i + 1) == '=';
                out.add(eq ? c + "=" : String.valueOf(c));
                i += eq ? 2 : 1;
            } else if ("=(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))
                    || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '.') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_-.:".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw new Untranslatable("'" + c + "' (arithmetic and paths have no equivalent in a Buurtstem condition)");
            }
        }
        return out;
    }

    final class Parser {
        private final List<String> t;
        private int i;

        Parser(List<String> tokens) {
            this.t = tokens;
        }

        boolean atEnd() {
            return i >= t.size();
        }

        String peek() {
            return atEnd() ? "" : t.get(i);
        }

        private String next() throws Untranslatable {
            if (atEnd()) {
                throw new Untranslatable("the expression ends too early");
            }
            return t.get(i++);
        }

        private void expect(String s) throws Untranslatable {
            String n = next();
            if (!n.equals(s)) {
                throw new Untranslatable("expected '" + s + "' but found '" + n + "'");
            }
        }

        Expression or() throws Untranslatable {
            List<Expression> parts = new ArrayList<>(List.of(and()));
            while (peek().equals("or")) {
                i++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        private Expression and() throws Untranslatable {
            List<Expression> parts = new ArrayList<>(List.of(unary()));
            while (peek().equals("and")) {
                i++;
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        private Expression unary() throws Untranslatable {
            String s = peek();
            if (s.equals("not")) {
                i++;
                expect("(");
                Expression inner = or();
                expect(")");
                return new Not(inner);
            }
            if (s.equals("(")) {
                i++;
                Expression inner = or();
                expect(")");
                return inner;
            }
            if (s.equals("selected")) {
                i++;
                expect("(");
                String ref = ref(next());
                expect(",");
                String v = next();
                if (!quoted(v)) {
                    throw new Untranslatable("selected() needs the choice name in quotes, e.g. selected(${x}, 'a')");
                }
                expect(")");
                return new Selected(ref, unquote(v));
            }
            if (s.equals("count-selected")) {
                i++;
                expect("(");
                String ref = ref(next());
                expect(")");
                String op = op(next());
                String n = next();
                try {
                    return new CountSelected(ref, op, Double.parseDouble(n));
                } catch (NumberFormatException e) {
                    throw new Untranslatable("count-selected() must be compared with a number");
                }
            }
            return comparison();
        }

        private Expression comparison() throws Untranslatable {
            String left = next();
            if (i < t.size() && t.get(i).equals("(")) {
                throw new Untranslatable("the function " + left + "() has no equivalent in a Buurtstem condition");
            }
            String op = op(next());
            String right = next();
            if (i < t.size() && t.get(i).equals("(")) {
                throw new Untranslatable("the function " + right + "() has no equivalent in a Buurtstem condition");
            }
            boolean leftRef = isRef(left);
            boolean rightRef = isRef(right);
            if (leftRef == rightRef) {
                throw new Untranslatable(leftRef ? "comparing two answers (" + left + " " + op + " " + right
                        + ") has no equivalent in a Buurtstem condition" : "a comparison needs a ${field}");
            }
            if (!leftRef) {
                String tmp = left;
                left = right;
                right = tmp;
                op = switch (op) {
                    case "<" -> ">";
                    case ">" -> "<";
                    case "<=" -> ">=";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
            if (!quoted(right) && !right.matches("-?[0-9]*\\.?[0-9]+")) {
                throw new Untranslatable("'" + right + "' is neither a number nor a text in quotes");
            }
            return new Compare(ref(left), op, quoted(right) ? unquote(right) : right, quoted(right));
        }

        private static boolean isRef(String s) {
            return s.equals(".") || s.startsWith("${");
        }

        private static String ref(String s) throws Untranslatable {
            if (s.equals(".")) {
                return ".";
            }
            if (s.startsWith("${") && s.endsWith("}") && s.length() > 3) {
                return s.substring(2, s.length() - 1);
            }
            throw new Untranslatable("expected a ${field} or '.', found '" + s + "'");
        }

        private static String op(String s) throws Untranslatable {
            if (List.of("=", "!=", "<", "<=", ">", ">=").contains(s)) {
                return s;
            }
            throw new Untranslatable("expected a comparison (=, !=, <, <=, >, >=), found '" + s + "'");
        }

        private static boolean quoted(String s) {
            return s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"');
        }

        private static String unquote(String s) {
            return s.substring(1, s.length() - 1);
        }
    }
}
