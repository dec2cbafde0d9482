package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Route;
import be.buurtstem.engine.model.Text;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Questionnaire → XLSForm workbook ({@code survey}, {@code choices}, {@code settings}, and {@code texts} for
 * overridden system texts). The standard columns say what any XLSForm tool understands (type, name,
 * {@code label::Nederlands (nl)}, hint, required); the Buurtstem columns keep what XLSForm has no word for
 * (routes between nodes, consent, scale, segments, ...), and the settings column {@code buurtstem} tells
 * {@link XlsFormReader} to read them back, so that a round trip keeps the questionnaire's meaning. Texts are written
 * as the ICU patterns they are.
 */
public final class XlsFormWriter {
    private final Questionnaire q;
    private final List<String> tags = new ArrayList<>();
    private final List<Map<String, String>> survey = new ArrayList<>();
    private final List<Map<String, String>> choices = new ArrayList<>();

    private XlsFormWriter(Questionnaire q) {
        this.q = q;
        LinkedHashSet<String> all = new LinkedHashSet<>(q.languages());
        collectTags(q, all);
        tags.addAll(all);
    }

    /** The workbook's bytes. */
    public static byte[] write(Questionnaire q) {
        return new XlsFormWriter(q).workbook();
    }

    private static void collectTags(Questionnaire q, LinkedHashSet<String> out) {
        List<Text> texts = new ArrayList<>();
        texts.add(q.title());
        texts.add(q.description());
        texts.addAll(q.texts().values());
        collect(q.nodes(), texts);
        for (Text t : texts) {
            if (t != null && !t.neutral()) {
                out.addAll(t.patterns().keySet());
            }
        }
    }

    private static void collect(List<Node> nodes, List<Text> out) {
        for (Node n : nodes) {
            out.addAll(java.util.Arrays.asList(n.text(), n.help(), n.yes(), n.no(), n.refused(), n.more()));
            n.options().forEach(o -> out.add(o.label()));
            out.addAll(n.labels().values());
            collect(n.nodes(), out);
        }
    }

