package be.buurtstem.engine;

import java.time.Instant;

/**
 * One recorded answer.
 *
 * @param round  the repeat round (1-based) for questions inside a repeat group, else 0
 * @param kind   the node kind's YAML name, e.g. {@code single_choice}
 * @param value  the language-independent value, so that answers in every language count together:
 *               an option id ({@code String}); option ids ({@code List<String>}); a number or scale value
 *               ({@code Long}, or {@code Double} when not whole); free text ({@code String}); a location
 *               ({@code Map} with {@code lat}, {@code lon} as {@code Double}) or the typed place ({@code String});
 *               a photo ({@code Map} with {@code file} and, when given, {@code caption}); a language tag ({@code String})
 * @param text   what the resident typed, or the label of the button they pressed, as shown
 * @param language the conversation language when answered
 * @param segment the node's segment field name, or null
 * @param block  the node's question block, or null
 */
public record Answer(String questionnaireId, int version, String questionId, int round, String kind, Object value,
                     String text, String language, String segment, String block, Instant at) {
}
