package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ids, options, ranges and questionnaire-level keys. */
public final class StructureCheck {
    private StructureCheck() {
    }

    public static void run(Questionnaire q, List<Problem> out) {
        String f = q.file();
        if (!q.languages().isEmpty() && !q.languages().contains(q.defaultLanguage())) {
            out.add(Problem.error(f, q.lineOf("default_language"), "default_language '" + q.defaultLanguage()
                    + "' is not among languages " + q.languages()));
        }
        Set<String> seenLang = new HashSet<>();
        for (String l : q.languages()) {
            if (!seenLang.add(l)) {
                out.add(Problem.error(f, q.lineOf("languages"), "language '" + l + "' is listed twice"));
            }
        }
        Map<String, Node> seen = new HashMap<>();
        checkNodes(q, q.nodes(), seen, out);
        if (q.start() != null && q.nodes().stream().noneMatch(n -> n.id().equals(q.start()))) {
            out.add(Problem.error(f, q.lineOf("start"), "start names no top-level node '" + q.start() + "'"));
        }
        for (String s : q.segments()) {
            Node n = seen.get(s);
            if (n == null || !n.kind().isQuestion()) {
                out.add(Problem.error(f, q.lineOf("segments"), "segment '" + s + "' names no question"));
            }
        }
    }

    private static void checkNodes(Questionnaire q, List<Node> nodes, Map<String, Node> seen, List<Problem> out) {
        String f = q.file();
        for (Node n : nodes) {
            Node first = seen.putIfAbsent(n.id(), n);
            if (first != null) {
                out.add(Problem.error(f, n.lineOf("id"), "duplicate node id '" + n.id() + "' (first used on line " + first.lineOf("id") + ")"));
            }
            if (n.id().equals("iteration") || n.id().startsWith("count_")) {
                out.add(Problem.error(f, n.lineOf("id"), "node id '" + n.id() + "' is reserved for text arguments"));
            }
            if (n.kind().hasOptions()) {
                checkOptions(f, n, out);
            }
            switch (n.kind()) {
                case SCALE -> {
                    if (n.scaleMin() >= n.scaleMax() || n.scaleMax() - n.scaleMin() > 10) {
                        out.add(Problem.error(f, n.lineOf("max"), "scale '" + n.id() + "' needs min < max and at most 11 values"));
                    }
                    for (Integer v : n.labels().keySet()) {
                        if (v < n.scaleMin() || v > n.scaleMax()) {
                            out.add(Problem.error(f, n.lineOf("labels"), "scale label " + v + " is outside " + n.scaleMin() + "–" + n.scaleMax()));
                        }
                    }
                }
                case NUMBER -> {
                    if (n.min() != null && n.max() != null && n.min() > n.max()) {
                        out.add(Problem.error(f, n.lineOf("min"), "min is larger than max in '" + n.id() + "'"));
                    }
                }
                case MULTIPLE_CHOICE -> {
                    if (n.min() != null && n.max() != null && n.min() > n.max()) {
                        out.add(Problem.error(f, n.lineOf("min"), "min is larger than max in '" + n.id() + "'"));
                    }
                    if (n.max() != null && (n.max() < 1 || n.max() > n.options().size())) {
                        out.add(Problem.error(f, n.lineOf("max"), "max " + n.max().intValue() + " must be between 1 and the number of options"));
                    }
                }
                case REPEAT -> {
                    if (n.max() != null && n.max() < 1) {
                        out.add(Problem.error(f, n.lineOf("max"), "a repeat group needs max of at least 1"));
                    }
                    checkNodes(q, n.nodes(), seen, out);
                }
                default -> {
                }
            }
        }
    }

    private static void checkOptions(String f, Node n, List<Problem> out) {
        if (n.options().isEmpty()) {
            out.add(Problem.error(f, n.lineOf("options"), "'" + n.id() + "' has no options"));
        }
        Set<String> ids = new HashSet<>();
        for (Option o : n.options()) {
            if (!ids.add(o.id())) {
                out.add(Problem.error(f, o.line(), "duplicate option id '" + o.id() + "' in '" + n.id() + "'"));
            }
            if (o.id().equals("_done")) {
                out.add(Problem.error(f, o.line(), "option id '_done' is reserved for the done button"));
            }
        }
        if (n.kind() == Kind.SINGLE_CHOICE && n.options().stream().anyMatch(Option::exclusive)) {
            out.add(Problem.warning(f, n.lineOf("options"), "'exclusive' only matters in a multiple choice ('" + n.id() + "')"));
        }
    }
}
