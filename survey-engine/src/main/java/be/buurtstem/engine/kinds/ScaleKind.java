package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.load.YamlTree;
import be.buurtstem.engine.load.YamlTree.Entry;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.ScaleNode;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Fold;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code scale}: a value on a short scale; smileys for 1–5, numbers otherwise, labels optional. */
public final class ScaleKind implements KindHandler<ScaleNode> {
    private static final String[] SMILEYS = {"😞", "🙁", "😐", "🙂", "😄"};

    @Override
    public Kind kind() {
        return Kind.SCALE;
    }

    @Override
    public Set<String> keys() {
        return Set.of("min", "max", "labels");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("a statement with smileys 😞 🙁 😐 🙂 😄 (values 1–5) as buttons; `min`/`max` and `labels`"
                + " optional", "the integer value",
                List.of(key("min", "lowest value; default 1"), key("max", "highest value; default 5 (at most 11 values)"),
                        key("labels", "value → text, e.g. `{1: {nl: ...}, 5: {nl: ...}}`, or a list for 1, 2, ...")), """
                - id: feel_safe
                  kind: scale
                  text: {nl: "Ik voel me veilig op straat.", en: "I feel safe in the street."}
                  labels:
                    1: {nl: "helemaal oneens", en: "strongly disagree"}
                    5: {nl: "helemaal eens", en: "strongly agree"}
                  next: bye
                """);
    }

    @Override
    public ScaleNode read(NodeSource s) {
        Double min = s.number("min");
        Double max = s.number("max");
        Map<Integer, Text> labels = s.has("labels") ? labels(s, s.entry("labels")) : Map.of();
        return new ScaleNode(s.common(), s.required(), s.segment(), min, max, labels);
    }

    /** Scale labels: a mapping value → text, or a list of texts for min, min+1, ... */
    private static Map<Integer, Text> labels(NodeSource s, Entry e) {
        Map<Integer, Text> out = new HashMap<>();
        if (e.value() instanceof MappingNode m) {
            for (Entry x : s.reader().entries(m, "'labels'", null).values()) {
                try {
                    Text t = s.reader().text(x);
                    if (t != null) {
                        out.put(Integer.parseInt(x.key().trim()), t);
                    }
                } catch (NumberFormatException ex) {
                    s.error(x.line(), "scale label key '" + x.key() + "' must be a scale value (a whole number)");
                }
            }
        } else if (e.value() instanceof SequenceNode seq) {
            // Values are assigned from 1; a scale with another min should use the mapping form.
            int v = 1;
            for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
                Text t = s.reader().text(new Entry("labels", item, item, YamlTree.line(item)));
                if (t != null) {
                    out.put(v, t);
                }
                v++;
            }
        } else {
            s.error(e.line(), "'labels' must map scale values to texts, e.g. {1: {nl: ...}, 5: {nl: ...}}");
        }
        return out;
    }

    @Override
    public OutboundMessage prompt(ScaleNode n, PromptContext c) {
        List<Button> buttons = new ArrayList<>();
        for (int v = n.scaleMin(); v <= n.scaleMax(); v++) {
            buttons.add(new Button(Integer.toString(v), label(n, v, c)));
        }
        return new OutboundMessage(c.render(n.text(), n), buttons, Expect.CHOICE);
    }

    /** A value as its button shows it: the smiley (or the number) and the label. */
    public static String label(ScaleNode n, int v, PromptContext c) {
        Text label = n.labels().get(v);
        String smiley = n.scaleMin() == 1 && n.scaleMax() == 5 ? SMILEYS[v - 1] : Integer.toString(v);
        return label == null ? smiley : smiley + " " + c.render(label, n);
    }

    @Override
    public void answer(ScaleNode n, Input input, AnswerContext c) {
        Reading r = read(c.conversation(), n, input);
        if (r instanceof Reading.Value v && v.shown() == null) {
            // A pressed button: the answer's text is what the button showed.
            r = new Reading.Value(v.value(), label(n, ((Long) v.value()).intValue(), c));
        }
        c.apply(n, r);
    }

    public static Reading read(Conversation conv, ScaleNode n, Input input) {
        int min = n.scaleMin();
        int max = n.scaleMax();
        Reading.Miss notUnderstood = new Reading.Miss(Reason.NOT_UNDERSTOOD, "reprompt_scale", Map.of("min", (long) min, "max", (long) max));
        String key;
        String shown;
        if (input instanceof Input.Choice c) {
            key = Fold.key(c.optionId());
            shown = null;
        } else if (input instanceof Input.Text t) {
            key = Fold.key(t.text());
            shown = t.text().strip();
        } else {
            return notUnderstood;
        }
        Integer value = null;
        Double number = Numbers.parse(key);
        if (number != null && number == Math.rint(number)) {
            if (number < min || number > max) {
                return new Reading.Miss(Reason.OUT_OF_RANGE, "reprompt_scale", notUnderstood.args());
            }
            value = number.intValue();
        }
        if (value == null && min == 1 && max == 5) {
            value = smiley(key);
        }
        if (value == null) {
            // A typed scale label, in any of the file's languages.
            for (Map.Entry<Integer, Text> e : n.labels().entrySet()) {
                for (String l : conv.questionnaire().languages()) {
                    if (Fold.key(conv.renderer().render(e.getValue(), l, x -> null)).equals(key)) {
                        value = e.getKey();
                    }
                }
            }
        }
        if (value == null || value < min || value > max) {
            return notUnderstood;
        }
        return new Reading.Value((long) value, shown);
    }

    /** Smileys people send for a 1–5 scale, including the ones not on the buttons. */
    private static Integer smiley(String key) {
        return switch (key) {
            case "😞", "😢", "😭", "😠", "😡", "☹" -> 1;
            case "🙁", "😕", "😟", "😒" -> 2;
            case "😐", "😶", "🤷" -> 3;
            case "🙂", "😊", "☺" -> 4;
            case "😄", "😀", "😃", "😁", "😍", "🥰", "🤩" -> 5;
            default -> null;
        };
    }

    @Override
    public void validate(ScaleNode n, String f, List<Problem> out) {
        if (n.scaleMin() >= n.scaleMax() || n.scaleMax() - n.scaleMin() > 10) {
            out.add(Problem.error(f, n.lineOf("max"), "scale '" + n.id() + "' needs min < max and at most 11 values"));
        }
        for (Integer v : n.labels().keySet()) {
            if (v < n.scaleMin() || v > n.scaleMax()) {
                out.add(Problem.error(f, n.lineOf("labels"), "scale label " + v + " is outside " + n.scaleMin() + "–" + n.scaleMax()));
            }
        }
    }

    @Override
    public Object argument(ScaleNode n, Answer a, PromptContext c) {
        return a.value();
    }
}
