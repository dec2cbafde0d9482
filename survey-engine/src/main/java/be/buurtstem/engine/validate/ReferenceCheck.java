package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Condition;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Route;
import be.buurtstem.engine.text.Locales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Conditions: the questions and options they name exist, fit the test, and are asked before the route. */
public final class ReferenceCheck {
    private ReferenceCheck() {
    }

    public static void run(Questionnaire q, List<Problem> out) {
        NodeIndex index = NodeIndex.of(q);
        Graph top = Graph.top(q);
        Map<String, Set<String>> reach = new HashMap<>();
        for (String name : q.context()) {
            if (index.node(name) != null) {
                out.add(Problem.error(q.file(), q.lineOf("context"), "context parameter '" + name + "' has the id of a node; rename one of them"));
            }
        }
        for (Node n : index.all().values()) {
            for (Route r : n.routes()) {
                check(q, index, top, reach, n, r.when(), out);
            }
        }
    }

    private static void check(Questionnaire q, NodeIndex index, Graph top, Map<String, Set<String>> reach, Node at,
                              Condition c, List<Problem> out) {
        String f = q.file();
        switch (c) {
            case Condition.All all -> all.conditions().forEach(x -> check(q, index, top, reach, at, x, out));
            case Condition.Any any -> any.conditions().forEach(x -> check(q, index, top, reach, at, x, out));
            case Condition.Not not -> check(q, index, top, reach, at, not.condition(), out);
            case Condition.LanguageIs l -> {
                for (String lang : l.languages()) {
                    if (!q.languages().contains(lang) && !q.languages().contains(Locales.base(lang))) {
                        out.add(Problem.error(f, c.line(), "language condition names '" + lang + "', which is not among languages " + q.languages()));
                    }
                }
            }
            default -> {
                String name = Condition.questionOf(c);
                Node qn = index.node(name);
                if (qn == null && q.context().contains(name)) {
                    if (c instanceof Condition.Contains || c instanceof Condition.Skipped) {
                        out.add(Problem.error(f, c.line(), "context parameter '" + name + "' is a value from the channel: test it with equals, in, answered or a number comparison"));
                    }
                    return;
                }
                if (qn == null || !qn.kind().isQuestion()) {
                    out.add(Problem.error(f, c.line(), "condition names no question '" + name + "'"));
                    return;
                }
                checkValues(f, qn, c, out);
                if (!askedBefore(index, top, reach, qn, at)) {
                    out.add(Problem.error(f, c.line(), "condition on '" + name + "' in '" + at.id() + "': '" + name + "' is never asked before '" + at.id() + "'"));
                }
            }
        }
    }

    private static void checkValues(String f, Node qn, Condition c, List<Problem> out) {
        List<String> values = switch (c) {
            case Condition.Equals e -> List.of(e.value() == null ? "" : e.value());
            case Condition.In in -> in.values();
            case Condition.Contains k -> List.of(k.value() == null ? "" : k.value());
            default -> List.of();
        };
        if (c instanceof Condition.Compare k && !qn.kind().isNumeric()) {
            out.add(Problem.error(f, c.line(), "'" + k.op().name().toLowerCase(java.util.Locale.ROOT) + "' compares numbers, but '"
                    + qn.id() + "' is a " + qn.kind().yamlName() + " question"));
        }
        if (qn.kind().hasOptions()) {
            for (String v : values) {
                if (qn.option(v) == null) {
                    out.add(Problem.error(f, c.line(), "question '" + qn.id() + "' has no option '" + v + "'"));
                }
            }
        } else if (qn.kind().isNumeric() && !(c instanceof Condition.Contains)) {
            for (String v : values) {
                try {
                    Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    out.add(Problem.error(f, c.line(), "'" + qn.id() + "' is a number, but the condition compares it with '" + v + "'"));
                }
            }
        }
        if (c instanceof Condition.Contains && qn.kind() != Kind.MULTIPLE_CHOICE && qn.kind() != Kind.FREE_TEXT
                && qn.kind() != Kind.LOCATION && qn.kind() != Kind.SINGLE_CHOICE) {
            out.add(Problem.error(f, c.line(), "'contains' needs a single choice, multiple choice, free text or location question, but '"
                    + qn.id() + "' is a " + qn.kind().yamlName() + " question"));
        }
    }

    /** Can {@code question} have been answered when the routes of {@code at} are evaluated? */
    static boolean askedBefore(NodeIndex index, Graph top, Map<String, Set<String>> reach, Node question, Node at) {
        if (question == at) {
            return true;
        }
        Node qRepeat = index.repeatOf(question.id());
        Node atRepeat = index.repeatOf(at.id());
        if (qRepeat != null && qRepeat == atRepeat) {
            Graph inner = new Graph(qRepeat.nodes(), true);
            return inner.reachableFrom(question.id()).contains(at.id());
        }
        String from = qRepeat != null ? qRepeat.id() : question.id();
        String to = atRepeat != null ? atRepeat.id() : at.id();
        if (from.equals(to)) {
            return true;
        }
        return reach.computeIfAbsent(from, top::reachableFrom).contains(to);
    }
}
