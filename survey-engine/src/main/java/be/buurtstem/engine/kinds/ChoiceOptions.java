package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.ChoiceNode;
import be.buurtstem.engine.model.Option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What single and multiple choice share: the checks on their options and the option buttons. */
final class ChoiceOptions {
    static final String OPTIONS_DOC = "a list of `{id, label, [emoji], [exclusive], [means]}` (see below)";

    private ChoiceOptions() {
    }

    static void check(String f, ChoiceNode n, List<Problem> out) {
        if (n.options().isEmpty()) {
            out.add(Problem.error(f, n.lineOf("options"), "'" + n.id() + "' has no options"));
        }
        Set<String> ids = new HashSet<>();
        for (Option o : n.options()) {
            if (!ids.add(o.id())) {
                out.add(Problem.error(f, o.line(), "duplicate option id '" + o.id() + "' in '" + n.id() + "'"));
            }
            if (o.id().equals(Kinds.DONE)) {
                out.add(Problem.error(f, o.line(), "option id '_done' is reserved for the done button"));
            }
        }
    }

    /** One button per option, its emoji first; ticked ones marked when {@code ticked} holds them. */
    static List<Button> buttons(ChoiceNode n, PromptContext c, List<String> ticked) {
        List<Button> out = new ArrayList<>();
        for (Option o : n.options()) {
            String label = c.label(o);
            if (o.emoji() != null && !o.emoji().isBlank()) {
                label = o.emoji() + " " + label;
            }
            if (ticked.contains(o.id())) {
                label = "✓ " + label;
            }
            out.add(new Button(o.id(), label));
        }
        return out;
    }
}
