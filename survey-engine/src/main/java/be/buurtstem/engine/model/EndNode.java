package be.buurtstem.engine.model;

/** The last text: the conversation is complete. */
public record EndNode(Common common) implements Node {

    @Override
    public Kind kind() {
        return Kind.END;
    }
}
