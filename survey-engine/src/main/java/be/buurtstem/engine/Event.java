package be.buurtstem.engine;

import java.time.Instant;

/** What happened during one step, for the service to store (answers, consent) or to act on (delete, data). */
public sealed interface Event {

    /** A new answer, or a new answer to a question answered before (after "back"): the same question and round replace it. */
    record AnswerRecorded(Answer answer) implements Event {
    }

    /**
     * The question is asked again. {@code typed}: what the resident typed (stripped), or null for a button, photo,
     * location or empty message; the service can keep it, so that words that did not fit the question are not lost.
     */
    record Reprompted(String questionId, Reason reason, String typed) implements Event {
        public Reprompted(String questionId, Reason reason) {
            this(questionId, reason, null);
        }
    }

    record Skipped(String questionId, int round) implements Event {
    }

    record LanguageChanged(String from, String to) implements Event {
    }

    record ConsentGiven(int version, Instant at) implements Event {
    }

    /** Only this is recorded for a resident who refuses. */
    record ConsentRefused(int version, Instant at) implements Event {
    }

    /** The resident confirmed "delete my answers": the service must delete everything stored about them. */
    record DeleteRequested(Instant at) implements Event {
    }

    /** The resident asked what is stored about them; the engine showed the answers it holds. */
    record DataRequested(Instant at) implements Event {
    }

    /** The resident paused the conversation; a later message resumes it. */
    record Stopped(Instant at) implements Event {
    }

    record Completed(Instant at) implements Event {
    }

    /** The state was made for a questionnaire version whose current node no longer exists: ended politely. */
    record Outdated(int stateVersion, int questionnaireVersion) implements Event {
    }

    /** Why a question is asked again. */
    enum Reason {
        NOT_UNDERSTOOD, NOT_A_NUMBER, NOT_WHOLE, OUT_OF_RANGE, TOO_FEW, TOO_MANY, EXCLUSIVE, EMPTY,
        EXPECTED_LOCATION, EXPECTED_PHOTO, REQUIRED, UNKNOWN_COMMAND
    }
}
