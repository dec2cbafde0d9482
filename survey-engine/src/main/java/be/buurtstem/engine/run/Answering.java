package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.input.OptionMatcher;
import be.buurtstem.engine.input.Words;
import be.buurtstem.engine.kinds.AnswerContext;
import be.buurtstem.engine.kinds.Kinds;
import be.buurtstem.engine.kinds.MultipleChoiceKind;
import be.buurtstem.engine.kinds.Reading;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Locales;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/** Reading the answers that need the conversation state: consent, language, multiple choice, "another one?", the
 * skip offer and the delete confirmation; each kind's handler in {@code kinds} decides which it needs. */
final class Answering implements AnswerContext {
    private final StepContext ctx;
    private final StepState st;
    private final Prompts prompts;
    private final Routing routing;

    Answering(StepContext ctx, StepState st, Prompts prompts, Routing routing) {
        this.ctx = ctx;
        this.st = st;
        this.prompts = prompts;
        this.routing = routing;
    }

    void answer(Node n, Input input) {
        Kinds.answer(n, input, this);
    }

    @Override
    public Conversation conversation() {
        return ctx.conv();
    }

    // What a kind needs to show a question comes from the prompts (PromptContext), "ask again" from the routing.

    @Override
    public String lang() {
        return prompts.lang();
    }

    @Override
    public String render(be.buurtstem.engine.model.Text text, Node at) {
        return prompts.render(text, at);
    }

    @Override
    public String system(String key) {
        return prompts.system(key);
    }

    @Override
    public String label(Option o) {
        return prompts.label(o);
    }

    @Override
    public List<String> selection() {
        return prompts.selection();
    }

    @Override
    public OutboundMessage yesNo(String text) {
        return prompts.yesNo(text);
    }

    @Override
    public OutboundMessage languagePicker(String text) {
        return prompts.languagePicker(text);
    }

    @Override
    public void reask(Node n) {
        routing.reask(n);
    }

    /** Records a value, or reprompts with the text that says what is expected. */
    @Override
    public void apply(Node n, Reading reading) {
        switch (reading) {
            case Reading.Value v -> routing.record(n, v.value(), v.shown() != null ? v.shown() : "");
            case Reading.Miss m -> routing.reprompt(n, m.reason(), ctx.renderer().system(prompts.channelKey(m.textKey()), st.lang, m.args()), true);
        }
    }

