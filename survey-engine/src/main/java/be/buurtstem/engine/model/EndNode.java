package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/** The last text: the conversation is complete. */
public record EndNode(Common common) implements Node {

    @Override
    public Kind kind() {
        return Kind.END;
    }
}
