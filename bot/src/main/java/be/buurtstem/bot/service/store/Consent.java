package be.buurtstem.bot.service.store;

import java.time.Instant;

/** A consent given or refused, pushed onto the respondent's {@code consents}. */
public record Consent(String questionnaire, int version, boolean given, Instant at) {
}
