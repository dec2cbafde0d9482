package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/** Asks a photo, with an optional caption. */
public record PhotoNode(Common common, boolean required, String segment) implements Question {

    @Override
    public Kind kind() {
        return Kind.PHOTO;
    }
}
