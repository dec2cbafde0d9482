package be.buurtstem.engine.model;

import java.util.List;

/**
 * A group of questions asked once per round ("another one?" between rounds).
 *
 * @param nodes the nested nodes of one round
 * @param more  the "another one?" question
 * @param max   most rounds, or null
 */
public record RepeatNode(Common common, List<Node> nodes, Text more, Double max) implements Node {
    public RepeatNode {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    @Override
    public Kind kind() {
        return Kind.REPEAT;
    }
}
