package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.bot.service.saturation.ScopeSettings.MakeUpField;
import be.buurtstem.bot.service.saturation.ScopeSettings.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The neighbourhood's make-up for one segment field as an organiser types it: one group a line, its name and a
 * number, either shares in percent ({@code nl 40 %}) or numbers of inhabitants ({@code Noord 3 200}). Percent shares
 * must add up to 100 (give or take one for rounding); numbers of inhabitants are turned into shares by the
 * analysis. Problems come back as message keys with arguments, each naming the line, so the page can say in plain
 * words what to fix; nothing is stored while there is one.
 */
final class MakeUpForm {
    static final int MAX_LINES = 60;
    static final int MAX_NAME = 60;
    /** name, then an optional sign, a number (thousands may be grouped by a space or a dot), an optional % */
    private static final Pattern LINE = Pattern.compile(
            "^(.+?)[\\s:=]+(-?)\\s*(\\d{1,3}(?:[ .\\u00a0\\u202f]\\d{3})+|\\d+)(?:[.,](\\d+))?\\s*(%?)$");

    private MakeUpForm() {
    }

    /** A problem: a {@code saturation.makeUp.error.*} key and its arguments. */
    record Problem(String key, List<Object> args) {
    }

    /** The parsed field (null when the text is empty: the field is cleared) or the problems. */
    record Result(MakeUpField field, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        int percentLines = 0;
        int plainLines = 0;
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (++n > MAX_LINES) {
                problems.add(new Problem("saturation.makeUp.error.tooMany", List.of(MAX_LINES)));
                break;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(new Problem("saturation.makeUp.error.line", List.of(lineNo, line)));
                continue;
            }
            String name = m.group(1).strip();
            if (name.length() > MAX_NAME) {
                problems.add(new Problem("saturation.makeUp.error.long", List.of(lineNo, MAX_NAME)));
                continue;
            }
            if (!m.group(2).isEmpty()) {
                problems.add(new Problem("saturation.makeUp.error.negative", List.of(lineNo, name)));
                continue;
            }
            double number = Double.parseDouble(m.group(3).replaceAll("[ .\\u00a0\\u202f]", "")
                    + (m.group(4) == null ? "" : "." + m.group(4)));
            boolean percent = !m.group(5).isEmpty();
            if (percent) {
                percentLines++;
                if (number > 100) {
                    problems.add(new Problem("saturation.makeUp.error.over100", List.of(lineNo, name)));
                    continue;
                }
            } else {
                plainLines++;
            }
            if (values.containsKey(name)) {
                problems.add(new Problem("saturation.makeUp.error.twice", List.of(lineNo, name)));
                continue;
            }
            values.put(name, number);
        }
        if (percentLines > 0 && plainLines > 0) {
            problems.add(new Problem("saturation.makeUp.error.mixed", List.of()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        if (values.isEmpty()) {
            return new Result(null, List.of());
        }
        double sum = values.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum <= 0) {
            return new Result(null, List.of(new Problem("saturation.makeUp.error.zero", List.of())));
        }
        if (percentLines > 0 && Math.abs(sum - 100) > 1 + 1e-9) {
            return new Result(null, List.of(new Problem("saturation.makeUp.error.sum",
                    List.of(String.format(Locale.ROOT, "%s", number(sum))))));
        }
        return new Result(new MakeUpField(percentLines > 0 ? Unit.PERCENT : Unit.PEOPLE, values), List.of());
    }

    /** The field as the organiser would type it, to fill the text area again. */
    static String format(MakeUpField field) {
        if (field == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        field.values().forEach((name, v) -> sb.append(name).append(' ').append(number(v))
                .append(field.unit() == Unit.PERCENT ? " %" : "").append('\n'));
        return sb.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
