package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.ConcurrentUpdateException;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.AnswerRecord;
import be.buurtstem.bot.service.survey.BotMessage;
import be.buurtstem.bot.service.survey.ResidentInput;
import be.buurtstem.bot.service.survey.Step;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.bot.service.survey.SurveyEvent;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The channel-neutral heart of the service: one inbound message in, its effects stored, the replies handed to the
 * channel's {@link Delivery}, the message marked processed. Messages of one resident are applied one at a time
 * (a striped lock on the respondent id, plus the session's optimistic-lock version against other instances);
 * different residents proceed in parallel. The caller calls {@link Store#durability()} {@code .sync()} before it
 * confirms anything.
 */
public class ConversationService {
    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    /** A name of a start link's pair ({@code area} in {@code buurt__area-noord}). */
    public static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    /**
     * A start link's value: letters of any script, digits, "-" and "_" ("sint-gillis", "schaerbeek_2"; a Telegram
     * deep link holds only A–Z, a–z, 0–9, "_" and "-"), never "__", which separates the pairs.
     */
    public static final Pattern SEGMENT_VALUE = Pattern.compile("(?!.*__)[\\p{L}\\p{N}_-]{1,40}");
    private static final int REMEMBERED_INPUTS = 20;

    private final Store store;
    private final SurveyCatalog catalog;
    private final RespondentIds ids;
    private final List<AnswerListener> listeners;
    private final Duration welcomeBackAfter;
    private final String defaultLanguage;
    private final ReentrantLock[] locks = new ReentrantLock[1024];

    public ConversationService(Store store, SurveyCatalog catalog, RespondentIds ids, List<AnswerListener> listeners,
                               Duration welcomeBackAfter, String defaultLanguage) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.listeners = List.copyOf(listeners);
        this.welcomeBackAfter = welcomeBackAfter;
        this.defaultLanguage = defaultLanguage;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The outcome of one inbound message: the respondent id, what was said, and whether it was a duplicate. */
    public record Result(String respondent, List<BotMessage> messages, boolean duplicate, String language) {
    }

    public String respondentId(String channel, String chat) {
        return ids.respondentId(channel, chat);
    }

    public Result handle(Inbound in, Delivery delivery) {
        String rid = ids.respondentId(in.channel(), in.chat());
        ReentrantLock lock = locks[Math.floorMod(rid.hashCode(), locks.length)];
        lock.lock();
        try {
            if (in.inputId() != null && store.isProcessed(in.inputId())) {
                log.info("duplicate input ignored input={} respondent={}", in.inputId(), RespondentIds.logTag(rid));
                return new Result(rid, List.of(), true, null);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return apply(rid, in, delivery);
                } catch (ConcurrentUpdateException e) {
                    if (attempt >= 3) {
                        throw e;
                    }
                    log.warn("session changed concurrently, retrying respondent={}", RespondentIds.logTag(rid));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Result apply(String rid, Inbound in, Delivery delivery) {
        Optional<SessionRecord> existing = store.session(rid);
        if (existing.isPresent() && in.inputId() != null && existing.get().appliedInputs().contains(in.inputId())) {
            // applied before a crash, but not marked processed. On the embedded store its replies reached the disk
            // with the session; on a store that takes each write on its own (MONGODB_URI, the db command) the crash
            // may have come between the session and its replies: they are queued again under the same ids, which
            // changes nothing for replies still queued (TwoInstancesTest lost a reply to a SIGKILL without this)
            delivery.persist(rid, in.chat(), in.inputId(), existing.get().language(), existing.get().lastMessages());
            store.markProcessed(in.inputId(), rid, in.at());
            return new Result(rid, List.of(), true, existing.get().language());
        }
        Optional<Document> respondent = store.respondent(rid);
        if (respondent.map(r -> Boolean.TRUE.equals(r.getBoolean("blocked"))).orElse(false)) {
            store.updateRespondent(rid, in.channel(), Updates.set("blocked", false), in.at()); // they came back
        }
        String language = languageFor(respondent, existing, in.suggestedLanguage());
        boolean active = existing.isPresent() && existing.get().active() && surveyOf(existing.get()).isPresent();
        return switch (in.action()) {
            // in a conversation the engine asks for confirmation first, and shows the answers in its own words
            case Inbound.DeleteMyData d when active -> onAnswer(rid, in, existing, new ResidentInput.Choice("delete"),
                    language, delivery);
            case Inbound.ShowMyData d when active -> onAnswer(rid, in, existing, new ResidentInput.Choice("mydata"),
                    language, delivery);
            case Inbound.DeleteMyData d -> askDelete(rid, in, existing, language, delivery);
            case Inbound.ShowMyData d -> say(rid, in, existing, myData(rid, language), delivery, language);
            case Inbound.Unsupported u -> say(rid, in, existing, List.of(BotMessage.text(SystemTexts.get("unsupported",
                    language))), delivery, language);
            case Inbound.Start s -> onStart(rid, in, existing, s.payload(), language, delivery);
            case Inbound.Pick p -> onPick(rid, in, existing, p.questionnaireId(), Map.of(), language, delivery);
            case Inbound.Answer a -> onAnswer(rid, in, existing, a.input(), language, delivery);
        };
    }

    private Result onStart(String rid, Inbound in, Optional<SessionRecord> existing, String payload, String language,
                           Delivery delivery) {
        if (payload != null && !payload.isBlank()) {
            String[] parts = payload.split("__");
            Map<String, String> segments = new LinkedHashMap<>();
            for (int i = 1; i < parts.length && segments.size() < 5; i++) {
                int dash = parts[i].indexOf('-');
                if (dash > 0) {
                    String field = parts[i].substring(0, dash);
                    String value = parts[i].substring(dash + 1);
                    if (SEGMENT.matcher(field).matches() && SEGMENT_VALUE.matcher(value).matches()) {
                        segments.put(field, value);
                    }
                }
            }
            if (catalog.current(parts[0]).isPresent()) {
                return onPick(rid, in, existing, parts[0], segments, language, delivery);
            }
        }
        if (existing.isPresent() && existing.get().active() && surveyOf(existing.get()).isPresent()) {
            return welcomeBack(rid, in, existing.get(), delivery);
        }
        List<Survey> all = catalog.current();
        if (all.size() == 1) {
            return onPick(rid, in, existing, all.getFirst().id(), Map.of(), language, delivery);
        }
        return offer(rid, in, existing, language, delivery);
    }

    private Result onPick(String rid, Inbound in, Optional<SessionRecord> existing, String questionnaireId,
                          Map<String, String> segments, String language, Delivery delivery) {
        if (existing.isPresent() && existing.get().active() && existing.get().questionnaire().equals(questionnaireId)
                && surveyOf(existing.get()).isPresent()) {
            return welcomeBack(rid, in, existing.get(), delivery);
        }
        Optional<Survey> survey = catalog.current(questionnaireId);
        if (survey.isEmpty()) {
            return offer(rid, in, existing, language, delivery);
        }
        Survey s = survey.get();
        // A resident whose language nobody knows (no earlier choice, a platform language the questionnaire does not
        // speak) is asked for it before the welcome and the consent: the engine shows the language picker first.
        String lang = knowsLanguage(rid, existing, in.suggestedLanguage(), s) ? pickLanguage(language, s) : null;
        Step step = s.start(lang, segments, in.at());
        lang = s.language(step.state());
        log.info("conversation started questionnaire={} version={} language={} respondent={}", s.id(), s.version(),
                lang, RespondentIds.logTag(rid));
        SessionRecord fresh = new SessionRecord(rid, in.channel(), s.id(), s.version(), lang, step.state(),
                SessionRecord.ACTIVE, List.of(), List.of(), segments, in.at(), in.at(), 0);
        long expected = existing.map(SessionRecord::version).orElse(0L);
        return applyStep(rid, in, fresh, expected, s, step, List.of(), delivery);
    }

    private Result onAnswer(String rid, Inbound in, Optional<SessionRecord> existing, ResidentInput input,
                            String language, Delivery delivery) {
        if (input instanceof ResidentInput.Choice h && h.id().startsWith("h:")) {
            List<String> candidates = existing.map(SessionRecord::lastMessages).orElse(List.of()).stream()
                    .flatMap(m -> m.buttons().stream()).map(BotMessage.Button::id).toList();
            input = be.buurtstem.bot.service.telegram.CallbackData.decode(h.id(), candidates)
                    .<ResidentInput>map(ResidentInput.Choice::new).orElse(new ResidentInput.Text(""));
        }
        if (input instanceof ResidentInput.Choice c && c.id().startsWith("q:")) {
            return onPick(rid, in, existing, c.id().substring(2), Map.of(), language, delivery);
        }
        if (existing.isEmpty() || !existing.get().active()) {
            Result afterTheEnd = afterTheEnd(rid, in, existing, input, language, delivery);
            if (afterTheEnd != null) {
                return afterTheEnd;
            }
            List<Survey> all = catalog.current();
            if (all.size() == 1) {
                return onPick(rid, in, existing, all.getFirst().id(), Map.of(), language, delivery);
            }
            return offer(rid, in, existing, language, delivery);
        }
        SessionRecord session = existing.get();
        Optional<Survey> survey = surveyOf(session);
        if (survey.isEmpty()) {
            log.warn("questionnaire version no longer available questionnaire={} version={}", session.questionnaire(),
                    session.questionnaireVersion());
            return offer(rid, in, existing, language, delivery);
        }
        boolean idle = Duration.between(session.updatedAt(), in.at()).compareTo(welcomeBackAfter) > 0
                && !survey.get().paused(session.state()); // a paused conversation: the engine greets, once
        if (idle && input instanceof ResidentInput.Text) {
            return welcomeBack(rid, in, session, delivery);
        }
        Step step = survey.get().reply(session.state(), input, in.at());
        List<BotMessage> prefix = idle ? List.of(BotMessage.text(SystemTexts.get("welcome_back", session.language())))
                : List.of();
        return applyStep(rid, in, session, session.version(), survey.get(), step, prefix, delivery);
    }

    private Result applyStep(String rid, Inbound in, SessionRecord session, long expectedVersion, Survey survey,
                             Step step, List<BotMessage> prefix, Delivery delivery) {
        List<BotMessage> out = new ArrayList<>(prefix);
        List<BotMessage> after = new ArrayList<>();
        String status = session.status();
        String language = survey.language(step.state()); // parses the state: once per message
        for (SurveyEvent event : step.events()) {
            switch (event) {
                case SurveyEvent.AnswerRecorded a -> storeAnswer(rid, in, session, a.answer());
                case SurveyEvent.ConsentGiven c -> {
                    store.recordConsent(rid, in.channel(), c.questionnaireId(), c.version(), true, c.at());
                    keepLinkSegments(rid, in, session);
                }
                case SurveyEvent.ConsentRefused c -> {
                    store.recordConsent(rid, in.channel(), c.questionnaireId(), c.version(), false, c.at());
                    status = SessionRecord.REFUSED;
                }
                case SurveyEvent.LanguageChanged l -> store.updateRespondent(rid, in.channel(),
                        Updates.set("language", l.to()), in.at());
                case SurveyEvent.DeleteRequested d -> {
                    return deleteEverything(rid, in, language, delivery);
                }
                case SurveyEvent.DataRequested d -> {
                    if (step.messages().isEmpty()) {
                        out.addAll(myData(rid, language));
                    } else {
                        // the engine lists the answers it holds; replies that fitted no option only the service keeps
                        String kept = unplacedLines(rid, language);
                        if (!kept.isEmpty()) {
                            after.add(BotMessage.text(kept.strip()));
                        }
                    }
                }
                case SurveyEvent.Completed c -> status = SessionRecord.COMPLETED;
                case SurveyEvent.Stopped s -> status = SessionRecord.STOPPED;
                case SurveyEvent.Unplaced u -> storeUnplaced(rid, in, survey, u);
                case SurveyEvent.Other o -> log.debug("engine event {} respondent={}", o.kind(), RespondentIds.logTag(rid));
            }
        }
        out.addAll(step.messages());
        out.addAll(after);
        List<String> applied = new ArrayList<>(session.appliedInputs());
        if (in.inputId() != null) {
            applied.add(in.inputId());
        }
        while (applied.size() > REMEMBERED_INPUTS) {
            applied.removeFirst();
        }
        List<BotMessage> last = step.messages().isEmpty() ? session.lastMessages() : step.messages();
        SessionRecord next = new SessionRecord(rid, session.channel(), survey.id(), survey.version(), language,
                step.state(), status, last, applied, session.linkSegments(), session.startedAt(), in.at(),
                session.version());
        store.saveSession(next, expectedVersion);
        if (!SessionRecord.ACTIVE.equals(status)) {
            log.info("conversation ended questionnaire={} status={} respondent={}", survey.id(), status,
                    RespondentIds.logTag(rid));
        }
        return finish(rid, in, out, delivery, language);
    }

    /** Segment values from the deep link become part of the respondent once they take part (never before). */
    private void keepLinkSegments(String rid, Inbound in, SessionRecord session) {
        if (!session.linkSegments().isEmpty()) {
            List<org.bson.conversions.Bson> sets = new ArrayList<>();
            session.linkSegments().forEach((k, v) -> sets.add(Updates.set("segments." + k, v)));
            store.updateRespondent(rid, in.channel(), Updates.combine(sets), in.at());
        }
    }

    private void storeAnswer(String rid, Inbound in, SessionRecord session, AnswerRecord a) {
        keepLinkSegments(rid, in, session);
        Document respondent = store.respondent(rid).orElse(new Document());
        Document segments = respondent.get("segments", Document.class);
        if (a.segment() != null && !a.segment().isBlank()) {
            String value = a.value() == null ? null : String.valueOf(a.value());
            store.updateRespondent(rid, in.channel(), Updates.set("segments." + a.segment(), value), in.at());
            segments = segments == null ? new Document() : segments;
            segments.put(a.segment(), value);
        }
        String id = rid + ":" + a.questionnaireId() + ":" + a.version() + ":" + a.questionId() + ":" + a.round();
        Document doc = new Document("respondent", rid).append("questionnaire", a.questionnaireId())
                .append("version", a.version()).append("question", a.questionId()).append("round", a.round())
                .append("kind", a.kind()).append("value", toBson(a.value())).append("text", a.text())
                .append("language", a.language()).append("segment", a.segment()).append("block", a.block())
                .append("segments", segments == null ? new Document() : segments).append("channel", in.channel())
                .append("codes", List.of()).append("at", Date.from(a.at() == null ? in.at() : a.at()))
                .append("receivedAt", Date.from(in.at()));
        store.putAnswer(id, doc);
        for (AnswerListener listener : listeners) {
            listener.answerStored(doc);
        }
    }

    private void storeUnplaced(String rid, Inbound in, Survey survey, SurveyEvent.Unplaced u) {
        // One document per inbound message: a redelivered update overwrites its own copy instead of adding one.
        String id = rid + ":" + (in.inputId() != null ? in.inputId() : Long.toString(in.at().toEpochMilli()));
        store.putUnplaced(id, new Document("respondent", rid).append("questionnaire", survey.id())
                .append("version", survey.version()).append("question", u.question()).append("text", u.typed())
                .append("channel", in.channel()).append("at", Date.from(in.at())));
    }

    @SuppressWarnings("unchecked")
    private static Object toBson(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document d = new Document();
            map.forEach((k, v) -> d.put(String.valueOf(k), toBson(v)));
            return d;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConversationService::toBson).toList();
        }
        if (value instanceof java.math.BigDecimal bd) {
            return bd.doubleValue();
        }
        return value;
    }

    private Result welcomeBack(String rid, Inbound in, SessionRecord session, Delivery delivery) {
        Optional<Survey> survey = surveyOf(session);
        if (survey.isPresent() && survey.get().paused(session.state())) {
            // After "stop" the last messages say "we pause here": the engine resumes instead, with one greeting
            // and the question.
            Step step = survey.get().reply(session.state(), new ResidentInput.Text(""), in.at());
            return applyStep(rid, in, session, session.version(), survey.get(), step, List.of(), delivery);
        }
        List<BotMessage> out = new ArrayList<>();
        out.add(BotMessage.text(SystemTexts.get("welcome_back", session.language())));
        out.addAll(session.lastMessages());
        List<String> applied = new ArrayList<>(session.appliedInputs());
        if (in.inputId() != null) {
            applied.add(in.inputId());
        }
        while (applied.size() > REMEMBERED_INPUTS) {
            applied.removeFirst();
        }
        store.saveSession(new SessionRecord(rid, session.channel(), session.questionnaire(),
                session.questionnaireVersion(), session.language(), session.state(), session.status(),
                session.lastMessages(), applied, session.linkSegments(), session.startedAt(), in.at(),
                session.version()), session.version());
        return finish(rid, in, out, delivery, session.language());
    }

    private Result offer(String rid, Inbound in, Optional<SessionRecord> existing, String language, Delivery delivery) {
        List<Survey> all = catalog.current();
        if (all.isEmpty()) {
            return say(rid, in, existing, List.of(BotMessage.text(SystemTexts.get("none", language))), delivery, language);
        }
        List<BotMessage.Button> buttons = all.stream()
                .map(s -> new BotMessage.Button("q:" + s.id(), s.title(pickLanguage(language, s)))).toList();
        return say(rid, in, existing, List.of(new BotMessage(SystemTexts.get("choose", language), buttons,
                BotMessage.Expect.CHOICE)), delivery, language);
    }

    private Result say(String rid, Inbound in, Optional<SessionRecord> existing, List<BotMessage> messages,
                       Delivery delivery, String language) {
        return finish(rid, in, messages, delivery, language);
    }

    private Result finish(String rid, Inbound in, List<BotMessage> out, Delivery delivery, String language) {
        delivery.persist(rid, in.chat(), in.inputId(), language, out);
        if (in.inputId() != null) {
            store.markProcessed(in.inputId(), rid, in.at());
        }
        return new Result(rid, List.copyOf(out), false, language);
    }

    /**
     * What a resident types or presses when no conversation is going on: "delete my answers" / "effacer mes
     * réponses" (asked to confirm first), "my data", and the answer to the confirmation. Null: none of these.
     */
    private Result afterTheEnd(String rid, Inbound in, Optional<SessionRecord> existing, ResidentInput input,
                               String language, Delivery delivery) {
        Boolean confirmed = null;
        if (input instanceof ResidentInput.Choice c) {
            // "yes"/"no" as the engine's own confirmation sends them, once asked; "delete:yes" even without a session
            boolean asked = askedToDelete(existing);
            confirmed = c.id().equals(DELETE_YES) || asked && c.id().equals("yes") ? Boolean.TRUE
                    : c.id().equals(DELETE_NO) || asked && c.id().equals("no") ? Boolean.FALSE : null;
        } else if (input instanceof ResidentInput.Text t) {
            String command = be.buurtstem.engine.input.Words.command(t.text());
            if ("delete".equals(command)) {
                return askDelete(rid, in, existing, language, delivery);
            }
            if ("mydata".equals(command)) {
                return say(rid, in, existing, myData(rid, language), delivery, language);
            }
            if (askedToDelete(existing)) {
                confirmed = be.buurtstem.engine.input.Words.yesNo(be.buurtstem.engine.text.Fold.key(t.text()), language);
            }
        }
        if (Boolean.TRUE.equals(confirmed)) {
            return deleteEverything(rid, in, language, delivery);
        }
        if (Boolean.FALSE.equals(confirmed)) {
            remember(existing, in, List.of());
            return say(rid, in, existing, List.of(BotMessage.text(SystemTexts.get("delete_kept", language))), delivery,
                    language);
        }
        return null;
    }

    static final String DELETE_YES = "delete:yes";
    static final String DELETE_NO = "delete:no";

    /** Every delete is confirmed first: "Do you really want to delete all your answers?" with yes and no. */
    private Result askDelete(String rid, Inbound in, Optional<SessionRecord> existing, String language,
                             Delivery delivery) {
        if (existing.isEmpty() && store.respondent(rid).isEmpty() && store.answersOf(rid).isEmpty()) {
            return say(rid, in, existing, List.of(BotMessage.text(SystemTexts.get("my_data_empty", language))),
                    delivery, language);
        }
        // The same button ids as the engine's confirmation when the question can be remembered with the session;
        // without a session, ids that say what they confirm.
        boolean remembered = existing.isPresent();
        BotMessage ask = new BotMessage(SystemTexts.get("delete_confirm", language), List.of(
                new BotMessage.Button(remembered ? "yes" : DELETE_YES, SystemTexts.get("yes", language)),
                new BotMessage.Button(remembered ? "no" : DELETE_NO, SystemTexts.get("no", language))),
                BotMessage.Expect.CHOICE);
        remember(existing, in, List.of(ask));
        return say(rid, in, existing, List.of(ask), delivery, language);
    }

    /** After the end of a conversation, only {@link #askDelete} leaves yes/no buttons as the session's last messages. */
    private static boolean askedToDelete(Optional<SessionRecord> existing) {
        return existing.filter(s -> !s.active()).map(SessionRecord::lastMessages).orElse(List.of()).stream()
                .anyMatch(m -> m.buttons().stream().anyMatch(b -> b.id().equals("yes") || b.id().equals(DELETE_YES)));
    }

    /** Keeps the question asked outside a conversation as the session's last messages (for a typed "ja"). */
    private void remember(Optional<SessionRecord> existing, Inbound in, List<BotMessage> last) {
        existing.ifPresent(s -> store.saveSession(new SessionRecord(s.respondent(), s.channel(), s.questionnaire(),
                s.questionnaireVersion(), s.language(), s.state(), s.status(), last, s.appliedInputs(),
                s.linkSegments(), s.startedAt(), in.at(), s.version()), s.version()));
    }

    private Result deleteEverything(String rid, Inbound in, String language, Delivery delivery) {
        Map<String, Long> removed = store.deleteRespondent(rid, in.chat());
        log.info("respondent data deleted answers={}", removed.get("answers"));
        for (AnswerListener listener : listeners) {
            try {
                listener.respondentDeleted(rid);
            } catch (RuntimeException e) {
                log.warn("listener after deletion failed: {}", e.getClass().getSimpleName());
            }
        }
        List<BotMessage> out = List.of(BotMessage.text(SystemTexts.get("deleted", language)));
        delivery.persist(null, in.chat(), in.inputId(), language, out);
        if (in.inputId() != null) {
            store.markProcessed(in.inputId(), null, in.at());
        }
        return new Result(rid, out, false, language);
    }

    /**
     * Everything kept about the resident, in their language: the questions in their own words and the answers as
     * the resident saw them (option labels, never ids); right-to-left languages isolate each part (FSI … PDI).
     */
    private List<BotMessage> myData(String rid, String language) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        Optional<Document> respondent = store.respondent(rid);
        List<Document> answers = store.answersOf(rid);
        Optional<SessionRecord> session = store.session(rid);
        if (respondent.isEmpty() && answers.isEmpty() && session.isEmpty()) {
            return List.of(BotMessage.text(SystemTexts.get("my_data_empty", language)));
        }
        sb.append(SystemTexts.get("my_data", language)).append("\n\n");
        java.util.Set<String> answeredSegments = new java.util.HashSet<>();
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
                                + time.format(c.getDate("at").toInstant()));
            }
        });
        session.ifPresent(s -> line(sb, language, SystemTexts.get("my_data_conversation", language),
                surveyOf(s).map(x -> x.title(language)).orElse(s.questionnaire()) + ", "
                        + SystemTexts.get("my_data_status_" + s.status(), language)));
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
        return List.of(BotMessage.text(sb.toString().strip()));
    }

    private static void line(StringBuilder sb, String language, String label, String value) {
        sb.append(be.buurtstem.engine.run.Describe.isolate(label, language)).append(": ")
                .append(be.buurtstem.engine.run.Describe.isolate(value, language)).append('\n');
    }

    /** Typed replies that fitted no option, one line each, marked with "(?)"; empty when there are none. */
    private String unplacedLines(String rid, String language) {
        StringBuilder sb = new StringBuilder();
        for (Document u : store.unplacedOf(rid)) {
            String question = catalog.version(u.getString("questionnaire"), u.getInteger("version", 1))
                    .map(x -> x.questionLabel(u.getString("question"), language)).orElse(u.getString("question"));
            sb.append("• ");
            line(sb, language, question + " (?)", u.getString("text"));
        }
        return sb.toString();
    }

    private Optional<Survey> surveyOf(SessionRecord s) {
        return catalog.version(s.questionnaire(), s.questionnaireVersion());
    }

    private String languageFor(Optional<Document> respondent, Optional<SessionRecord> session, String suggested) {
        if (session.isPresent() && session.get().language() != null) {
            return session.get().language();
        }
        String known = respondent.map(d -> d.getString("language")).orElse(null);
        if (known != null) {
            return known;
        }
        String base = SystemTexts.base(suggested);
        return SystemTexts.LANGUAGES.contains(base) ? base : defaultLanguage;
    }

    private boolean knowsLanguage(String rid, Optional<SessionRecord> session, String suggested, Survey s) {
        if (session.isPresent() && session.get().language() != null
                || store.respondent(rid).map(d -> d.getString("language")).orElse(null) != null) {
            return true;
        }
        String base = SystemTexts.base(suggested);
        return s.languages().stream().anyMatch(l -> SystemTexts.base(l).equals(base));
    }

    /** The resident's language if the questionnaire speaks it (exactly or by base language), else its default. */
    static String pickLanguage(String wanted, Survey s) {
        if (wanted != null) {
            for (String l : s.languages()) {
                if (l.equalsIgnoreCase(wanted)) {
                    return l;
                }
            }
            String base = SystemTexts.base(wanted);
            for (String l : s.languages()) {
                if (SystemTexts.base(l).equals(base)) {
                    return l;
                }
            }
        }
        return s.defaultLanguage();
    }
}
