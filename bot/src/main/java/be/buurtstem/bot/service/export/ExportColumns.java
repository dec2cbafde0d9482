package be.buurtstem.bot.service.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of the tabular exports (CSV, the XLSX answers sheet) and of JSON Lines' field names, in the answer-file
 * record format of DESIGN.md that {@code code} and {@code saturation} read: the standard fields first
 * ({@code id, text, respondent, question, language, themes}), this export's own fields and the segment fields in the
 * middle (read back as segment fields), {@code received_at, scores} last. One place, so every format agrees.
 */
public final class ExportColumns {
    public static final List<String> LEADING = List.of("id", "text", "respondent", "question", "language", "themes");
    public static final List<String> OWN = List.of("questionnaire", "version", "round", "kind", "block", "channel",
            "value", "label", "latitude", "longitude", "detected_language", "confirmed");
    public static final List<String> TRAILING = List.of("received_at", "scores");
    private static final Set<String> RESERVED = reserved();

    private final List<String> segments;
    private final List<String> all;

    /** The columns for these segment fields (a segment named like a standard column is left out: it is there). */
    public ExportColumns(Collection<String> segmentNames) {
        this.segments = segmentNames.stream().filter(s -> !RESERVED.contains(s)).sorted().distinct().toList();
        List<String> a = new ArrayList<>(LEADING);
        a.addAll(OWN);
        a.addAll(segments);
        a.addAll(TRAILING);
        this.all = List.copyOf(a);
    }

    public List<String> names() {
        return all;
    }

    public List<String> segments() {
        return segments;
    }

    /** The row as cell texts, one per column: lists joined by {@code ;}, scores as {@code theme=0.8123;...}. */
    public List<String> cells(ExportRow r) {
        List<String> c = new ArrayList<>(all.size());
        c.add(r.id());
        c.add(text(r.text()));
        c.add(text(r.respondent()));
        c.add(text(r.question()));
        c.add(text(r.language()));
        c.add(r.themes() == null ? "" : String.join(";", r.themes()));
        c.add(text(r.questionnaire()));
        c.add(String.valueOf(r.version()));
        c.add(String.valueOf(r.round()));
        c.add(text(r.kind()));
        c.add(text(r.block()));
        c.add(text(r.channel()));
        c.add(value(r.value()));
        c.add(value(r.label()));
        c.add(r.latitude() == null ? "" : r.latitude().toString());
        c.add(r.longitude() == null ? "" : r.longitude().toString());
        c.add(text(r.detectedLanguage()));
        c.add(String.valueOf(r.reviewed()));
        for (String s : segments) {
            c.add(text(r.segments().get(s)));
        }
        c.add(r.receivedAt() == null ? "" : r.receivedAt().toString());
        c.add(r.scores().entrySet().stream().map(e -> e.getKey() + "=" + round(e.getValue()).toPlainString())
                .collect(Collectors.joining(";")));
        return c;
    }

    /** A value as one cell: a list as its items joined by {@code ;} (as themes), anything else as its text. */
    static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(v);
    }

    static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Set<String> reserved() {
        List<String> r = new ArrayList<>(LEADING);
        r.addAll(OWN);
        r.addAll(TRAILING);
        r.add("synthetic");
        return Set.copyOf(r);
    }
}
