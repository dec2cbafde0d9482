package be.buurtstem.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One broken file per problem the validator must find, each checked for its line and its words. */
class ValidatorTest {

    private static List<Problem> check(String name) {
        return Validator.check(Fixtures.read("/broken/" + name), name);
    }

    private static List<String> lines(String name) {
        return check(name).stream().map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            syntax.yaml                 | 8  | the { ... } on this line is not closed
            unknown_kind.yaml           | 7  | unknown node kind 'slider'
            missing_target.yaml         | 11 | goto of 'q1' names no node 'park_node'
            missing_target.yaml         | 12 | next of 'q1' names no node 'byee'
            unreachable.yaml            | 10 | node 'lonely' is never reached
            no_end.yaml                 | 10 | node 'q2' has no next
            loop.yaml                   | 10 | loop with no way out: q2 → q3 → q2
            duplicate_id.yaml           | 17 | duplicate node id 'q1' (first used on line 6)
            duplicate_id.yaml           | 15 | duplicate option id 'a' in 'q1b'
            option_without_label.yaml   | 11 | option 'b' has no label
            bad_icu.yaml                | 14 | text of 'thanks' in 'en' has braces { } that cannot be read
            bad_icu.yaml                | 18 | argument {name} names no question
            unknown_condition_refs.yaml | 13 | question 'colour' has no option 'green'
            unknown_condition_refs.yaml | 15 | condition names no question 'flavour'
            unknown_condition_refs.yaml | 17 | 'gt' compares numbers, but 'colour' is a single_choice question
            contains_on_scale.yaml      | 14 | 'contains' needs a single choice, multiple choice, free text or location question, but 'happy' is a scale question
            unknown_key.yaml            | 9  | unknown key 'txt' for a free_text node
            unknown_key.yaml            | 7  | missing key 'text' in node 'q1'
            unknown_key.yaml            | 4  | default_language 'de' is not among languages
            deep_nesting.yaml           | 5  | nested more than 64 levels deep
            aliases.yaml                | 11 | aliases (*name) expand the file to more than 200000 YAML nodes
            """)
    void reportsTheProblemOnItsLine(String file, int line, String words) {
        List<Problem> problems = check(file);
        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.line() == line && p.message().contains(words)),
                () -> "expected an error on line " + line + " saying \"" + words + "\", got:\n" + String.join("\n", lines(file)));
    }

    @Test
    void printsFileColonLineColonMessage() {
        assertEquals("loop.yaml:10: loop with no way out: q2 → q3 → q2", lines("loop.yaml").get(0));
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        // Three independent problems in one file: all three, not only the first.
        List<Problem> problems = check("unknown_condition_refs.yaml");
        assertEquals(3, problems.stream().filter(Problem::isError).count(), () -> String.join("\n", lines("unknown_condition_refs.yaml")));
    }

    @Test
    void missingTranslationIsAWarningNamingTheFallback() {
        List<Problem> problems = check("missing_translation.yaml");
        assertEquals(List.of("missing_translation.yaml:9: warning: text of 'q1' is missing in 'fr' (falls back to 'nl')"),
                lines("missing_translation.yaml"));
        assertFalse(Validator.hasErrors(problems));
    }

    @Test
    void theSharedTestQuestionnaireIsValidAndFormatsInEveryLanguage() {
        assertEquals(List.of(), Validator.check(Fixtures.read("/questionnaires/buurtleven.yaml"), "buurtleven.yaml"));
        assertEquals(List.of(), Validator.checkFormatting(Fixtures.buurtleven()));
    }

    @Test
    void formattingCheckFindsAPluralThatBreaksOnlyWithNumbers() {
        String yaml = """
                id: f
                version: 1
                languages: [nl, en]
                title: {nl: T, en: T}
                nodes:
                  - id: colour
                    kind: free_text
                    text: {nl: "Kleur?", en: "Colour?"}
                    next: bye
                  - id: bye
                    kind: end
                    text: {nl: "{colour, plural, one {één} other {#}}", en: "Bye"}
                """;
        LoadResult r = QuestionnaireLoader.parse(yaml, "f.yaml");
        List<Problem> problems = Validator.checkFormatting(r.questionnaire());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 12 && p.message().contains("'nl' does not format")), problems::toString);
    }

    @Test
    void emptyAndNonMappingFilesAreReportedNotThrown() {
        assertEquals("e.yaml:1: the file is empty", Validator.check("", "e.yaml").get(0).toString());
        assertTrue(Validator.check("- a\n- b\n", "l.yaml").get(0).message().contains("must be a mapping"));
        assertTrue(Validator.check("id: [unclosed\n", "s.yaml").get(0).message().contains("[ ... ] on this line is not closed"));
    }

    @Test
    void yesAndNoStayStrings() {
        // YAML 1.2: an option id "no" is the string no, not false.
        String yaml = """
                id: yn
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: q
                    kind: single_choice
                    text: {en: "Q?"}
                    options:
                      - {id: yes, label: {en: "Yes"}}
                      - {id: no, label: {en: "No"}}
                    routes:
                      - when: {question: q, equals: no}
                        goto: bye
                    next: bye
                  - id: bye
                    kind: end
                    text: {en: "Bye"}
                """;
        LoadResult r = QuestionnaireLoader.parse(yaml, "yn.yaml");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), Validator.validate(r.questionnaire()));
        assertEquals("no", r.questionnaire().nodes().get(0).options().get(1).id());
    }

    @Test
    void repeatGroupProblemsPointIntoTheGroup() {
        String yaml = """
                id: rep
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: places
                    kind: repeat
                    more: {en: "Another?"}
                    nodes:
                      - id: place
                        kind: free_text
                        text: {en: "Place {iteration}?"}
                        next: nowhere
                    next: bye
                  - id: bye
                    kind: end
                    text: {en: "Thanks for {count_places} places, {iteration}"}
                """;
        List<String> problems = Validator.check(yaml, "rep.yaml").stream().map(Problem::toString).toList();
        assertTrue(problems.contains("rep.yaml:13: next of 'place' names no node 'nowhere' in its repeat group"), problems::toString);
        assertTrue(problems.contains("rep.yaml:17: text of 'bye' in 'en': {iteration} only works inside a repeat group"), problems::toString);
    }

    @Test
    void conditionOnALaterQuestionIsReported() {
        String yaml = """
                id: order
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: first
                    kind: free_text
                    text: {en: "First?"}
                    routes:
                      - when: {question: second, answered: true}
                        goto: bye
                    next: second
                  - id: second
                    kind: free_text
                    text: {en: "Second?"}
                    next: bye
                  - id: bye
                    kind: end
                    text: {en: "Bye"}
                """;
        List<String> problems = Validator.check(yaml, "order.yaml").stream().map(Problem::toString).toList();
        assertEquals(List.of("order.yaml:10: condition on 'second' in 'first': 'second' is never asked before 'first'"), problems);
    }

    @Test
    void anArgumentAskedOnlyLaterIsAWarning() {
        String yaml = """
                id: later
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: hello
                    kind: message
                    text: {en: "Hello {name}"}
                    next: name
                  - id: name
                    kind: free_text
                    text: {en: "Your name?"}
                    next: bye
                  - id: bye
                    kind: end
                    text: {en: "Bye {name}"}
                """;
        List<String> problems = Validator.check(yaml, "later.yaml").stream().map(Problem::toString).toList();
        assertEquals(List.of("later.yaml:8: warning: text of 'hello' in 'en': {name} is never asked before 'hello', so it shows empty"), problems);
    }
}
