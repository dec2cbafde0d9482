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

    /**
     * Nodes from which the level can be left: an end node, {@code _end}, or (in a round) {@code _more}. Walks the
     * edges backwards from those exits once (linear in the graph, so a 50,000-node chain takes no longer than it
     * must, and nothing recurses).
     */
    Set<String> canFinish(java.util.function.Predicate<Node> terminal) {
        Map<String, List<String>> from = new HashMap<>();
        Set<String> ok = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Node n : nodes) {
            List<String> targets = edges.getOrDefault(n.id(), List.of());
            boolean exits = terminal.test(n);
            for (String t : targets) {
                exits |= t.equals(Node.END) || (nested && t.equals(Node.MORE));
                from.computeIfAbsent(t, k -> new ArrayList<>()).add(n.id());
            }
            if (exits && ok.add(n.id())) {
                todo.add(n.id());
            }
        }
        while (!todo.isEmpty()) {
            for (String before : from.getOrDefault(todo.poll(), List.of())) {
                if (ok.add(before)) {
                    todo.add(before);
                }
            }
        }
        return ok;
    }

    /**
     * Strongly connected components (Tarjan), so that a loop is reported once with its members. Iterative, with an
     * explicit stack of (node, next edge to look at): a long chain of nodes must not exhaust the thread's stack.
     */
    List<List<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int counter = 0;
        for (Node root : nodes) {
            if (index.containsKey(root.id())) {
                continue;
            }
            Deque<Frame> calls = new ArrayDeque<>();
            calls.push(new Frame(root.id()));
            index.put(root.id(), counter);
            low.put(root.id(), counter++);
            stack.push(root.id());
            onStack.add(root.id());
            while (!calls.isEmpty()) {
                Frame f = calls.peek();
                List<String> targets = edges.getOrDefault(f.node, List.of());
                if (f.edge < targets.size()) {
                    String w = targets.get(f.edge++);
                    if (!byId.containsKey(w)) {
                        continue;
                    }
                    if (!index.containsKey(w)) {
                        index.put(w, counter);
                        low.put(w, counter++);
                        stack.push(w);
                        onStack.add(w);
                        calls.push(new Frame(w));
                    } else if (onStack.contains(w)) {
                        low.put(f.node, Math.min(low.get(f.node), index.get(w)));
                    }
                    continue;
                }
                calls.pop();
                String v = f.node;
                if (!calls.isEmpty()) {
                    String parent = calls.peek().node;
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> scc = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(v));
                    if (scc.size() > 1 || targets.contains(v)) {
                        java.util.Collections.reverse(scc);
                        out.add(scc);
                    }
                }
            }
        }
        return out;
    }

    /** One step of the depth-first walk: the node and the index of its next edge to follow. */
    private static final class Frame {
        final String node;
        int edge;

        Frame(String node) {
            this.node = node;
        }
    }
}
