package be.buurtstem.bot.service.pages.overview;

import be.buurtstem.analysis.overview.Overview;
import be.buurtstem.bot.service.store.OverviewReads;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.model.ChoiceNode;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.EndNode;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.LocationNode;
import be.buurtstem.engine.model.MessageNode;
import be.buurtstem.engine.model.NumberNode;
import be.buurtstem.engine.model.PhotoNode;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.ScaleNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Text;
import org.springframework.context.MessageSource;

import java.util.Locale;

/**
 * The questionnaire's own words on the page, in the page's language when the questionnaire speaks it (else in its
 * default language): question texts, option and scale labels, segment names and values, and the page's own texts.
 */
final class OverviewTexts {
    private static final String[] SMILEYS = {"😞", "🙁", "😐", "🙂", "😄"};
    private final Survey survey;
    private final QuestionnaireShape shape;
    private final MessageSource messages;
    private final Locale locale;
    private final String lang;

    OverviewTexts(Survey survey, QuestionnaireShape shape, MessageSource messages, Locale locale) {
        this.survey = survey;
        this.shape = shape;
        this.messages = messages;
        this.locale = locale;
        this.lang = survey.languages().contains(locale.getLanguage()) ? locale.getLanguage() : survey.defaultLanguage();
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    String title() {
        return survey.title(lang);
    }

    String question(String id) {
        if (OverviewReads.FIRST_LANGUAGE.equals(id)) {
            return message("overview.firstLanguage");
        }
        String label = survey.questionLabel(id, lang);
        return label == null || label.isBlank() ? id : label;
    }

    /** A closed answer's value as the resident saw it: the option's label, a smiley with its number. */
    String value(String questionId, String value) {
        Node n = shape.nodes().get(questionId);
        if (n == null) {
            return value;
        }
        // over the sealed node types, without a default: a new kind must say here how its answers read
        return switch (n) {
            case ChoiceNode c -> {
                if (c.option(value) == null) {
                    yield value;
                }
                String label = survey.answerLabel(questionId, value, null, lang);
                yield label == null || label.isBlank() ? value : label;
            }
            case ScaleNode s -> scaleValue(s, value);
            case ConsentNode c -> value;
            case LanguageNode l -> value;
            case FreeTextNode f -> value;
            case NumberNode x -> value;
            case LocationNode l -> value;
            case PhotoNode p -> value;
            case MessageNode m -> value;
            case RepeatNode r -> value;
            case EndNode e -> value;
        };
    }

    private String scaleValue(ScaleNode n, String value) {
        try {
            int v = Integer.parseInt(value);
            Text t = n.labels().get(v);
            String named = t == null ? null : pick(t);
            String face = n.scaleMin() == 1 && n.scaleMax() == 5 && v >= 1 && v <= 5 ? SMILEYS[v - 1] + " " : "";
            return face + v + (named == null ? "" : " " + named);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    String field(String field) {
        if (OverviewService.LANGUAGE.equals(field)) {
            return message("overview.field.language");
        }
        Node n = shape.segmentQuestions().get(field);
        if (n != null) {
            return question(n.id());
        }
        return message("overview.field.link", field);
    }

    String segmentValue(String field, String value) {
        if (Overview.NONE.equals(value)) {
            return message("overview.value.none");
        }
        if (Overview.OTHER.equals(value)) {
            return message("overview.value.other");
        }
        if (OverviewService.LANGUAGE.equals(field)) {
            return language(value);
        }
        Node n = shape.segmentQuestions().get(field);
        return n != null && n.kind().hasOptions() ? value(n.id(), value) : value;
    }

    String language(String tag) {
        if (tag == null || Overview.NONE.equals(tag)) {
            return message("overview.value.unknownLanguage");
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name == null || name.isBlank() || name.equals(tag) ? tag : name;
    }

    String channel(String channel) {
        return Overview.NONE.equals(channel) ? message("overview.value.none")
                : messages.getMessage("overview.channel." + channel, null, channel, locale);
    }

    private String pick(Text t) {
        String p = t.patterns().get(lang);
        if (p == null) {
            p = t.patterns().get(survey.defaultLanguage());
        }
        if (p == null) {
            p = t.patterns().get(Text.ANY);
        }
        return p;
    }
}
