package be.buurtstem.bot.service.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retention: {@code BUURTSTEM_RETENTION} (default {@code 24m}: 24 months after a resident's last answer to a
 * questionnaire), per questionnaire {@code BUURTSTEM_RETENTION_PER_QUESTIONNAIRE} ({@code id=12m,other=6m}), sessions
 * that never consented {@code BUURTSTEM_RETENTION_UNCONSENTED} ({@code 24h} after their last message), parked updates
 * {@code BUURTSTEM_RETENTION_PARKED} ({@code 30d}); the job runs every {@code BUURTSTEM_RETENTION_INTERVAL} ({@code 1h}).
 */
public record RetentionSettings(RetentionPeriod answers, Map<String, RetentionPeriod> perQuestionnaire,
                                RetentionPeriod unconsented, RetentionPeriod parked, Duration interval) {
    public RetentionSettings {
        perQuestionnaire = Map.copyOf(perQuestionnaire);
    }

    public static RetentionSettings of(String answers, String perQuestionnaire, String unconsented, String parked,
                                       Duration interval) {
        Map<String, RetentionPeriod> per = new LinkedHashMap<>();
        if (perQuestionnaire != null) {
            for (String item : perQuestionnaire.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("BUURTSTEM_RETENTION_PER_QUESTIONNAIRE: expected id=period, got '"
                            + item.strip() + "'");
                }
                per.put(item.substring(0, eq).strip(), RetentionPeriod.parse(item.substring(eq + 1)));
            }
        }
        return new RetentionSettings(RetentionPeriod.parse(answers), per, RetentionPeriod.parse(unconsented),
                RetentionPeriod.parse(parked), interval == null ? Duration.ofHours(1) : interval);
    }

    public RetentionPeriod answersOf(String questionnaire) {
        return perQuestionnaire.getOrDefault(questionnaire, answers);
    }
}
