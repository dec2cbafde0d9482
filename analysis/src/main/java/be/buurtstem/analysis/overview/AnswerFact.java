package be.buurtstem.analysis.overview;

import java.time.Instant;
import java.util.List;

/**
 * One stored answer as the overview counts it: which question, and for a closed question its language-independent
 * value(s) as keys (an option id, the option ids of a multiple choice, a scale or number value). Open answers (free
 * text, a place, a photo) carry no value at all: they are only counted as answered, never shown.
 */
public record AnswerFact(String respondent, int version, String question, List<String> values, Instant receivedAt) {

    public AnswerFact {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
