package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.MessageNode;

import java.util.List;
import java.util.Set;

/** {@code message}: a text; the conversation moves on at once (the step shows it on entering). */
public final class MessageKind implements KindHandler<MessageNode> {

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("a text; the conversation moves on at once", "nothing", List.of(), """
                - id: welcome
                  kind: message
                  text: {nl: "Welkom bij de buurtbevraging!", en: "Welcome to the neighbourhood survey!"}
                  next: bye
                """);
    }

    @Override
    public MessageNode read(NodeSource s) {
        return new MessageNode(s.common());
    }

    @Override
    public OutboundMessage prompt(MessageNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.TEXT);
    }

    @Override
    public void answer(MessageNode n, Input input, AnswerContext c) {
        c.reask(n);
    }
}
