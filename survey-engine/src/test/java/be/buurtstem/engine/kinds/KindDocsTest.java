package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.Validator;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kind table in the docs, the loader's keys and each kind's example all come from the registry and agree. */
class KindDocsTest {
    private static final Path DOC = Path.of("../docs/questionnaire-format.md");

    static List<KindHandler<?>> kinds() {
        return Kinds.all();
    }

    @Test
    void theDocsKindSectionIsTheRegistrys() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(KindTable.BEGIN);
        int end = doc.indexOf(KindTable.END);
        assertTrue(begin >= 0 && end > begin, DOC + " has no section between " + KindTable.BEGIN + " and " + KindTable.END);
        String current = doc.substring(begin + KindTable.BEGIN.length(), end);
        String wanted = "\n" + KindTable.markdown();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + KindTable.BEGIN.length()) + wanted + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(wanted, current, DOC + " differs from the kinds' docs: run"
                + " mvn -B -o -pl survey-engine test -Dtest=KindDocsTest -Ddocs.update=true");
    }

    @Test
    void everyKindOfTheFormatHasOneHandler() {
        assertEquals(Arrays.stream(Kind.values()).map(Kind::yamlName).toList(),
                Kinds.all().stream().map(KindHandler::name).toList());
        for (Kind k : Kind.values()) {
            assertSame(k, Kinds.named(k.yamlName()).kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theDocumentedKeysAreTheKeysTheLoaderAccepts(KindHandler<?> h) {
        Set<String> documented = h.doc().keys().stream().map(KindDoc.Key::name).collect(Collectors.toSet());
        assertEquals(h.keys(), documented, h.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theExampleLoadsValidatesAndPlays(KindHandler<?> h) {
        String yaml = wrap(h);
        List<Problem> problems = Validator.check(yaml, h.name() + ".yaml");
        assertFalse(Validator.hasErrors(problems), h.name() + ": " + problems + "\n" + yaml);
        LoadResult r = QuestionnaireLoader.parse(yaml, h.name() + ".yaml");
        Node first = r.questionnaire().nodes().get(0);
        assertSame(h, Kinds.of(first), "the example reads as a " + h.name() + " node");
        assertEquals(h.kind(), first.kind());
        // The enum's questions about a kind say what the sealed types say (callers outside the engine use the enum).
        assertEquals(first instanceof be.buurtstem.engine.model.Question, h.kind().isQuestion(), h.name());
        assertEquals(first instanceof be.buurtstem.engine.model.ChoiceNode, h.kind().hasOptions(), h.name());
        for (KindDoc.Key k : h.doc().keys()) {
            // Each example shows at least one of the kind's keys when it has any (the reader then read them).
            if (h.doc().example().contains(k.name() + ":")) {
                assertTrue(first.lines().containsKey(k.name()), h.name() + " example's '" + k.name() + "'");
            }
        }
        Turn t = new Conversation(r.questionnaire()).start("en", RespondentContext.of("test"), Instant.EPOCH);
        assertFalse(t.messages().isEmpty(), h.name() + " shows something");
        assertFalse(t.messages().get(0).text().isBlank(), h.name() + " shows a text");
    }

    @Test
    void anUnknownKeyIsAnsweredWithTheKindsKeys() {
        String yaml = """
                id: t
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - {id: q, kind: free_text, text: {en: "Q?"}, max: 3, next: bye}
                  - {id: bye, kind: end, text: {en: "Bye"}}
                """;
        List<String> messages = QuestionnaireLoader.parse(yaml, "t.yaml").problems().stream().map(Problem::message).toList();
        assertEquals(List.of("unknown key 'max' for a free_text node ('q'; its keys are: id, kind, text, next, routes,"
                + " help, block, coded, required, segment)"), messages);
    }

    @Test
    void anUnknownKindNamesEveryRegisteredKind() {
        String yaml = """
                id: t
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - {id: q, kind: slider, text: {en: "Q?"}, next: bye}
                  - {id: bye, kind: end, text: {en: "Bye"}}
                """;
        List<String> messages = QuestionnaireLoader.parse(yaml, "t.yaml").problems().stream().map(Problem::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith("(the kinds are: " + Kinds.names() + ")"), messages.get(0));
        for (KindHandler<?> h : Kinds.all()) {
            assertTrue(messages.get(0).contains(h.name()), h.name());
        }
    }

    /** The example as a whole questionnaire in Dutch and English, ending on a node {@code bye}. */
    private static String wrap(KindHandler<?> h) {
        String nodes = h.doc().example().stripTrailing().indent(2);
        if (h.kind() != Kind.END) {
            nodes += "  - {id: bye, kind: end, text: {nl: \"Dank je!\", en: \"Thank you!\"}}\n";
        }
        return """
                id: example
                version: 1
                languages: [nl, en]
                default_language: nl
                title: {nl: Voorbeeld, en: Example}
                nodes:
                """ + nodes;
    }
}
