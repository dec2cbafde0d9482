package be.buurtstem.engine.model;

/** "When this condition holds, go there"; the first route that holds wins. */
public record Route(Condition when, String target, int line) {
}
