package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.kinds.Kinds;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.RepeatNode;
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
            Kinds.validate(n, f, out);
            if (n instanceof RepeatNode repeat) {
                checkNodes(q, repeat.nodes(), seen, out);
            }
        }
    }
}
