package be.buurtstem.bot.service.store;

import java.util.Optional;

/**
 * What handling one inbound message needs to know, read together: whether it was handled before, the resident's
 * session and their respondent record.
 */
public record InboundRead(boolean processed, Optional<SessionRecord> session, Optional<Respondent> respondent) {
}
