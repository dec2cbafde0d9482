package be.buurtstem.bot.service.conversation;

import be.buurtstem.bot.service.store.StoredAnswer;

/**
 * Called after an answer was stored (and before the resident's message is confirmed). Hook for theme coding
 * (issue 5) and saturation alerts (issue 6). Runs once the message's writes are in the store (an after-write hook of
 * the write-behind, inside its flush): it must be quick; an exception is logged and does not undo or retry the
 * message.
 */
public interface AnswerListener {
    default void answerStored(StoredAnswer answer) {
    }

    /** Called after "delete my answers" removed a resident's data (the respondent id, for in-memory state only). */
    default void respondentDeleted(String respondent) {
    }
}
