package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.Option;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/**
 * {@code multiple_choice}: buttons toggle (the ticked ones are kept in the conversation state) and a done button
 * ends; or a typed list. The toggling and the list reading live in the step, which owns that state.
 */
public final class MultipleChoiceKind implements KindHandler<MultipleChoiceNode> {

    @Override
    public Kind kind() {
        return Kind.MULTIPLE_CHOICE;
    }

    @Override
    public Set<String> keys() {
        return Set.of("options", "min", "max");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text with `options`; the resident picks several (buttons toggle, or typed `1, 3`),"
                + " then a done button; `min`/`max` optional", "the list of option ids",
                List.of(key("options", ChoiceOptions.OPTIONS_DOC),
                        key("min", "fewest options; default 1 when `required`, else 0"),
                        key("max", "most options; default no limit")), """
                - id: domains
                  kind: multiple_choice
                  text: {nl: "Waarover wil je iets zeggen?", en: "What would you like to talk about?"}
                  options:
                    - {id: housing, label: {nl: "Wonen", en: "Housing"}}
                    - {id: traffic, label: {nl: "Verkeer", en: "Traffic"}}
                    - {id: green, label: {nl: "Groen", en: "Green spaces"}}
                    - {id: none, label: {nl: "Niets", en: "Nothing"}, exclusive: true}
                  max: 2
                  next: bye
                """);
    }

    @Override
    public MultipleChoiceNode read(NodeSource s) {
        return new MultipleChoiceNode(s.common(), s.required(), s.segment(), s.options(), s.number("min"),
                s.number("max"));
    }

    @Override
    public OutboundMessage prompt(MultipleChoiceNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), buttons(n, c), Expect.MULTIPLE);
    }

    /** The option buttons with the ticked ones marked, then the done button. */
    public static List<Button> buttons(MultipleChoiceNode n, PromptContext c) {
        List<Button> out = ChoiceOptions.buttons(n, c, c.selection());
        out.add(new Button(Kinds.DONE, c.system("done")));
        return out;
    }

    @Override
    public void answer(MultipleChoiceNode n, Input input, AnswerContext c) {
        c.multiple(n, input);
    }

    @Override
    public void validate(MultipleChoiceNode n, String f, List<Problem> out) {
        ChoiceOptions.check(f, n, out);
        if (n.min() != null && n.max() != null && n.min() > n.max()) {
            out.add(Problem.error(f, n.lineOf("min"), "min is larger than max in '" + n.id() + "'"));
        }
        if (n.max() != null && (n.max() < 1 || n.max() > n.options().size())) {
            out.add(Problem.error(f, n.lineOf("max"), "max " + n.max().intValue() + " must be between 1 and the number of options"));
        }
    }

    @Override
    public Object argument(MultipleChoiceNode n, Answer a, PromptContext c) {
        List<String> labels = new ArrayList<>();
        if (a.value() instanceof List<?> ids) {
            for (Object id : ids) {
                Option o = n.option(String.valueOf(id));
                labels.add(o == null ? String.valueOf(id) : c.label(o));
            }
        }
        return ListFormatter.getInstance(ULocale.forLanguageTag(c.lang())).format(labels);
    }
}
