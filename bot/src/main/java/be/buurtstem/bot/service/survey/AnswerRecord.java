package be.buurtstem.bot.service.survey;

import java.time.Instant;

/**
 * One answer as the engine reports it. {@code value} is the language-independent form (option id, list of ids,
 * number, {@code {lat, lon}} map, photo map, text); {@code text} is what the resident typed or the label they pressed.
 */
public record AnswerRecord(String questionnaireId, int version, String questionId, int round, String kind,
                           Object value, String text, String language, String segment, String block, Instant at) {
}
