package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.bot.service.coding.ModelInUse;
import be.buurtstem.bot.service.coding.ModelRegistry;
import be.buurtstem.bot.service.store.ModelRecord;
import be.buurtstem.bot.service.store.Models;
import org.springframework.context.MessageSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The model versions side by side, as the models page shows them: one column per version (newest first, the keyword
 * coder last), its cross-validated micro and macro F1, its F1 per theme, whether it is in use and why — the
 * promotion rule's verdict in the page's words, from the figures the rule stored on the version's record.
 */
final class ModelVersions {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private ModelVersions() {
    }

    /** One version. {@code rollback}: it is older than the one in use, so putting it in use goes back. */
    record Column(int version, String name, String trainedAt, long analysed, long synthetic, String microF1,
                  String macroF1, int cvAnswers, String status, String statusText, String verdict, boolean inUse,
                  boolean rollback) {
    }

    /**
     * One theme's F1 per version, in the columns' order, with the number of scored answers that have it in brackets
     * ({@code —}: the version was not scored on an answer with it).
     */
    record ThemeRow(String theme, String label, List<String> f1) {
    }

    record Table(List<Column> columns, List<ThemeRow> themes, String inUseWhy) {
    }

    static Table build(ModelRegistry registry, int inUse, Optional<Models.Pointer> pointer, Map<String, String> labels,
                       MessageSource messages, Locale locale) {
        List<Column> columns = new ArrayList<>();
        List<Map<String, Double>> perTheme = new ArrayList<>();
        TreeSet<String> themes = new TreeSet<>();
        Map<String, Integer> supports = new java.util.HashMap<>();
        for (ModelRecord r : registry.list()) {
            Map<String, Object> cv = map(r.fields().get("cv"));
            Map<String, Double> f1 = new LinkedHashMap<>();
            if (cv != null && cv.get("perTheme") instanceof List<?> list) {
                for (Object o : list) {
                    Map<String, Object> t = map(o);
                    // a theme no scored answer has (support 0) has no F1 worth showing
                    if (t != null && t.get("theme") != null && t.get("f1") instanceof Number n
                            && t.get("support") instanceof Number support && support.intValue() > 0) {
                        f1.put(t.get("theme").toString(), n.doubleValue());
                        supports.put(t.get("theme").toString() + "\u0000" + r.version(), support.intValue());
                        themes.add(t.get("theme").toString());
                    }
                }
            }
            perTheme.add(f1);
            String status = ModelInUse.status(r, inUse);
            columns.add(new Column(r.version(), t(messages, locale, "analyst.models.version", r.version()),
                    when(r.trainedAt(), locale), Math.max(0, r.examples() - r.synthetic()), r.synthetic(),
                    figure(cv, "microF1", locale), figure(cv, "macroF1", locale),
                    cv != null && cv.get("answers") instanceof Number n ? n.intValue() : 0, status,
                    t(messages, locale, "analyst.models.status." + status), verdict(r, messages, locale),
                    r.version() == inUse, r.version() < inUse));
        }
        columns.add(new Column(0, t(messages, locale, "analyst.models.keywords"), "", 0, 0, "—", "—", 0,
                inUse == 0 ? "in_use" : "promoted",
                t(messages, locale, inUse == 0 ? "analyst.models.status.in_use" : "analyst.models.status.keywords"),
                t(messages, locale, "analyst.models.verdict.keywords"), inUse == 0, inUse != 0));
        List<ThemeRow> rows = new ArrayList<>();
        for (String theme : themes) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < perTheme.size(); i++) {
                Double v = perTheme.get(i).get(theme);
                cells.add(v == null ? "—" : format(v, locale) + " (" + supports.get(theme + "\u0000"
                        + columns.get(i).version()) + ")");
            }
            cells.add("—");
            rows.add(new ThemeRow(theme, labels.getOrDefault(theme, theme), cells));
        }
        return new Table(columns, rows, why(inUse, pointer, messages, locale));
    }

    /** Why the version in use is in use: the rule put it there, or an analyst did (who, when). */
    static String why(int inUse, Optional<Models.Pointer> pointer, MessageSource messages, Locale locale) {
        String name = inUse == 0 ? t(messages, locale, "analyst.models.keywords")
                : t(messages, locale, "analyst.models.version", inUse);
        if (pointer.isEmpty() || pointer.get().version() != inUse) {
            return t(messages, locale, inUse == 0 ? "analyst.models.why.coldStart" : "analyst.models.why.latest", name);
        }
        Models.Pointer p = pointer.get();
        String at = p.at() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(p.at().atZone(BRUSSELS));
        if (ModelInUse.BY_RULE.equals(p.by())) {
            return t(messages, locale, "analyst.models.why.rule", name, at);
        }
        return t(messages, locale, "analyst.models.why.analyst", name, p.by(), at);
    }

    /** The rule's verdict on a version, in the page's words, with the figures it compared. */
    static String verdict(ModelRecord r, MessageSource messages, Locale locale) {
        Map<String, Object> p = r.promotion();
        if (p == null) {
            return t(messages, locale, "analyst.models.verdict.beforeRule");
        }
        int compared = p.get("compared_with") instanceof Number n ? n.intValue() : 0;
        String with = compared == 0 ? t(messages, locale, "analyst.models.keywords")
                : t(messages, locale, "analyst.models.version", compared);
        int heldOut = p.get("held_out_answers") instanceof Number n ? n.intValue() : 0;
        Map<String, Object> mine = map(p.get("scores"));
        Map<String, Object> theirs = map(p.get("compared_scores"));
        boolean promoted = "promote".equals(p.get("decision"));
        if (mine == null || theirs == null) {
            return t(messages, locale, "analyst.models.verdict.tooFew", heldOut, with);
        }
        return t(messages, locale, promoted ? "analyst.models.verdict.promote" : "analyst.models.verdict.keep", heldOut,
                figure(mine, "microF1", locale), figure(theirs, "microF1", locale), with);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String figure(Map<String, Object> m, String field, Locale locale) {
        return m != null && m.get(field) instanceof Number n ? format(n.doubleValue(), locale) : "—";
    }

    private static String format(double v, Locale locale) {
        return String.format(locale, "%.2f", v);
    }

    private static String when(Object at, Locale locale) {
        Instant i = null;
        try {
            if (at instanceof java.util.Date d) {
                i = d.toInstant();
            } else if (at instanceof Number n) {
                double x = n.doubleValue();
                i = Instant.ofEpochMilli(Math.round(x < 1e11 ? x * 1000 : x));
            } else if (at != null) {
                i = Instant.parse(at.toString());
            }
        } catch (RuntimeException e) {
            return "";
        }
        return i == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(i.atZone(BRUSSELS));
    }

    private static String t(MessageSource m, Locale locale, String key, Object... args) {
        return m.getMessage(key, args, locale);
    }
}
