package be.buurtstem.engine.load;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.kinds.KindHandler;
import be.buurtstem.engine.kinds.Kinds;
import be.buurtstem.engine.kinds.NodeSource;
import be.buurtstem.engine.load.YamlTree.Entry;
import be.buurtstem.engine.model.Condition;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Route;
import be.buurtstem.engine.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns YAML nodes into model records, adding a {@link Problem} for everything it cannot read and carrying on
 * with a sensible default, so that one run reports every problem.
 */
public final class NodeReader {

    public static final Set<String> TOP_KEYS = Set.of("id", "version", "languages", "default_language", "title",
            "description", "start", "segments", "saturation", "texts", "nodes", "context");
    private static final List<String> COMMON_ORDER = List.of("id", "kind", "text", "next", "routes", "help", "block");
    private static final Set<String> COMMON = Set.copyOf(COMMON_ORDER);
    private static final Set<String> QUESTION = Set.of("required", "segment");
    private static final Set<String> OPTION_KEYS = Set.of("id", "label", "emoji", "exclusive", "means");
    private static final Set<String> ROUTE_KEYS = Set.of("when", "goto");
    private static final Set<String> COMPARE = Set.of("lt", "le", "gt", "ge", "eq", "ne");
    private static final Set<String> LEAF_OPS = Set.of("equals", "in", "contains", "lt", "le", "gt", "ge", "eq", "ne",
            "answered", "skipped");

    private final String file;
    private final List<Problem> problems;

    public NodeReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public void error(int line, String message) {
        problems.add(Problem.error(file, line, message));
    }

    /** A mapping's entries; unknown keys (not in {@code allowed}) and duplicate keys are reported. */
    public Map<String, Entry> entries(MappingNode map, String what, Set<String> allowed) {
        Map<String, Entry> e = YamlTree.entries(map, d -> error(d.line(), "duplicate key '" + d.key() + "'"));
        for (Entry entry : e.values()) {
            if (allowed != null && !allowed.contains(entry.key())) {
                error(entry.line(), "unknown key '" + entry.key() + "' in " + what);
            }
        }
        return e;
    }

    public String string(Entry e) {
        String s = YamlTree.scalar(e.value());
        if (s == null) {
            error(e.line(), "'" + e.key() + "' must be a single value");
        }
        return s;
    }

    public String requiredString(Map<String, Entry> e, String key, int line, String what) {
        Entry entry = e.get(key);
        if (entry == null) {
            problems.add(Problem.error(file, line, "missing key '" + key + "' in " + what, "key.missing", key, what));
            return null;
        }
        String s = string(entry);
        if (s != null && s.isBlank()) {
            error(entry.line(), "'" + key + "' is empty");
            return null;
        }
        return s;
    }

