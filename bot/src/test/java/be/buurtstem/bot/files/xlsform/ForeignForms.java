package be.buurtstem.bot.files.xlsform;

import org.apache.poi.ss.usermodel.FormulaError;

import static be.buurtstem.bot.files.xlsform.XlsBook.book;
import static be.buurtstem.bot.files.xlsform.XlsBook.formula;
import static be.buurtstem.bot.files.xlsform.XlsBook.row;

/**
 * XLSForms written the way KoboToolbox and ODK users write them, not the way Buurtstem's export does: one method per
 * form, so that each reads as the spreadsheet it is. Each is either converted and played or refused with its rows in
 * {@code ForeignXlsFormsTest}.
 */
public final class ForeignForms {
    private ForeignForms() {
    }

    /** Kobo's usual household form: three languages, hints, metadata rows, blank lines, bounds, nested groups, a repeat. */
    public static byte[] household() {
        return book().sheet("survey",
                row("type", "name", "label::English (en)", "label::Français (fr)", "label::العربية (ar)", "hint::English (en)",
                        "hint::Français (fr)", "required", "constraint", "constraint_message::English (en)", "relevant", "appearance"),
                row("start", "start"),
                row("end", "end"),
                row("deviceid", "deviceid"),
                row(),
                row("select_one yes_no", "consent_ok", "Do you agree to answer?", "Acceptez-vous de répondre ?", "هل توافق على الإجابة؟",
                        null, null, "yes"),
                row("integer", "age", "How old are you?", "Quel âge avez-vous ?", "كم عمرك؟", "In years", "En années", "TRUE",
                        ". >= 0 and . <= 120", "Between 0 and 120", "${consent_ok} = 'yes'"),
                row(),
                row("begin_group", "household", "Your household", "Votre ménage", "أسرتك", null, null, null, null, null,
                        "${consent_ok} = 'yes'", "field-list"),
                row("integer", "members", "How many people live here?", "Combien de personnes vivent ici ?", "كم شخصا يعيش هنا؟",
                        null, null, "true()", ". > 0"),
                row("begin group", "adults", "Adults", "Adultes", "البالغون"),
                row("select_multiple income", "income", "Sources of income", "Sources de revenus", "مصادر الدخل", "Choose all",
                        "Choisissez tout", null, null, null, "${members} > 1 and not(${age} < 18)"),
                row("text", "income_note", "Tell us more", "Dites-nous en plus", "أخبرنا المزيد", null, null, null, null, null,
                        "selected(${income}, 'work') or selected(${income}, 'pension')"),
                row("end group"),
                row("end_group"),
                row(),
                row("begin_repeat", "child", "Child", "Enfant", "طفل", null, null, null, null, null, "${members} > 1"),
                row("text", "child_name", "Name of the child", "Nom de l'enfant", "اسم الطفل"),
                row("end_repeat"),
                row("select_one water or_other", "water", "Where does your water come from?", "D'où vient votre eau ?",
                        "من أين يأتي ماؤك؟", null, null, "yes"),
                row("text", "comment", "Anything else?", "Autre chose ?", "أي شيء آخر؟", null, null, "no", null, null,
                        "${water} != ''")
        ).sheet("choices",
                row("list_name", "name", "label::English (en)", "label::Français (fr)", "label::العربية (ar)"),
                row("yes_no", "yes", "Yes", "Oui", "نعم"),
                row("yes_no", "no", "No", "Non", "لا"),
                row(),
                row("income", "work", "Work", "Travail", "عمل"),
                row("income", "pension", "Pension", "Pension", "معاش"),
                row("income", "none", "None", "Aucun", "لا شيء"),
                row(),
                row("water", "tap", "Tap", "Robinet", "صنبور"),
                row("water", "well", "Well", "Puits", "بئر")
        ).sheet("settings",
                row("form_title", "form_id", "default_language", "version"),
                row("Household survey", "household_2024", "Français (fr)", "2024061201")
        ).bytes();
    }

    /** A plain {@code label} column beside a language column, as forms that were translated later have. */
    public static byte[] plainLabelBesideLanguage() {
        return book().sheet("survey",
                row("type", "name", "label", "label::Nederlands (nl)", "hint"),
                row("text", "street", "Which street do you live in?", "In welke straat woont u?", "Only the street"),
                row("select_one rating", "park", "How is the park?", "Hoe is het park?")
        ).sheet("choices",
                row("list_name", "name", "label", "label::Nederlands (nl)"),
                row("rating", "good", "Good", "Goed"),
                row("rating", "bad", "Bad", "Slecht")
        ).bytes();
    }

