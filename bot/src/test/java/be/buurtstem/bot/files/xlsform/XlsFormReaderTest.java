package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XLSForm rows → the questionnaire model, through the engine's own loader and validator. */
class XlsFormReaderTest {

    static final String CHOICES = """
            list_name | name | label::Nederlands (nl) | label::English (en)
            yn | yes | Ja | Yes
            yn | no | Nee | No
            colors | red | Rood | Red
            colors | light-blue | Lichtblauw | Light blue
            """;

    /** The form read and loaded; the test fails on any error, so that each case shows its problems. */
    static Questionnaire load(String survey) {
        XlsFormRead x = XlsFormReader.read(TestForms.xlsx("survey", survey, "choices", CHOICES), "f.xlsx");
        LoadResult r = QuestionnaireLoader.parse(x.yaml(), "f.xlsx");
        List<Problem> all = new ArrayList<>(x.problems());
        all.addAll(x.place(r.problems()));
        all.addAll(x.place(Validator.validate(r.questionnaire())));
        assertFalse(Validator.hasErrors(all), all + "\n" + x.yaml());
        return r.questionnaire();
    }

    static List<String> problems(String survey) {
        XlsFormRead x = XlsFormReader.read(TestForms.xlsx("survey", survey, "choices", CHOICES), "f.xlsx");
        List<Problem> all = new ArrayList<>(x.problems());
        if (x.yaml() != null) {
            LoadResult r = QuestionnaireLoader.parse(x.yaml(), "f.xlsx");
            all.addAll(x.place(r.problems()));
            if (r.questionnaire() != null) {
                all.addAll(x.place(Validator.validate(r.questionnaire())));
            }
        }
        return all.stream().filter(Problem::isError).sorted().map(Problem::toString).toList();
    }

    static List<String> routes(Questionnaire q, String id) {
        Node n = NodeIndex.of(q).node(id);
        List<String> out = new ArrayList<>(n.routes().stream()
                .map(r -> YamlText.condition(r.when(), List.of()) + " -> " + r.target()).toList());
        out.add("next " + n.next());
        return out;
    }

    @Test
    void relevantBecomesRoutesOnTheNodesBefore() {
        Questionnaire q = load("""
                type | name | label::Nederlands (nl) | label::English (en) | relevant
                select_one yn | likes | Graag hier? | Like it here? |
                select_multiple colors | colors | Kleuren? | Colours? |
                integer | age | Leeftijd? | Age? |
                text | why | Waarom niet? | Why not? | ${likes} = 'no'
                text | blue | Waarom blauw? | Why blue? | selected(${colors}, 'light-blue') and not(${age} < 18)
                text | either | Of? | Or? | (${likes} != 'yes' or ${age} >= 65) and ${colors} != ''
                note | bye | Dag! | Bye! |
                """);
        assertEquals(List.of("nl", "en"), q.languages());
        assertEquals(List.of(
                "{question: \"likes\", equals: \"no\"} -> why",
                "{all: [{question: \"colors\", contains: \"light_blue\"}, {not: {question: \"age\", lt: 18}}]} -> blue",
                "{all: [{any: [{not: {question: \"likes\", equals: \"yes\"}}, {question: \"age\", ge: 65}]}, {question: \"colors\", answered: true}]} -> either",
                "next bye"), routes(q, "age"));
        // after 'why': the later conditional nodes, then the next unconditional one
        assertEquals(3, routes(q, "why").size());
        assertEquals(List.of("next end"), routes(q, "bye"));
        assertEquals("end", NodeIndex.of(q).node("end").kind().yamlName());
        assertFalse(NodeIndex.of(q).node("why").required(), "XLSForm questions are optional unless required");
    }

    @Test
    void aConditionOnALaterQuestionIsWorkedOutThereAsUnanswered() {
        // Kobo's usual shape: everything after the first question depends on it, some on answers still to come
        Questionnaire q = load("""
                type | name | label | relevant
                select_one yn | ok | OK? |
                integer | age | Age? | ${ok} = 'yes'
                integer | members | Members? | ${ok} = 'yes'
                text | why | Why? | ${members} > 1 or ${ok} = 'no'
                text | after | After? | not(${age} < 18) and ${members} > 1
                note | bye | Bye |
                """);
        assertEquals(List.of(
                "{question: \"ok\", equals: \"yes\"} -> age",
                "{question: \"ok\", equals: \"yes\"} -> members",
                "{question: \"ok\", equals: \"no\"} -> why",
                "next bye"), routes(q, "ok"));
        assertEquals(List.of(
                "{question: \"ok\", equals: \"yes\"} -> members",
                "{question: \"ok\", equals: \"no\"} -> why",
                "next bye"), routes(q, "age"));
    }

