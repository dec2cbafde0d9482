package be.buurtstem.bot.service.store;

import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.OutboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident's current conversation. {@code state} is the engine's own {@link ConversationState}, read once when the
 * session is read and written once when it is saved ({@link Sessions}, {@link StateFormat}). {@code version} is the
 * optimistic lock; {@code appliedInputs} holds the ids of the last inputs applied to this state, so a redelivered
 * input is never applied twice even if the service died between saving the session and marking the input processed.
 * {@code lastMessages} is what the bot said last, sent again when the resident comes back. {@code linkSegments} are
 * segment values from the deep link (e.g. the area of a flyer's QR code): kept here and copied to the respondent
 * only once consent is given (or an answer is recorded).
 */
public record SessionRecord(String respondent, String channel, String questionnaire, int questionnaireVersion,
                            String language, ConversationState state, String status, List<OutboundMessage> lastMessages,
                            List<String> appliedInputs, Map<String, String> linkSegments, Instant startedAt,
                            Instant updatedAt, long version) {
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String STOPPED = "stopped";
    public static final String REFUSED = "refused";

    public SessionRecord {
        lastMessages = lastMessages == null ? List.of() : List.copyOf(lastMessages);
        appliedInputs = appliedInputs == null ? List.of() : List.copyOf(appliedInputs);
        linkSegments = linkSegments == null ? Map.of() : Map.copyOf(linkSegments);
    }

    public SessionRecord withVersion(long v) {
        return new SessionRecord(respondent, channel, questionnaire, questionnaireVersion, language, state, status,
                lastMessages, appliedInputs, linkSegments, startedAt, updatedAt, v);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** The resident typed stop: the engine's state is paused, and the next message resumes it (with one greeting). */
    public boolean paused() {
        return state.status() == ConversationState.Status.STOPPED;
    }
}
