package be.buurtstem.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lookups over a questionnaire's nodes, nested ones included (ids are unique in a file). Built once per
 * questionnaire, because records cannot cache derived data.
 */
public final class NodeIndex {
    private final Map<String, Node> byId = new HashMap<>();
    private final Map<String, Node> parent = new HashMap<>();
    private final Map<String, List<Node>> siblings = new HashMap<>();

    private NodeIndex(List<Node> top) {
        add(top, null);
    }

    public static NodeIndex of(Questionnaire q) {
        return new NodeIndex(q.nodes());
    }

    private void add(List<Node> level, Node repeat) {
        for (Node n : level) {
            byId.putIfAbsent(n.id(), n);
            if (repeat != null) {
                parent.putIfAbsent(n.id(), repeat);
            }
            siblings.putIfAbsent(n.id(), level);
            if (n.kind() == Kind.REPEAT) {
                add(n.nodes(), n);
            }
        }
    }

    public Node node(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The repeat node holding this node, or null at the top level. */
    public Node repeatOf(String id) {
        return parent.get(id);
    }

    /** The nodes at the same level as this one (the top level, or the repeat's round). */
    public List<Node> level(String id) {
        return siblings.getOrDefault(id, List.of());
    }

    /** The node after this one in file order at the same level, or null. */
    public Node following(String id) {
        List<Node> level = level(id);
        for (int i = 0; i < level.size() - 1; i++) {
            if (level.get(i).id().equals(id)) {
                return level.get(i + 1);
            }
        }
        return null;
    }

    public Map<String, Node> all() {
        return Map.copyOf(byId);
    }
}