    @Override
    public void consent(ConsentNode n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
        } else if (yes) {
            st.consented = true;
            st.events.add(new Event.ConsentGiven(ctx.q().version(), ctx.now()));
            st.misses = 0;
            routing.advanceFrom(n);
        } else {
            // Refusal: keep nothing but the refusal itself.
            st.answers.clear();
            st.history.clear();
            st.events.add(new Event.ConsentRefused(ctx.q().version(), ctx.now()));
            prompts.info(n.refused() != null ? render(n.refused(), n) : system("consent_refused"));
            routing.finish(Status.REFUSED);
        }
    }

    @Override
    public void languageAnswer(LanguageNode n, Input input) {
        String tag = language(input);
        if (tag == null) {
            routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_language"), false);
            return;
        }
        switchLanguage(tag);
        routing.record(n, tag, input instanceof Input.Text t ? t.text().strip() : Locales.nativeName(tag));
    }

    void chooseLanguage(Node n, Input input) {
        String tag = language(input);
        if (tag == null) {
            st.messages.add(languagePicker(system("reprompt_language")));
            return;
        }
        switchLanguage(tag);
        st.await = routing.baseAwait(n);
        reask(n);
    }

    /** The answer to the picker shown before the start; then the questionnaire begins in that language. */
    void firstLanguage(Input input) {
        String tag = language(input);
        if (tag == null) {
            // the resident's language is not known yet: say it in every language of the questionnaire
            st.messages.add(languagePicker(prompts.inEveryLanguage("reprompt_language")));
            return;
        }
        switchLanguage(tag);
        st.context.put(StepState.LANGUAGE_ASKED, "yes");
        routing.goTo(ctx.q().startId(), null);
    }

    void switchLanguage(String tag) {
        if (!tag.equals(st.lang)) {
            st.events.add(new Event.LanguageChanged(st.lang, tag));
            st.lang = tag;
        }
    }

    String language(Input input) {
        if (input instanceof Input.Choice c) {
            for (String tag : ctx.q().languages()) {
                if (tag.equals(c.optionId())) {
                    return tag;
                }
            }
            return ctx.conv().languageNamed(c.optionId());
        }
        return input instanceof Input.Text t ? ctx.conv().languageNamed(t.text()) : null;
    }

    @Override
    public void multiple(MultipleChoiceNode n, Input input) {
        OptionMatcher m = ctx.conv().matcher(n.id());
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(StepState.DONE)) {
                finishMultiple(n, st.selection, null);
                return;
            }
            Option o = n.option(c.optionId());
            if (o == null) {
                routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                return;
            }
            toggle(n, o);
            return;
        }
        if (!(input instanceof Input.Text t)) {
            routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        String typed = t.text().strip();
        String key = Fold.key(typed);
        if (Words.isDone(key, st.lang)) {
            finishMultiple(n, st.selection, null);
            return;
        }
        List<String> chosen = new ArrayList<>();
        // The whole text as one label first (labels may hold "and"), unless it is clearly a list: then a
        // forgiving typo match on the whole would wrongly swallow "1, no problems" as "No problems".
        Option whole = typed.matches(".*[,;/+&\\n،、].*") ? null : m.match(key, st.lang, true);
        if (whole != null) {
            chosen.add(whole.id());
        } else {
            String[] parts = key.matches("[0-9 ]+") ? key.split(" ") : typed.split("[,;/+&\\n،、]|\\s+(?:en|et|and|ve|و)\\s+");
            for (String part : parts) {
                String pk = Fold.key(part);
                if (pk.isEmpty()) {
                    continue;
                }
                Option o = m.match(pk, st.lang, true);
                if (o == null) {
                    routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                    return;
                }
                if (!chosen.contains(o.id())) {
                    chosen.add(o.id());
                }
            }
        }
        if (chosen.isEmpty()) {
            routing.reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        finishMultiple(n, chosen, typed);
    }

    void toggle(MultipleChoiceNode n, Option o) {
        List<String> next = new ArrayList<>(st.selection);
        if (next.contains(o.id())) {
            next.remove(o.id());
        } else if (o.exclusive()) {
            next.clear();
            next.add(o.id());
        } else {
            next.removeIf(id -> n.option(id) != null && n.option(id).exclusive());
            if (n.max() != null && next.size() + 1 > n.max()) {
                routing.reprompt(n, Reason.TOO_MANY, prompts.system("reprompt_too_many", "max", Numbers.value(n.max())), true);
                return;
            }
            next.add(o.id());
        }
        st.selection = List.copyOf(next);
        List<String> labels = new ArrayList<>();
        for (String id : st.selection) {
            labels.add(ctx.renderer().label(n.option(id), st.lang));
        }
        String text = st.selection.isEmpty() ? system("reprompt_multiple")
                : prompts.system("selected", "selected", ListFormatter.getInstance(ULocale.forLanguageTag(st.lang)).format(labels));
        st.messages.add(new OutboundMessage(text, MultipleChoiceKind.buttons(n, this), Expect.MULTIPLE));
    }

    void finishMultiple(MultipleChoiceNode n, List<String> chosen, String typed) {
        if (chosen.size() > 1) {
            for (String id : chosen) {
                Option o = n.option(id);
                if (o != null && o.exclusive()) {
                    routing.reprompt(n, Reason.EXCLUSIVE, prompts.system("reprompt_exclusive", "option", ctx.renderer().label(o, st.lang)), true);
                    return;
                }
            }
        }
        int min = n.min() != null ? n.min().intValue() : (n.required() ? 1 : 0);
        if (chosen.isEmpty() && !n.required()) {
            routing.skip(n);
            return;
        }
        if (chosen.size() < min) {
            routing.reprompt(n, Reason.TOO_FEW, prompts.system("reprompt_too_few", "min", (long) Math.max(min, 1)), true);
            return;
        }
        if (n.max() != null && chosen.size() > n.max()) {
            routing.reprompt(n, Reason.TOO_MANY, prompts.system("reprompt_too_many", "max", Numbers.value(n.max())), true);
            return;
        }
        List<String> labels = new ArrayList<>();
        for (String id : chosen) {
            labels.add(ctx.renderer().label(n.option(id), st.lang));
        }
        String shown = typed != null ? typed : ListFormatter.getInstance(ULocale.forLanguageTag(st.lang)).format(labels);
        routing.record(n, List.copyOf(chosen), shown);
    }

    void more(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            st.misses++;
            if (st.misses >= StepState.MISSES_BEFORE_OFFER) {
                // Nobody should be stuck on "another one?": three misses mean no.
                routing.finishGroup(n);
                return;
            }
            st.events.add(new Event.Reprompted(n.id(), Reason.NOT_UNDERSTOOD, st.typed));
            st.messages.add(yesNo(system("reprompt_yes_no")));
            return;
        }
        st.misses = 0;
        if (yes) {
            routing.enterRound(n, st.round + 1);
        } else {
            routing.finishGroup(n);
        }
    }

    void skipOffer(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            routing.skip(n);
        } else if (Boolean.FALSE.equals(yes)) {
            st.misses = 0;
            st.await = Await.ANSWER;
            st.messages.add(prompts.prompt(n));
        } else {
            // Perhaps they simply answered the question: try it as an answer.
            st.await = Await.ANSWER;
            answer(n, input);
        }
    }

    void deleteConfirm(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            st.answers.clear();
            st.history.clear();
            st.rounds.clear();
            st.events.add(new Event.DeleteRequested(ctx.now()));
            prompts.info(system("deleted"));
            routing.finish(Status.DELETED);
        } else {
            st.await = routing.baseAwait(n);
            prompts.info(system("delete_cancelled"));
            reask(n);
        }
    }

    Boolean yesNo(Input input) {
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(StepState.YES)) {
                return true;
            }
            if (c.optionId().equals(StepState.NO)) {
                return false;
            }
            return null;
        }
        if (input instanceof Input.Text t) {
            return Words.yesNo(Fold.key(t.text()), st.lang);
        }
        return null;
    }
}
