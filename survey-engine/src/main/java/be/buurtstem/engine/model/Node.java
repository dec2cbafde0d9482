package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/**
 * One node of a questionnaire. A single record for every kind keeps the loader, the validator and the engine
 * simple; the fields a kind does not use are null or empty (see docs/questionnaire-format.md for which apply).
 *
 * @param next       id of the next node at the same level, {@code _end}, {@code _more} (inside a repeat), or null
 * @param required   questions only: may the resident skip it without being offered to
 * @param coded      free text: code into themes later (default true)
 * @param min        number: lowest value; multiple choice: fewest options; scale: lowest value (default 1)
 * @param max        number: highest value; multiple choice: most options; scale: highest (default 5); repeat: rounds
 * @param integer    number: whole numbers only (default true)
 * @param labels     scale: value → label text (optional)
 * @param yes        consent: label of the yes button (optional, else the system text)
 * @param refused    consent: text shown on refusal (optional, else the system text)
 * @param nodes      repeat: the nested nodes of one round
 * @param more       repeat: the "another one?" question
 * @param lines      YAML key → source line, for problems about a particular key
 */
public record Node(String id, Kind kind, Text text, String next, List<Route> routes, boolean required, Text help,
                   String segment, String block, boolean coded, List<Option> options, Double min, Double max,
                   boolean integer, Map<Integer, Text> labels, Text yes, Text no, Text refused, List<Node> nodes,
                   Text more, int line, Map<String, Integer> lines) {

    public static final String END = "_end";
    public static final String MORE = "_more";

    public Node {
        routes = routes == null ? List.of() : List.copyOf(routes);
        options = options == null ? List.of() : List.copyOf(options);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, line);
    }

    public Option option(String optionId) {
        for (Option o : options) {
            if (o.id().equals(optionId)) {
                return o;
            }
        }
        return null;
    }

    /** The lowest scale value (default 1). */
    public int scaleMin() {
        return min == null ? 1 : min.intValue();
    }

    /** The highest scale value (default 5). */
    public int scaleMax() {
        return max == null ? 5 : max.intValue();
    }
}
