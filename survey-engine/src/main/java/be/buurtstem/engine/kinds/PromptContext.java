package be.buurtstem.engine.kinds;

import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Text;

import java.util.List;

/** What a kind needs from the conversation step to show its question (implemented by the step). */
public interface PromptContext {

    /** The conversation's language tag. */
    String lang();

    /** A questionnaire text rendered with earlier answers as arguments, seen from node {@code at}. */
    String render(Text text, Node at);

    /** A system text in the conversation's language, in the form this channel shows. */
    String system(String key);

    /** An option's label in the conversation's language. */
    String label(Option o);

    /** The options ticked so far at the current multiple choice. */
    List<String> selection();

    OutboundMessage yesNo(String text);

    OutboundMessage languagePicker(String text);
}