    /** Sheet and column names as people type them: {@code Survey}, {@code Type}, {@code Label::English}, {@code List Name}. */
    public static byte[] otherCases() {
        return book().sheet("Survey",
                row("Type", "Name", "Label::English", "Required"),
                row("Select_One colours", "colour", "Favourite colour?", "Yes"),
                row("Text", "why", "Why that one?")
        ).sheet("CHOICES",
                row("List Name", "Name", "Label::English"),
                row("colours", "Red", "Red"),
                row("colours", "Green", "Green")
        ).sheet("Settings",
                row("Form_Title", "Default_Language"),
                row("Colours", "English")
        ).bytes();
    }

    /** Numbers, booleans and formulas where XLSForm expects text: choice names 1 2 3, TRUE in required, a label formula. */
    public static byte[] typedCells() {
        return book().sheet("survey",
                row("type", "name", "label", "required"),
                row("select_one score", "score", formula("CONCATENATE(\"How do you rate \",\"the bus?\")"), true),
                row("integer", 2024, "Your year of birth?", false),
                row("note", "n", 42)
        ).sheet("choices",
                row("list_name", "name", "label"),
                row("score", 1, "Bad"),
                row("score", 2, "Fine"),
                row("score", 3.0, "Good"),
                row("score", 4, formula("1/0"))
        ).bytes();
    }

    /** The types a chat cannot ask: each refused by name at its row. */
    public static byte[] unsupportedTypes() {
        return book().sheet("survey",
                row("type", "name", "label", "calculation", "parameters"),
                row("text", "first", "First question"),
                row("date", "when", "When?"),
                row("time", "at", "At what time?"),
                row("datetime", "moment", "When exactly?"),
                row("rank fruits", "order", "Put them in order"),
                row("audio", "voice", "Record your voice"),
                row("video", "clip", "Film it"),
                row("file", "doc", "Upload a document"),
                row("barcode", "code", "Scan the code"),
                row("trigger", "go", "Press to continue"),
                row("select_one_from_file cities.csv", "city", "Your city?"),
                row("calculate", "double", null, "${first} * 2"),
                row("range", "level", "How loud?", null, "start=0 end=10 step=2")
        ).sheet("choices",
                row("list_name", "name", "label"),
                row("fruits", "apple", "Apple"),
                row("fruits", "pear", "Pear")
        ).bytes();
    }

    /** What does translate: acknowledge, range, count-selected, a regex-free constraint, a group without a label. */
    public static byte[] translatable() {
        return book().sheet("survey",
                row("type", "name", "label", "relevant", "constraint", "parameters", "required"),
                row("acknowledge", "intro", "Welcome! This takes two minutes."),
                row("select_multiple problems", "problems", "What bothers you?", null, "count-selected(.) <= 2"),
                row("begin_group", "details"),
                row("text", "details_text", "Tell us about it", "count-selected(${problems}) > 0"),
                row("end_group"),
                row("range", "loud", "How loud is it?", "selected(${problems}, 'noise')", null, "start=1 end=5"),
                row("integer", "adult_age", "Your age?", null, ". > 17", null, "yes")
        ).sheet("choices",
                row("list_name", "name", "label"),
                row("problems", "noise", "Noise"),
                row("problems", "litter", "Litter"),
                row("problems", "traffic", "Traffic")
        ).bytes();
    }

    /** Expressions that have no declarative form: regex, choice_filter, arithmetic. */
    public static byte[] untranslatableExpressions() {
        return book().sheet("survey",
                row("type", "name", "label", "constraint", "relevant", "choice_filter"),
                row("select_one region", "region", "Your region?"),
                row("select_one town", "town", "Your town?", null, null, "region=${region}"),
                row("text", "postcode", "Your postcode?", "regex(., '^[0-9]{4}$')"),
                row("integer", "rooms", "How many rooms?", null, "${town} = 'ghent' and string-length(${postcode}) = 4")
        ).sheet("choices",
                row("list_name", "name", "label", "region"),
                row("region", "flanders", "Flanders"),
                row("region", "brussels", "Brussels"),
                row("town", "ghent", "Ghent", "flanders"),
                row("town", "ixelles", "Ixelles", "brussels")
        ).bytes();
    }

    /** A select question whose list is nowhere: the workbook has no choices sheet. */
    public static byte[] choicesMissing() {
        return book().sheet("survey",
                row("type", "name", "label"),
                row("select_one yes_no", "ok", "Is it OK?")
        ).bytes();
    }

