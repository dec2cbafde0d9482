package be.buurtstem.analysis.overview;

import java.util.List;

/**
 * A question of the questionnaire, in the file's order (the funnel follows that order).
 *
 * @param values the possible values in their order (option ids, scale values 1..5); empty for numbers and open ones
 */
public record Question(String id, Type type, List<String> values) {

    public Question {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public enum Type {
        /** consent, language choice: steps of the funnel, not shown as closed answers */
        STEP,
        SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, NUMBER,
        /** free text, a place, a photo: only how many answered */
        OPEN;

        public boolean closed() {
            return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == SCALE || this == NUMBER;
        }
    }
}
