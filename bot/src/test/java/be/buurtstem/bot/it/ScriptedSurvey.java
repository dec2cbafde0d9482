package be.buurtstem.bot.it;

import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny linear questionnaire for the service tests (the real engine is tested in survey-engine): consent, a single
 * choice that is a segment ({@code area}), a free text, the end. Typing "BOOM" makes it throw (a poison update),
 * "BOOM words" throw an exception quoting the words,
 * "HANG" makes it wait for {@link #HANG}.
 */
final class ScriptedSurvey implements Survey {
    /** Typing "HANG" waits here for a permit (at most a minute). */
    static final java.util.concurrent.Semaphore HANG = new java.util.concurrent.Semaphore(0);
    private final String id;
    private final int version;

    ScriptedSurvey(String id, int version) {
        this.id = id;
        this.version = version;
    }

    static final Map<String, Map<String, String>> T = Map.of(
            "title", Map.of("nl", "Onze buurt", "ar", "حيّنا", "en", "Our neighbourhood"),
            "consent", Map.of("nl", "Mogen we je antwoorden anoniem bewaren?", "ar", "هل نستطيع حفظ إجاباتك دون اسم؟",
                    "en", "May we keep your answers anonymously?"),
            "yes", Map.of("nl", "Ja", "ar", "نعم", "en", "Yes"),
            "no", Map.of("nl", "Nee", "ar", "لا", "en", "No"),
            "area", Map.of("nl", "In welke wijk woon je?", "ar", "في أي حي تسكن؟", "en", "Which area do you live in?"),
            "noord", Map.of("nl", "Noord", "ar", "الشمال", "en", "North"),
            "zuid", Map.of("nl", "Zuid", "ar", "الجنوب", "en", "South"),
            "wish", Map.of("nl", "Wat zou je veranderen in je buurt?", "ar", "ماذا تريد أن تغير في حيك؟",
                    "en", "What would you change in your neighbourhood?"),
            "end", Map.of("nl", "Bedankt voor je antwoorden!", "ar", "شكراً على إجاباتك!", "en", "Thank you!"),
            "bye", Map.of("nl", "Oké, tot ziens.", "ar", "حسناً، مع السلامة.", "en", "OK, goodbye."));

    static String t(String key, String lang) {
        return T.get(key).getOrDefault(lang, T.get(key).get("nl"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public List<String> languages() {
        return List.of("nl", "ar", "en");
    }

    @Override
    public String defaultLanguage() {
        return "nl";
    }

    @Override
    public String title(String language) {
        return t("title", language) + " (" + id + ")";
    }

    @Override
    public Turn start(String language, RespondentContext context, Instant now) {
        String lang = language == null ? "nl" : language; // no language picker here: Dutch when unknown
        return new Turn(state(0, lang, false, Status.ACTIVE, context.channel(), now), List.of(question(0, lang)),
                List.of());
    }

    /** The step is the state's node ("s0" … "s3", "s9" after a refusal). */
    private ConversationState state(int step, String lang, boolean consented, Status status, String channel,
                                    Instant now) {
        return new ConversationState(id, version, lang, status, "s" + step, 0, ConversationState.Await.ANSWER, 0,
                consented, List.of(), List.of(), List.of(), Map.of(), Map.of("channel", channel), now, now);
    }

    private ConversationState next(ConversationState s, int step, Status status, boolean consented, Instant now) {
        return state(step, s.language(), consented, status, s.context().getOrDefault("channel", "unknown"), now);
    }

    private static OutboundMessage question(int step, String lang) {
        return switch (step) {
            case 0 -> new OutboundMessage(t("consent", lang), List.of(new Button("yes", t("yes", lang)),
                    new Button("no", t("no", lang))), Expect.CHOICE);
            case 1 -> new OutboundMessage(t("area", lang), List.of(new Button("noord", t("noord", lang)),
                    new Button("zuid", t("zuid", lang))), Expect.CHOICE);
            case 2 -> new OutboundMessage(t("wish", lang), List.of(), Expect.TEXT);
            default -> OutboundMessage.info(t("end", lang));
        };
    }

    @Override
    public Turn reply(ConversationState state, Input input, Instant now) {
        int step = Integer.parseInt(state.node().substring(1));
        String lang = state.language();
        boolean consented = state.consented();
        if (input instanceof Input.Text t && t.text().equals("BOOM")) {
            throw new IllegalStateException("scripted failure");
        }
        if (input instanceof Input.Text t && t.text().startsWith("BOOM ")) {
            // like many a library exception, it quotes what it could not handle
            throw new IllegalArgumentException("cannot handle '" + t.text() + "'");
        }
        if (input instanceof Input.Text t && t.text().equals("HANG")) {
            try { // a handler that hangs: the poller cannot confirm its batch until a test releases it
                HANG.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state.status() == Status.STOPPED) { // paused: any message resumes at the question
            return new Turn(next(state, step, Status.ACTIVE, consented, now), List.of(question(step, lang)), List.of());
        }
        if (input instanceof Input.Choice c && c.optionId().equals("stop")) {
            return new Turn(next(state, step, Status.STOPPED, consented, now), List.of(OutboundMessage.info(t("bye", lang))),
                    List.of(new Event.Stopped(now)));
        }
        if (input instanceof Input.Choice c && c.optionId().equals("delete")) {
            return new Turn(state, List.of(), List.of(new Event.DeleteRequested(now)));
        }
        if (input instanceof Input.Choice c && c.optionId().equals("mydata")) {
            return new Turn(state, List.of(), List.of(new Event.DataRequested(now)));
        }
        List<Event> events = new ArrayList<>();
        Event reprompted = new Event.Reprompted("s" + step, Event.Reason.NOT_UNDERSTOOD);
        switch (step) {
            case 0 -> {
                String choice = input instanceof Input.Choice c ? c.optionId()
                        : input instanceof Input.Text t ? t.text().strip().toLowerCase() : "";
                if (choice.equals("yes")) {
                    events.add(new Event.ConsentGiven(version, now));
                    return new Turn(next(state, 1, Status.ACTIVE, true, now), List.of(question(1, lang)), events);
                }
                if (choice.equals("no")) {
                    events.add(new Event.ConsentRefused(version, now));
                    return new Turn(next(state, 9, Status.REFUSED, false, now),
                            List.of(OutboundMessage.info(t("bye", lang))), events);
                }
                return new Turn(state, List.of(question(0, lang)), List.of(reprompted));
            }
            case 1 -> {
                String choice = input instanceof Input.Choice c ? c.optionId()
                        : input instanceof Input.Text t ? t.text().strip().toLowerCase() : "";
                if (!choice.equals("noord") && !choice.equals("zuid")) {
                    return new Turn(state, List.of(question(1, lang)), List.of(reprompted));
                }
                events.add(new Event.AnswerRecorded(new Answer(id, version, "area", 0, "single_choice",
                        choice, t(choice, lang), lang, "area", "profile", now)));
                return new Turn(next(state, 2, Status.ACTIVE, consented, now), List.of(question(2, lang)), events);
            }
            case 2 -> {
                String text = input instanceof Input.Text t ? t.text() : null;
                if (text == null) {
                    return new Turn(state, List.of(question(2, lang)), List.of(reprompted));
                }
                events.add(new Event.AnswerRecorded(new Answer(id, version, "wish", 0, "free_text", text,
                        text, lang, null, "wishes", now)));
                events.add(new Event.Completed(now));
                return new Turn(next(state, 3, Status.COMPLETED, consented, now), List.of(question(3, lang)), events);
            }
            default -> {
                return new Turn(state, List.of(OutboundMessage.info(t("end", lang))), List.of());
            }
        }
    }
}
