package be.buurtstem.engine.model;

/**
 * A number, in any digits.
 *
 * @param min     lowest value, or null
 * @param max     highest value, or null
 * @param integer whole numbers only (default true)
 */
public record NumberNode(Common common, boolean required, String segment, Double min, Double max, boolean integer) implements Question {

    @Override
    public Kind kind() {
        return Kind.NUMBER;
    }
}
