package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.Node;

/**
 * What a kind needs from the conversation step to take an answer. Most kinds read an input without any state and
 * hand the {@link Reading} to {@link #apply}; consent, language and multiple choice change the conversation itself
 * (consent, its language, the ticked options), which stays the step's business.
 */
public interface AnswerContext extends PromptContext {

    Conversation conversation();

    /** Records the value and moves on, or reprompts with the miss's text. */
    void apply(Node n, Reading reading);

    void consent(ConsentNode n, Input input);

    void languageAnswer(LanguageNode n, Input input);

    void multiple(MultipleChoiceNode n, Input input);

    /** Shows the node's question again (nodes that take no answer). */
    void reask(Node n);
}
