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

    /**
     * A typed reply that fitted none of the question's options: the resident is asked again, and what they wrote is
     * kept (only after consent) so that nothing a resident types is silently lost.
     */
    record Unplaced(String question, String typed) implements SurveyEvent {
    }

    /** Anything else the engine reports (reprompts, skips): logged by kind only. */
    record Other(String kind) implements SurveyEvent {
    }
}
