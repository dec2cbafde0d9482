package be.buurtstem.engine.model;

import java.util.List;

/** A question answered by picking options. */
public sealed interface ChoiceNode extends Question permits SingleChoiceNode, MultipleChoiceNode {
    @Override
    List<Option> options();
}
