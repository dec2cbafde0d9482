package be.buurtstem.engine.model;

/**
 * One option of a single or multiple choice. The {@code id} is what gets stored, so that answers given in
 * different languages count together.
 *
 * @param exclusive e.g. "rather not say": cannot be combined with other options in a multiple choice
 * @param means     {@code yes} or {@code no} when the file says so ({@code means: yes}), else null: which option a
 *                  bare "ja", "non", "لا" chooses when the labels do not begin with the plain word
 */
public record Option(String id, Text label, String emoji, boolean exclusive, int line, String means) {
}
