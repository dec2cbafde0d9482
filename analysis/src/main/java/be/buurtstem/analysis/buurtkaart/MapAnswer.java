package be.buurtstem.analysis.buurtkaart;

/**
 * One answer of a buurtkaart conversation as the map needs it: the question id, the repeat round (one round = one
 * named person or place) and the value (an option id, or the name the resident typed for {@code entry_name}).
 */
public record MapAnswer(String question, int round, String value) {
}
