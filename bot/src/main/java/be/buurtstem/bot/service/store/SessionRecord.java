package be.buurtstem.bot.service.store;

import be.buurtstem.bot.service.survey.BotMessage;

import java.time.Instant;
import java.util.List;

/**
 * A resident's current conversation. {@code version} is the optimistic lock; {@code appliedInputs} holds the ids of
 * the last inputs applied to this state, so a redelivered input is never applied twice even if the service died
 * between saving the session and marking the input processed. {@code lastMessages} is what the bot said last, sent
 * again when the resident comes back.
 */
public record SessionRecord(String respondent, String channel, String questionnaire, int questionnaireVersion,
                            String language, String state, String status, List<BotMessage> lastMessages,
                            List<String> appliedInputs, Instant startedAt, Instant updatedAt, long version) {
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String STOPPED = "stopped";
    public static final String REFUSED = "refused";

    public SessionRecord {
        lastMessages = lastMessages == null ? List.of() : List.copyOf(lastMessages);
        appliedInputs = appliedInputs == null ? List.of() : List.copyOf(appliedInputs);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
