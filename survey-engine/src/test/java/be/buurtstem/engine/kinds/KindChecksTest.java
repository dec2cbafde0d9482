package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind's own reading and checks ({@code read} and {@code validate} in kinds/*Kind.java), as the organiser meets
 * them: the words and the line of each problem. They moved out of the loader and the structure check into the kinds;
 * without these a check dropped from a handler would go unnoticed.
 */
class KindChecksTest {

    /**
     * @param kind  the node's kind
     * @param keys  the node's own YAML lines after its text, '|' between lines (line 9 onwards), or - for none
     * @param line  the line the problem is reported on
     * @param error true for an error, false for a warning
     * @param words what the message says
     */
    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "single_choice; options: []; 9; true; 'q' has no options",
            "single_choice; -; 6; true; missing key 'options' in node 'q'",
            "single_choice; options: [{id: a, label: {en: A}}, {id: a, label: {en: B}}]; 9; true; duplicate option id 'a' in 'q'",
            "multiple_choice; options: [{id: a, label: {en: A}}, {id: _done, label: {en: B}}]; 9; true; option id '_done' is reserved for the done button",
            "single_choice; options: [{id: a, label: {en: A}}, {id: b, label: {en: B}, exclusive: true}]; 9; false; 'exclusive' only matters in a multiple choice ('q')",
            "multiple_choice; options: [{id: a, label: {en: A}}, {id: b, label: {en: B}}]|min: 2|max: 1; 10; true; min is larger than max in 'q'",
            "multiple_choice; options: [{id: a, label: {en: A}}, {id: b, label: {en: B}}]|max: 3; 10; true; max 3 must be between 1 and the number of options",
            "number; min: 5|max: 1; 9; true; min is larger than max in 'q'",
            "scale; min: 3|max: 3; 10; true; scale 'q' needs min < max and at most 11 values",
            "scale; min: 0|max: 11; 10; true; scale 'q' needs min < max and at most 11 values",
            "scale; labels: {7: {en: Seven}}; 9; true; scale label 7 is outside 1–5",
            "scale; labels: {x: {en: Ex}}; 9; true; scale label key 'x' must be a scale value (a whole number)",
            "scale; labels: 5; 9; true; 'labels' must map scale values to texts",
            "repeat; more: {en: More?}|nodes: [{id: i, kind: free_text, text: {en: I?}}]|max: 0; 11; true; a repeat group needs max of at least 1",
            "repeat; more: {en: More?}|nodes: []; 10; true; the repeat group 'q' has no nodes",
            "repeat; nodes: [{id: i, kind: free_text, text: {en: I?}}]; 6; true; missing key 'more' in node 'q' (the \"another one?\" question)",
            "repeat; more: {en: More?}; 6; true; missing key 'nodes' in node 'q'",
    })
    void theKindsProblemIsReportedOnItsLine(String kind, String keys, int line, boolean error, String words) {
        String own = keys.equals("-") ? "" : "    " + keys.replace("|", "\n    ") + "\n";
        String yaml = "id: t\nversion: 1\nlanguages: [en]\ntitle: {en: T}\nnodes:\n"
                + "  - id: q\n    kind: " + kind + "\n    text: {en: \"Q?\"}\n" + own
                + "    next: bye\n  - {id: bye, kind: end, text: {en: Bye}}\n";
        List<Problem> problems = Validator.check(yaml, "t.yaml");
        List<Problem> found = problems.stream().filter(p -> p.message().contains(words)).toList();
        assertEquals(1, found.size(), "'" + words + "' once in " + problems + "\n" + yaml);
        assertEquals(line, found.get(0).line(), yaml);
        assertTrue(found.get(0).isError() == error, found.get(0).toString());
    }
}
