package be.buurtstem.analysis.saturation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One coded answer as saturation sees it.
 *
 * @param id          the answer id (required)
 * @param respondent  pseudonymous respondent id, or null: then the record is its own respondent
 * @param survey      questionnaire id, or null
 * @param question    question id, or null
 * @param block       question block, or null
 * @param fields      segment values and any other profile fields (language, age_band, area, channel...)
 * @param themes      the theme codes of this answer (machine or analyst); empty when none or not coded
 * @param receivedAt  arrival time, or null
 * @param confirmed   true when an analyst confirmed (or made) the codes; false for unconfirmed machine codes
 */
public record CodedAnswer(String id, String respondent, String survey, String question, String block,
                          Map<String, String> fields, List<String> themes, Instant receivedAt, boolean confirmed) {

    public CodedAnswer {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** A confirmed answer with respondent, themes and segment fields; for tests and simple callers. */
    public static CodedAnswer of(String id, String respondent, List<String> themes, Map<String, String> fields) {
        return new CodedAnswer(id, respondent, null, null, null, fields, themes, null, true);
    }

    /** The sampling unit: the respondent, or this record alone when no respondent is given. */
    public String respondentKey() {
        return respondent != null ? "r:" + respondent : "a:" + id;
    }

    /** The value of a segment field; {@code survey}, {@code question} and {@code block} are fields too. */
    public String field(String name) {
        String v = fields.get(name);
        if (v != null) {
            return v;
        }
        return switch (name) {
            case "survey", "questionnaire" -> survey;
            case "question" -> question;
            case "block" -> block;
            default -> null;
        };
    }

    public CodedAnswer withReceivedAt(Instant at) {
        return new CodedAnswer(id, respondent, survey, question, block, fields, themes, at, confirmed);
    }
}
