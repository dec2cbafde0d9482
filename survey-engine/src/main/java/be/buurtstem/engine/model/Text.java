package be.buurtstem.engine.model;

import java.util.Map;

/**
 * A user-facing text: language tag → ICU MessageFormat pattern. A {@code neutral} text (a plain YAML string)
 * is the same in every language, e.g. an emoji or a URL.
 *
 * @param patterns language tag → pattern, in file order
 * @param lines    language tag → source line of that pattern, so that problems point at the right line
 * @param neutral  true when the file gave a plain string; it is then stored under the key {@code "*"}
 * @param line     source line of the text as a whole
 */
public record Text(Map<String, String> patterns, Map<String, Integer> lines, boolean neutral, int line) {

    public static final String ANY = "*";

    public Text {
        patterns = Map.copyOf(patterns);
        lines = Map.copyOf(lines);
    }

    public static Text neutral(String pattern, int line) {
        return new Text(Map.of(ANY, pattern), Map.of(ANY, line), true, line);
    }

    /** For programmatic construction (tests, system texts): no source lines. */
    public static Text of(Map<String, String> patterns) {
        return new Text(patterns, Map.of(), false, 0);
    }

    public int lineOf(String language) {
        return lines.getOrDefault(language, line);
    }
}
