package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.store.StoredAnswer;

/**
 * Called after an answer was stored (and before the resident's message is confirmed). Hook for theme coding
 * (issue 5) and saturation alerts (issue 6). Must be quick and must not throw for a bad answer: an exception makes
 * the inbound message be retried and, after a few tries, parked.
 */
public interface AnswerListener {
    default void answerStored(StoredAnswer answer) {
    }

    /** Called after "delete my answers" removed a resident's data (the respondent id, for in-memory state only). */
    default void respondentDeleted(String respondent) {
    }
}
