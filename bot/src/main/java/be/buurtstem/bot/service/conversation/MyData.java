package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.store.Consent;
import be.buurtstem.bot.service.store.Respondent;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.UnplacedReply;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.run.Describe;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "My data": everything kept about a resident, in their language: the questions in their own words and the answers
 * as the resident saw them (option labels, never ids); right-to-left languages isolate each part (FSI … PDI).
 */
public final class MyData {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private final Store store;
    private final SurveyCatalog catalog;

    public MyData(Store store, SurveyCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public List<OutboundMessage> of(String rid, String language) {
        StringBuilder sb = new StringBuilder();
        Optional<Respondent> respondent = store.respondent(rid);
        List<StoredAnswer> answers = store.answersOf(rid);
        Optional<SessionRecord> session = store.session(rid);
        if (respondent.isEmpty() && answers.isEmpty() && session.isEmpty()) {
            return List.of(OutboundMessage.info(SystemTexts.get("my_data_empty", language)));
        }
        sb.append(SystemTexts.get("my_data", language)).append("\n\n");
        Set<String> answeredSegments = new HashSet<>();
        answers.forEach(a -> answeredSegments.add(a.segment()));
        respondent.ifPresent(r -> {
            if (r.language() != null) {
                line(sb, language, SystemTexts.get("my_data_language", language),
                        be.buurtstem.engine.text.Locales.nativeName(r.language()));
            }
            // segments that an answer below shows in the resident's words are not repeated here
            r.segments().forEach((k, v) -> {
                if (!answeredSegments.contains(k)) { // a value that came with the link, not from an answer
                    line(sb, language, SystemTexts.get("my_data_from_link", language) + " (" + k + ")",
                            String.valueOf(v));
                }
            });
            for (Consent c : r.consents()) {
                String title = catalog.version(c.questionnaire(), c.version()).map(s -> s.title(language))
                        .orElse(c.questionnaire());
                line(sb, language, SystemTexts.get("my_data_consent", language) + " (" + title + ")",
                        SystemTexts.get(c.given() ? "yes" : "no", language) + ", " + TIME.format(c.at()));
            }
        });
        session.ifPresent(s -> line(sb, language, SystemTexts.get("my_data_conversation", language),
                catalog.version(s.questionnaire(), s.questionnaireVersion()).map(x -> x.title(language))
                        .orElse(s.questionnaire()) + ", " + SystemTexts.get("my_data_status_" + s.status(), language)));
        for (StoredAnswer a : answers) {
            Optional<Survey> survey = catalog.version(a.questionnaire(), a.version());
            String question = survey.map(x -> x.questionLabel(a.question(), language)).orElse(null);
            String answer = survey.map(x -> x.answerLabel(a.question(), a.value(), a.text(), language)).orElse(null);
            sb.append("• ");
            line(sb, language, question != null ? question : a.question(), answer != null ? answer
                    : a.text() != null ? a.text() : String.valueOf(a.value()));
        }
        sb.append(unplacedLines(rid, language));
        return List.of(OutboundMessage.info(sb.toString().strip()));
    }

    /** Typed replies that fitted no option, one line each, marked with "(?)"; empty when there are none. */
    public String unplacedLines(String rid, String language) {
        StringBuilder sb = new StringBuilder();
        for (UnplacedReply u : store.unplacedOf(rid)) {
            String question = catalog.version(u.questionnaire(), u.version())
                    .map(x -> x.questionLabel(u.question(), language)).orElse(u.question());
            sb.append("• ");
            line(sb, language, question + " (?)", u.text());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String language, String label, String value) {
        sb.append(Describe.isolate(label, language)).append(": ").append(Describe.isolate(value, language))
                .append('\n');
    }
}
