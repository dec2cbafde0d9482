package be.buurtstem.engine.model;

import java.util.List;

/** One option out of several. */
public record SingleChoiceNode(Common common, boolean required, String segment, List<Option> options) implements ChoiceNode {
    public SingleChoiceNode {
        options = options == null ? List.of() : List.copyOf(options);
    }

    @Override
    public Kind kind() {
        return Kind.SINGLE_CHOICE;
    }
}
