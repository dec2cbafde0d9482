package be.buurtstem.engine.model;

import java.util.List;

/**
 * Declarative routing conditions. Deliberately data, never code: organisers' files must not be able to run
 * anything, and the validator can check every question and option they name.
 */
public sealed interface Condition {

    int line();

    record All(List<Condition> conditions, int line) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    record Any(List<Condition> conditions, int line) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition, int line) implements Condition {
    }

    /** The answer is exactly this value (an option id, a number, a text). */
    record Equals(String question, String value, int line) implements Condition {
    }

    /** The answer is one of these values. */
    record In(String question, List<String> values, int line) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /** A multiple choice holds the option; a free text holds the word. */
    record Contains(String question, String value, int line) implements Condition {
    }

    /** Number comparison: lt, le, gt, ge, eq, ne. */
    record Compare(String question, Op op, double value, int line) implements Condition {
    }

    record Answered(String question, boolean expected, int line) implements Condition {
    }

    record Skipped(String question, boolean expected, int line) implements Condition {
    }

    /** The conversation's current language is one of these (a prefix match: {@code nl} holds for {@code nl-BE}). */
    record LanguageIs(List<String> languages, int line) implements Condition {
        public LanguageIs {
            languages = List.copyOf(languages);
        }
    }

    enum Op {
        LT, LE, GT, GE, EQ, NE;

        public boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    /** The question a leaf condition names, or null for combinators and language conditions. */
    static String questionOf(Condition c) {
        return switch (c) {
            case Equals e -> e.question();
            case In i -> i.question();
            case Contains k -> k.question();
            case Compare k -> k.question();
            case Answered a -> a.question();
            case Skipped s -> s.question();
            default -> null;
        };
    }
}
