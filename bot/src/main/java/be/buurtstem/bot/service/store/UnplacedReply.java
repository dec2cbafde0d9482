package be.buurtstem.bot.service.store;

import java.time.Instant;

/**
 * A typed reply that fitted none of a question's options (kept after consent, so that nothing a resident types is
 * silently lost; shown by "my data", deleted with the rest). One per inbound message: {@code id} is
 * {@code respondent:inputId}, so a redelivered message overwrites its own copy.
 */
public record UnplacedReply(String id, String respondent, String questionnaire, int version, String question,
                            String text, String channel, Instant at) {
}
