package be.buurtstem.bot.cli;

import be.buurtstem.bot.files.xlsform.ForeignForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XLSForms nobody here wrote ({@link ForeignForms}, built the way KoboToolbox and ODK users write them): each is
 * either validated and played through the real command line, asserting what the resident sees, or refused with
 * {@code FILE:SHEET:ROW: message} lines, never a stack trace or another exit code.
 */
class ForeignXlsFormsTest {
    @TempDir
    Path tmp;

    private record Played(String form, List<String> replies, List<String> shown, List<String> notShown) {
    }

    private static final List<Played> PLAYED = List.of(
            // no --lang: the language menu lists the default language (settings: Français) first
            new Played("household", List.of("1", "1", "34", "3", "1", "4", "Je travaille au marché", "Amina", "2", "3",
                    "la rivière", "rien"),
                    List.of("  1. Français", "bot: Acceptez-vous de répondre ?", "  1. Oui", "bot: Quel âge avez-vous ?",
                            "bot: Votre ménage", "bot: Adultes", "bot: Sources de revenus", "bot: Dites-nous en plus",
                            "bot: Nom de l'enfant", "bot: Encore un ?", "  3. Autre", "bot: Précisez « autre » :",
                            "bot: Autre chose ?", "bot: Merci pour vos réponses !", "\"value\" : \"la rivière\"", "\"value\" : 34"),
                    List.of()),
            // "Non" to the first question: every question that depends on it (or on later answers) is skipped
            new Played("household", List.of("1", "2", "1", "rien"),
                    List.of("bot: D'où vient votre eau ?", "bot: Autre chose ?", "bot: Merci pour vos réponses !"),
                    List.of("bot: Quel âge avez-vous ?", "bot: Votre ménage", "bot: Enfant")),
            new Played("plainLabelBesideLanguage", List.of("Kerkstraat", "1"),
                    List.of("bot: In welke straat woont u?", "  1. Goed", "\"value\" : \"good\""), List.of()),
            new Played("otherCases", List.of("2", "it is calm"),
                    List.of("bot: Favourite colour?", "  2. Green", "bot: Why that one?", "\"value\" : \"green\""), List.of()),
            new Played("typedCells", List.of("3", "1971"),
                    List.of("bot: How do you rate the bus?", "  3. Good", "  4. 4", "bot: Your year of birth?", "bot: 42",
                            "\"value\" : \"3\"", "\"value\" : 1971"), List.of()),
            new Played("translatable", List.of("1", "4", "It is loud at night", "4", "17", "30"),
                    List.of("bot: Welcome! This takes two minutes.", "bot: Tell us about it", "bot: How loud is it?",
                            "\"value\" : 30"), List.of()),
            new Played("translatable", List.of("2", "4", "Bottles everywhere", "30"),
                    List.of("bot: Tell us about it", "\"value\" : \"Bottles everywhere\""), List.of("bot: How loud is it?")),
            new Played("koboDownload", List.of("1", "2", "papers everywhere"),
                    List.of("bot: About the street", "bot: Is the street clean?", "  2. No", "bot: What is dirty?",
                            "bot: Thank you, that helps the council.", "\"value\" : \"papers everywhere\""), List.of()),
            new Played("koboDownload", List.of("1", "1"),
                    List.of("bot: Is the street clean?", "bot: Thank you, that helps the council."), List.of("bot: What is dirty?")),
            new Played("odkCollect", List.of("@location 51.0543 3.7174", "@photo bench.jpg", "1", "1", "2"),
                    List.of("bot: Where is the broken bench?", "bot: A photo of it, please", "bot: What is wrong?", "  1. Broken",
                            "\"value\" : \"dirty\""), List.of()),
            new Played("veryLongLabel", List.of("Too few trees"),
                    List.of("bot: " + ("This survey is run by the neighbourhood council to learn what residents think of the square. "
                            .repeat(60)).strip(), "bot: What do you think of the square?"), List.of()));

    private static final String TYPES = " has no Buurtstem equivalent (read are: text, integer, decimal, select_one,"
            + " select_multiple, or_other, geopoint, image, note, acknowledge, range, begin/end group, begin/end repeat)";

    /** form → its errors as validate prints them after the file name. */
    private static final Map<String, List<String>> REFUSED = Map.of(
            "onlyMetadata", List.of(":survey:1: the survey sheet has no question Buurtstem can ask (only metadata rows such as"
                    + " start and end, or nothing below the header); add a row with a type such as text, integer or select_one"),
            "unsupportedTypes", List.of(":survey:3: the type 'date'" + TYPES, ":survey:4: the type 'time'" + TYPES,
                    ":survey:5: the type 'datetime'" + TYPES, ":survey:6: the type 'rank fruits'" + TYPES,
                    ":survey:7: the type 'audio'" + TYPES, ":survey:8: the type 'video'" + TYPES,
                    ":survey:9: the type 'file'" + TYPES, ":survey:10: the type 'barcode'" + TYPES,
                    ":survey:11: the type 'trigger'" + TYPES, ":survey:12: the type 'select_one_from_file cities.csv'" + TYPES,
                    ":survey:13: the type 'calculate'" + TYPES,
                    ":survey:14: range parameters 'start=0 end=10 step=2' have no equivalent: a scale has whole start and end values and step 1"),
            "untranslatableExpressions", List.of(
                    ":survey:3: choice_filter 'region=${region}' is refused: Buurtstem shows every option of a list; split the list into one list per case and route to the right question instead",
                    ":survey:4: constraint 'regex(., '^[0-9]{4}$')' cannot be translated: the function regex() has no equivalent in a Buurtstem condition (read are bounds on the answer, e.g. . >= 0 and . <= 120, or count-selected(.) <= 3)",
                    ":survey:5: relevant '${town} = 'ghent' and string-length(${postcode}) = 4' cannot be translated: the function string-length() has no equivalent in a Buurtstem condition (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, count-selected(${x}) > 0 or = 0, and, or, not, parentheses)"),
            "choicesMissing", List.of(":survey:2: 'ok' has no options",
                    ":survey:2: the choice list 'yes_no' is not on the choices sheet (this workbook has no sheet named 'choices')"),
            "duplicateChoice", List.of(":choices:4: the choice 'yes' in list 'yes_no' is the same option id 'yes' as an earlier choice of that list; give it another name or remove the row"),
            "noSheets", List.of(":1: an XLSForm needs a sheet named 'survey' (this workbook has no sheets)"),
            "emptyWorkbook", List.of(":1: an XLSForm needs a sheet named 'survey' (this workbook has: Sheet1)"),
            "notAnXlsForm", List.of(":1: an XLSForm needs a sheet named 'survey' (this workbook has: Budget 2024)"),
            "truncated", List.of(":1: the file is not an Excel workbook (.xlsx) that can be read (Truncated ZIP file)"),
            "csvNamedXlsx", List.of(":1: the file is not an Excel workbook (.xlsx) that can be read (Can't open workbook - unsupported file type: UNKNOWN)"));