    /** The same choice twice in one list (copy-pasted rows). */
    public static byte[] duplicateChoice() {
        return book().sheet("survey",
                row("type", "name", "label"),
                row("select_one yes_no", "ok", "Is it OK?")
        ).sheet("choices",
                row("list_name", "name", "label"),
                row("yes_no", "yes", "Yes"),
                row("yes_no", "no", "No"),
                row("yes_no", "yes", "Yes again")
        ).bytes();
    }

    /** A label of several paragraphs (an information sheet pasted into one cell). */
    public static byte[] veryLongLabel() {
        String paragraph = "This survey is run by the neighbourhood council to learn what residents think of the square. ";
        return book().sheet("survey",
                row("type", "name", "label"),
                row("note", "info", paragraph.repeat(60)),
                row("text", "opinion", "What do you think of the square?")
        ).bytes();
    }

    /** A workbook with one sheet and nothing in it. */
    public static byte[] emptyWorkbook() {
        return book().sheet("Sheet1").bytes();
    }

    /** A workbook without a single sheet (some generators write those). */
    public static byte[] noSheets() {
        return book().bytes();
    }

    /** A survey sheet with its header and metadata rows only. */
    public static byte[] onlyMetadata() {
        return book().sheet("survey",
                row("type", "name", "label"),
                row("start", "start"),
                row("end", "end"),
                row("today", "today")
        ).bytes();
    }

    /** A budget spreadsheet someone uploaded by mistake. */
    public static byte[] notAnXlsForm() {
        return book().sheet("Budget 2024",
                row("Item", "Cost", "Paid"),
                row("Chairs", 120.5, true),
                row("Total", formula("B2"), new XlsBook.Error(FormulaError.DIV0))
        ).bytes();
    }

    /** An upload cut off halfway: a valid .xlsx's first half. */
    public static byte[] truncated() {
        byte[] whole = household();
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    /** A CSV export renamed to .xlsx. */
    public static byte[] csvNamedXlsx() {
        return "type,name,label\ntext,a,A?\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A form as KoboToolbox downloads it: its bookkeeping columns ($kuid, $autoname), end rows with their own $kuid. */
    public static byte[] koboDownload() {
        return book().sheet("survey",
                row("type", "$kuid", "label::English (en)", "label::Nederlands (nl)", "required", "$autoname", "name",
                        "relevant", "kobo--score-choices"),
                row("start", "aB1", null, null, null, "start", "start"),
                row("end", "aB2", null, null, null, "end", "end"),
                row("begin_group", "cD3", "About the street", "Over de straat", "false", "About_the_street", "About_the_street"),
                row("select_one ab12cd", "eF4", "Is the street clean?", "Is de straat proper?", "true", "Is_the_street_clean",
                        "Is_the_street_clean"),
                row("text", "gH5", "What is dirty?", "Wat is vuil?", "false", "What_is_dirty", "What_is_dirty",
                        "${Is_the_street_clean} = 'no'"),
                row("end_group", "iJ6"),
                row("note", "kL7", "Thank you, that helps the council.", "Bedankt, dat helpt de gemeente.", "false",
                        "thanks_note", "thanks_note")
        ).sheet("choices",
                row("list_name", "$kuid", "label::English (en)", "label::Nederlands (nl)", "$autovalue", "name"),
                row("ab12cd", "m1", "Yes", "Ja", "yes", "yes"),
                row("ab12cd", "m2", "No", "Nee", "no", "no")
        ).sheet("settings",
                row("default_language", "style", "version"),
                row("English (en)", "pages", "vXkd8nQa3Ju7G")
        ).bytes();
    }

    /** An ODK Collect form: media and guidance columns, a repeat with a fixed count, a location and a photo. */
    public static byte[] odkCollect() {
        return book().sheet("survey",
                row("type", "name", "label::English (en)", "hint::English (en)", "guidance_hint::English (en)",
                        "media::image::English (en)", "required", "required_message::English (en)", "repeat_count"),
                row("geopoint", "where", "Where is the broken bench?", "Share your location", "Stand next to it",
                        "bench.png", "yes", "We need the place"),
                row("image", "photo", "A photo of it, please"),
                row("begin repeat", "issue", "Issue", null, null, null, null, null, 2),
                row("select_one kind", "kind_of_issue", "What is wrong?"),
                row("end repeat")
        ).sheet("choices",
                row("list_name", "name", "label::English (en)", "media::image::English (en)"),
                row("kind", "broken", "Broken", "broken.png"),
                row("kind", "dirty", "Dirty", "dirty.png")
        ).bytes();
    }
}
