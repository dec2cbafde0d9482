package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.Kind;

import java.util.List;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code consent}: yes or no; nothing is recorded before a yes, and a no keeps nothing (the step does both). */
public final class ConsentKind implements KindHandler<ConsentNode> {

    @Override
    public Kind kind() {
        return Kind.CONSENT;
    }

    @Override
    public Set<String> keys() {
        return Set.of("yes", "no", "refused_text");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text with two buttons (yes / no; labels from system texts or `yes:`/`no:` texts on the node)",
                "consent given or refused (an event, not an answer). Refusal shows `refused_text` and ends. Nothing is"
                        + " recorded before consent is given",
                List.of(key("yes", "optional label of the yes button"), key("no", "optional label of the no button"),
                        key("refused_text", "optional text shown on refusal")), """
                - id: consent
                  kind: consent
                  text: {nl: "Mogen we je antwoorden bewaren?", en: "May we keep your answers?"}
                  yes: {nl: "Ja, dat mag", en: "Yes, you may"}
                  refused_text: {nl: "Jammer. Er is niets bewaard.", en: "Pity. Nothing was kept."}
                  next: bye
                """);
    }

    @Override
    public ConsentNode read(NodeSource s) {
        return new ConsentNode(s.common(), s.required(), s.segment(), s.text("yes"), s.text("no"),
                s.text("refused_text"));
    }

    @Override
    public OutboundMessage prompt(ConsentNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(
                new Button(Kinds.YES, n.yes() != null ? c.render(n.yes(), n) : c.system("yes")),
                new Button(Kinds.NO, n.no() != null ? c.render(n.no(), n) : c.system("no"))), Expect.CHOICE);
    }

    @Override
    public void answer(ConsentNode n, Input input, AnswerContext c) {
        c.consent(n, input);
    }
}
