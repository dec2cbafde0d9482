package be.buurtstem.engine.model;

/** Asks the conversation's language (the answer switches it). */
public record LanguageNode(Common common, boolean required, String segment) implements Question {

    @Override
    public Kind kind() {
        return Kind.LANGUAGE;
    }
}
