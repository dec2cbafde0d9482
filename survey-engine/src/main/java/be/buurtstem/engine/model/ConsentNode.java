package be.buurtstem.engine.model;

/**
 * Asks consent; a refusal keeps nothing.
 *
 * @param yes     label of the yes button (optional, else the system text)
 * @param no      label of the no button (optional, else the system text)
 * @param refused text shown on refusal (optional, else the system text)
 */
public record ConsentNode(Common common, boolean required, String segment, Text yes, Text no, Text refused) implements Question {

    @Override
    public Kind kind() {
        return Kind.CONSENT;
    }
}
