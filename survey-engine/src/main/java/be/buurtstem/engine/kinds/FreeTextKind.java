package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.text.Visible;

import java.util.List;
import java.util.Set;

import static be.buurtstem.engine.kinds.KindDoc.key;

/** {@code free_text}: any text of any length, kept whole. */
public final class FreeTextKind implements KindHandler<FreeTextNode> {

    @Override
    public Kind kind() {
        return Kind.FREE_TEXT;
    }

    @Override
    public Set<String> keys() {
        return Set.of("coded");
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text; any text of any length",
                "the text (coded into themes later unless `coded: false`)",
                List.of(key("coded", "`false` for answers that are not coded into themes (a name, a street); default `true`")), """
                - id: change_one
                  kind: free_text
                  text: {nl: "Wat zou je veranderen in de buurt?", en: "What would you change in the neighbourhood?"}
                  required: false
                  next: bye
                """);
    }

    @Override
    public FreeTextNode read(NodeSource s) {
        return new FreeTextNode(s.common(), s.required(), s.segment(), s.bool("coded", true));
    }

    @Override
    public OutboundMessage prompt(FreeTextNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.TEXT);
    }

    @Override
    public void answer(FreeTextNode n, Input input, AnswerContext c) {
        c.apply(n, read(input));
    }

    public static Reading read(Input input) {
        if (input instanceof Input.Text t && Visible.any(t.text())) {
            // Kept whole: long answers are the richest ones for theme coding. Only invisible characters at the ends
            // go (a pasted BOM, a zero-width space); a message of nothing but those is no answer.
            String text = Visible.strip(t.text());
            return new Reading.Value(text, text);
        }
        return Reading.Miss.of(Reason.EMPTY, "reprompt_text");
    }
}
