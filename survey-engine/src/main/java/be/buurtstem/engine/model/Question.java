package be.buurtstem.engine.model;

/** A node that waits for the resident and may carry an answer (message, repeat and end do not). */
public sealed interface Question extends Node
        permits ConsentNode, LanguageNode, ChoiceNode, FreeTextNode, ScaleNode, NumberNode,
        LocationNode, PhotoNode {

    /** May the resident skip it without being offered to. */
    @Override
    boolean required();

    /** The segment this answer counts towards (e.g. an age band), or null. */
    @Override
    String segment();
}
