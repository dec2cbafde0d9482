package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.SingleChoiceNode;
import be.buurtstem.engine.text.Fold;

import java.util.List;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code single_choice}: one option, by button, number, label (typos forgiven) or a longer text that begins with one. */
public final class SingleChoiceKind implements KindHandler<SingleChoiceNode> {

    @Override
    public Kind kind() {
        return Kind.SINGLE_CHOICE;
    }

    @Override
    public Set<String> keys() {
        return Set.of("options");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text with `options` as buttons", "the option id",
                List.of(key("options", ChoiceOptions.OPTIONS_DOC)), """
                - id: bus_on_time
                  kind: single_choice
                  text: {nl: "Is de bus meestal op tijd?", en: "Is the bus usually on time?"}
                  options:
                    - {id: "yes", label: {nl: "Ja", en: "Yes"}, emoji: "👍"}
                    - {id: "no", label: {nl: "Nee", en: "No"}}
                    - {id: never_take_it, label: {nl: "Ik neem de bus nooit", en: "I never take the bus"}}
                  next: bye
                """);
    }

    @Override
    public SingleChoiceNode read(NodeSource s) {
        return new SingleChoiceNode(s.common(), s.required(), s.segment(), s.options());
    }

    @Override
    public OutboundMessage prompt(SingleChoiceNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), ChoiceOptions.buttons(n, c, List.of()), Expect.CHOICE);
    }

    @Override
    public void answer(SingleChoiceNode n, Input input, AnswerContext c) {
        c.apply(n, read(c.conversation(), n, input, c.lang()));
    }

    public static Reading read(Conversation conv, SingleChoiceNode n, Input input, String lang) {
        Option o = null;
        String shown = null;
        if (input instanceof Input.Choice c) {
            o = n.option(c.optionId());
            shown = o == null ? null : conv.renderer().label(o, lang);
        } else if (input instanceof Input.Text t) {
            o = conv.matcher(n.id()).match(t.text(), lang);
            if (o == null) {
                // "ja, de bus is altijd te laat": the option it starts with, the whole text kept as the answer's text.
                o = conv.matcher(n.id()).within(Fold.key(t.text()));
            }
            shown = t.text().strip();
        }
        return o == null ? Reading.Miss.of(Reason.NOT_UNDERSTOOD, "reprompt_choice") : new Reading.Value(o.id(), shown);
    }

    @Override
    public void validate(SingleChoiceNode n, String f, List<Problem> out) {
        ChoiceOptions.check(f, n, out);
        if (n.options().stream().anyMatch(Option::exclusive)) {
            out.add(Problem.warning(f, n.lineOf("options"), "'exclusive' only matters in a multiple choice ('" + n.id() + "')"));
        }
    }

    @Override
    public Object argument(SingleChoiceNode n, Answer a, PromptContext c) {
        Option o = a.value() instanceof String id ? n.option(id) : null;
        return o == null ? a.text() : c.label(o);
    }
}
