package be.buurtstem.engine.model;

/** A text shown to the resident; the conversation goes on at once. */
public record MessageNode(Common common) implements Node {

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }
}
