package be.buurtstem.bot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XLSForms written by others: pyxform's test forms (src/test/resources/xlsform/pyxform, BSD-2-Clause, see its
 * LICENSE). Every one is listed here: either converted and played with a short script (asserting what the resident
 * sees and what is recorded), or refused with each of its {@code FILE:SHEET:ROW} reasons.
 */
class PyxformFormsTest {
    static final Path FORMS = Path.of("src/test/resources/xlsform/pyxform");

    @TempDir
    Path tmp;

    /** file → replies, then lines the transcript must hold (the last ones: recorded answer values). */
    static final Map<String, List<List<String>>> PLAYED = Map.of(
            "ODKValidateWarnings.xlsx", List.of(List.of("Peeters", "geen", "54"),
                    List.of("bot: What's your family name?", "bot: asdf", "\"value\" : 54")),
            "extra_columns.xlsx", List.of(List.of("iets"), List.of("bot: A", "\"value\" : \"iets\"")),
            "extra_sheet_names.xlsx", List.of(List.of("x"), List.of("bot: test", "\"value\" : \"x\"")),
            "field-list.xlsx", List.of(List.of("1", "1"), // English and Chinese: the language is asked first
                    List.of("  2. 中文", "bot: table list question", "  1. Yes", "\"value\" : \"yes\"")),
            "group.xlsx", List.of(List.of("Peeters", "/skip", "71"),
                    List.of("bot: Father", "bot: What's your father's phone number?", "bot: How old is your father?", "\"value\" : 71")),
            "specify_other.xlsx", List.of(List.of("3", "liever niet"),
                    List.of("  3. Other", "bot: Please say what 'other' is:", "\"value\" : \"other\"", "\"value\" : \"liever niet\"")),
            "text_and_integer.xlsx", List.of(List.of("Fatima", "٣٤"),
                    List.of("bot: How many years old are you?", "\"value\" : \"Fatima\"", "\"value\" : 34")),
            "yes_or_no_question.xlsx", List.of(List.of("yes"),
                    List.of("bot: have you had a good day today?", "\"value\" : \"yes\"")));

    /** file → its errors, as validate prints them (after the file name). */
    static final Map<String, List<String>> REFUSED = Map.of(
            "bad_calc.xlsx", List.of(
                    ":survey:2: the type 'calculate' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)"),
            "include.xlsx", List.of(
                    ":survey:3: the type 'include' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)"),
            "include_json.xlsx", List.of(
                    ":survey:2: the type 'include' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)"),
            "or_other.xlsx", List.of(
                    ":survey:3: choice_filter 'pastel=yes' is refused: Buurtstem shows every option of a list; split the list into one list per case and route to the right question instead"),
            "pull_data.xlsx", List.of(
                    ":survey:2: the type 'calculate' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)",
                    ":survey:3: text of 'note_fruite' in 'en': argument {fruit} names no question"),
            "survey_no_name.xlsx", List.of(":1: an XLSForm needs a sheet named 'survey' (this workbook has: Sheet1)"),
            "case_insensitivity.xlsx", List.of(
                    ":SURVEY:3: the type 'select_one_external c1' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)",
                    ":SURVEY:4: the type 'osm c1' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)"),
            "xl_date_ambiguous.xlsx", List.of( // name3 is never asked (relevant 0), so its option label cannot show it
                    ":choices:4: label of option 'name3' in 'names' in 'en': argument {name3} names no question",
                    ":survey:5: choice_filter 'label::English != ''' is refused: Buurtstem shows every option of a list; split the list into one list per case and route to the right question instead"),
            "xl_date_ambiguous_v1.xlsx", List.of(
                    ":survey:6: the type 'date' has no Buurtstem equivalent (read are: text, integer, decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)"));

