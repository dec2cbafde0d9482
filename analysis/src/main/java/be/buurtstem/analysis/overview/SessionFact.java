package be.buurtstem.analysis.overview;

import java.time.Instant;

/**
 * One resident's conversation with a questionnaire, as the overview counts it (no answer text, no personal data).
 *
 * @param respondent the pseudonymous id, to join with the resident's segment values and answers
 * @param version    the questionnaire version the resident is in
 * @param language   the conversation's language (BCP 47), or null before it is known
 * @param channel    e.g. {@code telegram}, {@code web}
 * @param status     open, completed or refused at the consent
 * @param node       open conversations: the question waiting for the resident (null when unknown)
 * @param paused     open conversations: the resident typed "stop"
 * @param startedAt  when the conversation began
 * @param updatedAt  the resident's last message
 */
public record SessionFact(String respondent, int version, String language, String channel, Status status,
                          String node, boolean paused, Instant startedAt, Instant updatedAt) {

    public enum Status { OPEN, COMPLETED, REFUSED }
}
