package be.buurtstem.analysis.answers;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One free-text answer as it travels through answer files and the coders (see DESIGN.md, "answer files").
 *
 * @param id          required, non-blank
 * @param text        the answer as typed (may be empty; never null)
 * @param respondent  pseudonymous respondent id, or null (then the record counts as its own respondent)
 * @param question    question id, or null
 * @param language    the language the resident chose (BCP 47), or null
 * @param themes      theme labels; {@code null} means "not labelled", an empty list means "labelled: no theme"
 * @param segments    other fields kept as strings in their input order (age_band, area, channel...)
 * @param receivedAt  when the answer arrived, or null
 * @param scores      confidence per theme from a coder (empty when not coded)
 * @param synthetic   true for team-written seed examples, which never count in a quality figure
 */
public record Answer(String id, String text, String respondent, String question, String language,
                     List<String> themes, Map<String, String> segments, Instant receivedAt,
                     Map<String, Double> scores, boolean synthetic) {

    public Answer {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        Objects.requireNonNull(text, "text");
        themes = themes == null ? null : List.copyOf(themes);
        segments = segments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        scores = scores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** A bare answer: id and text only. */
    public static Answer of(String id, String text) {
        return new Answer(id, text, null, null, null, null, Map.of(), null, Map.of(), false);
    }

    /** An answer with a chosen language and labels. */
    public static Answer labelled(String id, String text, String language, List<String> themes) {
        return new Answer(id, text, null, null, language, themes, Map.of(), null, Map.of(), false);
    }

    public boolean isLabelled() {
        return themes != null;
    }

    /** The respondent, or the answer id when no respondent is given (each such record is its own respondent). */
    public String respondentOrId() {
        return respondent != null ? respondent : id;
    }

    public Answer withCoding(List<String> newThemes, Map<String, Double> newScores) {
        return new Answer(id, text, respondent, question, language, newThemes, segments, receivedAt, newScores, synthetic);
    }

    public Answer withThemes(List<String> newThemes) {
        return new Answer(id, text, respondent, question, language, newThemes, segments, receivedAt, scores, synthetic);
    }
}
