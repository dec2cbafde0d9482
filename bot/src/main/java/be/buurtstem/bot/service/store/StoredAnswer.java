package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.Map;

/**
 * One answer as it is stored in {@code answers} (the document's schema is written in {@link Answers} only). The id is
 * deterministic ({@code respondent:questionnaire:version:question:round}), so storing it again after a crash changes
 * nothing. {@code segments} are the respondent's segment values when the answer was given; {@code at} is when the
 * engine recorded it, {@code receivedAt} when the message arrived. Codes are added later by theme coding.
 */
public record StoredAnswer(String id, String respondent, String questionnaire, int version, String question, int round,
                           String kind, Object value, String text, String language, String segment, String block,
                           Map<String, String> segments, String channel, Instant at, Instant receivedAt) {
    /** Times to the millisecond, as the store keeps them: a live answer and the same answer read back are equal. */
    public StoredAnswer {
        at = at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static String idOf(String respondent, String questionnaire, int version, String question, int round) {
        return respondent + ":" + questionnaire + ":" + version + ":" + question + ":" + round;
    }
}
