package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.text.SystemTexts;
import be.buurtstem.engine.kinds.Kinds;
import be.buurtstem.engine.kinds.PromptContext;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Locales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a step shows: questions with their buttons, yes/no and language pickers, system texts, and questionnaire
 * texts rendered with earlier answers as arguments. */
final class Prompts implements PromptContext {
    private final StepContext ctx;
    private final StepState st;

    Prompts(StepContext ctx, StepState st) {
        this.ctx = ctx;
        this.st = st;
    }

    OutboundMessage prompt(Node n) {
        return Kinds.prompt(n, this);
    }

    @Override
    public String lang() {
        return st.lang;
    }

    @Override
    public List<String> selection() {
        return st.selection;
    }

    @Override
    public String label(Option o) {
        return ctx.renderer().label(o, st.lang);
    }

    @Override
    public OutboundMessage yesNo(String text) {
        return new OutboundMessage(text, List.of(new Button(StepState.YES, system("yes")), new Button(StepState.NO, system("no"))), Expect.CHOICE);
    }

    @Override
    public OutboundMessage languagePicker(String text) {
        List<Button> buttons = new ArrayList<>();
        for (String tag : ctx.q().languages()) {
            buttons.add(new Button(tag, Locales.nativeName(tag)));
        }
        return new OutboundMessage(text, buttons, Expect.CHOICE);
    }

    void info(String text) {
        st.messages.add(OutboundMessage.info(text));
    }

    @Override
    public String system(String key) {
        return ctx.renderer().system(channelKey(key), st.lang, Map.of());
    }

    /** A system text in the conversation's language first, then in each other language of the questionnaire. */
    String inEveryLanguage(String key) {
        java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
        texts.add(ctx.renderer().system(channelKey(key), st.lang, Map.of()));
        for (String l : ctx.q().languages()) {
            texts.add(ctx.renderer().system(channelKey(key), l, Map.of()));
        }
        return String.join(" · ", texts);
    }

    String system(String key, String arg, Object value) {
        return ctx.renderer().system(channelKey(key), st.lang, Map.of(arg, value));
    }

    String system(String key, String a1, Object v1, String a2, Object v2) {
        return ctx.renderer().system(channelKey(key), st.lang, Map.of(a1, v1, a2, v2));
    }

    /**
     * The text for what this channel shows: "reprompt_choice_numbered" where buttons are numbered lines (the channel
     * passed {@code shows=numbers}, as {@code play} does), else the button form. A questionnaire's override of the
     * plain key wins on every channel.
     */
    String channelKey(String key) {
        if (!RespondentContext.NUMBERED.equals(ctx.original().context().get(RespondentContext.SHOWS))
                || ctx.q().texts().containsKey(key)) {
            return key;
        }
        String numbered = key + "_numbered";
        return SystemTexts.get().text(numbered) != null || ctx.q().texts().containsKey(numbered) ? numbered : key;
    }

    /** Renders a questionnaire text with earlier answers as arguments, seen from node {@code at}. */
    @Override
    public String render(Text text, Node at) {
        return ctx.renderer().render(text, st.lang, name -> argument(name, at));
    }

    Object argument(String name, Node at) {
        if (name.equals("iteration")) {
            return (long) st.round;
        }
        if (name.startsWith("count_")) {
            return (long) st.rounds.getOrDefault(name.substring(6), 0);
        }
        Node qn = ctx.index().node(name);
        if (qn == null) {
            return ctx.original().context().get(name);
        }
        Answer a = answerFor(name, at);
        return a == null ? null : argumentOf(qn, a);
    }

    /** An answer as shown in a text: the option's label, the list of labels, the number, the language's name. */
    Object argumentOf(Node qn, Answer a) {
        return Kinds.argument(qn, a, this);
    }

    /** Inside the same repeat group a question means this round's answer; elsewhere its latest answer. */
    Answer answerFor(String question, Node at) {
        Node repeat = ctx.index().repeatOf(question);
        if (repeat != null && at != null && (repeat == ctx.index().repeatOf(at.id()) || repeat == at)) {
            return answerIn(question, st.round);
        }
        for (int i = st.answers.size() - 1; i >= 0; i--) {
            if (st.answers.get(i).questionId().equals(question)) {
                return st.answers.get(i);
            }
        }
        return null;
    }

    Answer answerIn(String question, int r) {
        for (int i = st.answers.size() - 1; i >= 0; i--) {
            Answer a = st.answers.get(i);
            if (a.questionId().equals(question) && a.round() == r) {
                return a;
            }
        }
        return null;
    }
}