    @Test
    void countSelectedInRelevantSaysWhetherAnythingWasChosen() {
        Questionnaire q = load("""
                type | name | label | relevant
                select_multiple colors | colors | Colours? |
                text | which | Which? | count-selected(${colors}) > 0
                text | none | None? | count-selected(${colors}) = 0
                """);
        String any = "{any: [{question: \"colors\", contains: \"red\"}, {question: \"colors\", contains: \"light_blue\"}]}";
        assertEquals(List.of(any + " -> which", "{not: " + any + "} -> none", "next end"), routes(q, "colors"));
        assertEquals(List.of("f.xlsx:survey:3: relevant 'count-selected(${colors}) > 1' cannot be translated: count-selected(${colors}) > 1"
                        + " has no equivalent (read are count-selected(${x}) > 0 and count-selected(${x}) = 0) (read are selected(${x}, 'a'),"
                        + " ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)"),
                problems("""
                        type | name | label | relevant
                        select_multiple colors | colors | Colours? |
                        text | which | Which? | count-selected(${colors}) > 1
                        """));
    }

    @Test
    void constraintsThatBoundTheAnswerBecomeMinAndMax() {
        Questionnaire q = load("""
                type | name | label | constraint | required
                integer | age | Age? | . >= 0 and . <= 120 | yes
                integer | adult | Age? | . > 17 |
                decimal | km | How far? | .<=12.5 |
                select_multiple colors | colors | Colours? | count-selected(.) <= 1 |
                """);
        NodeIndex ix = NodeIndex.of(q);
        assertEquals(0.0, ix.node("age").min());
        assertEquals(120.0, ix.node("age").max());
        assertTrue(ix.node("age").required());
        assertEquals(18.0, ix.node("adult").min());
        assertNull(ix.node("adult").max());
        assertEquals(12.5, ix.node("km").max());
        assertFalse(ix.node("km").integer());
        assertEquals(1.0, ix.node("colors").max());
    }

    @Test
    void everyExpressionOrColumnThatCannotBeTranslatedIsAnErrorAtItsRow() {
        List<String> p = problems("""
                type | name | label | relevant | constraint | calculation | choice_filter
                integer | a | A? | | . > ${b} | |
                integer | b | B? | count(${a}) > 1 | | |
                text | c | C? | ${a} + 1 > 2 | | |
                text | d | D? | ${a} = ${b} | regex(., '^x') | |
                date | e | When? | | | |
                select_one colors | f | F? | selected(${a}, 'x') | | | color = 'red'
                text | g | G? | ${nobody} = 'x' | | |
                """);
        assertEquals(List.of(
                "f.xlsx:survey:2: constraint '. > ${b}' cannot be translated: comparing two answers (. > ${b}) has no equivalent in a Buurtstem condition (read are bounds on the answer, e.g. . >= 0 and . <= 120, or count-selected(.) <= 3)",
                "f.xlsx:survey:3: relevant 'count(${a}) > 1' cannot be translated: the function count() has no equivalent in a Buurtstem condition (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)",
                "f.xlsx:survey:4: relevant '${a} + 1 > 2' cannot be translated: '+' (arithmetic and paths have no equivalent in a Buurtstem condition) (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)",
                "f.xlsx:survey:5: constraint 'regex(., '^x')' cannot be translated: the function regex() has no equivalent in a Buurtstem condition (read are bounds on the answer, e.g. . >= 0 and . <= 120, or count-selected(.) <= 3)",
                "f.xlsx:survey:5: relevant '${a} = ${b}' cannot be translated: comparing two answers (${a} = ${b}) has no equivalent in a Buurtstem condition (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)",
                "f.xlsx:survey:6: the type 'date' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)",
                "f.xlsx:survey:7: choice_filter 'color = 'red'' is refused: Buurtstem shows every option of a list; split the list into one list per case and route to the right question instead",
                "f.xlsx:survey:7: relevant 'selected(${a}, 'x')' cannot be translated: 'x' is not a choice of ${a} (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)",
                "f.xlsx:survey:8: relevant '${nobody} = 'x'' cannot be translated: ${nobody} names no question of this form (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)"),
                p);
    }

    @Test
    void theValidatorsProblemsAreToldAtTheRowTheyCameFrom() {
        List<String> p = problems("""
                type | name | label
                text | a | A?
                select_one nolist | b | B?
                note | c | Hello {a
                """);
        assertTrue(p.contains("f.xlsx:survey:3: the choice list 'nolist' is not on the choices sheet"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("f.xlsx:survey:3: ") && s.contains("option")), p.toString());
        // a brace in a label is text in XLSForm: escaped, so no ICU problem at row 4
        assertTrue(p.stream().noneMatch(s -> s.startsWith("f.xlsx:survey:4:")), p.toString());
    }

