package be.buurtstem.engine.validate;

import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing graph of one level (the top level, or one repeat group's round): node → the targets it can go to.
 * Targets outside the level ({@code _end}, {@code _more}, unknown ids) are kept as they are, so the checks can
 * report them.
 */
final class Graph {
    final List<Node> nodes;
    final Map<String, Node> byId = new LinkedHashMap<>();
    final Map<String, List<String>> edges = new LinkedHashMap<>();
    final boolean nested;

    Graph(List<Node> nodes, boolean nested) {
        this.nodes = nodes;
        this.nested = nested;
        for (Node n : nodes) {
            byId.putIfAbsent(n.id(), n);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (edges.containsKey(n.id())) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (Route r : n.routes()) {
                targets.add(r.target());
            }
            if (n.next() != null) {
                targets.add(n.next());
            } else if (nested) {
                // Inside a round, a node without next goes on to the following one; the last one ends the round.
                targets.add(i + 1 < nodes.size() ? nodes.get(i + 1).id() : Node.MORE);
            }
            edges.put(n.id(), targets);
        }
    }

    static Graph top(Questionnaire q) {
        return new Graph(q.nodes(), false);
    }

    Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (start != null && byId.containsKey(start)) {
            todo.add(start);
        }
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) {
                continue;
            }
            for (String t : edges.getOrDefault(id, List.of())) {
                if (byId.containsKey(t) && !seen.contains(t)) {
                    todo.add(t);
                }
            }
        }
        return seen;
    }

    /** Nodes from which the level can be left: an end node, {@code _end}, or (in a round) {@code _more}. */
    Set<String> canFinish(java.util.function.Predicate<Node> terminal) {
        Set<String> ok = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node n : nodes) {
                if (ok.contains(n.id())) {
                    continue;
                }
                boolean fine = terminal.test(n);
                for (String t : edges.getOrDefault(n.id(), List.of())) {
                    if (t.equals(Node.END) || (nested && t.equals(Node.MORE)) || ok.contains(t)) {
                        fine = true;
                    }
                }
                if (fine) {
                    ok.add(n.id());
                    changed = true;
                }
            }
        }
        return ok;
    }

    /** Strongly connected components (Tarjan), so that a loop is reported once with its members. */
    List<List<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (Node n : nodes) {
            if (!index.containsKey(n.id())) {
                strongConnect(n.id(), index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                               Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, List.of())) {
            if (!byId.containsKey(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1 || edges.getOrDefault(v, List.of()).contains(v)) {
                java.util.Collections.reverse(scc);
                out.add(scc);
            }
        }
    }
}
