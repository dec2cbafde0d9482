package be.buurtstem.engine.load;

import be.buurtstem.engine.Problem;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code format:} line of a questionnaire file: which version of the file format it is written in. A file without
 * it is format 1 (every file written before the line existed). A file of a newer format than this program knows is
 * refused as a whole, because reading it with today's rules would report its new keys as mistakes of the author. An
 * older format is migrated on the YAML tree, one version at a time, before the loader reads it, so that the loader only
 * ever knows the current format and the line numbers of problems stay those of the file.
 */
public final class FormatVersion {
    /** The format this program writes and reads natively. */
    public static final int CURRENT = 1;

    /**
     * Migrations on the YAML tree: element {@code i} turns format {@code i + 1} into {@code i + 2}. Empty while only
     * format 1 exists; when format 2 comes, its migration from 1 is added here with a test that reads a format 1 file.
     */
    static final List<UnaryOperator<MappingNode>> MIGRATIONS = List.of();

    private FormatVersion() {
    }

    /**
     * Reads and removes the {@code format} key, then migrates the tree to the current format.
     *
     * @return the tree in the current format without its {@code format} key, or empty when the file is refused
     *         (the reason is added to {@code problems})
     */
    public static Optional<MappingNode> read(MappingNode root, String fileName, List<Problem> problems) {
        return read(root, fileName, problems, CURRENT, MIGRATIONS);
    }

    /** As {@link #read(MappingNode, String, List)}, with the known format and migrations given (for tests). */
    static Optional<MappingNode> read(MappingNode root, String fileName, List<Problem> problems, int current,
                                      List<UnaryOperator<MappingNode>> migrations) {
        NodeTuple formatEntry = null;
        List<NodeTuple> rest = new ArrayList<>();
        for (NodeTuple t : root.getValue()) {
            if (!"format".equals(YamlTree.scalar(t.getKeyNode()))) {
                rest.add(t);
            } else if (formatEntry == null) {
                formatEntry = t;
            } else {
                problems.add(Problem.error(fileName, YamlTree.line(t.getKeyNode()), "duplicate key 'format'"));
            }
        }
        int format = 1;
        if (formatEntry != null) {
            int line = YamlTree.line(formatEntry.getKeyNode());
            String value = YamlTree.scalar(formatEntry.getValueNode());
            if (value == null || !value.trim().matches("[0-9]{1,9}")) { // 9 digits: no int overflow
                problems.add(Problem.error(fileName, line, "'format' must be a whole number such as " + current
                        + " (the questionnaire format the file is written in), not " + shown(value), "format.notNumber",
                        value == null ? "" : value, String.valueOf(current)));
                return Optional.empty();
            }
            format = Integer.parseInt(value.trim());
            if (format < 1) {
                problems.add(Problem.error(fileName, line, "'format' must be a whole number such as " + current
                        + " (the questionnaire format the file is written in), not " + shown(value), "format.notNumber",
                        value, String.valueOf(current)));
                return Optional.empty();
            }
            if (format > current) {
                problems.add(Problem.error(fileName, line, "questionnaire format " + format
                        + " is newer than this program (knows " + current + "); update Buurtstem, or write the file in format "
                        + current, "format.newer", String.valueOf(format), String.valueOf(current)));
                return Optional.empty();
            }
        }
        MappingNode tree = new MappingNode(root.getTag(), true, rest, root.getFlowStyle(), root.getStartMark(), root.getEndMark());
        for (int v = format; v < current; v++) {
            tree = migrations.get(v - 1).apply(tree);
        }
        return Optional.of(tree);
    }

    private static String shown(String value) {
        return value == null ? "a list or mapping" : "'" + value + "'";
    }
}
