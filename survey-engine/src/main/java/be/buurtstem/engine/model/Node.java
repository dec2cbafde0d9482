package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/**
 * One node of a questionnaire: a sealed family with one record per kind, each holding only its own keys beside the
 * {@link Common} part every node has. Code that depends on the kind matches on the record type (an exhaustive
 * {@code switch} without {@code default}), so a new kind does not compile until every place handles it.
 *
 * <p>The kind-specific accessors declared here with a neutral default ({@link #options()}, {@link #min()} ...) are
 * compatibility views for callers that walk every node (texts to check, exports, the XLSForm writer): they answer
 * "empty" or the format's default for a kind without that key. The records override them with their own field.
 */
public sealed interface Node permits MessageNode, RepeatNode, EndNode, Question {

    String END = "_end";
    String MORE = "_more";

    /**
     * What every node has.
     *
     * @param next  id of the next node at the same level, {@code _end}, {@code _more} (inside a repeat), or null
     * @param lines YAML key → source line, for problems about a particular key
     */
    record Common(String id, Text text, String next, List<Route> routes, Text help, String block, int line,
                  Map<String, Integer> lines) {
        public Common {
            routes = routes == null ? List.of() : List.copyOf(routes);
            lines = lines == null ? Map.of() : Map.copyOf(lines);
        }
    }

    Common common();

    /** The kind as a value (its YAML name is {@code kind().yamlName()}). */
    Kind kind();

    default String id() {
        return common().id();
    }

    default Text text() {
        return common().text();
    }

    default String next() {
        return common().next();
    }

    default List<Route> routes() {
        return common().routes();
    }

    default Text help() {
        return common().help();
    }

    default String block() {
        return common().block();
    }

    default int line() {
        return common().line();
    }

    default Map<String, Integer> lines() {
        return common().lines();
    }

    default int lineOf(String key) {
        return lines().getOrDefault(key, line());
    }

    // --- compatibility views (see the class comment); the records that have the key override them ---

    /** Questions only: may the resident skip it without being offered to (default true). */
    default boolean required() {
        return true;
    }

    default String segment() {
        return null;
    }

    default List<Option> options() {
        return List.of();
    }

    default Option option(String optionId) {
        for (Option o : options()) {
            if (o.id().equals(optionId)) {
                return o;
            }
        }
        return null;
    }

    default Double min() {
        return null;
    }

    default Double max() {
        return null;
    }

    default boolean integer() {
        return true;
    }

    default boolean coded() {
        return true;
    }

    default Map<Integer, Text> labels() {
        return Map.of();
    }

    default Text yes() {
        return null;
    }

    default Text no() {
        return null;
    }

    default Text refused() {
        return null;
    }

    default List<Node> nodes() {
        return List.of();
    }

    default Text more() {
        return null;
    }

    default int scaleMin() {
        return ScaleNode.DEFAULT_MIN;
    }

    default int scaleMax() {
        return ScaleNode.DEFAULT_MAX;
    }
}
