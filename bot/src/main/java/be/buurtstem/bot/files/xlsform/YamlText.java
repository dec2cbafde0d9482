package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.model.Condition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the questionnaire YAML that the engine's loader reads, line by line, and remembers which spreadsheet row
 * each line came from, so that the loader's and validator's {@code FILE:LINE} problems can be told as
 * {@code FILE:SHEET:ROW}. Every scalar is double-quoted (JSON escapes are valid YAML): no value can change the
 * structure, and {@code yes}/{@code no}/{@code 1} stay strings.
 */
final class YamlText {
    private final StringBuilder out = new StringBuilder();
    private final TreeMap<Integer, String> places = new TreeMap<>();
    private int line = 1;

    /** From the next line on, problems belong to this place (e.g. {@code survey:12}). */
    void place(String place) {
        places.put(line, place);
    }

    void line(int indent, String content) {
        out.append("  ".repeat(indent)).append(content).append('\n');
        line++;
    }

    /** {@code key: "value"}. */
    void scalar(int indent, String key, String value) {
        line(indent, key + ": " + quote(value));
    }

    /** {@code key:} followed by one {@code tag: "pattern"} line per language, in the order given. */
    void text(int indent, String key, Map<String, String> byLanguage) {
        line(indent, key + ":");
        // keys quoted too: a '*' (neutral) or odd tag from a workbook is then a loader problem, never YAML syntax
        byLanguage.forEach((lang, pattern) -> scalar(indent + 1, quote(lang), pattern));
    }

    String text() {
        return out.toString();
    }

    /** Yaml line → the place written before it (the nearest earlier {@link #place}). */
    TreeMap<Integer, String> places() {
        return places;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String flowList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(YamlText::quote).toList()) + "]";
    }

    /**
     * A condition as a YAML flow mapping in the questionnaire format ({@code {question: x, equals: "a"}}); names
     * in {@code context} are respondent-context parameters and are written as {@code context:}.
     */
    static String condition(Condition c, List<String> context) {
        return switch (c) {
            case Condition.All a -> "{all: [" + String.join(", ", a.conditions().stream().map(x -> condition(x, context)).toList()) + "]}";
            case Condition.Any a -> "{any: [" + String.join(", ", a.conditions().stream().map(x -> condition(x, context)).toList()) + "]}";
            case Condition.Not n -> "{not: " + condition(n.condition(), context) + "}";
            case Condition.LanguageIs l -> "{language: " + flowList(l.languages()) + "}";
            case Condition.Equals e -> leaf(e.question(), context, "equals", quote(e.value()));
            case Condition.In i -> leaf(i.question(), context, "in", flowList(i.values()));
            case Condition.Contains k -> leaf(k.question(), context, "contains", quote(k.value()));
            case Condition.Compare k -> leaf(k.question(), context, k.op().name().toLowerCase(java.util.Locale.ROOT), number(k.value()));
            case Condition.Answered a -> leaf(a.question(), context, "answered", Boolean.toString(a.expected()));
            case Condition.Skipped s -> leaf(s.question(), context, "skipped", Boolean.toString(s.expected()));
        };
    }

    private static String leaf(String name, List<String> context, String op, String value) {
        return "{" + (context.contains(name) ? "context" : "question") + ": " + quote(name) + ", " + op + ": " + value + "}";
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
