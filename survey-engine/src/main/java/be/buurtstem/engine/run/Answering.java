package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the answers that need the conversation state: consent, language, multiple choice, "another one?", the
 * skip offer and the delete confirmation; each kind's handler in {@code kinds} decides which it needs. */
abstract sealed class Answering extends Routing implements AnswerContext permits Commands {
    Answering(Conversation conv, ConversationState s, Instant now) {
        super(conv, s, now);
    }

    void answer(Node n, Input input) {
        Kinds.answer(n, input, this);
    }

    @Override
    public Conversation conversation() {
        return conv;
    }

    /** Records a value, or reprompts with the text that says what is expected. */
    @Override
    public void apply(Node n, Reading reading) {
        switch (reading) {
            case Reading.Value v -> record(n, v.value(), v.shown() != null ? v.shown() : "");
            case Reading.Miss m -> reprompt(n, m.reason(), renderer.system(channelKey(m.textKey()), lang, m.args()), true);
        }
    }

    @Override
    public void consent(ConsentNode n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
        } else if (yes) {
            consented = true;
            events.add(new Event.ConsentGiven(q.version(), now));
            misses = 0;
            advanceFrom(n);
        } else {
            // Refusal: keep nothing but the refusal itself.
            answers.clear();
            history.clear();
            events.add(new Event.ConsentRefused(q.version(), now));
            info(n.refused() != null ? render(n.refused(), n) : system("consent_refused"));
            finish(Status.REFUSED);
        }
    }

    @Override
    public void languageAnswer(LanguageNode n, Input input) {
        String tag = language(input);
        if (tag == null) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_language"), false);
            return;
        }
        switchLanguage(tag);
        record(n, tag, input instanceof Input.Text t ? t.text().strip() : Locales.nativeName(tag));
    }

    void chooseLanguage(Node n, Input input) {
        String tag = language(input);
        if (tag == null) {
            messages.add(languagePicker(system("reprompt_language")));
            return;
        }
        switchLanguage(tag);
        await = baseAwait(n);
        reask(n);
    }

    /** The answer to the picker shown before the start; then the questionnaire begins in that language. */
    void firstLanguage(Input input) {
        String tag = language(input);
        if (tag == null) {
            // the resident's language is not known yet: say it in every language of the questionnaire
            messages.add(languagePicker(inEveryLanguage("reprompt_language")));
            return;
        }
        switchLanguage(tag);
        context.put(LANGUAGE_ASKED, "yes");
        goTo(q.startId(), null);
    }

    void switchLanguage(String tag) {
        if (!tag.equals(lang)) {
            events.add(new Event.LanguageChanged(lang, tag));
            lang = tag;
        }
    }

    String language(Input input) {
        if (input instanceof Input.Choice c) {
            for (String tag : q.languages()) {
                if (tag.equals(c.optionId())) {
                    return tag;
                }
            }
            return conv.languageNamed(c.optionId());
        }
        return input instanceof Input.Text t ? conv.languageNamed(t.text()) : null;
    }

    @Override
    public void multiple(MultipleChoiceNode n, Input input) {
        OptionMatcher m = conv.matcher(n.id());
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(DONE)) {
                finishMultiple(n, selection, null);
                return;
            }
            Option o = n.option(c.optionId());
            if (o == null) {
                reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                return;
            }
            toggle(n, o);
            return;
        }
        if (!(input instanceof Input.Text t)) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        String typed = t.text().strip();
        String key = Fold.key(typed);
        if (Words.isDone(key, lang)) {
            finishMultiple(n, selection, null);
            return;
        }
        List<String> chosen = new ArrayList<>();
        // The whole text as one label first (labels may hold "and"), unless it is clearly a list: then a
        // forgiving typo match on the whole would wrongly swallow "1, no problems" as "No problems".
        Option whole = typed.matches(".*[,;/+&\\n،、].*") ? null : m.match(key, lang, true);
        if (whole != null) {
            chosen.add(whole.id());
        } else {
            String[] parts = key.matches("[0-9 ]+") ? key.split(" ") : typed.split("[,;/+&\\n،、]|\\s+(?:en|et|and|ve|و)\\s+");
            for (String part : parts) {
                String pk = Fold.key(part);
                if (pk.isEmpty()) {
                    continue;
                }
                Option o = m.match(pk, lang, true);
                if (o == null) {
                    reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                    return;
                }
                if (!chosen.contains(o.id())) {
                    chosen.add(o.id());
                }
            }
        }
        if (chosen.isEmpty()) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        finishMultiple(n, chosen, typed);
    }

    void toggle(MultipleChoiceNode n, Option o) {
        List<String> next = new ArrayList<>(selection);
        if (next.contains(o.id())) {
            next.remove(o.id());
        } else if (o.exclusive()) {
            next.clear();
            next.add(o.id());
        } else {
            next.removeIf(id -> n.option(id) != null && n.option(id).exclusive());
            if (n.max() != null && next.size() + 1 > n.max()) {
                reprompt(n, Reason.TOO_MANY, system("reprompt_too_many", "max", Numbers.value(n.max())), true);
                return;
            }
            next.add(o.id());
        }
        selection = List.copyOf(next);
        List<String> labels = new ArrayList<>();
        for (String id : selection) {
            labels.add(renderer.label(n.option(id), lang));
        }
        String text = selection.isEmpty() ? system("reprompt_multiple")
                : system("selected", "selected", ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels));
        messages.add(new OutboundMessage(text, MultipleChoiceKind.buttons(n, this), Expect.MULTIPLE));
    }

    void finishMultiple(MultipleChoiceNode n, List<String> chosen, String typed) {
        if (chosen.size() > 1) {
            for (String id : chosen) {
                Option o = n.option(id);
                if (o != null && o.exclusive()) {
                    reprompt(n, Reason.EXCLUSIVE, system("reprompt_exclusive", "option", renderer.label(o, lang)), true);
                    return;
                }
            }
        }
        int min = n.min() != null ? n.min().intValue() : (n.required() ? 1 : 0);
        if (chosen.isEmpty() && !n.required()) {
            skip(n);
            return;
        }
        if (chosen.size() < min) {
            reprompt(n, Reason.TOO_FEW, system("reprompt_too_few", "min", (long) Math.max(min, 1)), true);
            return;
        }
        if (n.max() != null && chosen.size() > n.max()) {
            reprompt(n, Reason.TOO_MANY, system("reprompt_too_many", "max", Numbers.value(n.max())), true);
            return;
        }
        List<String> labels = new ArrayList<>();
        for (String id : chosen) {
            labels.add(renderer.label(n.option(id), lang));
        }
        String shown = typed != null ? typed : ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels);
        record(n, List.copyOf(chosen), shown);
    }

    void more(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            misses++;
            if (misses >= MISSES_BEFORE_OFFER) {
                // Nobody should be stuck on "another one?": three misses mean no.
                finishGroup(n);
                return;
            }
            events.add(new Event.Reprompted(n.id(), Reason.NOT_UNDERSTOOD, typed));
            messages.add(yesNo(system("reprompt_yes_no")));
            return;
        }
        misses = 0;
        if (yes) {
            enterRound(n, round + 1);
        } else {
            finishGroup(n);
        }
    }

    void skipOffer(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            skip(n);
        } else if (Boolean.FALSE.equals(yes)) {
            misses = 0;
            await = Await.ANSWER;
            messages.add(prompt(n));
        } else {
            // Perhaps they simply answered the question: try it as an answer.
            await = Await.ANSWER;
            answer(n, input);
        }
    }

    void deleteConfirm(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            answers.clear();
            history.clear();
            rounds.clear();
            events.add(new Event.DeleteRequested(now));
            info(system("deleted"));
            finish(Status.DELETED);
        } else {
            await = baseAwait(n);
            info(system("delete_cancelled"));
            reask(n);
        }
    }

    Boolean yesNo(Input input) {
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(YES)) {
                return true;
            }
            if (c.optionId().equals(NO)) {
                return false;
            }
            return null;
        }
        if (input instanceof Input.Text t) {
            return Words.yesNo(Fold.key(t.text()), lang);
        }
        return null;
    }
}
