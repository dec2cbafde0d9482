package be.buurtstem.engine.load;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Small helpers over snakeyaml-engine's composed node tree. We read the node tree rather than plain Java maps
 * because only the nodes carry source marks, and every problem must name its line.
 */
public final class YamlTree {
    private YamlTree() {
    }

    /** 1-based line of a node. */
    public static int line(Node n) {
        return n == null ? 1 : n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    public static boolean isScalar(Node n) {
        return n instanceof ScalarNode;
    }

    public static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    public static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** A mapping's entries by key, in file order; reports duplicate and non-scalar keys. */
    public static Map<String, Entry> entries(MappingNode map, Consumer<Entry> duplicate) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            Entry e = new Entry(key == null ? "?" : key, t.getKeyNode(), t.getValueNode(), line(t.getKeyNode()));
            if (out.containsKey(e.key())) {
                duplicate.accept(e);
            } else {
                out.put(e.key(), e);
            }
        }
        return out;
    }

    /** A key with its value node and the line of the key. */
    public record Entry(String key, Node keyNode, Node value, int line) {
    }

    public static List<String> scalars(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                String v = scalar(item);
                if (v != null) {
                    out.add(v);
                }
            }
        } else if (n instanceof ScalarNode s) {
            out.add(s.getValue());
        }
        return out;
    }
}
