package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Route;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Routing: targets exist, every node is reached, every node can reach an end, no loop traps the resident. */
public final class GraphCheck {
    private GraphCheck() {
    }

    public static void run(Questionnaire q, List<Problem> out) {
        if (q.nodes().isEmpty()) {
            return;
        }
        Graph top = Graph.top(q);
        checkLevel(q, top, q.startId(), out, true);
        checkConsentFirst(q, top, out);
    }

    private static void checkLevel(Questionnaire q, Graph g, String start, List<Problem> out, boolean reachable) {
        String f = q.file();
        for (Node n : g.nodes) {
            for (Route r : n.routes()) {
                checkTarget(f, g, n, r.target(), r.line(), "goto", out);
            }
            if (n.next() != null) {
                checkTarget(f, g, n, n.next(), n.lineOf("next"), "next", out);
            } else if (!g.nested && n.kind() != Kind.END) {
                if (n.routes().isEmpty()) {
                    out.add(Problem.error(f, n.line(), "node '" + n.id() + "' has no next (only an end node may stop)"));
                } else {
                    out.add(Problem.warning(f, n.line(), "node '" + n.id() + "' has routes but no next: when no route holds, the conversation ends without a closing text"));
                }
            }
            if (n.kind() == Kind.END && (n.next() != null || !n.routes().isEmpty())) {
                out.add(Problem.warning(f, n.lineOf("next"), "end node '" + n.id() + "' ends the conversation; its next/routes are never used"));
            }
            if (g.nested && n.kind() == Kind.END) {
                out.add(Problem.error(f, n.line(), "an end node cannot stand inside a repeat group ('" + n.id() + "'); use goto: _more to end the round"));
            }
        }
        Set<String> reached = g.reachableFrom(start);
        if (reachable) {
            for (Node n : g.nodes) {
                if (!reached.contains(n.id())) {
                    out.add(Problem.error(f, n.line(), "node '" + n.id() + "' is never reached" + (g.nested ? " in its repeat group" : " from '" + start + "'")));
                }
            }
        }
        Set<String> finishes = g.canFinish(n -> !g.nested && n.kind() == Kind.END);
        Set<String> reported = new HashSet<>();
        for (List<String> loop : g.components()) {
            boolean trapped = loop.stream().noneMatch(finishes::contains);
            boolean onlyMessages = loop.stream().allMatch(id -> g.byId.get(id).kind() == Kind.MESSAGE);
            Node first = g.byId.get(loop.get(0));
            String path = String.join(" → ", loop) + " → " + loop.get(0);
            if (trapped && (reached.contains(first.id()) || !reachable)) {
                out.add(Problem.error(f, first.line(), "loop with no way out: " + path));
                reported.addAll(loop);
            } else if (onlyMessages) {
                out.add(Problem.error(f, first.line(), "loop of messages without a question would repeat forever: " + path));
                reported.addAll(loop);
            }
        }
        for (Node n : g.nodes) {
            if (!finishes.contains(n.id()) && !reported.contains(n.id()) && reached.contains(n.id())
                    && leadsOnlyToDeadEnds(g, n)) {
                // Only report where the trouble starts: a node whose own targets exist but lead nowhere.
                out.add(Problem.error(f, n.line(), g.nested
                        ? "the round cannot end from node '" + n.id() + "'"
                        : "no end node can be reached from node '" + n.id() + "'"));
            }
        }
        for (Node n : g.nodes) {
            if (n.kind() == Kind.REPEAT && !n.nodes().isEmpty()) {
                Graph inner = new Graph(n.nodes(), true);
                checkLevel(q, inner, n.nodes().get(0).id(), out, reachable && reached.contains(n.id()));
            }
        }
    }

    /** True when the node itself is a dead end (all its targets unknown, or it has none) rather than upstream of one. */
    private static boolean leadsOnlyToDeadEnds(Graph g, Node n) {
        List<String> targets = g.edges.getOrDefault(n.id(), List.of());
        if (targets.isEmpty()) {
            return false; // "has no next" is reported already
        }
        return targets.stream().noneMatch(g.byId::containsKey) && targets.stream().noneMatch(t -> t.equals(Node.END) || t.equals(Node.MORE));
    }

    private static void checkTarget(String f, Graph g, Node n, String target, int line, String key, List<Problem> out) {
        if (target.equals(Node.END)) {
            return;
        }
        if (target.equals(Node.MORE)) {
            if (!g.nested) {
                out.add(Problem.error(f, line, key + " '_more' only works inside a repeat group"));
            }
            return;
        }
        if (!g.byId.containsKey(target)) {
            out.add(Problem.error(f, line, key + " of '" + n.id() + "' names no node '" + target + "'"
                    + (g.nested ? " in its repeat group" : ""), "node.noTarget", key, n.id(), target));
        }
    }

    /** Questions the resident could answer before the consent node: their answers would not be recorded. */
    private static void checkConsentFirst(Questionnaire q, Graph top, List<Problem> out) {
        Node consent = top.nodes.stream().filter(n -> n.kind() == Kind.CONSENT).findFirst().orElse(null);
        if (consent == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(q.startId());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            Node n = top.byId.get(id);
            if (n == null || n == consent || !seen.add(id)) {
                continue;
            }
            if (n.kind().isQuestion() && n.kind() != Kind.LANGUAGE) {
                out.add(Problem.warning(q.file(), n.line(), "'" + n.id() + "' can be answered before consent ('" + consent.id() + "'); its answer will not be recorded"));
            }
            todo.addAll(top.edges.getOrDefault(id, List.of()));
        }
    }
}
