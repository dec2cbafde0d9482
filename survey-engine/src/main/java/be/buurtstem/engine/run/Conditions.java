package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.model.Condition;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Locales;

import java.util.List;
import java.util.function.Function;

/** Evaluates routing conditions against the answers so far. */
final class Conditions {

    /** What a condition can ask about the conversation. */
    interface Facts {
        Answer answer(String question);

        boolean skipped(String question);

        String language();
    }

    private Conditions() {
    }

    static boolean holds(Condition c, Facts f) {
        return switch (c) {
            case Condition.All all -> all.conditions().stream().allMatch(x -> holds(x, f));
            case Condition.Any any -> any.conditions().stream().anyMatch(x -> holds(x, f));
            case Condition.Not not -> !holds(not.condition(), f);
            case Condition.LanguageIs l -> l.languages().contains(f.language())
                    || l.languages().contains(Locales.base(f.language()));
            case Condition.Answered a -> (f.answer(a.question()) != null) == a.expected();
            case Condition.Skipped s -> f.skipped(s.question()) == s.expected();
            case Condition.Equals e -> equalsValue(f.answer(e.question()), e.value());
            case Condition.In in -> in.values().stream().anyMatch(v -> equalsValue(f.answer(in.question()), v));
            case Condition.Contains k -> contains(f.answer(k.question()), k.value());
            case Condition.Compare k -> {
                Answer a = f.answer(k.question());
                yield a != null && a.value() instanceof Number n && k.op().test(n.doubleValue(), k.value());
            }
        };
    }

    private static boolean equalsValue(Answer a, String expected) {
        if (a == null || expected == null) {
            return false;
        }
        return switch (a.value()) {
            case String s -> s.equals(expected) || Fold.key(s).equals(Fold.key(expected));
            case Number n -> {
                try {
                    yield n.doubleValue() == Double.parseDouble(expected.trim());
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case List<?> list -> list.size() == 1 && expected.equals(list.get(0));
            default -> false;
        };
    }

    private static boolean contains(Answer a, String word) {
        if (a == null || word == null) {
            return false;
        }
        return switch (a.value()) {
            case List<?> list -> list.contains(word);
            case String s -> (" " + Fold.key(s) + " ").contains(" " + Fold.key(word) + " ");
            default -> equalsValue(a, word);
        };
    }

    static Function<String, Object> none() {
        return n -> null;
    }
}
