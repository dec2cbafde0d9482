package be.buurtstem.engine.model;

/** Asks an open answer. @param coded code into themes later (default true) */
public record FreeTextNode(Common common, boolean required, String segment, boolean coded) implements Question {

    @Override
    public Kind kind() {
        return Kind.FREE_TEXT;
    }
}
