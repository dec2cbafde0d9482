package be.buurtstem.engine;

import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile or merely huge questionnaire files are reported as one {@code FILE:LINE} problem, never a
 * StackOverflowError or an exhausted heap; long but legitimate routing chains validate.
 */
class YamlLimitsTest {

    @Test
    void fiveThousandNestedBracketsAreOneProblemNotAStackOverflow() {
        List<Problem> problems = Validator.check(Fixtures.read("/broken/deep_nesting.yaml"), "deep_nesting.yaml");
        assertEquals(List.of("deep_nesting.yaml:5: nested more than 64 levels deep (mappings and lists, brackets or "
                + "indentation); questionnaire files are limited to 64"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void deepIndentationIsLimitedLikeBrackets() {
        StringBuilder yaml = new StringBuilder("id: deep\nversion: 1\nlanguages: [en]\ntitle: {en: T}\nnodes:\n");
        String indent = "";
        for (int i = 0; i < 200; i++) {
            yaml.append(indent).append("- k:\n");
            indent += "    ";
        }
        yaml.append(indent).append("- x\n");
        List<Problem> problems = Validator.check(yaml.toString(), "indent.yaml");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().startsWith("nested more than 64 levels deep"), problems::toString);
    }

    @Test
    void aTextOverOneMegabyteIsRefusedBeforeParsing() {
        String yaml = "id: big\nversion: 1\nlanguages: [en]\ntitle: {en: \"" + "x".repeat(1024 * 1024) + "\"}\n";
        List<Problem> problems = Validator.check(yaml, "big.yaml");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).toString().startsWith("big.yaml:1: the file is too large ("), problems::toString);
    }

    @Test
    void anAliasThatContainsItselfIsAProblem() {
        String yaml = """
                id: self
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: q
                    kind: single_choice
                    text: {en: "Q?"}
                    options: [{id: a, label: {en: "A"}}]
                    routes:
                      - when: &c {any: [{question: q, equals: a}, *c]}
                        goto: bye
                    next: bye
                  - id: bye
                    kind: end
                    text: {en: "Bye"}
                """;
        List<Problem> problems = Validator.check(yaml, "self.yaml");
        assertTrue(Validator.hasErrors(problems), problems::toString);
        assertTrue(problems.get(0).message().contains("aliases (*name) expand"), problems::toString);
    }

    @Test
    void aChainOfFiveThousandNodesFromAFileValidates() {
        StringBuilder yaml = new StringBuilder("id: chain\nversion: 1\nlanguages: [en]\ntitle: {en: T}\nnodes:\n");
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            yaml.append("  - {id: n").append(i).append(", kind: free_text, text: {en: \"Q").append(i)
                    .append("?\"}, next: n").append(i + 1).append("}\n");
        }
        yaml.append("  - {id: n").append(n).append(", kind: end, text: {en: \"Bye\"}}\n");
        assertEquals(List.of(), Validator.check(yaml.toString(), "chain.yaml"));
    }

    @Test
    void aChainOfFiftyThousandNodesValidates() {
        assertEquals(List.of(), Validator.validate(chain(50_000, false)));
    }

    @Test
    void aLoopAtTheEndOfALongChainIsStillFound() {
        List<String> problems = Validator.validate(chain(50_000, true)).stream().map(Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("loop with no way out")), () -> problems.subList(0, Math.min(5, problems.size())).toString());
    }

    /** n free-text questions in a row, then an end node; with {@code loop}, the last question goes back to the first. */
    private static Questionnaire chain(int n, boolean loop) {
        String yaml = """
                id: chain
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - {id: q, kind: free_text, text: {en: "Q?"}, next: bye}
                  - {id: bye, kind: end, text: {en: "Bye"}}
                """;
        Questionnaire t = QuestionnaireLoader.parse(yaml, "chain.yaml").questionnaire();
        FreeTextNode q = (FreeTextNode) t.nodes().get(0);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String next = i + 1 < n ? "n" + (i + 1) : (loop ? "n0" : "bye");
            Node.Common c = q.common();
            nodes.add(new FreeTextNode(new Node.Common("n" + i, c.text(), next, c.routes(), c.help(), c.block(), 6 + i,
                    c.lines()), q.required(), q.segment(), q.coded()));
        }
        if (!loop) {
            nodes.add(t.nodes().get(1));
        }
        return new Questionnaire(t.file(), t.id(), t.version(), t.languages(), t.defaultLanguage(), t.title(),
                t.description(), "n0", t.segments(), t.saturation(), t.texts(), nodes, t.lines(), t.context());
    }
}
