package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;

import java.util.List;
import java.util.Set;

/**
 * Everything about one node kind in one place: its YAML name and keys and how they are read, its documentation,
 * how its question is shown, how an input is read as its answer, what the validator checks on it, and how its
 * answer appears as a text argument. Registered in {@link Kinds}; adding a kind is one such file plus its record in
 * {@code model}, its tests and its docs entry (generated from {@link #doc()}).
 */
public interface KindHandler<N extends Node> {

    Kind kind();

    /** The name in YAML and in recorded answers, e.g. {@code single_choice}. */
    default String name() {
        return kind().yamlName();
    }

    /** The kind's own YAML keys, beyond the keys every node (and every question) has. */
    Set<String> keys();

    /** Whether a node of this kind must have {@code text} (a repeat group's text is optional). */
    default boolean needsText() {
        return true;
    }

    KindDoc doc();

    /** Reads the kind's own keys; problems go to the loader's list. */
    N read(NodeSource source);

    /** The question as first shown (and, with another text, as reprompted). */
    OutboundMessage prompt(N node, PromptContext c);

    /** Takes one input at this node: records it, reprompts, or hands it to the step. */
    void answer(N node, Input input, AnswerContext c);

    /** The kind's own checks (ranges, options), beyond what the validator checks for every node. */
    default void validate(N node, String file, List<Problem> out) {
    }

    /** The answer as an argument in a text: {@code {age}} shows a number, a label, a language's name... */
    default Object argument(N node, Answer a, PromptContext c) {
        return a.text();
    }
}
