package be.buurtstem.engine.model;

import java.util.List;

/**
 * Several options, toggled with buttons or typed as a list.
 *
 * @param min fewest options (null: one when required)
 * @param max most options (null: no limit)
 */
public record MultipleChoiceNode(Common common, boolean required, String segment, List<Option> options, Double min, Double max) implements ChoiceNode {
    public MultipleChoiceNode {
        options = options == null ? List.of() : List.copyOf(options);
    }

    @Override
    public Kind kind() {
        return Kind.MULTIPLE_CHOICE;
    }
}
