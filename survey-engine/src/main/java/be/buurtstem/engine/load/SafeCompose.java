package be.buurtstem.engine.load;

import be.buurtstem.engine.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Composes a YAML text into snakeyaml-engine's node tree within {@link YamlLimits}. snakeyaml-engine composes
 * recursively and has no nesting limit of its own, so the depth is measured first on the parser's event stream
 * (which is a state machine and does not recurse); after composing, the tree is walked once with aliases followed,
 * without recursion, to bound what an alias chain expands to (and to stop at an alias that contains itself).
 * Every failure is a {@code FILE:LINE} problem, never an exception.
 */
public final class SafeCompose {
    private SafeCompose() {
    }

    /** The composed root, or empty with the problem added (an empty file, a syntax error or a limit). */
    public static Optional<Node> compose(String yamlText, String fileName, List<Problem> problems) {
        String text = yamlText == null ? "" : yamlText;
        if (text.length() > YamlLimits.MAX_FILE_SIZE) {
            problems.add(Problem.error(fileName, 1, YamlLimits.tooLarge(text.length())));
            return Optional.empty();
        }
        // Composing (not constructing) keeps the marks; YAML 1.2 core schema keeps "no"/"yes" as strings.
        LoadSettings settings = LoadSettings.builder().setLabel(fileName).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(YamlLimits.MAX_ALIASES).setAllowRecursiveKeys(false)
                .setCodePointLimit(YamlLimits.MAX_FILE_SIZE + 1).build();
        try {
            if (!depthWithinLimit(settings, text, fileName, problems)) {
                return Optional.empty();
            }
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                problems.add(Problem.error(fileName, 1, "the file is empty"));
                return Optional.empty();
            }
            if (!expansionWithinLimit(root.get(), fileName, problems)) {
                return Optional.empty();
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            problems.add(SyntaxExplainer.explain(text, fileName, e));
        } catch (YamlEngineException | IllegalStateException | IllegalArgumentException e) {
            problems.add(Problem.error(fileName, 1, "the file cannot be read as YAML (" + SyntaxExplainer.oneLine(e.getMessage())
                    + "); check its indentation and quotes", "yaml.other", SyntaxExplainer.oneLine(e.getMessage())));
        }
        return Optional.empty();
    }

    private static boolean depthWithinLimit(LoadSettings settings, String text, String fileName, List<Problem> problems) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > YamlLimits.MAX_DEPTH) {
                        int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
                        problems.add(Problem.error(fileName, line, "nested more than " + YamlLimits.MAX_DEPTH
                                + " levels deep (mappings and lists, brackets or indentation); questionnaire files are limited to "
                                + YamlLimits.MAX_DEPTH));
                        return false;
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
        return true;
    }

    private static boolean expansionWithinLimit(Node root, String fileName, List<Problem> problems) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (++visited > YamlLimits.MAX_EXPANDED_NODES) {
                problems.add(Problem.error(fileName, YamlTree.line(n), "aliases (*name) expand the file to more than "
                        + YamlLimits.MAX_EXPANDED_NODES + " YAML nodes; use fewer nested aliases"));
                return false;
            }
            switch (n) {
                case AnchorNode a -> todo.push(a.getRealNode());
                case SequenceNode s -> s.getValue().forEach(todo::push);
                case MappingNode m -> {
                    for (NodeTuple t : m.getValue()) {
                        todo.push(t.getKeyNode());
                        todo.push(t.getValueNode());
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

}
