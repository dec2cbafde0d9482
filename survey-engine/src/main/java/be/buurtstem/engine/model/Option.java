package be.buurtstem.engine.model;

/**
 * One option of a single or multiple choice. The {@code id} is what gets stored, so that answers given in
 * different languages count together.
 *
 * @param exclusive e.g. "rather not say": cannot be combined with other options in a multiple choice
 */
public record Option(String id, Text label, String emoji, boolean exclusive, int line) {
}
