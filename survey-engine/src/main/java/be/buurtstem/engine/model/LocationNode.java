package be.buurtstem.engine.model;

/** Asks a place: a shared location, or a street typed as text. */
public record LocationNode(Common common, boolean required, String segment) implements Question {

    @Override
    public Kind kind() {
        return Kind.LOCATION;
    }
}