    public int positiveInt(Entry e, int fallback) {
        String s = string(e);
        try {
            int v = Integer.parseInt(s == null ? "" : s.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        error(e.line(), "'" + e.key() + "' must be a positive integer, not '" + s + "'");
        return fallback;
    }

    public Double number(Entry e) {
        String s = string(e);
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException ex) {
            error(e.line(), "'" + e.key() + "' must be a number, not '" + s + "'");
            return null;
        }
    }

    public boolean bool(Entry e, boolean fallback) {
        String s = string(e);
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        error(e.line(), "'" + e.key() + "' must be true or false, not '" + s + "'");
        return fallback;
    }

    public List<String> stringList(Entry e) {
        if (!(e.value() instanceof SequenceNode)) {
            error(e.line(), "'" + e.key() + "' must be a list, e.g. [a, b]");
            return List.of();
        }
        return YamlTree.scalars(e.value());
    }

    public Map<String, Double> numberMap(Entry e) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!(e.value() instanceof MappingNode m)) {
            error(e.line(), "'" + e.key() + "' must be a mapping of names to numbers");
            return out;
        }
        for (Entry x : entries(m, "'" + e.key() + "'", null).values()) {
            Double d = number(x);
            if (d != null) {
                out.put(x.key(), d);
            }
        }
        return out;
    }

    /** A text: a mapping language → pattern, or a plain string for language-neutral text. */
    public Text text(Entry e) {
        if (e.value() instanceof ScalarNode s) {
            return Text.neutral(s.getValue(), YamlTree.line(s));
        }
        if (!(e.value() instanceof MappingNode m)) {
            error(e.line(), "'" + e.key() + "' must be a mapping of language to text, e.g. {nl: \"...\", fr: \"...\"}");
            return null;
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Entry x : entries(m, "text '" + e.key() + "'", null).values()) {
            String v = YamlTree.scalar(x.value());
            if (v == null) {
                error(x.line(), "the '" + x.key() + "' text of '" + e.key() + "' must be a string");
                continue;
            }
            if (!x.key().matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
                error(x.line(), "'" + x.key() + "' is not a language tag (e.g. nl, fr, ar, nl-BE)");
            }
            patterns.put(x.key(), v);
            lines.put(x.key(), YamlTree.line(x.value()));
        }
        if (patterns.isEmpty()) {
            error(e.line(), "'" + e.key() + "' has no text in any language");
        }
        return new Text(patterns, lines, false, e.line());
    }

    public Map<String, Text> textMap(Entry e) {
        Map<String, Text> out = new LinkedHashMap<>();
        if (!(e.value() instanceof MappingNode m)) {
            error(e.line(), "'texts' must be a mapping of system text keys to texts");
            return out;
        }
        for (Entry x : entries(m, "'texts'", null).values()) {
            Text t = text(x);
            if (t != null) {
                out.put(x.key(), t);
            }
        }
        return out;
    }

    public List<Node> nodes(org.snakeyaml.engine.v2.nodes.Node value, boolean nested) {
        List<Node> out = new ArrayList<>();
        if (!(value instanceof SequenceNode seq)) {
            error(YamlTree.line(value), "'nodes' must be a list of nodes");
            return out;
        }
        for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
            Node n = node(item, nested);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private Node node(org.snakeyaml.engine.v2.nodes.Node item, boolean nested) {
        int line = YamlTree.line(item);
        if (!(item instanceof MappingNode m)) {
            error(line, "a node must be a mapping with id and kind");
            return null;
        }
        Map<String, Entry> e = YamlTree.entries(m, d -> error(d.line(), "duplicate key '" + d.key() + "'"));
        String id = requiredString(e, "id", line, "node");
        String what = id == null ? "node" : "node '" + id + "'";
        if (id != null && !id.matches("[a-z][a-z0-9_]*")) {
            error(e.get("id").line(), "node id '" + id + "' must match [a-z][a-z0-9_]* (it is also an argument name)");
        }
        String kindName = requiredString(e, "kind", line, what);
        KindHandler<?> named = Kinds.named(kindName);
        Kind kind = named == null ? null : named.kind();
        boolean guessed = false;
        if (kindName != null && kind == null) {
            // One message for one wrong word: the node is read further as the kind it most likely meant, without
            // reporting its keys, so that the nodes pointing to it or reached through it raise no follow-on problems.
            kind = KindGuess.guess(kindName, e.keySet());
            guessed = true;
            String near = KindGuess.nearest(kindName);
            problems.add(Problem.error(file, e.get("kind").line(), "unknown node kind '" + kindName + "' in " + what
                            + (near == null ? "" : "; did you mean '" + near + "'?") + " (the kinds are: " + Kinds.names() + ")",
                    near == null ? "kind.unknown" : "kind.unknownNear", kindName, id == null ? "" : id,
                    near == null ? "" : near, Kinds.names()));
        }
        if (id == null || kind == null) {
            // Still report unknown keys and nested problems we can see, then give up on this node.
            return null;
        }
        KindHandler<?> handler = Kinds.named(kind.yamlName());
        if (nested && kind == Kind.REPEAT) {
            error(line, "a repeat group cannot hold another repeat group (" + what + ")");
        }
        Map<String, Integer> lines = new HashMap<>();
        for (Entry x : e.values()) {
            lines.put(x.key(), x.line());
            boolean known = COMMON.contains(x.key()) || handler.keys().contains(x.key())
                    || (kind.isQuestion() && QUESTION.contains(x.key()));
            if (!known && !guessed) {
                String keys = keysOf(handler);
                problems.add(Problem.error(file, x.line(), "unknown key '" + x.key() + "' for a " + kind.yamlName()
                        + " node ('" + id + "'; its keys are: " + keys + ")", "key.unknownInNode", x.key(),
                        kind.yamlName(), id, keys));
            }
        }
        Text text = e.containsKey("text") ? text(e.get("text")) : null;
        if (text == null && handler.needsText() && !e.containsKey("text")) {
            error(line, "missing key 'text' in " + what);
        }
        String next = e.containsKey("next") ? string(e.get("next")) : null;
        List<Route> routes = e.containsKey("routes") ? routes(e.get("routes")) : List.of();
        boolean required = !e.containsKey("required") || bool(e.get("required"), true);
        Text help = e.containsKey("help") ? text(e.get("help")) : null;
        String segment = e.containsKey("segment") ? string(e.get("segment")) : null;
        String block = e.containsKey("block") ? string(e.get("block")) : null;
        Node.Common common = new Node.Common(id, text, next, routes, help, block, line, lines);
        return handler.read(new NodeSource(common, required, segment, e, this, guessed, what, nested));
    }

    /** The keys a node of this kind may have, for the message about an unknown one. */
    static String keysOf(KindHandler<?> handler) {
        java.util.TreeSet<String> own = new java.util.TreeSet<>(handler.keys());
        if (handler.kind().isQuestion()) {
            own.addAll(QUESTION);
        }
        own.removeAll(COMMON);
        return String.join(", ", COMMON_ORDER) + (own.isEmpty() ? "" : ", " + String.join(", ", own));
    }

    public List<Option> options(Entry e) {
        List<Option> out = new ArrayList<>();
        if (!(e.value() instanceof SequenceNode seq)) {
            error(e.line(), "'options' must be a list of {id, label}");
            return out;
        }
        for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
            int line = YamlTree.line(item);
            if (!(item instanceof MappingNode m)) {
                error(line, "an option must be a mapping with id and label");
                continue;
            }
            Map<String, Entry> o = entries(m, "option", OPTION_KEYS);
            String id = requiredString(o, "id", line, "option");
            if (id != null && !id.matches("[a-z0-9_]+")) {
                error(o.get("id").line(), "option id '" + id + "' must match [a-z0-9_]+");
            }
            Text label = o.containsKey("label") ? text(o.get("label")) : null;
            if (!o.containsKey("label")) {
                error(line, "option '" + id + "' has no label");
            }
            String emoji = o.containsKey("emoji") ? string(o.get("emoji")) : null;
            boolean exclusive = o.containsKey("exclusive") && bool(o.get("exclusive"), false);
            String means = o.containsKey("means") ? string(o.get("means")) : null;
            if (means != null && !means.equals("yes") && !means.equals("no")) {
                error(o.get("means").line(), "option '" + id + "': 'means' must be yes or no, not '" + means + "'");
                means = null;
            }
            if (id != null) {
                out.add(new Option(id, label, emoji, exclusive, line, means));
            }
        }
        return out;
    }

    private List<Route> routes(Entry e) {
        List<Route> out = new ArrayList<>();
        if (!(e.value() instanceof SequenceNode seq)) {
            error(e.line(), "'routes' must be a list of {when, goto}");
            return out;
        }
        for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
            int line = YamlTree.line(item);
            if (!(item instanceof MappingNode m)) {
                error(line, "a route must be a mapping with when and goto");
                continue;
            }
            Map<String, Entry> r = entries(m, "route", ROUTE_KEYS);
            String target = requiredString(r, "goto", line, "route");
            Condition when = null;
            if (r.containsKey("when")) {
                when = condition(r.get("when").value());
            } else {
                error(line, "missing key 'when' in route");
            }
            if (target != null && when != null) {
                out.add(new Route(when, target, r.get("goto").line()));
            }
        }
        return out;
    }

    private Condition condition(org.snakeyaml.engine.v2.nodes.Node value) {
        int line = YamlTree.line(value);
        if (!(value instanceof MappingNode m)) {
            error(line, "a condition must be a mapping, e.g. {question: age_band, equals: u18}");
            return null;
        }
        Map<String, Entry> c = YamlTree.entries(m, d -> error(d.line(), "duplicate key '" + d.key() + "'"));
        if (c.containsKey("all") || c.containsKey("any")) {
            String key = c.containsKey("all") ? "all" : "any";
            checkOnly(c, key);
            List<Condition> parts = new ArrayList<>();
            Entry e = c.get(key);
            if (!(e.value() instanceof SequenceNode seq)) {
                error(e.line(), "'" + key + "' must be a list of conditions");
            } else {
                for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
                    Condition part = condition(item);
                    if (part != null) {
                        parts.add(part);
                    }
                }
            }
            return key.equals("all") ? new Condition.All(parts, line) : new Condition.Any(parts, line);
        }
        if (c.containsKey("not")) {
            checkOnly(c, "not");
            Condition inner = condition(c.get("not").value());
            return inner == null ? null : new Condition.Not(inner, line);
        }
        if (c.containsKey("language")) {
            checkOnly(c, "language");
            return new Condition.LanguageIs(YamlTree.scalars(c.get("language").value()), line);
        }
        if (!c.containsKey("question") && !c.containsKey("context")) {
            error(line, "a condition needs 'question' or 'context' (or all, any, not, language)");
            return null;
        }
        if (c.containsKey("question") && c.containsKey("context")) {
            error(line, "a condition tests either a 'question' or a 'context' parameter; combine several with all/any");
        }
        // A respondent-context parameter (declared under the top-level 'context:') is tested like an answer.
        String q = string(c.get(c.containsKey("question") ? "question" : "context"));
        Condition result = null;
        int ops = 0;
        for (Entry e : c.values()) {
            if (e.key().equals("question") || e.key().equals("context")) {
                continue;
            }
            if (!LEAF_OPS.contains(e.key())) {
                error(e.line(), "unknown condition '" + e.key() + "' (known: equals, in, contains, lt, le, gt, ge, eq, ne, answered, skipped, all, any, not, language)");
                continue;
            }
            ops++;
            switch (e.key()) {
                case "equals" -> result = new Condition.Equals(q, string(e), line);
                case "contains" -> result = new Condition.Contains(q, string(e), line);
                case "in" -> result = new Condition.In(q, stringList(e), line);
                case "answered" -> result = new Condition.Answered(q, bool(e, true), line);
                case "skipped" -> result = new Condition.Skipped(q, bool(e, true), line);
                default -> {
                    Double d = number(e);
                    if (COMPARE.contains(e.key()) && d != null) {
                        result = new Condition.Compare(q, Condition.Op.valueOf(e.key().toUpperCase(java.util.Locale.ROOT)), d, line);
                    }
                }
            }
        }
        if (ops > 1) {
            error(line, "a condition tests one thing; combine several with all/any");
        }
        if (ops == 0) {
            error(line, "the condition on '" + q + "' says nothing to test (equals, in, contains, lt, ..., answered, skipped)");
        }
        return q == null ? null : result;
    }

    private void checkOnly(Map<String, Entry> c, String key) {
        for (Entry e : c.values()) {
            if (!e.key().equals(key)) {
                error(e.line(), "'" + e.key() + "' cannot stand beside '" + key + "' in one condition; nest them");
            }
        }
    }
}
