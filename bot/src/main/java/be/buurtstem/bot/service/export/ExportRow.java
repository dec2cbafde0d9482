package be.buurtstem.bot.service.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One answer as every export format writes it: pseudonymous ids only, typed values.
 *
 * @param id          the answer's opaque reference (AnswerRefs), never the stored id that begins with the respondent
 * @param respondent  the pseudonymous respondent id (HMAC of channel and chat, as stored)
 * @param value       the language-independent value, typed: an option id ({@code String}), option ids
 *                    ({@code List<String>}), a number ({@code Long} or {@code Double}), a typed place or language tag
 *                    ({@code String}); null for free text (its words are {@code text}), a photo and a map location
 * @param label       the chosen option's label in the export's label language ({@code String}), the labels of the
 *                    chosen options ({@code List<String>}), a scale value's label, or null
 * @param text        what the resident typed, or the label of the button they pressed, in their language
 * @param themes      free text: the effective themes (machine codes with the analysts' decisions); null when neither
 *                    coded nor decided, and for closed questions
 * @param scores      free text: the machine's confidence per theme (empty when not coded)
 * @param reviewed    an analyst decided on the answer
 * @param segments    the resident's segment values when answering (e.g. area, age_band)
 */
public record ExportRow(String id, String respondent, String questionnaire, int version, String question, int round,
                        String kind, String block, Object value, Object label, String text, String language,
                        String detectedLanguage, String channel, Map<String, String> segments, Instant receivedAt,
                        List<String> themes, Map<String, Double> scores, boolean reviewed, Double latitude,
                        Double longitude) {
    public ExportRow {
        segments = segments == null ? Map.of() : segments;
        scores = scores == null ? Map.of() : scores;
    }
}
