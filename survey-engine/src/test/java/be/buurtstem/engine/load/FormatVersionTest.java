package be.buurtstem.engine.load;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The questionnaire file's {@code format:} line: absent or 1 reads today's files, newer is refused, older migrates. */
class FormatVersionTest {

    private static String buurtleven() throws IOException {
        try (InputStream in = FormatVersionTest.class.getResourceAsStream("/questionnaires/buurtleven.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The file with a {@code format:} line inserted as its first key (after the comments). */
    private static String withFormat(String yaml, String value) {
        int at = yaml.indexOf("\nid:") + 1;
        return yaml.substring(0, at) + "format: " + value + "\n" + yaml.substring(at);
    }

    private static int lineOf(String yaml, String prefix) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + prefix);
    }

    @Test
    void aFileWithoutFormatAndAFileWithFormatOneReadTheSame() throws IOException {
        String plain = buurtleven();
        String one = withFormat(plain, "1");
        LoadResult a = QuestionnaireLoader.parse(plain, "b.yaml");
        LoadResult b = QuestionnaireLoader.parse(one, "b.yaml");
        assertEquals(List.of(), Validator.check(one, "b.yaml"), "format: 1 is no problem");
        // the nodes differ only in their lines (one more above them); what a resident sees is the same
        assertEquals(a.questionnaire().nodes().size(), b.questionnaire().nodes().size());
        java.time.Instant t = java.time.Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(new Conversation(a.questionnaire()).start("fr", RespondentContext.of("test"), t).messages(),
                new Conversation(b.questionnaire()).start("fr", RespondentContext.of("test"), t).messages());
        assertEquals(a.questionnaire().id(), b.questionnaire().id());
        assertEquals(a.questionnaire().version(), b.questionnaire().version());
    }

    @Test
    void aNewerFormatIsRefusedAtItsLineAndNothingElseIsReported() throws IOException {
        String yaml = withFormat(buurtleven(), "7");
        LoadResult r = QuestionnaireLoader.parse(yaml, "new.yaml");
        assertNull(r.questionnaire(), "a newer file is not half-read");
        assertEquals(List.of("new.yaml:" + lineOf(yaml, "format:") + ": questionnaire format 7 is newer than this program"
                        + " (knows 1); update Buurtstem, or write the file in format 1"),
                r.problems().stream().map(Problem::toString).toList());
        assertEquals("format.newer", r.problems().get(0).code());
        assertEquals(List.of("7", "1"), r.problems().get(0).args());
    }

    @Test
    void aFormatThatIsNotAWholeNumberGetsAClearMessage() throws IOException {
        for (String odd : List.of("one", "1.5", "[1]", "\"\"", "0", "99999999999")) {
            String yaml = withFormat(buurtleven(), odd);
            List<Problem> problems = Validator.check(yaml, "odd.yaml");
            assertEquals(1, problems.size(), odd + ": " + problems);
            Problem p = problems.get(0);
            assertEquals(lineOf(yaml, "format:"), p.line());
            assertTrue(p.message().startsWith("'format' must be a whole number such as 1"), p.message());
        }
        assertEquals("'format' must be a whole number such as 1 (the questionnaire format the file is written in), not 'one'",
                Validator.check(withFormat(buurtleven(), "one"), "odd.yaml").get(0).message());
        assertEquals("format.notNumber", Validator.check(withFormat(buurtleven(), "0"), "zero.yaml").get(0).code());
    }

    @Test
    void aSecondFormatLineIsADuplicate() throws IOException {
        String yaml = withFormat(withFormat(buurtleven(), "1"), "1");
        List<Problem> problems = Validator.check(yaml, "twice.yaml");
        assertEquals(List.of("twice.yaml:" + (lineOf(yaml, "format:") + 1) + ": duplicate key 'format'"),
                problems.stream().map(Problem::toString).toList());
    }

    /** A pretend format 2 that renamed {@code titel} to {@code title}: the migration runs on format 1 files only. */
    @Test
    void anOlderFormatIsMigratedOneVersionAtATimeOnTheTree() {
        UnaryOperator<MappingNode> renameTitel = map -> {
            List<NodeTuple> out = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                if ("titel".equals(YamlTree.scalar(t.getKeyNode()))) {
                    ScalarNode k = (ScalarNode) t.getKeyNode();
                    out.add(new NodeTuple(new ScalarNode(Tag.STR, true, "title", k.getScalarStyle(), k.getStartMark(), k.getEndMark()),
                            t.getValueNode()));
                } else {
                    out.add(t);
                }
            }
            return new MappingNode(map.getTag(), true, out, map.getFlowStyle(), map.getStartMark(), map.getEndMark());
        };
        String old = "format: 1\nid: x\n\ntitel: {nl: Oud}\n";
        List<Problem> problems = new ArrayList<>();
        Optional<MappingNode> migrated = FormatVersion.read(tree(old, problems), "old.yaml", problems, 2, List.of(renameTitel));
        assertEquals(List.of(), problems);
        assertEquals(List.of("id", "title"), keys(migrated.orElseThrow()));
        assertEquals(4, YamlTree.line(migrated.get().getValue().get(1).getKeyNode()), "problems keep the file's lines");

        Optional<MappingNode> implicitOne = FormatVersion.read(tree("id: x\ntitel: {nl: Oud}\n", problems), "o.yaml", problems,
                2, List.of(renameTitel));
        assertEquals(List.of("id", "title"), keys(implicitOne.orElseThrow()), "no format line is format 1");

        Optional<MappingNode> already = FormatVersion.read(tree("format: 2\nid: x\ntitel: {nl: Nieuw}\n", problems), "n.yaml",
                problems, 2, List.of(renameTitel));
        assertEquals(List.of("id", "titel"), keys(already.orElseThrow()), "a format 2 file is not migrated again");
        assertEquals(List.of(), problems);
    }

    @Test
    void theBundledMigrationsReachTheCurrentFormat() {
        assertEquals(FormatVersion.CURRENT - 1, FormatVersion.MIGRATIONS.size(), "one migration per format step");
    }

    private static MappingNode tree(String yaml, List<Problem> problems) {
        MappingNode n = (MappingNode) SafeCompose.compose(yaml, "t.yaml", problems).orElseThrow();
        assertNotNull(n);
        return n;
    }

    private static List<String> keys(MappingNode map) {
        return map.getValue().stream().map(t -> YamlTree.scalar(t.getKeyNode())).toList();
    }
}
