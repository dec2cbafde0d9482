package be.buurtstem.bot.service.survey;

import java.time.Instant;

/** What happened in one step, for the service to store. */
public sealed interface SurveyEvent {
    record AnswerRecorded(AnswerRecord answer) implements SurveyEvent {
    }

    record ConsentGiven(String questionnaireId, int version, Instant at) implements SurveyEvent {
    }

    record ConsentRefused(String questionnaireId, int version, Instant at) implements SurveyEvent {
    }

    record LanguageChanged(String from, String to) implements SurveyEvent {
    }

    record DeleteRequested() implements SurveyEvent {
    }

    record DataRequested() implements SurveyEvent {
    }

    record Stopped() implements SurveyEvent {
    }

    record Completed() implements SurveyEvent {
    }

    /** Anything else the engine reports (reprompts, skips): logged by kind only. */
    record Other(String kind) implements SurveyEvent {
    }
}
