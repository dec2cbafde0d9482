package be.buurtstem.bot.it;

import be.buurtstem.bot.service.survey.AnswerRecord;
import be.buurtstem.bot.service.survey.BotMessage;
import be.buurtstem.bot.service.survey.ResidentInput;
import be.buurtstem.bot.service.survey.Step;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyEvent;

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
    public Step start(String language, Map<String, String> segments, Instant now) {
        String lang = language == null ? "nl" : language; // no language picker here: Dutch when unknown
        return new Step(state(0, lang), List.of(question(0, lang)), List.of());
    }

    private static String state(int step, String lang) {
        return step + "|" + lang;
    }

    private static BotMessage question(int step, String lang) {
        return switch (step) {
            case 0 -> new BotMessage(t("consent", lang), List.of(new BotMessage.Button("yes", t("yes", lang)),
                    new BotMessage.Button("no", t("no", lang))), BotMessage.Expect.CHOICE);
            case 1 -> new BotMessage(t("area", lang), List.of(new BotMessage.Button("noord", t("noord", lang)),
                    new BotMessage.Button("zuid", t("zuid", lang))), BotMessage.Expect.CHOICE);
            case 2 -> new BotMessage(t("wish", lang), List.of(), BotMessage.Expect.TEXT);
            default -> BotMessage.text(t("end", lang));
        };
    }

    @Override
    public Step reply(String state, ResidentInput input, Instant now) {
        int step = Integer.parseInt(state.substring(0, state.indexOf('|')));
        String lang = state.substring(state.indexOf('|') + 1);
        if (input instanceof ResidentInput.Text t && t.text().equals("BOOM")) {
            throw new IllegalStateException("scripted failure");
        }
        if (input instanceof ResidentInput.Text t && t.text().startsWith("BOOM ")) {
            // like many a library exception, it quotes what it could not handle
            throw new IllegalArgumentException("cannot handle '" + t.text() + "'");
        }
        if (input instanceof ResidentInput.Text t && t.text().equals("HANG")) {
            try { // a handler that hangs: the poller cannot confirm its batch until a test releases it
                HANG.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (input instanceof ResidentInput.Choice c && c.id().equals("stop")) {
            return new Step(state(9, lang), List.of(BotMessage.text(t("bye", lang))), List.of(new SurveyEvent.Stopped()));
        }
        if (input instanceof ResidentInput.Choice c && c.id().equals("delete")) {
            return new Step(state, List.of(), List.of(new SurveyEvent.DeleteRequested()));
        }
        if (input instanceof ResidentInput.Choice c && c.id().equals("mydata")) {
            return new Step(state, List.of(), List.of(new SurveyEvent.DataRequested()));
        }
        List<SurveyEvent> events = new ArrayList<>();
        switch (step) {
            case 0 -> {
                String choice = input instanceof ResidentInput.Choice c ? c.id()
                        : input instanceof ResidentInput.Text t ? t.text().strip().toLowerCase() : "";
                if (choice.equals("yes")) {
                    events.add(new SurveyEvent.ConsentGiven(id, version, now));
                    return new Step(state(1, lang), List.of(question(1, lang)), events);
                }
                if (choice.equals("no")) {
                    events.add(new SurveyEvent.ConsentRefused(id, version, now));
                    return new Step(state(9, lang), List.of(BotMessage.text(t("bye", lang))), events);
                }
                return new Step(state, List.of(question(0, lang)), List.of(new SurveyEvent.Other("reprompted")));
            }
            case 1 -> {
                String choice = input instanceof ResidentInput.Choice c ? c.id()
                        : input instanceof ResidentInput.Text t ? t.text().strip().toLowerCase() : "";
                if (!choice.equals("noord") && !choice.equals("zuid")) {
                    return new Step(state, List.of(question(1, lang)), List.of(new SurveyEvent.Other("reprompted")));
                }
                events.add(new SurveyEvent.AnswerRecorded(new AnswerRecord(id, version, "area", 0, "single_choice",
                        choice, t(choice, lang), lang, "area", "profile", now)));
                return new Step(state(2, lang), List.of(question(2, lang)), events);
            }
            case 2 -> {
                String text = input instanceof ResidentInput.Text t ? t.text() : null;
                if (text == null) {
                    return new Step(state, List.of(question(2, lang)), List.of(new SurveyEvent.Other("reprompted")));
                }
                events.add(new SurveyEvent.AnswerRecorded(new AnswerRecord(id, version, "wish", 0, "free_text", text,
                        text, lang, null, "wishes", now)));
                events.add(new SurveyEvent.Completed());
                return new Step(state(3, lang), List.of(question(3, lang)), events);
            }
            default -> {
                return new Step(state, List.of(BotMessage.text(t("end", lang))), List.of());
            }
        }
    }

    @Override
    public String language(String state) {
        return state.substring(state.indexOf('|') + 1);
    }
}
