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
        // Map.copyOf / List.copyOf share already-immutable inputs: a million answers may share a few field maps.
        if (fields == null) {
            fields = Map.of();
        } else if (hasNull(fields)) {
            Map<String, String> clean = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                if (k != null && v != null) {
                    clean.put(k, v);
                }
            });
            fields = Collections.unmodifiableMap(clean);
        } else {
            fields = Map.copyOf(fields);
        }
        if (themes == null) {
            themes = List.of();
        } else {
            boolean nulls = false;
            for (String t : themes) {
                nulls |= t == null;
            }
            themes = nulls ? themes.stream().filter(Objects::nonNull).toList() : List.copyOf(themes);
        }
    }

    private static boolean hasNull(Map<String, String> m) {
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                return true;
            }
        }
        return false;
    }

    /** A confirmed answer with respondent, themes and segment fields; for tests and simple callers. */
    public static CodedAnswer of(String id, String respondent, List<String> themes, Map<String, String> fields) {
        return new CodedAnswer(id, respondent, null, null, null, fields, themes, null, true);
    }

    /**
     * The sampling unit: the respondent, or this record alone when no respondent is given (then the id prefixed with
     * a NUL character, which no respondent id carries, so the two never collide).
     */
    public String respondentKey() {
        return respondent != null ? respondent : "\u0000" + id;
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
