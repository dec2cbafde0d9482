package be.buurtstem.bot.service.conversation;

import be.buurtstem.engine.OutboundMessage;

import java.util.List;

/**
 * How a channel makes outbound messages durable before the inbound message is marked processed (Telegram writes
 * them to the outbox; the web chat returns them in the HTTP answer and needs nothing).
 * {@code respondent} is null for the confirmation of a deletion, so that nothing links it back.
 */
@FunctionalInterface
public interface Delivery {
    void persist(String respondent, String chat, String inputId, String language, List<OutboundMessage> messages);

    Delivery NONE = (respondent, chat, inputId, language, messages) -> { };
}
