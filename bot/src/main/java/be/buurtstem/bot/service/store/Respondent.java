package be.buurtstem.bot.service.store;

import java.util.List;
import java.util.Map;

/**
 * A respondent record as the conversation reads it (the {@code respondents} document's fields are named in
 * {@link Respondents} only): the language chosen, segment values (a value may be null: a segment question answered
 * without one), consents given or refused, and whether Telegram refused messages to them (403).
 */
public record Respondent(String id, String language, Map<String, String> segments, List<Consent> consents,
                         boolean blocked) {
}
