package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.Text;

import java.util.List;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code repeat}: rounds of its nested nodes, with "another one?" between them (the step runs the rounds). */
public final class RepeatKind implements KindHandler<RepeatNode> {

    @Override
    public Kind kind() {
        return Kind.REPEAT;
    }

    @Override
    public Set<String> keys() {
        return Set.of("nodes", "more", "max");
    }

    @Override
    public boolean needsText() {
        return false;
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("a round of the nested `nodes`, then `more` (a yes/no question: \"another one?\") until no,"
                + " or `max` rounds; an optional `text` is shown before each round", "the nested answers, each with its round number",
                List.of(key("nodes", "the nodes of one round (no repeat or end inside)"),
                        key("more", "the \"another one?\" question"), key("max", "most rounds (optional)")), """
                - id: places
                  kind: repeat
                  more: {nl: "Nog een plek?", en: "Another place?"}
                  max: 3
                  nodes:
                    - id: place_name
                      kind: free_text
                      text: {nl: "Welke plek ({iteration})?", en: "Which place ({iteration})?"}
                  next: bye
                """);
    }

    @Override
    public RepeatNode read(NodeSource s) {
        Double max = s.number("max");
        List<Node> nodes = List.of();
        if (s.has("nodes")) {
            nodes = s.reader().nodes(s.entry("nodes").value(), true);
            if (nodes.isEmpty()) {
                s.error(s.entry("nodes").line(), "the repeat group '" + s.common().id() + "' has no nodes");
            }
        } else {
            s.missing("nodes", "");
        }
        Text more = null;
        if (s.has("more")) {
            more = s.text("more");
        } else if (!s.guessed()) {
            s.missing("more", " (the \"another one?\" question)");
        }
        return new RepeatNode(s.common(), nodes, more, max);
    }

    @Override
    public OutboundMessage prompt(RepeatNode n, PromptContext c) {
        return c.yesNo(c.render(n.more(), n));
    }

    @Override
    public void answer(RepeatNode n, Input input, AnswerContext c) {
        c.reask(n);
    }

    @Override
    public void validate(RepeatNode n, String f, List<Problem> out) {
        if (n.max() != null && n.max() < 1) {
            out.add(Problem.error(f, n.lineOf("max"), "a repeat group needs max of at least 1"));
        }
    }
}
