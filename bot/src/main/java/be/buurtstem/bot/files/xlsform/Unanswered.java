package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.model.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A route's condition seen from a node where some questions cannot have been answered yet (they come later in the
 * form). XLSForm evaluates {@code ${members} > 1} there on an empty answer; the engine's validator refuses a
 * condition on a question never asked before, so the converter works out those parts itself, as the engine would
 * on a missing answer (a comparison, equality or selection is false, "answered" is false), and keeps the rest.
 * {@link #ALWAYS} and {@link #NEVER} are returned (by identity) when nothing is left to test.
 */
final class Unanswered {
    static final Condition ALWAYS = new Condition.All(List.of(), 0);
    static final Condition NEVER = new Condition.Any(List.of(), 0);

    private Unanswered() {
    }

    static Condition fold(Condition c, Set<String> unanswered) {
        return switch (c) {
            case Condition.All all -> {
                List<Condition> rest = new ArrayList<>();
                for (Condition x : all.conditions()) {
                    Condition f = fold(x, unanswered);
                    if (f == NEVER) {
                        yield NEVER;
                    }
                    if (f != ALWAYS) {
                        rest.add(f);
                    }
                }
                yield rest.isEmpty() ? ALWAYS : rest.size() == 1 ? rest.get(0) : new Condition.All(rest, all.line());
            }
            case Condition.Any any -> {
                List<Condition> rest = new ArrayList<>();
                for (Condition x : any.conditions()) {
                    Condition f = fold(x, unanswered);
                    if (f == ALWAYS) {
                        yield ALWAYS;
                    }
                    if (f != NEVER) {
                        rest.add(f);
                    }
                }
                yield rest.isEmpty() ? NEVER : rest.size() == 1 ? rest.get(0) : new Condition.Any(rest, any.line());
            }
            case Condition.Not not -> {
                Condition f = fold(not.condition(), unanswered);
                yield f == ALWAYS ? NEVER : f == NEVER ? ALWAYS : new Condition.Not(f, not.line());
            }
            case Condition.Answered a -> unanswered.contains(a.question()) ? (a.expected() ? NEVER : ALWAYS) : a;
            case Condition.Skipped s -> unanswered.contains(s.question()) ? (s.expected() ? NEVER : ALWAYS) : s;
            case Condition.Equals e -> unanswered.contains(e.question()) ? NEVER : e;
            case Condition.In in -> unanswered.contains(in.question()) ? NEVER : in;
            case Condition.Contains k -> unanswered.contains(k.question()) ? NEVER : k;
            case Condition.Compare k -> unanswered.contains(k.question()) ? NEVER : k;
            case Condition.LanguageIs l -> l;
        };
    }
}