    private Path form(String name) throws IOException, ReflectiveOperationException {
        Path f = tmp.resolve(name + ".xlsx");
        Files.write(f, (byte[]) ForeignForms.class.getMethod(name).invoke(null));
        return f;
    }

    @Test
    void everyFormIsPlayedOrRefused() {
        TreeSet<String> all = new TreeSet<>();
        Arrays.stream(ForeignForms.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).forEach(all::add);
        TreeSet<String> listed = new TreeSet<>(REFUSED.keySet());
        PLAYED.forEach(p -> listed.add(p.form()));
        assertEquals(all, listed);
    }

    @Test
    void formsThatTranslateValidateAndPlay() throws Exception {
        for (Played p : PLAYED) {
            Path f = form(p.form());
            CliRun v = CliRun.run("validate", f.toString());
            assertEquals(0, v.exit(), p.form() + ":\n" + v.out() + v.err());
            Path script = tmp.resolve(p.form() + ".txt");
            Files.writeString(script, String.join("\n", p.replies()) + "\n");
            CliRun r = CliRun.run("play", f.toString(), "--script", script.toString());
            assertEquals(0, r.exit(), p.form() + ":\n" + r.out() + r.err());
            assertTrue(r.out().contains("— conversation completed —"), p.form() + ":\n" + r.out());
            for (String line : p.shown()) {
                assertTrue(r.out().contains(line), p.form() + " shows '" + line + "':\n" + r.out());
            }
            for (String line : p.notShown()) {
                assertFalse(r.out().contains(line), p.form() + " does not show '" + line + "':\n" + r.out());
            }
            // convert writes the YAML, which plays the same conversation as the workbook
            Path yaml = tmp.resolve(p.form() + ".yaml");
            CliRun c = CliRun.run("convert", f.toString(), yaml.toString());
            assertEquals(0, c.exit(), p.form() + ":\n" + c.out() + c.err());
            String lang = Files.readString(yaml).lines().filter(l -> l.startsWith("default_language:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip().replace("\"", "")).findFirst().orElseThrow();
            assertEquals(ConvertCommandTest.play(f, lang, script).out(), ConvertCommandTest.play(yaml, lang, script).out(), p.form());
        }
    }

    @Test
    void formsThatDoNotTranslateAreRefusedAtTheirRows() throws Exception {
        for (Map.Entry<String, List<String>> e : REFUSED.entrySet()) {
            Path f = form(e.getKey());
            for (String command : List.of("validate", "play")) {
                CliRun r = CliRun.run(command, f.toString());
                assertEquals(1, r.exit(), e.getKey() + " " + command + ":\n" + r.out() + r.err());
                assertFalse((r.out() + r.err()).contains("Exception") || (r.out() + r.err()).contains("\tat "),
                        "no stack trace: " + r.out() + r.err());
            }
            Path yaml = tmp.resolve(e.getKey() + ".yaml");
            CliRun c = CliRun.run("convert", f.toString(), yaml.toString());
            assertEquals(1, c.exit(), e.getKey() + " convert:\n" + c.out() + c.err());
            assertFalse(Files.exists(yaml), "nothing is written for " + e.getKey());
            CliRun v = CliRun.run("validate", f.toString());
            List<String> errors = v.out().lines().filter(l -> l.startsWith(f + ":") && !l.contains(": warning: "))
                    .map(l -> l.substring(f.toString().length())).toList();
            assertEquals(e.getValue(), errors, e.getKey());
        }
    }

    @Test
    void aCellThatShowsAnErrorIsWarnedAtItsCell() throws Exception {
        Path f = form("typedCells");
        CliRun v = CliRun.run("validate", f.toString());
        assertTrue(v.out().contains(f + ":choices:5: warning: the cell C5 shows #DIV/0! (a formula that fails); it is read as empty,"
                + " write the value itself"), v.out());
    }

    @Test
    void aPlainLabelThatWouldBeOverwrittenIsWarned() throws Exception {
        Path f = form("plainLabelBesideLanguage");
        CliRun v = CliRun.run("validate", f.toString());
        assertTrue(v.out().contains(f + ":survey:1: warning: the column 'label' has no language, and 'label::Nederlands (nl)'"
                + " holds the default language 'nl' already"), v.out());
    }
}
