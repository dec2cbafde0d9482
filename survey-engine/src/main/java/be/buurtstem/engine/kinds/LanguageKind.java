package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.text.Locales;

import java.util.List;
import java.util.Set;

/** {@code language}: one button per language of the file; the answer switches the conversation's language. */
public final class LanguageKind implements KindHandler<LanguageNode> {

    @Override
    public Kind kind() {
        return Kind.LANGUAGE;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text with one button per questionnaire language, labelled in that language's own name"
                + " (ICU display name)", "the chosen tag; the conversation switches language", List.of(), """
                - id: language
                  kind: language
                  text: {nl: "In welke taal wil je verder?", en: "Which language would you like?"}
                  next: bye
                """);
    }

    @Override
    public LanguageNode read(NodeSource s) {
        return new LanguageNode(s.common(), s.required(), s.segment());
    }

    @Override
    public OutboundMessage prompt(LanguageNode n, PromptContext c) {
        return c.languagePicker(c.render(n.text(), n));
    }

    @Override
    public void answer(LanguageNode n, Input input, AnswerContext c) {
        c.languageAnswer(n, input);
    }

    @Override
    public Object argument(LanguageNode n, Answer a, PromptContext c) {
        return a.value() instanceof String tag ? Locales.nativeName(tag) : a.text();
    }
}