    @Test
    void groupsRepeatsAndOrOther() {
        Questionnaire q = load("""
                type | name | label::English (en) | relevant | repeat_count
                select_one yn | has_kids | Children? | |
                begin_group | kids | About your children | ${has_kids} = 'yes' |
                begin_repeat | child | A child | | 4
                integer | child_age | Age? | |
                select_one colors or_other | fav | Favourite colour? | |
                end_repeat | | | |
                end_group | | | |
                """);
        NodeIndex ix = NodeIndex.of(q);
        assertEquals("message", ix.node("kids").kind().yamlName());
        assertEquals(List.of("{question: \"has_kids\", equals: \"yes\"} -> kids",
                "{question: \"has_kids\", equals: \"yes\"} -> child", "next end"), routes(q, "has_kids"));
        Node child = ix.node("child");
        assertEquals(4.0, child.max());
        assertEquals(List.of("child_age", "fav", "fav_other"), child.nodes().stream().map(Node::id).toList());
        assertEquals("other", ix.node("fav").options().getLast().id());
        assertEquals(List.of("{question: \"fav\", equals: \"other\"} -> fav_other", "next _more"), routes(q, "fav"));
        assertEquals("kids", ix.node("child_age").block(), "a group is the block of its questions");
    }

    @Test
    void aFileThatIsNoWorkbookOrHasNoSurveySheetIsOneClearProblem() {
        XlsFormRead junk = XlsFormReader.read("id: x\n".getBytes(), "x.xlsx");
        assertNull(junk.yaml());
        assertTrue(junk.problems().getFirst().toString().startsWith("x.xlsx:1: the file is not an Excel workbook (.xlsx)"),
                junk.problems().toString());
        XlsFormRead noSurvey = XlsFormReader.read(TestForms.xlsx("Sheet1", "type | name\ntext | a"), "y.xlsx");
        assertEquals("y.xlsx:1: an XLSForm needs a sheet named 'survey' (this workbook has: Sheet1)",
                noSurvey.problems().getFirst().toString());
    }

    @Test
    void hostileWorkbooksAreOneProblemNotACrash() throws Exception {
        // a sheet that unpacks to far more than it weighs (a "zip bomb"): refused by POI's check before parsing
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("survey");
            String long_ = "a".repeat(32_000);
            for (int r = 0; r < 1_000; r++) {
                s.createRow(r).createCell(0).setCellValue(long_); // 32 MB of sheet in a file of a few KB
            }
            wb.write(bomb);
        }
        byte[] valid = TestForms.xlsx("survey", "type | name | label\ntext | a | A?");
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        for (byte[] bytes : List.of(bomb.toByteArray(), truncated, noise)) {
            XlsFormRead x = XlsFormReader.read(bytes, "h.xlsx");
            assertNull(x.yaml());
            assertEquals(1, x.problems().size(), x.problems().toString());
            assertTrue(x.problems().getFirst().toString().startsWith("h.xlsx:1: the file is not an Excel workbook (.xlsx) that can be read ("),
                    x.problems().toString());
        }
        assertTrue(XlsFormReader.read(bomb.toByteArray(), "h.xlsx").problems().getFirst().message().contains("Zip bomb"),
                "refused as what it is");
        assertTrue(bomb.size() < 1024 * 1024, "within the 1 MB file limit: " + bomb.size());
    }

    @Test
    void languagesAreReadFromNamesTagsAndTheSettings() {
        XlsFormRead x = XlsFormReader.read(TestForms.xlsx(
                "survey", "type | name | label | label::French | label::Klingon\ntext | a | A? | A ? | ?",
                "settings", "form_id | form_title | default_language | version\nBuurt-Enquête 2 | Buurt | Nederlands (nl) | 2024010101"),
                "z.xlsx");
        LoadResult r = QuestionnaireLoader.parse(x.yaml(), "z.xlsx");
        assertEquals(List.of("nl", "fr"), r.questionnaire().languages());
        assertEquals("buurt-enqu_te_2", r.questionnaire().id());
        assertEquals(1, r.questionnaire().version());
        assertEquals(List.of(
                "z.xlsx:settings:2: warning: version '2024010101' is not a small whole number; the questionnaire is version 1 (Buurtstem numbers versions 1, 2, 3, ...)",
                "z.xlsx:survey:1: cannot tell the language of the column 'label::Klingon'; write it as label::Name (tag), e.g. label::English (en)"),
                x.problems().stream().sorted().map(Problem::toString).toList());
    }
}
