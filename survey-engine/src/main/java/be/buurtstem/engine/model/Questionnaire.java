package be.buurtstem.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A loaded questionnaire: plain data, as written in the file. {@link NodeIndex} gives fast lookups.
 *
 * @param file        the file name problems are reported against
 * @param start       id of the first node (the first node in the file when not given)
 * @param segments    question ids whose answers are segment values
 * @param saturation  per-questionnaire saturation thresholds (key → number)
 * @param texts       overrides of the engine's built-in system texts, by key
 * @param lines       top-level YAML key → source line
 * @param context     names of respondent-context parameters the file uses (e.g. {@code area} from a deep link):
 *                    allowed as text arguments and in conditions
 */
public record Questionnaire(String file, String id, int version, List<String> languages, String defaultLanguage,
                            Text title, Text description, String start, List<String> segments,
                            Map<String, Double> saturation, Map<String, Text> texts, List<Node> nodes,
                            Map<String, Integer> lines, List<String> context) {

    /** A questionnaire that uses no respondent-context parameters. */
    public Questionnaire(String file, String id, int version, List<String> languages, String defaultLanguage,
                         Text title, Text description, String start, List<String> segments,
                         Map<String, Double> saturation, Map<String, Text> texts, List<Node> nodes,
                         Map<String, Integer> lines) {
        this(file, id, version, languages, defaultLanguage, title, description, start, segments, saturation, texts,
                nodes, lines, List.of());
    }

    public Questionnaire {
        context = context == null ? List.of() : List.copyOf(context);
        languages = List.copyOf(languages);
        segments = segments == null ? List.of() : List.copyOf(segments);
        saturation = saturation == null ? Map.of() : Map.copyOf(saturation);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        nodes = List.copyOf(nodes);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    /** The id of the first node: {@code start}, or the first node in the file. */
    public String startId() {
        if (start != null) {
            return start;
        }
        return nodes.isEmpty() ? null : nodes.get(0).id();
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }
}
