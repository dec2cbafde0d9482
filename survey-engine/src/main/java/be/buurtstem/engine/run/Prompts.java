package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.text.SystemTexts;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Locales;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a step shows: questions with their buttons, yes/no and language pickers, system texts, and questionnaire
 * texts rendered with earlier answers as arguments. */
abstract sealed class Prompts extends StepState permits Routing {
    private static final String[] SMILEYS = {"😞", "🙁", "😐", "🙂", "😄"};

    Prompts(Conversation conv, ConversationState s, Instant now) {
        super(conv, s, now);
    }

    OutboundMessage prompt(Node n) {
        String text = render(n.text(), n);
        return switch (n.kind()) {
            case SINGLE_CHOICE, SCALE -> new OutboundMessage(text, buttons(n), Expect.CHOICE);
            case MULTIPLE_CHOICE -> new OutboundMessage(text, buttons(n), Expect.MULTIPLE);
            case CONSENT -> new OutboundMessage(text, List.of(
                    new Button(YES, n.yes() != null ? render(n.yes(), n) : system("yes")),
                    new Button(NO, n.no() != null ? render(n.no(), n) : system("no"))), Expect.CHOICE);
            case LANGUAGE -> languagePicker(text);
            case NUMBER -> new OutboundMessage(text, List.of(), Expect.NUMBER);
            case LOCATION -> new OutboundMessage(text, List.of(), Expect.LOCATION);
            case PHOTO -> new OutboundMessage(text, List.of(), Expect.PHOTO);
            case REPEAT -> yesNo(render(n.more(), n));
            default -> new OutboundMessage(text, List.of(), Expect.TEXT);
        };
    }

    List<Button> buttons(Node n) {
        List<Button> out = new ArrayList<>();
        if (n.kind() == Kind.SCALE) {
            int min = n.scaleMin();
            int max = n.scaleMax();
            for (int v = min; v <= max; v++) {
                out.add(new Button(Integer.toString(v), scaleLabel(n, v)));
            }
            return out;
        }
        for (Option o : n.options()) {
            String label = renderer.label(o, lang);
            if (o.emoji() != null && !o.emoji().isBlank()) {
                label = o.emoji() + " " + label;
            }
            if (n.kind() == Kind.MULTIPLE_CHOICE && selection.contains(o.id())) {
                label = "✓ " + label;
            }
            out.add(new Button(o.id(), label));
        }
        if (n.kind() == Kind.MULTIPLE_CHOICE) {
            out.add(new Button(DONE, system("done")));
        }
        return out;
    }

    String scaleLabel(Node n, int v) {
        Text label = n.labels().get(v);
        String smiley = n.scaleMin() == 1 && n.scaleMax() == 5 ? SMILEYS[v - 1] : Integer.toString(v);
        return label == null ? smiley : smiley + " " + render(label, n);
    }

    OutboundMessage yesNo(String text) {
        return new OutboundMessage(text, List.of(new Button(YES, system("yes")), new Button(NO, system("no"))), Expect.CHOICE);
    }

    OutboundMessage languagePicker(String text) {
        List<Button> buttons = new ArrayList<>();
        for (String tag : q.languages()) {
            buttons.add(new Button(tag, Locales.nativeName(tag)));
        }
        return new OutboundMessage(text, buttons, Expect.CHOICE);
    }

    void info(String text) {
        messages.add(OutboundMessage.info(text));
    }

    String system(String key) {
        return renderer.system(channelKey(key), lang, Map.of());
    }

    /** A system text in the conversation's language first, then in each other language of the questionnaire. */
    String inEveryLanguage(String key) {
        java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
        texts.add(renderer.system(channelKey(key), lang, Map.of()));
        for (String l : q.languages()) {
            texts.add(renderer.system(channelKey(key), l, Map.of()));
        }
        return String.join(" · ", texts);
    }

    String system(String key, String arg, Object value) {
        return renderer.system(channelKey(key), lang, Map.of(arg, value));
    }

    String system(String key, String a1, Object v1, String a2, Object v2) {
        return renderer.system(channelKey(key), lang, Map.of(a1, v1, a2, v2));
    }

    /**
     * The text for what this channel shows: "reprompt_choice_numbered" where buttons are numbered lines (the channel
     * passed {@code shows=numbers}, as {@code play} does), else the button form. A questionnaire's override of the
     * plain key wins on every channel.
     */
    String channelKey(String key) {
        if (!RespondentContext.NUMBERED.equals(original.context().get(RespondentContext.SHOWS))
                || q.texts().containsKey(key)) {
            return key;
        }
        String numbered = key + "_numbered";
        return SystemTexts.get().text(numbered) != null || q.texts().containsKey(numbered) ? numbered : key;
    }

    /** Renders a questionnaire text with earlier answers as arguments, seen from node {@code at}. */
    String render(Text text, Node at) {
        return renderer.render(text, lang, name -> argument(name, at));
    }

    Object argument(String name, Node at) {
        if (name.equals("iteration")) {
            return (long) round;
        }
        if (name.startsWith("count_")) {
            return (long) rounds.getOrDefault(name.substring(6), 0);
        }
        Node qn = index.node(name);
        if (qn == null) {
            return original.context().get(name);
        }
        Answer a = answerFor(name, at);
        return a == null ? null : argumentOf(qn, a);
    }

    /** An answer as shown in a text: the option's label, the list of labels, the number, the language's name. */
    Object argumentOf(Node qn, Answer a) {
        return switch (qn.kind()) {
            case SINGLE_CHOICE -> {
                Option o = a.value() instanceof String id ? qn.option(id) : null;
                yield o == null ? a.text() : renderer.label(o, lang);
            }
            case MULTIPLE_CHOICE -> {
                List<String> labels = new ArrayList<>();
                if (a.value() instanceof List<?> ids) {
                    for (Object id : ids) {
                        Option o = qn.option(String.valueOf(id));
                        labels.add(o == null ? String.valueOf(id) : renderer.label(o, lang));
                    }
                }
                yield ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels);
            }
            case NUMBER, SCALE -> a.value();
            case LANGUAGE -> a.value() instanceof String tag ? Locales.nativeName(tag) : a.text();
            default -> a.text();
        };
    }

    /** Inside the same repeat group a question means this round's answer; elsewhere its latest answer. */
    Answer answerFor(String question, Node at) {
        Node repeat = index.repeatOf(question);
        if (repeat != null && at != null && (repeat == index.repeatOf(at.id()) || repeat == at)) {
            return answerIn(question, round);
        }
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).questionId().equals(question)) {
                return answers.get(i);
            }
        }
        return null;
    }

    Answer answerIn(String question, int r) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer a = answers.get(i);
            if (a.questionId().equals(question) && a.round() == r) {
                return a;
            }
        }
        return null;
    }
}
