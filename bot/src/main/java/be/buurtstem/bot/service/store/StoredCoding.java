package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The machine coding of a free-text answer, on its {@code answers} document ({@link Answers}): {@code codes} (the
 * themes coded, strongest first), {@code scores} (every theme scored at least 0.01) and {@code coding} (which coder,
 * model, when, the detected language). Analysts' decisions are never here ({@link Decisions}).
 */
public record StoredCoding(List<Code> codes, Map<String, Double> scores, String coder, String version, Integer model,
                           Instant at, String language, Double languageConfidence, Boolean languageMismatch) {

    /** One coded theme. */
    public record Code(String theme, double confidence, String coder, String version) {
    }

    public List<String> themes() {
        return codes.stream().map(Code::theme).toList();
    }
}
