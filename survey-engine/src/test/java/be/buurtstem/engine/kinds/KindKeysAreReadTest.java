package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.model.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every key a kind accepts is read into its record: a key listed in {@link KindHandler#keys()} but forgotten in
 * {@link KindHandler#read} (or a question's {@code required}/{@code segment} not passed on) would be accepted without
 * a word and then ignored, which no conversation test notices.
 */
class KindKeysAreReadTest {
    /** A value for each kind key that differs from the key's default (flow YAML). */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("options", "[{id: a, label: {en: A}}, {id: b, label: {en: B}}, {id: c, label: {en: C}}]"),
            Map.entry("min", "2"),
            Map.entry("max", "3"),
            Map.entry("integer", "false"),
            Map.entry("coded", "false"),
            Map.entry("labels", "{1: {en: Low}}"),
            Map.entry("yes", "{en: Sure}"),
            Map.entry("no", "{en: Never}"),
            Map.entry("refused_text", "{en: Pity}"),
            Map.entry("nodes", "[{id: inner, kind: free_text, text: {en: Inner?}}]"),
            Map.entry("more", "{en: Another?}"),
            Map.entry("required", "false"),
            Map.entry("segment", "age_band"));

    static Stream<Arguments> kindKeys() {
        List<Arguments> out = new ArrayList<>();
        for (KindHandler<?> h : Kinds.all()) {
            for (String key : h.keys().stream().sorted().toList()) {
                out.add(Arguments.of(h.name(), key));
            }
            if (h.kind().isQuestion()) {
                // read by the loader for every question and handed over in NodeSource: the kind must keep them
                out.add(Arguments.of(h.name(), "required"));
                out.add(Arguments.of(h.name(), "segment"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("kindKeys")
    void theKeyChangesWhatIsRead(String kind, String key) {
        assertTrue(SAMPLES.containsKey(key), "no sample value for '" + key + "': add one to SAMPLES");
        Map<String, String> base = new LinkedHashMap<>();
        // the keys a kind needs, so that both versions of the node read without other problems
        for (String needed : List.of("options", "nodes", "more")) {
            if (Kinds.named(kind).keys().contains(needed)) {
                base.put(needed, SAMPLES.get(needed));
            }
        }
        Map<String, String> without = new LinkedHashMap<>(base);
        without.remove(key);
        Map<String, String> with = new LinkedHashMap<>(base);
        with.put(key, SAMPLES.get(key));
        assertNotEquals(ownFields(read(kind, without)), ownFields(read(kind, with)),
                kind + " accepts '" + key + "' but its record is the same with and without it");
    }

    private static Node read(String kind, Map<String, String> keys) {
        StringBuilder node = new StringBuilder("  - {id: n, kind: " + kind + ", text: {en: \"N?\"}");
        keys.forEach((k, v) -> node.append(", ").append(k).append(": ").append(v));
        node.append(", next: bye}\n");
        String yaml = "id: t\nversion: 1\nlanguages: [en]\ntitle: {en: T}\nnodes:\n" + node
                + "  - {id: bye, kind: end, text: {en: Bye}}\n";
        var r = QuestionnaireLoader.parse(yaml, "t.yaml");
        List<String> unknown = r.problems().stream().map(Problem::message).filter(m -> m.contains("unknown key")).toList();
        assertEquals(List.of(), unknown, yaml);
        return r.questionnaire().nodes().get(0);
    }

    /** The record's own components, without the part every node has (whose key lines differ anyway). */
    private static List<Object> ownFields(Node n) {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : n.getClass().getRecordComponents()) {
            if (!c.getName().equals("common")) {
                try {
                    out.add(c.getAccessor().invoke(n));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }
}
