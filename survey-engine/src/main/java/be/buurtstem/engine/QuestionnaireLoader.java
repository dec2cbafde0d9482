package be.buurtstem.engine;

import be.buurtstem.engine.load.FormatVersion;
import be.buurtstem.engine.load.NodeReader;
import be.buurtstem.engine.load.SafeCompose;
import be.buurtstem.engine.load.YamlTree;
import be.buurtstem.engine.load.YamlTree.Entry;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a questionnaire file (YAML 1.2) into the model. It never stops at the first problem: it reports every
 * problem it can see with its line and still builds as much of the questionnaire as it can, so that the
 * {@link Validator} can report the rest in the same run. Pure: the caller reads the file.
 */
public final class QuestionnaireLoader {

    private QuestionnaireLoader() {
    }

    /** Parses a questionnaire. The result's questionnaire is null only when the text is not a YAML mapping. */
    public static LoadResult parse(String yamlText, String fileName) {
        List<Problem> problems = new ArrayList<>();
        Optional<org.snakeyaml.engine.v2.nodes.Node> composed = SafeCompose.compose(yamlText, fileName, problems);
        if (composed.isEmpty()) {
            return new LoadResult(null, problems);
        }
        org.snakeyaml.engine.v2.nodes.Node root = composed.get();
        if (!(root instanceof MappingNode file)) {
            problems.add(Problem.error(fileName, YamlTree.line(root), "a questionnaire must be a mapping with id, version, languages and nodes"));
            return new LoadResult(null, problems);
        }
        // 'format:' read and removed, older formats migrated: the rest of the loader knows only the current format
        Optional<MappingNode> current = FormatVersion.read(file, fileName, problems);
        if (current.isEmpty()) {
            return new LoadResult(null, problems);
        }
        MappingNode map = current.get();
        NodeReader r = new NodeReader(fileName, problems);
        Map<String, Entry> e = r.entries(map, "questionnaire", NodeReader.TOP_KEYS);
        Map<String, Integer> lines = new HashMap<>();
        e.forEach((k, v) -> lines.put(k, v.line()));
        int mapLine = YamlTree.line(map);

        String id = r.requiredString(e, "id", mapLine, "questionnaire");
        if (id != null && !id.matches("[a-z][a-z0-9_-]*")) {
            problems.add(Problem.error(fileName, e.get("id").line(), "id '" + id + "' must match [a-z][a-z0-9_-]*"));
        }
        int version = 1;
        if (!e.containsKey("version")) {
            problems.add(Problem.error(fileName, mapLine, "missing key 'version' (a positive integer)"));
        } else {
            version = r.positiveInt(e.get("version"), 1);
        }
        List<String> languages = new ArrayList<>();
        if (!e.containsKey("languages")) {
            problems.add(Problem.error(fileName, mapLine, "missing key 'languages' (e.g. [nl, fr, ar, tr, en])"));
        } else {
            languages.addAll(r.stringList(e.get("languages")));
            if (languages.isEmpty()) {
                problems.add(Problem.error(fileName, e.get("languages").line(), "'languages' must list at least one language tag"));
            }
        }
        String defaultLanguage = e.containsKey("default_language") ? r.string(e.get("default_language"))
                : (languages.isEmpty() ? "nl" : languages.get(0));
        Text title = e.containsKey("title") ? r.text(e.get("title")) : null;
        if (title == null && !e.containsKey("title")) {
            problems.add(Problem.error(fileName, mapLine, "missing key 'title'"));
        }
        Text description = e.containsKey("description") ? r.text(e.get("description")) : null;
        String start = e.containsKey("start") ? r.string(e.get("start")) : null;
        List<String> segments = e.containsKey("segments") ? r.stringList(e.get("segments")) : List.of();
        Map<String, Double> saturation = e.containsKey("saturation") ? r.numberMap(e.get("saturation")) : Map.of();
        List<String> context = e.containsKey("context") ? r.stringList(e.get("context")) : List.of();
        for (String name : context) {
            if (!name.matches("[a-z][a-z0-9_]*") || name.equals("iteration") || name.startsWith("count_")) {
                problems.add(Problem.error(fileName, e.get("context").line(), "context parameter '" + name
                        + "' must match [a-z][a-z0-9_]* and not be 'iteration' or start with 'count_'"));
            }
        }
        Map<String, Text> texts = new LinkedHashMap<>();
        if (e.containsKey("texts")) {
            texts.putAll(r.textMap(e.get("texts")));
        }
        List<Node> nodes = new ArrayList<>();
        if (!e.containsKey("nodes")) {
            problems.add(Problem.error(fileName, mapLine, "missing key 'nodes'"));
        } else {
            nodes.addAll(r.nodes(e.get("nodes").value(), false));
            if (nodes.isEmpty()) {
                problems.add(Problem.error(fileName, e.get("nodes").line(), "'nodes' must list at least one node"));
            }
        }
        Questionnaire q = new Questionnaire(fileName, id == null ? "" : id, version, languages,
                defaultLanguage == null ? "" : defaultLanguage, title, description, start, segments, saturation,
                texts, nodes, lines, context);
        return new LoadResult(q, problems);
    }
}
