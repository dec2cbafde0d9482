package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.Validator;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A property: whatever workbook an organiser uploads, the import ends in a questionnaire that starts, or in a
 * refusal whose every problem names {@code FILE:SHEET:ROW} — never an exception. The workbooks are random (sheets,
 * columns, cell types and values drawn from a seed, biased towards XLSForm's own words so that deep paths are
 * reached); a failure prints its seed, and {@link #workbook(long)} rebuilds that one.
 */
class XlsFormRandomWorkbooksTest {
    private static final int WORKBOOKS = 80;

    private static final List<String> SHEETS = List.of("survey", "survey", "Survey", "SURVEY ", "choices", "choices",
            "Choices", "settings", "Settings", "texts", "Sheet1", "external_choices");
    private static final List<String> COLUMNS = List.of("type", "type", "name", "name", "label", "label::English (en)",
            "Label::Français (fr)", "label::العربية (ar)", "label::Klingon", "label:Dutch", "hint", "hint::English (en)",
            "required", "relevant", "constraint", "choice_filter", "calculation", "repeat_count", "parameters", "default",
            "read_only", "trigger", "appearance", "media::image", "list_name", "list name", "default_language",
            "form_title", "form_id", "version", "kind", "next", "routes", "min", "max", "labels", "more", "buurtstem",
            "languages", "key", "emoji", "exclusive", "Type", "NAME", "x", "");
    private static final List<String> WORDS = List.of("text", "integer", "decimal", "select_one yn", "select_multiple yn",
            "select_one missing", "select_one yn or_other", "select_multiple yn or specify other", "begin group",
            "end group", "begin_repeat", "end_repeat", "begin repeat", "end repeat", "endgroup", "note", "acknowledge",
            "range", "date", "calculate", "start", "end", "geopoint", "image", "rank yn", "kind", "consent", "message",
            "repeat", "select one from yn", "a", "b", "c", "yn", "yes", "no", "1", "A b", "_x", "${a}", "Hello {a", "it's",
            "${a} = 'yes'", "selected(${b}, 'no')", "not(${a} != '')", ". > 3", ". >= 0 and . <= 120",
            "count-selected(${b}) > 0", "count-selected(.) <= 2", "not(", "${", "'", "1.2.3", ". < 99999999999999999999",
            "${a} > -", "yes", "TRUE", "true()", "false()", "English (en)", "xx (yy)", "start=1 end=5", "start=x",
            "99999999999", "0", "-3", "_end", "_more", "[{when: x}]", "{{", "a\nb", "  ");

    @Test
    void randomWorkbooksAreTranslatedOrRefusedWithRowsNeverThrown() {
        int translated = 0;
        for (long seed = 1; seed <= WORKBOOKS; seed++) {
            byte[] bytes = workbook(seed);
            try {
                translated += check(bytes, seed) ? 1 : 0;
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + ": " + e, e);
            }
        }
        // not a count to keep, only a sign that the generator reaches the translation and not just refusals
        assertTrue(translated > 0, "some random workbooks translate");
        System.out.println("random workbooks: " + translated + " translated, " + (WORKBOOKS - translated) + " refused");
    }

    @Test
    void randomBytesAndCutWorkbooksAreRefusedAsNoWorkbook() {
        Random r = new Random(7);
        byte[] whole = ForeignForms.household();
        for (int i = 0; i < 15; i++) {
            byte[] bytes = i % 3 == 0 ? new byte[r.nextInt(2000)] : java.util.Arrays.copyOf(whole, r.nextInt(whole.length));
            if (i % 3 == 0) {
                r.nextBytes(bytes);
            } else if (i % 3 == 2 && bytes.length > 100) {
                bytes[50 + r.nextInt(bytes.length - 50)] ^= (byte) 0x5a; // one flipped byte in the zip
            }
            XlsFormRead x = XlsFormReader.read(bytes, "f.xlsx");
            assertTrue(x.hasErrors() || x.yaml() != null, "case " + i);
            for (Problem p : x.problems()) {
                assertTrue(p.file().startsWith("f.xlsx") && p.line() >= 1 && !p.message().isBlank(), p.toString());
            }
        }
    }

    /** True when the workbook translated into a questionnaire that starts. */
    private static boolean check(byte[] bytes, long seed) {
        XlsFormRead x = XlsFormReader.read(bytes, "f.xlsx");
        noQuestionDroppedSilently(bytes, x, seed);
        List<Problem> all = new ArrayList<>(x.problems());
        if (x.yaml() != null) {
            LoadResult r = QuestionnaireLoader.parse(x.yaml(), "f.xlsx");
            all.addAll(x.place(r.problems()));
            if (r.questionnaire() != null) {
                all.addAll(x.place(Validator.validate(r.questionnaire())));
            }
            if (!Validator.hasErrors(all)) {
                assertNotNull(r.questionnaire(), "no errors, so a questionnaire: " + x.yaml());
                RespondentContext ctx = new RespondentContext("cli", Map.of(RespondentContext.SHOWS, RespondentContext.NUMBERED));
                Turn t = new Conversation(r.questionnaire()).start(r.questionnaire().defaultLanguage(), ctx, Instant.EPOCH);
                assertFalse(t.messages().isEmpty(), "the conversation says something first");
                return true;
            }
        } else {
            assertTrue(x.hasErrors(), "no YAML only with a reason");
        }
        for (Problem p : all) {
            // FILE:SHEET:ROW (or FILE:ROW when there is no sheet to name), with a message for the organiser
            assertTrue(p.file().startsWith("f.xlsx") && p.line() >= 1 && !p.message().isBlank(), "seed " + seed + ": " + p);
            assertFalse(p.message().contains("Exception"), "seed " + seed + ": " + p);
        }
        return false;
    }

    /** Each question row of the survey became a node (a YAML line placed at its row) or has a problem at its row. */
    private static void noQuestionDroppedSilently(byte[] bytes, XlsFormRead x, long seed) {
        Map<String, Sheet> sheets = Workbooks.read(bytes).sheets();
        Sheet survey = sheets.get("survey");
        Sheet settings = sheets.get("settings");
        if (x.yaml() == null || survey == null || (settings != null && settings.hasColumn(XlsFormReader.MARK))) {
            return; // nothing translated, or a Buurtstem workbook (which routes by its own columns)
        }
        for (Sheet.Row row : survey.rows()) {
            String type = row.get("type").toLowerCase(java.util.Locale.ROOT);
            if (!QUESTIONS.contains(type) || !row.has("name")) {
                continue;
            }
            boolean written = x.places().containsValue(survey.name() + ":" + row.number());
            boolean told = x.problems().stream().anyMatch(p -> p.file().equals("f.xlsx:" + survey.name()) && p.line() == row.number());
            assertTrue(written || told, "seed " + seed + ": the " + type + " on row " + row.number() + " is neither read nor refused");
        }
    }

    /**
     * Every other seed a nearly right form (a survey of plain questions, one yes/no list, a few cells changed at
     * random), so that the translation and the engine's validator are reached; the others are random throughout.
     */
    static byte[] workbook(long seed) {
        return seed % 2 == 0 ? nearlyRight(new Random(seed)) : anything(new Random(seed));
    }

    private static final List<String> QUESTIONS = List.of("text", "integer", "decimal", "select_one yn",
            "select_multiple yn", "note", "select_one yn or_other", "acknowledge", "geopoint");

    private static byte[] nearlyRight(Random r) {
        List<Object[]> survey = new ArrayList<>();
        boolean light = r.nextBoolean(); // half of them changed only a little, so that many translate
        survey.add(new Object[] {"type", "name", "label", "relevant", "constraint", "required", light ? "hint" : pick(r, COLUMNS)});
        int n = 1 + r.nextInt(8);
        boolean open = false;
        for (int i = 0; i < n; i++) {
            Object[] row = {pick(r, QUESTIONS), "q" + i, "Question " + i + "?", null, null, null, null};
            if (r.nextInt(6) == 0) {
                row[0] = open ? (r.nextBoolean() ? "end group" : "end repeat") : (r.nextBoolean() ? "begin group" : "begin repeat");
                open = !open;
            }
            for (int c = 3; c < row.length; c++) {
                row[c] = r.nextInt(light ? 20 : 7) == 0 ? (c == 3 ? "${q" + r.nextInt(n) + "} = 'yes'" : pick(r, WORDS)) : null;
            }
            if (r.nextInt(light ? 12 : 4) == 0) {
                row[r.nextInt(row.length)] = cell(r);
            }
            survey.add(row);
        }
        Object[][] choices = {{"list_name", "name", "label"}, {"yn", "yes", "Yes"}, {"yn", "no", "No"},
                {r.nextInt(4) == 0 ? cell(r) : "yn", r.nextInt(4) == 0 ? cell(r) : "maybe", "Maybe"}};
        XlsBook book = XlsBook.book().sheet("survey", survey.toArray(Object[][]::new)).sheet("choices", choices);
        if (r.nextBoolean()) {
            book.sheet("settings", new Object[] {"form_title", pick(r, COLUMNS)}, new Object[] {"Random", cell(r)});
        }
        return book.bytes();
    }

    /** A random workbook: 0 to 4 sheets, a header of 1 to 7 columns, up to 12 rows of mixed cells. */
    private static byte[] anything(Random r) {
        XlsBook book = XlsBook.book();
        java.util.Set<String> names = new java.util.HashSet<>();
        int sheets = r.nextInt(5);
        for (int s = 0; s < sheets; s++) {
            String name = pick(r, SHEETS);
            if (!names.add(name.strip().toLowerCase(java.util.Locale.ROOT))) {
                continue; // a workbook cannot hold two sheets of the same name
            }
            int width = 1 + r.nextInt(7);
            List<Object[]> rows = new ArrayList<>();
            Object[] header = new Object[width];
            for (int c = 0; c < width; c++) {
                header[c] = r.nextInt(12) == 0 ? cell(r) : pick(r, COLUMNS);
            }
            rows.add(header);
            int height = r.nextInt(13);
            for (int i = 0; i < height; i++) {
                Object[] row = new Object[r.nextInt(10) == 0 ? 0 : width + (r.nextInt(6) == 0 ? 1 : 0)];
                for (int c = 0; c < row.length; c++) {
                    row[c] = cell(r);
                }
                rows.add(row);
            }
            book.sheet(name.strip().isEmpty() ? "s" + s : name, rows.toArray(Object[][]::new));
        }
        return book.bytes();
    }

    private static Object cell(Random r) {
        return switch (r.nextInt(14)) {
            case 0, 1 -> null;
            case 2 -> r.nextBoolean();
            case 3 -> List.of(0, 1, 2.5, -7, 1e20, 2024, 99999999999L).get(r.nextInt(7));
            case 4 -> XlsBook.formula(List.of("1/0", "CONCATENATE(\"a\",\"b\")", "2*3", "TRUE()", "\"note\"").get(r.nextInt(5)));
            case 5 -> r.nextInt(3) == 0 ? new XlsBook.Error(FormulaError.NA) : "x".repeat(r.nextInt(600));
            default -> pick(r, WORDS);
        };
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
