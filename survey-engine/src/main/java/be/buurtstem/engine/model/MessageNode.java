package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/** A text shown to the resident; the conversation goes on at once. */
public record MessageNode(Common common) implements Node {

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }
}
