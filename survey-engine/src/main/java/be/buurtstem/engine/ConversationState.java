package be.buurtstem.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a conversation, as a small immutable value. It round-trips through
 * {@link StateCodec} without loss, so a conversation can pause for days and resume on another machine.
 *
 * @param node      the node waiting for the resident (for {@link Await#MORE}: the repeat node), null when finished
 * @param round     the repeat round of {@code node}, 0 outside a repeat group
 * @param await     what the last prompt waits for
 * @param misses    replies in a row that did not fit the current question (after three, skipping is offered)
 * @param consented consent given (or the questionnaire has no consent node); before that nothing is recorded
 * @param selection multiple choice: options toggled so far; {@link Await#COMMAND_CONFIRM}: the command and the typed word
 * @param history   questions asked before the current one, most recent last, for "back"
 * @param answers   the recorded answers, at most one per question and round
 * @param rounds    repeat id → rounds completed
 * @param context   the respondent context's channel ({@code channel}) and parameters
 */
public record ConversationState(String questionnaireId, int version, String language, Status status, String node,
                                int round, Await await, int misses, boolean consented, List<String> selection,
                                List<Position> history, List<Answer> answers, Map<String, Integer> rounds,
                                Map<String, String> context, Instant startedAt, Instant updatedAt) {

    public ConversationState {
        selection = List.copyOf(selection);
        history = List.copyOf(history);
        answers = List.copyOf(answers);
        rounds = Map.copyOf(rounds);
        context = Map.copyOf(context);
    }

    public enum Status {
        ACTIVE, STOPPED, COMPLETED, REFUSED, DELETED, ENDED;

        /** No more questions will be asked. STOPPED is a pause: the next message resumes. */
        public boolean finished() {
            return this == COMPLETED || this == REFUSED || this == DELETED || this == ENDED;
        }
    }

    public enum Await {
        /** An answer to {@code node}. */
        ANSWER,
        /** The repeat group's "another one?" */
        MORE,
        /** Yes/no: skip {@code node} after three misses? */
        SKIP_OFFER,
        /** A language from the language picker (the "change language" command). */
        LANGUAGE,
        /** Yes/no: really delete my answers? */
        DELETE_CONFIRM,
        /** The language, asked before anything else because the channel did not know it; {@code node} is the start. */
        FIRST_LANGUAGE,
        /**
         * A bare command word typed at a free-text question: the command, or is it the answer? {@code selection}
         * holds the command id and the typed word meanwhile.
         */
        COMMAND_CONFIRM,
        /** Nothing: the conversation is over. */
        NOTHING
    }

    /** The answer to a question in a round (0 outside repeats), or null. */
    public Answer answer(String questionId, int round) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer a = answers.get(i);
            if (a.questionId().equals(questionId) && a.round() == round) {
                return a;
            }
        }
        return null;
    }

    /** The most recent answer to a question, in any round, or null. */
    public Answer latestAnswer(String questionId) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer a = answers.get(i);
            if (a.questionId().equals(questionId)) {
                return a;
            }
        }
        return null;
    }
}