    /** The two big "spec" forms: so many refusals that only their rows and causes are listed. */
    static final Map<String, List<String>> REFUSED_ROWS = Map.of(
            "attribute_columns_test.xlsx", List.of("survey:7 relevant 'regex(", "survey:14 constraint '. <= ${a_integer}'",
                    "survey:18 constraint 'not(selected(.", "survey:31 the type 'date'", "survey:32 the type 'time'",
                    "survey:33 the type 'datetime'", "survey:35 the type 'barcode'", "survey:37 the type 'audio'",
                    "survey:38 the type 'video'", "survey:40 the type 'calculate'",
                    "survey:41 text of 'calculate_test_output' in 'en': argument {calculate_test} names no question",
                    "survey:43 text of 'start_test_output' in 'en': argument {start} names no question",
                    "survey:45 text of 'end_test_output' in 'en': argument {end} names no question",
                    "survey:47 text of 'today_test_output' in 'en': argument {today} names no question",
                    "survey:49 text of 'deviceid_test_output' in 'en': argument {deviceid} names no question",
                    "survey:51 text of 'uri_deviceid_test_output' in 'en': argument {uri_deviceid} names no question",
                    "survey:53 text of 'simserial_test_output' in 'en': argument {simserial} names no question",
                    "survey:55 text of 'phonenumber_test_output' in 'en': argument {phonenumber} names no question"),
            "duplicate_columns.xlsx", List.of("survey:1 the column 'label' appears 2 times (columns D, E); keep one",
                    "survey:7 relevant 'regex(", "survey:14 constraint '. <= ${a_integer}'",
                    "survey:16 repeat_count '${num_repeat_times}' has no equivalent", "survey:19 constraint 'not(selected(.",
                    "survey:32 the type 'date'", "survey:33 the type 'time'", "survey:34 the type 'datetime'",
                    "survey:36 the type 'barcode'", "survey:38 the type 'audio'", "survey:39 the type 'video'",
                    "survey:41 the type 'calculate'",
                    "survey:42 text of 'calculate_test_output' in 'zh': argument {calculate_test} names no question",
                    "survey:44 text of 'start_test_output' in 'zh': argument {start} names no question",
                    "survey:46 text of 'end_test_output' in 'zh': argument {end} names no question",
                    "survey:48 text of 'today_test_output' in 'zh': argument {today} names no question",
                    "survey:50 text of 'deviceid_test_output' in 'zh': argument {deviceid} names no question",
                    "survey:52 text of 'simserial_test_output' in 'zh': argument {simserial} names no question",
                    "survey:54 text of 'phonenumber_test_output' in 'zh': argument {phonenumber} names no question"));

    @Test
    void everyFormIsListed() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            List<String> all = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).sorted().toList();
            TreeMap<String, String> listed = new TreeMap<>();
            PLAYED.keySet().forEach(k -> listed.put(k, "played"));
            REFUSED.keySet().forEach(k -> listed.put(k, "refused"));
            REFUSED_ROWS.keySet().forEach(k -> listed.put(k, "refused"));
            assertEquals(all, List.copyOf(listed.keySet()));
            System.out.println("pyxform forms: " + PLAYED.size() + " played, " + (REFUSED.size() + REFUSED_ROWS.size())
                    + " refused, of " + all.size());
        }
    }

    @Test
    void formsThatTranslateArePlayed() throws IOException {
        for (Map.Entry<String, List<List<String>>> e : new TreeMap<>(PLAYED).entrySet()) {
            Path form = FORMS.resolve(e.getKey());
            Path script = tmp.resolve(e.getKey() + ".txt");
            Files.writeString(script, String.join("\n", e.getValue().get(0)) + "\n");
            CliRun r = CliRun.run("play", form.toString(), "--script", script.toString());
            assertEquals(0, r.exit(), e.getKey() + "\n" + r.out() + r.err());
            assertTrue(r.out().contains("— conversation completed —"), r.out());
            assertTrue(r.out().contains("bot: Thank you for your answers!"), r.out());
            for (String line : e.getValue().get(1)) {
                assertTrue(r.out().contains(line), e.getKey() + " shows '" + line + "':\n" + r.out());
            }
            CliRun v = CliRun.run("validate", form.toString());
            assertEquals(0, v.exit(), v.out());
        }
    }

    @Test
    void formsThatDoNotTranslateAreRefusedWithTheirRows() {
        for (Map.Entry<String, List<String>> e : new TreeMap<>(REFUSED).entrySet()) {
            Path form = FORMS.resolve(e.getKey());
            CliRun r = CliRun.run("validate", form.toString());
            assertEquals(1, r.exit(), r.out());
            List<String> errors = r.out().lines().filter(l -> l.startsWith(form.toString()) && !l.contains(": warning: "))
                    .map(l -> l.substring(form.toString().length())).toList();
            assertEquals(e.getValue(), errors, e.getKey());
        }
        for (Map.Entry<String, List<String>> e : new TreeMap<>(REFUSED_ROWS).entrySet()) {
            Path form = FORMS.resolve(e.getKey());
            CliRun r = CliRun.run("validate", form.toString());
            assertEquals(1, r.exit(), r.out());
            List<String> errors = r.out().lines().filter(l -> l.startsWith(form + ":") && !l.contains(": warning: "))
                    .map(l -> l.substring(form.toString().length() + 1)).toList();
            assertEquals(e.getValue().size(), errors.size(), e.getKey() + ": " + String.join("\n", errors));
            for (int i = 0; i < errors.size(); i++) {
                String expected = e.getValue().get(i);
                String where = expected.substring(0, expected.indexOf(' '));
                String what = expected.substring(expected.indexOf(' ') + 1);
                assertTrue(errors.get(i).startsWith(where + ": " + what), e.getKey() + ": expected " + expected + " but was " + errors.get(i));
            }
        }
    }
}
