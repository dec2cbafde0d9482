package be.buurtstem.engine.model;

/** Asks a photo, with an optional caption. */
public record PhotoNode(Common common, boolean required, String segment) implements Question {

    @Override
    public Kind kind() {
        return Kind.PHOTO;
    }
}