    private byte[] workbook() {
        nodes(q.nodes());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> surveyColumns = columns(survey, List.of("type", "name", "kind", "label"), List.of("label", "hint"));
            sheet(wb, "survey", surveyColumns, survey);
            sheet(wb, "choices", columns(choices, List.of("list_name", "name", "label"), List.of("label")), choices);
            Map<String, String> settings = settings();
            sheet(wb, "settings", new ArrayList<>(settings.keySet()), List.of(settings));
            if (!q.texts().isEmpty()) {
                List<Map<String, String>> rows = new ArrayList<>();
                new TreeMap<>(q.texts()).forEach((key, t) -> {
                    Map<String, String> r = new LinkedHashMap<>();
                    r.put("key", key);
                    text(r, "label", t);
                    rows.add(r);
                });
                sheet(wb, "texts", columns(rows, List.of("key", "label"), List.of("label")), rows);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    /** The columns rows use: the leading ones first, each text's language columns after its plain column. */
    private List<String> columns(List<Map<String, String>> rows, List<String> leading, List<String> texts) {
        LinkedHashSet<String> used = new LinkedHashSet<>();
        rows.forEach(r -> used.addAll(r.keySet()));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String c : leading) {
            if (used.contains(c) || c.equals("type") || c.equals("name") || c.equals("list_name")) {
                out.add(c);
            }
            if (texts.contains(c)) {
                for (String t : tags) {
                    out.add(c + "::" + Languages.header(t));
                }
            }
        }
        for (String c : used) {
            String base = c.contains("::") ? c.substring(0, c.indexOf("::")) : c;
            if (texts.contains(base) && !out.contains(base)) {
                if (used.contains(base)) {
                    out.add(base);
                }
                for (String t : tags) {
                    out.add(base + "::" + Languages.header(t));
                }
            }
            out.add(c);
        }
        return new ArrayList<>(out);
    }

    private static void sheet(XSSFWorkbook wb, String name, List<String> columns, List<Map<String, String>> rows) {
        Sheet s = wb.createSheet(name);
        Row header = s.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r + 1);
            for (int i = 0; i < columns.size(); i++) {
                String v = rows.get(r).get(columns.get(i));
                if (v != null && !v.isEmpty()) {
                    row.createCell(i).setCellValue(v); // always text: "1" stays "1", never a number 1.0
                }
            }
        }
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("form_id", q.id());
        s.put("version", Integer.toString(q.version()));
        text(s, "form_title", q.title());
        if (q.description() != null) {
            text(s, "description", q.description());
        }
        s.put("default_language", q.defaultLanguage());
        s.put("languages", String.join(" ", q.languages()));
        if (q.start() != null) {
            s.put("start", q.start());
        }
        if (!q.segments().isEmpty()) {
            s.put("segments", String.join(" ", q.segments()));
        }
        if (!q.context().isEmpty()) {
            s.put("context", String.join(" ", q.context()));
        }
        if (!q.saturation().isEmpty()) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(q.saturation()).forEach((k, v) -> parts.add(k + ": " + YamlText.number(v)));
            s.put("saturation", "{" + String.join(", ", parts) + "}");
        }
        s.put(XlsFormReader.MARK, "1");
        return s;
    }

    /** A text into {@code base::Language (tag)} columns, or the plain {@code base} column for a neutral text. */
    private void text(Map<String, String> row, String base, Text t) {
        if (t == null) {
            return;
        }
        if (t.neutral()) {
            row.put(base, t.patterns().get(Text.ANY));
            return;
        }
        for (String tag : tags) { // in the questionnaire's language order (a text's own map has none)
            if (t.patterns().containsKey(tag)) {
                row.put(base + "::" + Languages.header(tag), t.patterns().get(tag));
            }
        }
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("type", type(n));
            r.put("name", n.id());
            r.put("kind", n.kind().yamlName());
            text(r, "label", n.text());
            text(r, "hint", n.help());
            if (n.kind().isQuestion()) {
                r.put("required", n.required() ? "yes" : "no");
            }
            put(r, "segment", n.segment());
            put(r, "block", n.block());
            if (n.kind() == Kind.FREE_TEXT && !n.coded()) {
                r.put("coded", "no");
            }
            if (n.min() != null) {
                r.put("min", YamlText.number(n.min()));
            }
            if (n.max() != null) {
                r.put("max", YamlText.number(n.max()));
            }
            if (n.kind() == Kind.NUMBER) {
                r.put("integer", n.integer() ? "yes" : "no");
            }
            text(r, "yes", n.yes());
            text(r, "no", n.no());
            text(r, "refused_text", n.refused());
            text(r, "more", n.more());
            put(r, "next", n.next());
            if (!n.routes().isEmpty()) {
                List<String> routes = new ArrayList<>();
                for (Route route : n.routes()) {
                    routes.add("{when: " + YamlText.condition(route.when(), q.context()) + ", goto: " + YamlText.quote(route.target()) + "}");
                }
                r.put("routes", "[" + String.join(", ", routes) + "]");
            }
            for (Option o : n.options()) {
                Map<String, String> c = new LinkedHashMap<>();
                c.put("list_name", n.id());
                c.put("name", o.id());
                text(c, "label", o.label());
                put(c, "emoji", o.emoji());
                if (o.exclusive()) {
                    c.put("exclusive", "true");
                }
                put(c, "means", o.means());
                choices.add(c);
            }
            if (n.kind() == Kind.SCALE && !n.labels().isEmpty()) {
                r.put("labels", n.id());
                new TreeMap<>(n.labels()).forEach((value, label) -> {
                    Map<String, String> c = new LinkedHashMap<>();
                    c.put("list_name", n.id());
                    c.put("name", Integer.toString(value));
                    text(c, "label", label);
                    choices.add(c);
                });
            }
            survey.add(r);
            if (n.kind() == Kind.REPEAT) {
                nodes(n.nodes());
                Map<String, String> end = new LinkedHashMap<>();
                end.put("type", "end_repeat");
                survey.add(end);
            }
        }
    }

    private static void put(Map<String, String> row, String key, String value) {
        if (value != null && !value.isEmpty()) {
            row.put(key, value);
        }
    }

    /** The XLSForm type other tools read; the {@code kind} column is what Buurtstem reads back. */
    private static String type(Node n) {
        return switch (n.kind()) {
            case MESSAGE, LANGUAGE, END -> "note";
            case CONSENT -> "acknowledge";
            case SINGLE_CHOICE -> "select_one " + n.id();
            case MULTIPLE_CHOICE -> "select_multiple " + n.id();
            case FREE_TEXT -> "text";
            case SCALE -> "range";
            case NUMBER -> n.integer() ? "integer" : "decimal";
            case LOCATION -> "geopoint";
            case PHOTO -> "image";
            case REPEAT -> "begin_repeat";
        };
    }
}
