package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.buurtkaart.MapWords;
import be.buurtstem.bot.service.conversation.effects.Effects;
import be.buurtstem.bot.service.conversation.effects.EventHandlers;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.InboundRead;
import be.buurtstem.bot.service.store.Respondent;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The channel-neutral heart of the service: one inbound message in, its effects stored, the replies handed to the
 * channel's {@link Delivery}, the message marked processed. It speaks the engine's own types: the engine's
 * {@link Input} in, its {@link Turn} out, whose events each have a small handler ({@code effects/}) that turns them
 * into effects, after one read of what the message needs ({@link Store#read}); the effects are gathered per message
 * and written with other messages' at the next sync, one bulk write per collection ({@link #commit},
 * {@code store.WriteBehind}). Messages of one resident are applied one at a time (a striped lock on the respondent
 * id, plus the session's optimistic-lock version against other instances); different residents proceed in
 * parallel. The caller syncs the store ({@code store.durability().sync()}, once per batch of messages) before it
 * confirms anything: only then are the message's effects written and on disk.
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
    private final MyData myData;
    private final MapPictures maps;
    private final EventHandlers handlers;
    private final ReentrantLock[] locks = new ReentrantLock[1024];
    private volatile ChatSeen chatSeen = (respondent, channel, chat, questionnaire, version, paused, at) -> { };

    /**
     * Told of each message of a conversation that goes on (the reminders keep a Telegram chat's address for the one
     * reminder they may send, service/reminders). Must be quick; a failure is logged and changes nothing else.
     */
    @FunctionalInterface
    public interface ChatSeen {
        /** {@code paused}: this message was "stop" (the engine's state is paused). */
        void seen(String respondent, String channel, String chat, String questionnaire, int version, boolean paused,
                  java.time.Instant at);
    }

    public void onChatSeen(ChatSeen hook) {
        this.chatSeen = hook;
    }

    public ConversationService(Store store, SurveyCatalog catalog, RespondentIds ids, List<AnswerListener> listeners,
                               Duration welcomeBackAfter, String defaultLanguage) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.listeners = List.copyOf(listeners);
        this.welcomeBackAfter = welcomeBackAfter;
        this.defaultLanguage = defaultLanguage;
        this.myData = new MyData(store, catalog);
        this.maps = new MapPictures(store, catalog);
        this.handlers = new EventHandlers(myData);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The outcome of one inbound message: the respondent id, what was said, and whether it was a duplicate. */
    public record Result(String respondent, List<OutboundMessage> messages, boolean duplicate, String language) {
    }

    public String respondentId(String channel, String chat) {
        return ids.respondentId(channel, chat);
    }

    public Result handle(Inbound in, Delivery delivery) {
        String rid = ids.respondentId(in.channel(), in.chat());
        ReentrantLock lock = locks[Math.floorMod(rid.hashCode(), locks.length)];
        lock.lock();
        try {
            // every write of this message is gathered and written with other messages' at the next sync
            // no retry here: inside a unit a session write only queues; a session another instance changed meanwhile
            // is found when the unit is written, and its sync fails, so the update comes again (WriteBehind)
            return store.unit(() -> {
                InboundRead read = store.read(rid, in.inputId());
                if (read.processed()) {
                    log.info("duplicate input ignored input={} respondent={}", in.inputId(), RespondentIds.logTag(rid));
                    return new Result(rid, List.of(), true, null);
                }
                return apply(rid, in, read, delivery);
            });
        } finally {
            lock.unlock();
        }
    }

    /** One message with what was read for it: the session, the respondent, the language to speak. */
    private record Ctx(String rid, Inbound in, Optional<SessionRecord> existing, Optional<Respondent> respondent,
                       String language, Delivery delivery) {
        boolean active(ConversationService s) {
            return existing.isPresent() && existing.get().active() && s.surveyOf(existing.get()).isPresent();
        }
    }

    private Result apply(String rid, Inbound in, InboundRead read, Delivery delivery) {
        Optional<SessionRecord> existing = read.session();
        if (existing.isPresent() && in.inputId() != null && existing.get().appliedInputs().contains(in.inputId())) {
            // applied before a crash, but not marked processed. On the embedded store its replies reached the disk
            // with the session; on a store that takes each write on its own (MONGODB_URI, the db command) the crash
            // may have come between the session and its replies: they are queued again under the same ids, which
            // changes nothing for replies still queued (TwoInstancesTest lost a reply to a SIGKILL without this)
            delivery.persist(rid, in.chat(), in.inputId(), existing.get().language(), existing.get().lastMessages());
            store.markProcessed(in.inputId(), rid, in.at());
            return new Result(rid, List.of(), true, existing.get().language());
        }
        Optional<Respondent> respondent = read.respondent();
        if (respondent.map(Respondent::blocked).orElse(false)) {
            store.markBack(rid, in.channel(), in.at()); // they came back
        }
        Ctx c = new Ctx(rid, in, existing, respondent, languageFor(respondent, existing, in.suggestedLanguage()),
                delivery);
        boolean active = c.active(this);
        return switch (in.action()) {
            // in a conversation the engine asks for confirmation first, and shows the answers in its own words
            case Inbound.DeleteMyData d when active -> onAnswer(c, Input.choice("delete"));
            case Inbound.ShowMyData d when active -> onAnswer(c, Input.choice("mydata"));
            case Inbound.DeleteMyData d -> askDelete(c);
            case Inbound.ShowMyData d -> say(c, myData.of(rid, c.language()), c.language());
            case Inbound.Unsupported u -> say(c, List.of(OutboundMessage.info(SystemTexts.get("unsupported",
                    c.language()))), c.language());
            case Inbound.ShowMyMap m -> showMap(c);
            // typed "mijn kaart" asks for the map only outside a conversation (inside one it may be an answer);
            // the web chat's typed "/kaart" always does, as Telegram's command does
            case Inbound.Answer a when MapWords.slashCommand(a.input()) || !active && MapWords.asks(a.input()) ->
                    showMap(c);
            case Inbound.Start s -> onStart(c, s.payload());
            case Inbound.Pick p -> onPick(c, p.questionnaireId(), Map.of());
            case Inbound.Answer a -> onAnswer(c, a.input());
            case Inbound.Press p -> onAnswer(c, p.decode().apply(shownButtons(existing)).<Input>map(Input.Choice::new)
                    .orElse(new Input.Text("")));
        };
    }

    /** The resident's map picture (a reference the channel draws when sending), or why there is none. */
    private Result showMap(Ctx c) {
        String language = c.language();
        return say(c, List.of(maps.latest(c.rid()).map(MapMessage::of)
                .orElseGet(() -> OutboundMessage.info(MapPictures.noMap(language)))), language);
    }

    /** The ids of the buttons the resident was shown last: what a channel's hashed button press can mean. */
    private static List<String> shownButtons(Optional<SessionRecord> existing) {
        return existing.map(SessionRecord::lastMessages).orElse(List.of()).stream()
                .flatMap(m -> m.buttons().stream()).map(Button::id).toList();
    }

    private Result onStart(Ctx c, String payload) {
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
                return onPick(c, parts[0], segments);
            }
        }
        if (c.active(this)) {
            return welcomeBack(c, c.existing().get());
        }
        List<Survey> all = catalog.current();
        if (all.size() == 1) {
            return onPick(c, all.getFirst().id(), Map.of());
        }
        return offer(c);
    }

    private Result onPick(Ctx c, String questionnaireId, Map<String, String> segments) {
        Optional<SessionRecord> existing = c.existing();
        if (c.active(this) && existing.get().questionnaire().equals(questionnaireId)) {
            return welcomeBack(c, existing.get());
        }
        Optional<Survey> survey = catalog.current(questionnaireId);
        if (survey.isEmpty()) {
            return offer(c);
        }
        Survey s = survey.get();
        // A resident whose language nobody knows (no earlier choice, a platform language the questionnaire does not
        // speak) is asked for it before the welcome and the consent: the engine shows the language picker first.
        String lang = knowsLanguage(c, s) ? pickLanguage(c.language(), s) : null;
        Turn turn = s.start(lang, new RespondentContext(c.in().channel(), segments), c.in().at());
        lang = turn.state().language();
        log.info("conversation started questionnaire={} version={} language={} respondent={}", s.id(), s.version(),
                lang, RespondentIds.logTag(c.rid()));
        SessionRecord fresh = new SessionRecord(c.rid(), c.in().channel(), s.id(), s.version(), lang, turn.state(),
                SessionRecord.ACTIVE, List.of(), List.of(), segments, c.in().at(), c.in().at(), 0);
        long expected = existing.map(SessionRecord::version).orElse(0L);
        return applyTurn(c, fresh, expected, s, turn, List.of());
    }

    private Result onAnswer(Ctx c, Input input) {
        if (input instanceof Input.Choice ch && ch.optionId().startsWith("q:")) {
            return onPick(c, ch.optionId().substring(2), Map.of());
        }
        Optional<SessionRecord> existing = c.existing();
        if (existing.isEmpty() || !existing.get().active()) {
            Result afterTheEnd = afterTheEnd(c, input);
            if (afterTheEnd != null) {
                return afterTheEnd;
            }
            List<Survey> all = catalog.current();
            if (all.size() == 1) {
                return onPick(c, all.getFirst().id(), Map.of());
            }
            return offer(c);
        }
        SessionRecord session = existing.get();
        Optional<Survey> survey = surveyOf(session);
        if (survey.isEmpty()) {
            log.warn("questionnaire version no longer available questionnaire={} version={}", session.questionnaire(),
                    session.questionnaireVersion());
            return offer(c);
        }
        boolean idle = Duration.between(session.updatedAt(), c.in().at()).compareTo(welcomeBackAfter) > 0
                && !session.paused(); // a paused conversation: the engine greets, once
        if (idle && input instanceof Input.Text) {
            return welcomeBack(c, session);
        }
        Turn turn = survey.get().reply(session.state(), input, c.in().at());
        List<OutboundMessage> prefix = idle
                ? List.of(OutboundMessage.info(SystemTexts.get("welcome_back", session.language()))) : List.of();
        return applyTurn(c, session, session.version(), survey.get(), turn, prefix);
    }

    /** The turn's events through their handlers, then every effect written once (see {@link #commit}). */
    private Result applyTurn(Ctx c, SessionRecord session, long expectedVersion, Survey survey, Turn turn,
                             List<OutboundMessage> prefix) {
        Effects fx = handlers.apply(new Effects(c.rid(), c.in(), session, survey, turn, segmentsOf(c.respondent())));
        String language = fx.language();
        if (fx.deleteRequested()) {
            return deleteEverything(c, language);
        }
        List<OutboundMessage> out = new ArrayList<>(prefix);
        out.addAll(fx.before());
        out.addAll(turn.messages());
        out.addAll(fx.after());
        List<OutboundMessage> last = turn.messages().isEmpty() ? session.lastMessages() : turn.messages();
        SessionRecord next = new SessionRecord(c.rid(), session.channel(), survey.id(), survey.version(), language,
                turn.state(), fx.status(), last, applied(session, c.in()), session.linkSegments(), session.startedAt(),
                c.in().at(), session.version());
        commit(c, fx, next, expectedVersion, out, language);
        if (SessionRecord.ACTIVE.equals(fx.status())) {
            try {
                chatSeen.seen(c.rid(), c.in().channel(), c.in().chat(), survey.id(), survey.version(),
                        next.paused(), c.in().at());
            } catch (RuntimeException e) {
                log.warn("chat hook failed: {}", e.getClass().getSimpleName());
            }
        }
        if (!SessionRecord.ACTIVE.equals(fx.status())) {
            log.info("conversation ended questionnaire={} status={} respondent={}", survey.id(), fx.status(),
                    RespondentIds.logTag(c.rid()));
        }
        return new Result(c.rid(), List.copyOf(out), false, language);
    }

    /**
     * Hands the effects of one message to the store's unit (see {@link Store#unit}): the session (its optimistic
     * lock checked first when written, so a conflict writes nothing else), the respondent's changes, the answers,
     * the unplaced replies, the replies (the channel's delivery) and the processed mark; they are written together
     * with other messages' at the next sync, never split by a commit. The answer listeners hear of the answers once
     * they are written.
     */
    private void commit(Ctx c, Effects fx, SessionRecord next, long expectedVersion, List<OutboundMessage> out,
                        String language) {
        store.saveSession(next, expectedVersion);
        store.changeRespondent(c.rid(), c.in().channel(), fx.respondentChange(), c.in().at());
        List<StoredAnswer> answers = fx.answers();
        store.putAnswers(answers);
        store.putUnplaced(fx.unplaced());
        finish(c, out, language);
        if (!answers.isEmpty()) {
            store.afterWrite(() -> { // theme coding must find the answer it codes in the store
                for (StoredAnswer answer : answers) {
                    for (AnswerListener listener : listeners) {
                        listener.answerStored(answer);
                    }
                }
            });
        }
    }

    private static Map<String, String> segmentsOf(Optional<Respondent> respondent) {
        return respondent.map(Respondent::segments).orElse(Map.of());
    }

    private static List<String> applied(SessionRecord session, Inbound in) {
        List<String> applied = new ArrayList<>(session.appliedInputs());
        if (in.inputId() != null) {
            applied.add(in.inputId());
        }
        while (applied.size() > REMEMBERED_INPUTS) {
            applied.removeFirst();
        }
        return applied;
    }

    private Result welcomeBack(Ctx c, SessionRecord session) {
        Optional<Survey> survey = surveyOf(session);
        if (survey.isPresent() && session.paused()) {
            // After "stop" the last messages say "we pause here": the engine resumes instead, with one greeting
            // and the question.
            Turn turn = survey.get().reply(session.state(), new Input.Text(""), c.in().at());
            return applyTurn(c, session, session.version(), survey.get(), turn, List.of());
        }
        List<OutboundMessage> out = new ArrayList<>();
        out.add(OutboundMessage.info(SystemTexts.get("welcome_back", session.language())));
        out.addAll(session.lastMessages());
        store.saveSession(new SessionRecord(c.rid(), session.channel(), session.questionnaire(),
                session.questionnaireVersion(), session.language(), session.state(), session.status(),
                session.lastMessages(), applied(session, c.in()), session.linkSegments(), session.startedAt(),
                c.in().at(), session.version()), session.version());
        return say(c, out, session.language());
    }

    private Result offer(Ctx c) {
        String language = c.language();
        List<Survey> all = catalog.current();
        if (all.isEmpty()) {
            return say(c, List.of(OutboundMessage.info(SystemTexts.get("none", language))), language);
        }
        List<Button> buttons = all.stream()
                .map(s -> new Button("q:" + s.id(), s.title(pickLanguage(language, s)))).toList();
        return say(c, List.of(new OutboundMessage(SystemTexts.get("choose", language), buttons, Expect.CHOICE)),
                language);
    }

    private Result say(Ctx c, List<OutboundMessage> messages, String language) {
        finish(c, messages, language);
        return new Result(c.rid(), List.copyOf(messages), false, language);
    }

    private void finish(Ctx c, List<OutboundMessage> out, String language) {
        c.delivery().persist(c.rid(), c.in().chat(), c.in().inputId(), language, out);
        if (c.in().inputId() != null) {
            store.markProcessed(c.in().inputId(), c.rid(), c.in().at());
        }
    }

    /**
     * What a resident types or presses when no conversation is going on: "delete my answers" / "effacer mes
     * réponses" (asked to confirm first), "my data", and the answer to the confirmation. Null: none of these.
     */
    private Result afterTheEnd(Ctx c, Input input) {
        String language = c.language();
        Boolean confirmed = null;
        if (input instanceof Input.Choice ch) {
            // "yes"/"no" as the engine's own confirmation sends them, once asked; "delete:yes" even without a session
            boolean asked = askedToDelete(c.existing());
            String id = ch.optionId();
            confirmed = id.equals(DELETE_YES) || asked && id.equals("yes") ? Boolean.TRUE
                    : id.equals(DELETE_NO) || asked && id.equals("no") ? Boolean.FALSE : null;
        } else if (input instanceof Input.Text t) {
            String command = be.buurtstem.engine.input.Words.command(t.text());
            if ("delete".equals(command)) {
                return askDelete(c);
            }
            if ("mydata".equals(command)) {
                return say(c, myData.of(c.rid(), language), language);
            }
            if (askedToDelete(c.existing())) {
                confirmed = be.buurtstem.engine.input.Words.yesNo(be.buurtstem.engine.text.Fold.key(t.text()), language);
            }
        }
        if (Boolean.TRUE.equals(confirmed)) {
            return deleteEverything(c, language);
        }
        if (Boolean.FALSE.equals(confirmed)) {
            remember(c, List.of());
            return say(c, List.of(OutboundMessage.info(SystemTexts.get("delete_kept", language))), language);
        }
        return null;
    }

    static final String DELETE_YES = "delete:yes";
    static final String DELETE_NO = "delete:no";

    /** Every delete is confirmed first: "Do you really want to delete all your answers?" with yes and no. */
    private Result askDelete(Ctx c) {
        String language = c.language();
        if (c.existing().isEmpty() && c.respondent().isEmpty() && store.answerCount(c.rid()) == 0) {
            return say(c, List.of(OutboundMessage.info(SystemTexts.get("my_data_empty", language))), language);
        }
        // The same button ids as the engine's confirmation when the question can be remembered with the session;
        // without a session, ids that say what they confirm.
        boolean remembered = c.existing().isPresent();
        OutboundMessage ask = new OutboundMessage(SystemTexts.get("delete_confirm", language), List.of(
                new Button(remembered ? "yes" : DELETE_YES, SystemTexts.get("yes", language)),
                new Button(remembered ? "no" : DELETE_NO, SystemTexts.get("no", language))), Expect.CHOICE);
        remember(c, List.of(ask));
        return say(c, List.of(ask), language);
    }

    /** After the end of a conversation, only {@link #askDelete} leaves yes/no buttons as the session's last messages. */
    private static boolean askedToDelete(Optional<SessionRecord> existing) {
        return existing.filter(s -> !s.active()).map(SessionRecord::lastMessages).orElse(List.of()).stream()
                .anyMatch(m -> m.buttons().stream().anyMatch(b -> b.id().equals("yes") || b.id().equals(DELETE_YES)));
    }

    /** Keeps the question asked outside a conversation as the session's last messages (for a typed "ja"). */
    private void remember(Ctx c, List<OutboundMessage> last) {
        c.existing().ifPresent(s -> store.saveSession(new SessionRecord(s.respondent(), s.channel(), s.questionnaire(),
                s.questionnaireVersion(), s.language(), s.state(), s.status(), last, s.appliedInputs(),
                s.linkSegments(), s.startedAt(), c.in().at(), s.version()), s.version()));
    }

    private Result deleteEverything(Ctx c, String language) {
        Map<String, Long> removed = store.deleteRespondent(c.rid(), c.in().chat());
        log.info("respondent data deleted answers={}", removed.get("answers"));
        for (AnswerListener listener : listeners) {
            try {
                listener.respondentDeleted(c.rid());
            } catch (RuntimeException e) {
                log.warn("listener after deletion failed: {}", e.getClass().getSimpleName());
            }
        }
        List<OutboundMessage> out = List.of(OutboundMessage.info(SystemTexts.get("deleted", language)));
        c.delivery().persist(null, c.in().chat(), c.in().inputId(), language, out);
        if (c.in().inputId() != null) {
            store.markProcessed(c.in().inputId(), null, c.in().at());
        }
        return new Result(c.rid(), out, false, language);
    }

    private Optional<Survey> surveyOf(SessionRecord s) {
        return catalog.version(s.questionnaire(), s.questionnaireVersion());
    }

    private String languageFor(Optional<Respondent> respondent, Optional<SessionRecord> session, String suggested) {
        if (session.isPresent() && session.get().language() != null) {
            return session.get().language();
        }
        String known = respondent.map(Respondent::language).orElse(null);
        if (known != null) {
            return known;
        }
        String base = SystemTexts.base(suggested);
        return SystemTexts.LANGUAGES.contains(base) ? base : defaultLanguage;
    }

    private boolean knowsLanguage(Ctx c, Survey s) {
        if (c.existing().isPresent() && c.existing().get().language() != null
                || c.respondent().map(Respondent::language).orElse(null) != null) {
            return true;
        }
        String base = SystemTexts.base(c.in().suggestedLanguage());
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
