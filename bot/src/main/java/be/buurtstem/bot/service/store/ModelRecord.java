package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained model version as {@code models} holds it ({@link Models}). {@code fields}: the whole record as the
 * analysts' API shows it (the trainer's {@code ModelInfo}: trainedAt, examples, synthetic, themes, thresholds,
 * cross-validated scores; and file, trained_on, promotion, promoted_at, promoted_by). {@code trainedOn} is null for a
 * version saved before it was kept; {@code promotion} null for one saved before the promotion rule.
 */
public record ModelRecord(int version, Object trainedAt, long examples, long synthetic, List<String> trainedOn,
                          Map<String, Object> promotion, Instant promotedAt, String promotedBy,
                          Map<String, Object> fields) {
}
