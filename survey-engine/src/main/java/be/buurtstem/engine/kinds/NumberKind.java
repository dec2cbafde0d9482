package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.NumberNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code number}: a typed number in any digits, within an optional range. */
public final class NumberKind implements KindHandler<NumberNode> {

    @Override
    public Kind kind() {
        return Kind.NUMBER;
    }

    @Override
    public Set<String> keys() {
        return Set.of("min", "max", "integer");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text; a typed number (Western, Arabic-Indic `٣` or Eastern Arabic-Indic `۳` digits,"
                + " decimal comma or point); `min`, `max`, `integer` (default true)", "the number",
                List.of(key("min", "lowest value (optional)"), key("max", "highest value (optional)"),
                        key("integer", "whole numbers only; default `true`")), """
                - id: years_here
                  kind: number
                  text: {nl: "Hoeveel jaar woon je hier al?", en: "How many years have you lived here?"}
                  min: 0
                  max: 120
                  next: bye
                """);
    }

    @Override
    public NumberNode read(NodeSource s) {
        return new NumberNode(s.common(), s.required(), s.segment(), s.number("min"), s.number("max"),
                s.bool("integer", true));
    }

    @Override
    public OutboundMessage prompt(NumberNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.NUMBER);
    }

    @Override
    public void answer(NumberNode n, Input input, AnswerContext c) {
        c.apply(n, read(n, input));
    }

    public static Reading read(NumberNode n, Input input) {
        String typed = input instanceof Input.Text t ? t.text() : input instanceof Input.Choice c ? c.optionId() : null;
        Double v = typed == null ? null : Numbers.parse(typed);
        if (v == null) {
            return range(n, Reason.NOT_A_NUMBER);
        }
        if (n.integer() && v != Math.rint(v)) {
            return Reading.Miss.of(Reason.NOT_WHOLE, "reprompt_whole");
        }
        if ((n.min() != null && v < n.min()) || (n.max() != null && v > n.max())) {
            return range(n, Reason.OUT_OF_RANGE);
        }
        return new Reading.Value(Numbers.value(v), typed.strip());
    }

    /** The reprompt that names the allowed range, when there is one. */
    private static Reading.Miss range(NumberNode n, Reason reason) {
        if (n.min() != null && n.max() != null) {
            return new Reading.Miss(reason, "reprompt_range", Map.of("min", Numbers.value(n.min()), "max", Numbers.value(n.max())));
        }
        if (n.min() != null) {
            return new Reading.Miss(reason, "reprompt_min", Map.of("min", Numbers.value(n.min())));
        }
        if (n.max() != null) {
            return new Reading.Miss(reason, "reprompt_max", Map.of("max", Numbers.value(n.max())));
        }
        return Reading.Miss.of(reason, "reprompt_number");
    }

    @Override
    public void validate(NumberNode n, String f, List<Problem> out) {
        if (n.min() != null && n.max() != null && n.min() > n.max()) {
            out.add(Problem.error(f, n.lineOf("min"), "min is larger than max in '" + n.id() + "'"));
        }
    }

    @Override
    public Object argument(NumberNode n, Answer a, PromptContext c) {
        return a.value();
    }
}
