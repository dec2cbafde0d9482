package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.EndNode;

import java.util.List;
import java.util.Set;

/** {@code end}: the closing text; the conversation is completed. */
public final class EndKind implements KindHandler<EndNode> {

    @Override
    public Kind kind() {
        return Kind.END;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the closing text; the conversation is completed", "nothing", List.of(), """
                - id: bye
                  kind: end
                  text: {nl: "Bedankt!", en: "Thank you!"}
                """);
    }

    @Override
    public EndNode read(NodeSource s) {
        return new EndNode(s.common());
    }

    @Override
    public OutboundMessage prompt(EndNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.TEXT);
    }

    @Override
    public void answer(EndNode n, Input input, AnswerContext c) {
        c.reask(n);
    }
}
