package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.load.FormatVersion;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Condition;
import be.buurtstem.engine.model.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * XLSForm ({@code survey}, {@code choices}, {@code settings} sheets) → questionnaire YAML, read by the engine's own
 * loader afterwards so that an XLSForm is checked by the same validator as a YAML file. XLSForm is a linear form
 * with {@code relevant} conditions; Buurtstem routes from node to node: a question's {@code relevant} becomes a
 * route on each earlier node that could go to it ("when it holds, go there"), and the next unconditional node is
 * the {@code next}. Everything that has no equivalent is a problem at its row, never a silent drop: errors for what
 * would change the meaning (a type, a {@code relevant}, a {@code constraint}, a choice filter), warnings for what
 * only a form on a screen shows (appearance, media, constraint messages).
 *
 * <p>A workbook written by {@link XlsFormWriter} carries {@code buurtstem} in its settings: then texts are ICU
 * patterns as written, and the Buurtstem columns ({@code kind}, {@code next}, {@code routes}, ...) are read, so that
 * YAML → XLSForm → YAML keeps every key.
 */
public final class XlsFormReader {

    /** Columns that only change how a form looks on a screen: left out with one warning per column. */
    private static final Set<String> PRESENTATION = Set.of("appearance", "constraint_message", "required_message",
            "guidance_hint", "media", "image", "audio", "video", "big-image", "autoplay", "label_style", "rows", "style",
            "requiredmsg", "instance_name", "body::accuracythreshold", "body");
    private static final Set<String> SURVEY_COLUMNS = Set.of("type", "name", "label", "hint", "required", "relevant",
            "constraint", "choice_filter", "default", "read_only", "calculation", "repeat_count", "parameters", "trigger");
    private static final Set<String> BUURTSTEM_COLUMNS = Set.of("kind", "next", "routes", "segment", "block", "coded",
            "min", "max", "integer", "yes", "no", "refused_text", "more", "labels");
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid", "simserial",
            "phonenumber", "username", "email", "audit", "uri:deviceid", "uri:email", "uri:username", "uri:phonenumber",
            "uri:subscriberid", "uri:simserial", "start-geopoint", "background-geopoint", "background-audio");
    static final String MARK = "buurtstem";

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Sheet> sheets;
    private final boolean native_;
    private final Map<String, String> columnLanguage = new HashMap<>();
    private final LinkedHashSet<String> languages = new LinkedHashSet<>();
    private String defaultLanguage;
    /** XLSForm name → node id, and → its item, for ${name} references. */
    private final Map<String, Item> byName = new HashMap<>();
    private final Map<String, List<Choice>> lists = new LinkedHashMap<>();
    private final Set<String> usedIds = new java.util.HashSet<>();

    private XlsFormReader(String file, Map<String, Sheet> sheets) {
        this.file = file;
        this.sheets = sheets;
        Sheet settings = sheets.get("settings");
        this.native_ = settings != null && settings.hasColumn(MARK);
    }

    /** Reads an .xlsx file's bytes, naming it {@code fileName} in problems. Never throws for any bytes. */
    public static XlsFormRead read(byte[] bytes, String fileName) {
        Workbooks.Read wb = Workbooks.read(bytes);
        if (wb.refusal() != null) {
            return new XlsFormRead(fileName, null, List.of(Problem.error(fileName, 1, wb.refusal(), "xlsform.notWorkbook")), new TreeMap<>());
        }
        return new XlsFormReader(fileName, wb.sheets()).convert();
    }

    // ---- the parts of one question (or group, repeat) --------------------------------------------------------

    private static final class Item {
        int row;
        String name;
        String id;
        Kind kind;
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, Map<String, String>> extraTexts = new LinkedHashMap<>();
        Boolean required;
        String segment;
        String block;
        Boolean coded;
        String list;
        boolean orOther;
        List<Choice> options = new ArrayList<>();
        String min;
        String max;
        Boolean integer;
        String labelsList;
        List<Item> children = new ArrayList<>();
        String next;
        String routes;
        Condition relevant;
    }

    private record Choice(String name, String id, Map<String, String> label, String emoji, String exclusive, String means, int row) {
    }

    // ---- problems -----------------------------------------------------------------------------------------------

    private void error(Sheet s, int row, String message) {
        problems.add(Problem.error(file + ":" + s.name(), row, message));
    }

    private void warning(Sheet s, int row, String message) {
        problems.add(Problem.warning(file + ":" + s.name(), row, message));
    }

    // ---- conversion ---------------------------------------------------------------------------------------------

    private XlsFormRead convert() {
        Sheet survey = sheets.get("survey");
        if (survey == null) {
            String names = String.join(", ", sheets.values().stream().map(Sheet::name).toList());
            problems.add(Problem.error(file, 1, "an XLSForm needs a sheet named 'survey' (this workbook has: " + names + ")",
                    "xlsform.noSurvey", names));
            return new XlsFormRead(file, null, problems, new TreeMap<>());
        }
        for (Sheet s : sheets.values()) {
            String n = s.name().toLowerCase(Locale.ROOT);
            if (!Set.of("survey", "choices", "settings", "texts").contains(n)) {
                warning(s, 1, "the sheet '" + s.name() + "' is not read (an XLSForm has survey, choices and settings)");
            }
            checkHeaders(s);
        }
        Sheet choices = sheets.get("choices");
        Sheet settings = sheets.get("settings");
        Sheet.Row set = settings == null || settings.rows().isEmpty() ? new Sheet.Row(2, Map.of()) : settings.rows().get(0);
        findLanguages(settings, set);
        if (choices != null) {
            readChoices(choices);
        }
        List<Item> top = readSurvey(survey);
        YamlText y = new YamlText();
        writeTop(y, settings, set, survey);
        y.line(0, "nodes:");
        List<Item> nodes = new ArrayList<>(top);
        if (!native_) {
            Item end = new Item();
            end.row = survey.rows().isEmpty() ? 1 : survey.rows().get(survey.rows().size() - 1).number();
            end.id = freeId("end");
            end.kind = Kind.END;
            for (String l : languages) {
                end.text.put(l, Languages.word(Languages.THANKS, l));
            }
            nodes.add(end);
        }
        writeNodes(y, nodes, 1, false, survey.name());
        return new XlsFormRead(file, y.text(), problems, y.places());
    }

    private void checkHeaders(Sheet s) {
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        s.headers().forEach((i, h) -> seen.computeIfAbsent(h, k -> new ArrayList<>()).add(i));
        seen.forEach((h, cols) -> {
            if (cols.size() > 1) {
                error(s, 1, "the column '" + h + "' appears " + cols.size() + " times (columns "
                        + String.join(", ", cols.stream().map(XlsFormReader::letter).toList()) + "); keep one");
            }
        });
        Set<String> headless = new java.util.TreeSet<>();
        for (Sheet.Row r : s.rows()) {
            for (String c : r.cells().keySet()) {
                if (c.startsWith("#")) {
                    headless.add(letter(Integer.parseInt(c.substring(1))));
                }
            }
        }
        for (String col : headless) {
            warning(s, 1, "column " + col + " has no name in the first row; its cells are not read");
        }
    }

    private static String letter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    private void findLanguages(Sheet settings, Sheet.Row set) {
        String written = set.get("default_language");
        if (!written.isEmpty()) {
            defaultLanguage = Languages.tag(written);
            if (defaultLanguage == null) {
                error(settings, set.number(), "cannot tell the language of default_language '" + written
                        + "'; write it like the label columns, e.g. English (en)");
            }
        }
        for (Sheet s : sheets.values()) {
            for (String c : s.columns().keySet()) {
                int sep = c.indexOf("::");
                if (sep < 0) {
                    continue;
                }
                String base = c.substring(0, sep);
                // only the texts Buurtstem shows; media and constraint messages are left out whatever their language
                if (!Set.of("label", "hint", "yes", "no", "refused_text", "more", "description", "form_title").contains(base)) {
                    continue;
                }
                String tag = Languages.tag(c.substring(sep + 2));
                if (tag == null) {
                    error(s, 1, "cannot tell the language of the column '" + c + "'; write it as "
                            + base + "::Name (tag), e.g. " + base + "::English (en)");
                    continue;
                }
                columnLanguage.put(c, tag);
                if (Set.of("label", "hint", "title", "form_title").contains(base) || native_) {
                    languages.add(tag);
                }
            }
        }
        if (defaultLanguage == null) {
            defaultLanguage = languages.isEmpty() ? "en" : languages.iterator().next();
        }
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        if (native_ && set.has("languages")) {
            ordered.addAll(List.of(set.get("languages").split("[\\s,]+"))); // as the questionnaire declared them
        } else {
            ordered.add(defaultLanguage);
            ordered.addAll(languages);
        }
        languages.clear();
        languages.addAll(ordered);
    }

    /** A translated text from {@code base} and {@code base::Language} columns; a plain column is the default language. */
    private Map<String, String> texts(Sheet.Row r, String base, Sheet s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.has(base)) {
            out.put(native_ ? be.buurtstem.engine.model.Text.ANY : defaultLanguage, pattern(r.get(base), s, r));
        }
        for (String c : s.translated(base)) {
            String tag = columnLanguage.get(c);
            if (tag != null && r.has(c)) {
                out.put(tag, pattern(r.get(c), s, r));
            }
        }
        return out;
    }

    /**
     * An XLSForm label as an ICU pattern: {@code ${name}} becomes the argument {@code {id}}; quotes and braces are
     * escaped so that they show as typed. In a Buurtstem workbook the text is an ICU pattern already.
     */
    private String pattern(String label, Sheet s, Sheet.Row r) {
        if (native_) {
            return label;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '$' && i + 1 < label.length() && label.charAt(i + 1) == '{') {
                int end = label.indexOf('}', i);
                if (end > 0) {
                    String name = label.substring(i + 2, end).strip();
                    b.append('{').append(idFor(name)).append('}');
                    i = end;
                    continue;
                }
            }
            switch (c) {
                case '\'' -> b.append("''");
                case '{' -> b.append("'{'");
                case '}' -> b.append("'}'");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private String idFor(String name) {
        Item it = byName.get(name);
        return it != null ? it.id : sanitiseId(name);
    }

    /** XLSForm names allow capitals, dots and hyphens; a Buurtstem id is [a-z][a-z0-9_]*. */
    private static String sanitiseId(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "q" + (s.startsWith("_") ? "" : "_") + s : s;
    }

    private String freeId(String wanted) {
        String id = wanted;
        for (int n = 2; usedIds.contains(id); n++) {
            id = wanted + "_" + n;
        }
        usedIds.add(id);
        return id;
    }

    private void readChoices(Sheet s) {
        if (!s.hasColumn("list_name") || !s.hasColumn("name")) {
            if (!s.rows().isEmpty()) {
                error(s, 1, "the choices sheet needs the columns list_name and name");
            }
            return;
        }
        Set<String> known = new java.util.HashSet<>(Set.of("list_name", "name", "label"));
        if (native_) {
            known.addAll(Set.of("emoji", "exclusive", "means"));
        }
        for (String c : s.columns().keySet()) {
            String base = c.contains("::") ? c.substring(0, c.indexOf("::")) : c;
            if (!known.contains(base) && !c.startsWith("#")) {
                warning(s, 1, PRESENTATION.contains(base) ? "the column '" + c + "' is not used: a chat shows no media"
                        : "the column '" + c + "' is not read (a choice filter on it is refused where it is used)");
            }
        }
        Map<String, Set<String>> ids = new HashMap<>();
        for (Sheet.Row r : s.rows()) {
            String list = r.get("list_name");
            String name = r.get("name");
            if (list.isEmpty() || name.isEmpty()) {
                error(s, r.number(), "a choice needs a list_name and a name");
                continue;
            }
            String id = native_ ? name : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (!ids.computeIfAbsent(list, k -> new java.util.HashSet<>()).add(id)) {
                error(s, r.number(), "the choice '" + name + "' in list '" + list + "' is the same option id '" + id
                        + "' as an earlier choice of that list");
            }
            Map<String, String> label = texts(r, "label", s);
            if (label.isEmpty()) {
                label.put(native_ ? be.buurtstem.engine.model.Text.ANY : defaultLanguage, name);
            }
            lists.computeIfAbsent(list, k -> new ArrayList<>()).add(new Choice(name, id, label,
                    r.get("emoji"), r.get("exclusive"), r.get("means"), r.number()));
        }
    }

    // ---- survey sheet -------------------------------------------------------------------------------------------

    private record Group(String name, Condition relevant, boolean repeat) {
    }

    private List<Item> readSurvey(Sheet s) {
        if (!s.hasColumn("type")) {
            error(s, 1, "the survey sheet needs a 'type' column");
            return List.of();
        }
        for (String c : s.columns().keySet()) {
            String base = c.contains("::") ? c.substring(0, c.indexOf("::")) : c;
            if (c.startsWith("#") || SURVEY_COLUMNS.contains(base) || base.equals("kind")
                    || (native_ && BUURTSTEM_COLUMNS.contains(base))) {
                continue;
            }
            if (PRESENTATION.contains(base)) {
                warning(s, 1, "the column '" + c + "' is left out: it only changes how a form looks on a screen");
            } else {
                warning(s, 1, "the column '" + c + "' is not an XLSForm column Buurtstem reads; it is left out");
            }
        }
        // First pass: every name and its kind, so that ${name} and relevant read forward and backward alike.
        for (Sheet.Row r : s.rows()) {
            String name = r.get("name");
            String type = r.get("type").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!name.isEmpty() && !type.startsWith("end")) {
                Item it = new Item();
                it.name = name;
                it.id = native_ ? name : freeId(sanitiseId(name));
                byName.putIfAbsent(name, it);
            }
        }
        List<Item> top = new ArrayList<>();
        List<List<Item>> levels = new ArrayList<>(List.of(top));
        List<Group> groups = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            String type = r.get("type").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (type.isEmpty()) {
                if (!r.cells().isEmpty()) {
                    error(s, r.number(), "this row has no type");
                }
                continue;
            }
            List<Item> level = levels.get(levels.size() - 1);
            switch (type) {
                case "begin group", "begin_group" -> {
                    Item g = named(s, r);
                    Condition rel = relevance(s, r, g);
                    groups.add(new Group(r.get("name"), rel, false));
                    Map<String, String> label = texts(r, "label", s);
                    if (!label.isEmpty() && g != null) {
                        // a group's title is shown in the chat as a message before its questions
                        g.kind = Kind.MESSAGE;
                        g.text = label;
                        g.relevant = groupRelevance(groups);
                        g.block = blockOf(groups);
                        level.add(g);
                    }
                    continue;
                }
                case "end group", "end_group" -> {
                    if (groups.isEmpty() || groups.get(groups.size() - 1).repeat()) {
                        error(s, r.number(), "end group without its begin group");
                    } else {
                        groups.remove(groups.size() - 1);
                    }
                    continue;
                }
                case "begin repeat", "begin_repeat" -> {
                    Item rep = named(s, r);
                    if (rep == null) {
                        continue;
                    }
                    if (levels.size() > 1) {
                        error(s, r.number(), "a repeat inside a repeat has no equivalent: a Buurtstem repeat group cannot hold another");
                    }
                    rep.kind = Kind.REPEAT;
                    rep.text = texts(r, "label", s);
                    rep.relevant = relevance(s, r, rep);
                    rep.relevant = and(groupRelevance(groups), rep.relevant);
                    rep.block = blockOf(groups);
                    rep.extraTexts.put("more", texts(r, "more", s));
                    if (rep.extraTexts.get("more").isEmpty()) {
                        for (String l : languages) {
                            rep.extraTexts.get("more").put(l, Languages.word(Languages.MORE, l));
                        }
                    }
                    String count = r.has("repeat_count") ? r.get("repeat_count") : r.get("max");
                    if (!count.isEmpty()) {
                        if (count.matches("[0-9]+") && Integer.parseInt(count) > 0) {
                            rep.max = count;
                        } else {
                            error(s, r.number(), "repeat_count '" + count + "' has no equivalent: only a fixed number of rounds is read"
                                    + " (Buurtstem asks 'another one?' after each round, up to that number)");
                        }
                    }
                    common(s, r, rep);
                    level.add(rep);
                    levels.add(rep.children);
                    groups.add(new Group(r.get("name"), null, true));
                    continue;
                }
                case "end repeat", "end_repeat" -> {
                    if (levels.size() == 1 || !groups.get(groups.size() - 1).repeat()) {
                        error(s, r.number(), "end repeat without its begin repeat (or a group inside it is not ended)");
                    } else {
                        levels.remove(levels.size() - 1);
                        groups.remove(groups.size() - 1);
                    }
                    continue;
                }
                default -> {
                }
            }
            if (METADATA.contains(type)) {
                warning(s, r.number(), "'" + type + "' is device metadata that a chat does not have; it is left out");
                continue;
            }
            Item it = named(s, r);
            if (it == null) {
                continue;
            }
            if (truth(r.get("relevant")) == Boolean.FALSE) {
                warning(s, r.number(), "relevant '" + r.get("relevant") + "' never holds: the question is never asked, and is left out");
                continue;
            }
            if (!question(s, r, type, it)) {
                continue;
            }
            it.relevant = and(groupRelevance(groups), relevance(s, r, it));
            if (it.block == null) {
                it.block = blockOf(groups);
            }
            level.add(it);
            if (it.orOther) {
                level.add(otherText(it));
            }
        }
        if (!groups.isEmpty()) {
            error(s, s.rows().isEmpty() ? 1 : s.rows().get(s.rows().size() - 1).number(),
                    "the " + (groups.get(groups.size() - 1).repeat() ? "repeat" : "group") + " '"
                            + groups.get(groups.size() - 1).name() + "' is never ended");
        }
        return top;
    }

    private Item named(Sheet s, Sheet.Row r) {
        String name = r.get("name");
        if (name.isEmpty()) {
            error(s, r.number(), "this " + r.get("type") + " row has no name");
            return null;
        }
        Item it = byName.get(name);
        if (it.row != 0) {
            error(s, r.number(), "the name '" + name + "' is used before, on row " + it.row);
            return null;
        }
        it.row = r.number();
        return it;
    }

    /** Reads a question row into {@code it}; false (with a problem) when the type has no equivalent. */
    private boolean question(Sheet s, Sheet.Row r, String type, Item it) {
        String t = type;
        if (t.endsWith(" or_other") || t.endsWith(" or specify other")) {
            it.orOther = true;
            t = t.substring(0, t.lastIndexOf(" or"));
        }
        String[] words = t.split(" ");
        String list = null;
        if (words.length == 2 && (words[0].equals("select_one") || words[0].equals("select_multiple"))) {
            it.kind = words[0].equals("select_one") ? Kind.SINGLE_CHOICE : Kind.MULTIPLE_CHOICE;
            list = words[1];
        } else if (t.startsWith("select one from ") || t.startsWith("select all that apply from ")
                || t.startsWith("select multiple from ")) {
            it.kind = t.startsWith("select one") ? Kind.SINGLE_CHOICE : Kind.MULTIPLE_CHOICE;
            list = t.substring(t.lastIndexOf(' ') + 1);
        } else {
            switch (t) {
                case "text" -> it.kind = Kind.FREE_TEXT;
                case "integer", "int" -> it.kind = Kind.NUMBER;
                case "decimal" -> {
                    it.kind = Kind.NUMBER;
                    it.integer = false;
                }
                case "geopoint" -> it.kind = Kind.LOCATION;
                case "image", "photo" -> it.kind = Kind.PHOTO;
                case "note" -> it.kind = Kind.MESSAGE;
                case "acknowledge" -> {
                    it.kind = Kind.MESSAGE;
                    if (!native_) {
                        warning(s, r.number(), "acknowledge is shown as a message: the resident is not asked to press OK");
                    }
                }
                case "range" -> it.kind = Kind.SCALE;
                case "phone number", "phone_number" -> {
                    it.kind = Kind.FREE_TEXT;
                    it.coded = false;
                    warning(s, r.number(), "'phone number' is read as a free text (not coded into themes); Buurtstem does not check phone numbers");
                }
                default -> {
                    error(s, r.number(), "the type '" + r.get("type") + "' has no Buurtstem equivalent (read are: text, integer,"
                            + " decimal, select_one, select_multiple, or_other, geopoint, image, note, acknowledge, range,"
                            + " begin/end group, begin/end repeat)");
                    return false;
                }
            }
        }
        if (it.orOther && it.kind != Kind.SINGLE_CHOICE && it.kind != Kind.MULTIPLE_CHOICE) {
            error(s, r.number(), "or_other only works with select_one and select_multiple");
        }
        // the one Buurtstem column any XLSForm may carry: kind: consent on an acknowledge row asks for consent
        if (r.has("kind")) {
            Kind k = Kind.fromYaml(r.get("kind"));
            if (k == null) {
                error(s, r.number(), "unknown kind '" + r.get("kind") + "'");
            } else {
                it.kind = k;
            }
        }
        it.text = texts(r, "label", s);
        if (list != null) {
            it.list = list;
            List<Choice> options = lists.get(list);
            if (options == null) {
                error(s, r.number(), "the choice list '" + list + "' is not on the choices sheet");
            } else {
                it.options.addAll(options);
            }
            if (it.orOther) {
                Map<String, String> other = new LinkedHashMap<>();
                for (String l : languages) {
                    other.put(l, Languages.word(Languages.OTHER, l));
                }
                it.options.add(new Choice("other", "other", other, "", "", "", r.number()));
            }
        }
        if (r.has("choice_filter")) {
            error(s, r.number(), "choice_filter '" + r.get("choice_filter") + "' is refused: Buurtstem shows every option"
                    + " of a list; split the list into one list per case and route to the right question instead");
        }
        if (r.has("calculation")) {
            error(s, r.number(), "calculation has no equivalent: a Buurtstem questionnaire computes nothing");
        }
        if (r.has("trigger")) {
            error(s, r.number(), "trigger has no equivalent: a Buurtstem questionnaire recalculates nothing");
        }
        if (r.has("default")) {
            warning(s, r.number(), "the default '" + r.get("default") + "' is left out: a chat does not fill in an answer for the resident");
        }
        if (r.has("read_only") && truth(r.get("read_only")) != Boolean.FALSE) {
            error(s, r.number(), "read_only has no equivalent: a question in a chat is always answered by the resident");
        }
        if (it.kind == Kind.SCALE && !native_) {
            range(s, r, it);
        } else if (r.has("parameters") && !native_) {
            warning(s, r.number(), "parameters '" + r.get("parameters") + "' are left out (read only for range)");
        }
        if (r.has("constraint")) {
            constraint(s, r, it);
        }
        if (r.has("required")) {
            Boolean b = truth(r.get("required"));
            if (b == null) {
                error(s, r.number(), "required '" + r.get("required") + "' is neither yes nor no (a condition here has no equivalent)");
            } else {
                it.required = b;
            }
        } else if (!native_ && it.kind.isQuestion() && it.kind != Kind.CONSENT) {
            it.required = false; // XLSForm questions are optional unless required says otherwise
        }
        common(s, r, it);
        return true;
    }

    /** The Buurtstem columns of a native workbook and the hint (help) of every workbook. */
    private void common(Sheet s, Sheet.Row r, Item it) {
        it.help = texts(r, "hint", s);
        if (!native_) {
            return;
        }
        for (String key : List.of("yes", "no", "refused_text")) {
            Map<String, String> t = texts(r, key, s);
            if (!t.isEmpty()) {
                it.extraTexts.put(key, t);
            }
        }
        if (it.kind == Kind.REPEAT) {
            Map<String, String> more = texts(r, "more", s);
            if (!more.isEmpty()) {
                it.extraTexts.put("more", more);
            }
        }
        it.next = r.has("next") ? r.get("next") : null;
        it.routes = r.has("routes") ? r.get("routes").replaceAll("[\\r\\n]+", " ") : null;
        it.segment = r.has("segment") ? r.get("segment") : null;
        it.block = r.has("block") ? r.get("block") : null;
        it.coded = r.has("coded") ? truth(r.get("coded")) : it.coded;
        if (r.has("min")) {
            it.min = r.get("min");
        }
        if (r.has("max")) {
            it.max = r.get("max");
        }
        if (r.has("integer")) {
            it.integer = truth(r.get("integer"));
        }
        if (r.has("labels")) {
            it.labelsList = r.get("labels");
        }
    }

    private static Boolean truth(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "true()", "1" -> true;
            case "no", "false", "false()", "0" -> false;
            default -> null;
        };
    }

    private void range(Sheet s, Sheet.Row r, Item it) {
        Map<String, String> p = new HashMap<>();
        for (String part : r.get("parameters").split("[\\s;,]+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                p.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        String start = p.getOrDefault("start", "1");
        String end = p.getOrDefault("end", "10");
        String step = p.getOrDefault("step", "1");
        if (!start.matches("-?[0-9]+") || !end.matches("-?[0-9]+") || !step.equals("1")) {
            error(s, r.number(), "range parameters '" + r.get("parameters") + "' have no equivalent: a scale has whole"
                    + " start and end values and step 1");
            return;
        }
        it.min = start;
        it.max = end;
        if (p.containsKey("labels")) {
            it.labelsList = p.get("labels");
        }
    }

    /** A constraint is read only when it bounds the answer: {@code . >= 0 and . <= 120}, {@code count-selected(.) <= 3}. */
    private void constraint(Sheet s, Sheet.Row r, Item it) {
        String c = r.get("constraint");
        String why = null;
        try {
            Expression e = Expression.parse(c);
            List<Expression> parts = e instanceof Expression.And a ? a.parts() : List.of(e);
            for (Expression part : parts) {
                why = bound(part, it);
                if (why != null) {
                    break;
                }
            }
        } catch (Expression.Untranslatable u) {
            why = u.getMessage();
        }
        if (why != null) {
            error(s, r.number(), "constraint '" + c + "' cannot be translated: " + why
                    + " (read are bounds on the answer, e.g. . >= 0 and . <= 120, or count-selected(.) <= 3)");
        }
    }

    private String bound(Expression part, Item it) {
        boolean integer = it.integer == null || it.integer;
        if (part instanceof Expression.Compare c && c.ref().equals(".") && !c.quoted() && it.kind == Kind.NUMBER) {
            double v = Double.parseDouble(c.literal());
            switch (c.op()) {
                case ">=" -> it.min = YamlText.number(v);
                case "<=" -> it.max = YamlText.number(v);
                case ">" -> {
                    if (!integer || v != Math.rint(v)) {
                        return "'> " + c.literal() + "' on a decimal has no equivalent (write >=)";
                    }
                    it.min = YamlText.number(v + 1);
                }
                case "<" -> {
                    if (!integer || v != Math.rint(v)) {
                        return "'< " + c.literal() + "' on a decimal has no equivalent (write <=)";
                    }
                    it.max = YamlText.number(v - 1);
                }
                default -> {
                    return "'" + c.op() + "' is not a bound";
                }
            }
            return null;
        }
        if (part instanceof Expression.CountSelected c && c.ref().equals(".") && it.kind == Kind.MULTIPLE_CHOICE) {
            switch (c.op()) {
                case ">=" -> it.min = YamlText.number(c.count());
                case "<=" -> it.max = YamlText.number(c.count());
                case ">" -> it.min = YamlText.number(c.count() + 1);
                case "<" -> it.max = YamlText.number(c.count() - 1);
                default -> {
                    return "'" + c.op() + "' is not a bound";
                }
            }
            return null;
        }
        return "only bounds on the question's own answer are read";
    }

    private Condition relevance(Sheet s, Sheet.Row r, Item it) {
        if (!r.has("relevant")) {
            return null;
        }
        String text = r.get("relevant");
        if (truth(text) == Boolean.TRUE) {
            return null; // always relevant
        }
        if (native_) {
            error(s, r.number(), "relevant is not read in a workbook that routes with next and routes; write the condition under routes");
            return null;
        }
        try {
            return condition(Expression.parse(text));
        } catch (Expression.Untranslatable u) {
            error(s, r.number(), "relevant '" + text + "' cannot be translated: " + u.getMessage()
                    + " (read are selected(${x}, 'a'), ${x} = 'a', comparisons with numbers, and, or, not, parentheses)");
            return null;
        }
    }

    /** An expression as a declarative condition on the questions' ids and option ids. */
    private Condition condition(Expression e) throws Expression.Untranslatable {
        switch (e) {
            case Expression.And a -> {
                List<Condition> parts = new ArrayList<>();
                for (Expression x : a.parts()) {
                    parts.add(condition(x));
                }
                return new Condition.All(parts, 0);
            }
            case Expression.Or o -> {
                List<Condition> parts = new ArrayList<>();
                for (Expression x : o.parts()) {
                    parts.add(condition(x));
                }
                return new Condition.Any(parts, 0);
            }
            case Expression.Not n -> {
                return new Condition.Not(condition(n.inner()), 0);
            }
            case Expression.Selected sel -> {
                Item q = question(sel.ref());
                String option = optionId(q, sel.value());
                return q.kind == Kind.MULTIPLE_CHOICE ? new Condition.Contains(q.id, option, 0) : new Condition.Equals(q.id, option, 0);
            }
            case Expression.CountSelected c -> throw new Expression.Untranslatable("count-selected() is read only in a constraint");
            case Expression.Compare c -> {
                Item q = question(c.ref());
                boolean numeric = q.kind == Kind.NUMBER || q.kind == Kind.SCALE;
                if (c.quoted() && c.literal().isEmpty() && (c.op().equals("=") || c.op().equals("!="))) {
                    return new Condition.Answered(q.id, c.op().equals("!="), 0);
                }
                if (numeric && c.literal().matches("-?[0-9]*\\.?[0-9]+")) {
                    Condition.Op op = switch (c.op()) {
                        case "=" -> Condition.Op.EQ;
                        case "!=" -> Condition.Op.NE;
                        case "<" -> Condition.Op.LT;
                        case "<=" -> Condition.Op.LE;
                        case ">" -> Condition.Op.GT;
                        default -> Condition.Op.GE;
                    };
                    return new Condition.Compare(q.id, op, Double.parseDouble(c.literal()), 0);
                }
                if (!c.op().equals("=") && !c.op().equals("!=")) {
                    throw new Expression.Untranslatable("'" + c.op() + "' compares a number, but '" + c.ref() + "' is not a number question");
                }
                String value = q.kind.hasOptions() ? optionId(q, c.literal()) : c.literal();
                Condition eq = new Condition.Equals(q.id, value, 0);
                return c.op().equals("=") ? eq : new Condition.Not(eq, 0);
            }
        }
    }

    private Item question(String ref) throws Expression.Untranslatable {
        if (ref.equals(".")) {
            throw new Expression.Untranslatable("'.' (the question itself) only means something in a constraint");
        }
        Item q = byName.get(ref);
        if (q == null) {
            throw new Expression.Untranslatable("${" + ref + "} names no question of this form");
        }
        if (q.kind == null) {
            throw new Expression.Untranslatable("${" + ref + "} is used before its row, or is not a question Buurtstem asks");
        }
        return q;
    }

    private String optionId(Item q, String name) throws Expression.Untranslatable {
        for (Choice c : q.options) {
            if (c.name().equals(name)) {
                return c.id();
            }
        }
        throw new Expression.Untranslatable("'" + name + "' is not a choice of ${" + q.name + "}");
    }

    private static Condition and(Condition a, Condition b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Condition.All(List.of(a, b), 0);
    }

    /**
     * The conditions of the groups a row is in, from the innermost repeat on: the groups around a repeat decide
     * whether the repeat starts, so its rounds do not test them again.
     */
    private static Condition groupRelevance(List<Group> groups) {
        int from = 0;
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).repeat()) {
                from = i + 1;
            }
        }
        Condition c = null;
        for (Group g : groups.subList(from, groups.size())) {
            c = and(c, g.relevant());
        }
        return c;
    }

    private static String blockOf(List<Group> groups) {
        for (int i = groups.size() - 1; i >= 0; i--) {
            if (!groups.get(i).repeat()) {
                return groups.get(i).name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            }
        }
        return null;
    }

    /** or_other: the free text asked when "other" was chosen, as XLSForm's ${name}_other. */
    private Item otherText(Item choice) {
        Item t = new Item();
        t.row = choice.row;
        t.name = choice.name + "_other";
        t.id = freeId(choice.id + "_other");
        t.kind = Kind.FREE_TEXT;
        t.required = false;
        for (String l : languages) {
            t.text.put(l, Languages.word(Languages.SPECIFY, l));
        }
        Condition chosen = choice.kind == Kind.MULTIPLE_CHOICE ? new Condition.Contains(choice.id, "other", 0)
                : new Condition.Equals(choice.id, "other", 0);
        t.relevant = and(choice.relevant, chosen);
        t.block = choice.block;
        byName.putIfAbsent(t.name, t);
        return t;
    }

    // ---- writing the YAML ---------------------------------------------------------------------------------------

    private void writeTop(YamlText y, Sheet settings, Sheet.Row set, Sheet survey) {
        String place = (settings == null ? survey.name() : settings.name()) + ":" + (settings == null ? 1 : set.number());
        y.place(place);
        String formId = set.get("form_id");
        String id = native_ ? formId : (formId.isEmpty() ? stem(file) : formId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        if (!id.isEmpty() && !Character.isLetter(id.charAt(0))) {
            id = "form_" + id;
        }
        y.line(0, "format: " + FormatVersion.CURRENT); // the YAML written is in this program's questionnaire format
        y.scalar(0, "id", id);
        String v = set.get("version");
        if (!native_ && !v.isEmpty() && !v.matches("[1-9][0-9]{0,8}")) {
            warning(settings, set.number(), "version '" + v + "' is not a small whole number; the questionnaire is version 1"
                    + " (Buurtstem numbers versions 1, 2, 3, ...)");
            v = "1";
        }
        y.scalar(0, "version", v.isEmpty() ? "1" : v);
        y.line(0, "languages: " + YamlText.flowList(List.copyOf(languages)));
        y.scalar(0, "default_language", defaultLanguage);
        Map<String, String> title = new LinkedHashMap<>();
        if (native_ && settings != null) {
            title.putAll(texts(set, "form_title", settings));
        } else {
            String t = set.get("form_title");
            title.put(defaultLanguage, pattern(t.isEmpty() ? (formId.isEmpty() ? stem(file) : formId) : t, survey, set));
        }
        writeText(y, 0, "title", title);
        if (native_ && settings != null) {
            Map<String, String> description = texts(set, "description", settings);
            if (!description.isEmpty()) {
                writeText(y, 0, "description", description);
            }
            for (String key : List.of("start")) {
                if (set.has(key)) {
                    y.scalar(0, key, set.get(key));
                }
            }
            for (String key : List.of("segments", "context")) {
                if (set.has(key)) {
                    y.line(0, key + ": " + YamlText.flowList(List.of(set.get(key).split("[\\s,]+"))));
                }
            }
            if (set.has("saturation")) {
                y.line(0, "saturation: " + set.get("saturation").replaceAll("[\\r\\n]+", " "));
            }
            Sheet texts = sheets.get("texts");
            if (texts != null && !texts.rows().isEmpty()) {
                y.line(0, "texts:");
                for (Sheet.Row r : texts.rows()) {
                    y.place(texts.name() + ":" + r.number());
                    writeText(y, 1, YamlText.quote(r.get("key")), texts(r, "label", texts));
                }
                y.place(place);
            }
        }
    }

    private static String stem(String file) {
        String n = java.nio.file.Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static void writeText(YamlText y, int indent, String key, Map<String, String> t) {
        if (t.size() == 1 && t.containsKey(be.buurtstem.engine.model.Text.ANY)) {
            y.scalar(indent, key, t.get(be.buurtstem.engine.model.Text.ANY));
        } else {
            y.text(indent, key, t);
        }
    }

    private void writeNodes(YamlText y, List<Item> items, int indent, boolean nested, String sheet) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (i == 0 && it.relevant != null && !native_) {
                problems.add(Problem.error(file + ":" + sheet, it.row, "the first question of the form" + (nested ? "'s repeat" : "")
                        + " cannot depend on relevant: the conversation always starts there (put a note before it)"));
            }
            y.place(sheet + ":" + it.row);
            y.line(indent, "- id: " + YamlText.quote(it.id));
            int in = indent + 1;
            y.scalar(in, "kind", it.kind.yamlName());
            if (!it.text.isEmpty() || it.kind != Kind.REPEAT) {
                writeText(y, in, "text", it.text.isEmpty() ? Map.of(be.buurtstem.engine.model.Text.ANY, "") : it.text);
            }
            if (!it.help.isEmpty()) {
                writeText(y, in, "help", it.help);
            }
            if (it.required != null && it.kind.isQuestion()) {
                y.scalar(in, "required", it.required.toString());
            }
            if (it.segment != null) {
                y.scalar(in, "segment", it.segment);
            }
            if (it.block != null && !it.block.isEmpty()) {
                y.scalar(in, "block", it.block);
            }
            if (it.coded != null && it.kind == Kind.FREE_TEXT) {
                y.scalar(in, "coded", it.coded.toString());
            }
            if (it.kind.hasOptions() && (it.list != null || !it.options.isEmpty())) {
                y.line(in, "options:");
                for (Choice c : it.options) {
                    y.place("choices:" + c.row());
                    y.line(in + 1, "- id: " + YamlText.quote(c.id()));
                    writeText(y, in + 2, "label", c.label());
                    if (!c.emoji().isEmpty()) {
                        y.scalar(in + 2, "emoji", c.emoji());
                    }
                    if (!c.exclusive().isEmpty()) {
                        y.scalar(in + 2, "exclusive", c.exclusive());
                    }
                    if (!c.means().isEmpty()) {
                        y.scalar(in + 2, "means", c.means());
                    }
                }
                y.place(sheet + ":" + it.row);
            }
            if (it.min != null) {
                y.scalar(in, "min", it.min);
            }
            if (it.max != null) {
                y.scalar(in, "max", it.max);
            }
            if (it.integer != null && it.kind == Kind.NUMBER) {
                y.scalar(in, "integer", it.integer.toString());
            }
            if (it.labelsList != null && it.kind == Kind.SCALE) {
                List<Choice> labels = lists.getOrDefault(it.labelsList, List.of());
                y.line(in, "labels:");
                for (Choice c : labels) {
                    writeText(y, in + 1, YamlText.quote(c.name()), c.label());
                }
            }
            it.extraTexts.forEach((key, t) -> {
                if (!t.isEmpty()) {
                    writeText(y, in, key, t);
                }
            });
            if (it.kind == Kind.REPEAT) {
                y.line(in, "nodes:");
                if (!it.children.isEmpty()) {
                    writeNodes(y, it.children, in + 1, true, sheet);
                    y.place(sheet + ":" + it.row);
                }
            }
            if (native_) {
                if (it.next != null) {
                    y.scalar(in, "next", it.next);
                }
                if (it.routes != null) {
                    y.line(in, "routes: " + it.routes);
                }
            } else if (it.kind != Kind.END) {
                linearRoutes(y, in, items, i, nested);
            }
        }
    }

    /**
     * XLSForm's linear order with {@code relevant}: from here go to the first later node whose condition holds.
     * Each conditional node after this one up to the first unconditional one is a route; that one is the next.
     */
    private void linearRoutes(YamlText y, int in, List<Item> items, int i, boolean nested) {
        List<String> routes = new ArrayList<>();
        String next = null;
        for (int j = i + 1; j < items.size(); j++) {
            Item later = items.get(j);
            if (later.relevant == null) {
                next = later.id;
                break;
            }
            routes.add("{when: " + YamlText.condition(later.relevant, List.of()) + ", goto: " + YamlText.quote(later.id) + "}");
        }
        if (next == null) {
            next = nested ? "_more" : "_end";
        }
        if (!routes.isEmpty()) {
            y.line(in, "routes: [" + String.join(", ", routes) + "]");
        }
        y.scalar(in, "next", next);
    }
}
