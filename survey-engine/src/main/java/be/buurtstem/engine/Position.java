package be.buurtstem.engine;

/** A node and, inside a repeat group, the round (1-based; 0 outside a group). */
public record Position(String node, int round) {
}
