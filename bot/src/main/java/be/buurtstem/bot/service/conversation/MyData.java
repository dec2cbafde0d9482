package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.run.Describe;
import org.bson.Document;

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
        Optional<Document> respondent = store.respondent(rid);
        List<Document> answers = store.answersOf(rid);
        Optional<SessionRecord> session = store.session(rid);
        if (respondent.isEmpty() && answers.isEmpty() && session.isEmpty()) {
            return List.of(OutboundMessage.info(SystemTexts.get("my_data_empty", language)));
        }
        sb.append(SystemTexts.get("my_data", language)).append("\n\n");
        Set<String> answeredSegments = new HashSet<>();
        answers.forEach(a -> answeredSegments.add(a.getString("segment")));
        respondent.ifPresent(r -> {
            if (r.getString("language") != null) {
                line(sb, language, SystemTexts.get("my_data_language", language),
                        be.buurtstem.engine.text.Locales.nativeName(r.getString("language")));
            }
            Document segments = r.get("segments", Document.class);
            if (segments != null) {
                // segments that an answer below shows in the resident's words are not repeated here
                segments.forEach((k, v) -> {
                    if (!answeredSegments.contains(k)) { // a value that came with the link, not from an answer
                        line(sb, language, SystemTexts.get("my_data_from_link", language) + " (" + k + ")",
                                String.valueOf(v));
                    }
                });
            }
            for (Document c : r.getList("consents", Document.class, List.of())) {
                String title = catalog.version(c.getString("questionnaire"), c.getInteger("version", 1))
                        .map(s -> s.title(language)).orElse(c.getString("questionnaire"));
                line(sb, language, SystemTexts.get("my_data_consent", language) + " (" + title + ")",
                        SystemTexts.get(Boolean.TRUE.equals(c.getBoolean("given")) ? "yes" : "no", language) + ", "
                                + TIME.format(c.getDate("at").toInstant()));
            }
        });
        session.ifPresent(s -> line(sb, language, SystemTexts.get("my_data_conversation", language),
                catalog.version(s.questionnaire(), s.questionnaireVersion()).map(x -> x.title(language))
                        .orElse(s.questionnaire()) + ", " + SystemTexts.get("my_data_status_" + s.status(), language)));
        for (Document a : answers) {
            Optional<Survey> survey = catalog.version(a.getString("questionnaire"), a.getInteger("version", 1));
            String question = survey.map(x -> x.questionLabel(a.getString("question"), language)).orElse(null);
            String answer = survey.map(x -> x.answerLabel(a.getString("question"), a.get("value"), a.getString("text"),
                    language)).orElse(null);
            sb.append("• ");
            line(sb, language, question != null ? question : a.getString("question"), answer != null ? answer
                    : a.getString("text") != null ? a.getString("text") : String.valueOf(a.get("value")));
        }
        sb.append(unplacedLines(rid, language));
        return List.of(OutboundMessage.info(sb.toString().strip()));
    }

    /** Typed replies that fitted no option, one line each, marked with "(?)"; empty when there are none. */
    public String unplacedLines(String rid, String language) {
        StringBuilder sb = new StringBuilder();
        for (Document u : store.unplacedOf(rid)) {
            String question = catalog.version(u.getString("questionnaire"), u.getInteger("version", 1))
                    .map(x -> x.questionLabel(u.getString("question"), language)).orElse(u.getString("question"));
            sb.append("• ");
            line(sb, language, question + " (?)", u.getString("text"));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String language, String label, String value) {
        sb.append(Describe.isolate(label, language)).append(": ").append(Describe.isolate(value, language))
                .append('\n');
    }
}
