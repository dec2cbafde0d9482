package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.store.StoredQuestionnaires;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.text.Renderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of closed answers, from the questionnaire version each answer was given to (its YAML as served, kept in
 * {@code questionnaires}): an answer stores the option id, the label is the version's text in the asked language
 * along the locale chain ({@link Renderer#label}). A version that is not stored (or no longer loads) gives no labels:
 * the export keeps the value itself. Parsed once per version.
 */
final class QuestionnaireLabels {
    private record Parsed(NodeIndex nodes, Renderer renderer, String defaultLanguage) {
    }

    private final Map<String, StoredQuestionnaires.Version> sources = new HashMap<>();
    private final Map<String, Optional<Parsed>> parsed = new HashMap<>();
    private final String language;

    /** {@code language} null: each questionnaire's default language. */
    QuestionnaireLabels(List<StoredQuestionnaires.Version> versions, String language) {
        versions.forEach(v -> sources.put(v.key(), v));
        this.language = language;
    }

    /** The label of a value: a String, a list of labels, or null when there is none. */
    Object label(String questionnaire, int version, String question, String kind, Object value) {
        if (value == null) {
            return null;
        }
        Optional<Parsed> p = parsed.computeIfAbsent(questionnaire + ":" + version, this::parse);
        if (p.isEmpty()) {
            return null;
        }
        Node node = p.get().nodes().node(question);
        if (node == null) {
            return null;
        }
        String lang = language == null ? p.get().defaultLanguage() : language;
        Renderer r = p.get().renderer();
        if (value instanceof List<?> ids && node.kind().hasOptions()) {
            List<String> out = new ArrayList<>(ids.size());
            for (Object id : ids) {
                Option o = node.option(String.valueOf(id));
                out.add(o == null ? String.valueOf(id) : r.label(o, lang));
            }
            return out;
        }
        if (value instanceof String id && node.kind().hasOptions()) {
            Option o = node.option(id);
            return o == null ? null : r.label(o, lang);
        }
        if (value instanceof Number n && "scale".equals(kind) && node.labels().containsKey(n.intValue())) {
            return r.render(node.labels().get(n.intValue()), lang, a -> null);
        }
        return null;
    }

    private Optional<Parsed> parse(String key) {
        StoredQuestionnaires.Version v = sources.get(key);
        if (v == null || v.source() == null) {
            return Optional.empty();
        }
        try {
            LoadResult loaded = QuestionnaireLoader.parse(v.source(), v.file() == null ? key : v.file());
            Questionnaire q = loaded.questionnaire();
            if (q == null) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(NodeIndex.of(q), new Renderer(q), q.defaultLanguage()));
        } catch (RuntimeException e) {
            return Optional.empty(); // a version stored by an older release that no longer loads: values only
        }
    }
}
