package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.store.AnswerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the analysts' answers page selects, as typed in its filter form: questionnaire, question, theme (as the answer
 * is coded now: the machine's codes overruled by analysts' decisions), chosen and detected language, one segment
 * value ({@code area=noord}), a certainty range (the top score, in per cent) and reviewed or not. Empty: any.
 * {@link #parse} refuses what cannot be meant, with the page-text key of the reason.
 */
public record AnswerQuery(String questionnaire, String question, String theme, String language, String detected,
                          String segmentName, String segmentValue, Integer minPercent, Integer maxPercent,
                          Boolean reviewed, int page) {
    /** Names as the service writes them: questionnaire and question ids, theme ids, language codes, segments. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");
    static final int MAX_PAGE = 100_000;

    /** The parsed query, or the problems (page-text keys with their argument) that stop it. */
    public record Result(AnswerQuery query, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public record Problem(String key, String value) {
    }

    public static AnswerQuery any() {
        return new AnswerQuery(null, null, null, null, null, null, null, null, null, null, 0);
    }

    public static Result parse(Map<String, String> form) {
        List<Problem> problems = new ArrayList<>();
        String questionnaire = name(form, "questionnaire", problems);
        String question = name(form, "question", problems);
        String theme = name(form, "theme", problems);
        String language = name(form, "language", problems);
        String detected = name(form, "detected", problems);
        String segmentName = null;
        String segmentValue = null;
        String segment = blankToNull(form.get("segment"));
        if (segment != null) {
            int eq = segment.indexOf('=');
            if (eq <= 0 || eq == segment.length() - 1 || segment.length() > 200) {
                problems.add(new Problem("analyst.filter.bad.segment", shown(segment)));
            } else {
                segmentName = segment.substring(0, eq).strip();
                segmentValue = segment.substring(eq + 1).strip();
                if (!NAME.matcher(segmentName).matches()) {
                    problems.add(new Problem("analyst.filter.bad.segment", shown(segment)));
                }
            }
        }
        Integer min = percent(form, "min", problems);
        Integer max = percent(form, "max", problems);
        if (min != null && max != null && min > max) {
            problems.add(new Problem("analyst.filter.bad.range", min + " > " + max));
        }
        Boolean reviewed = switch (blankToNull(form.get("reviewed")) == null ? "any" : form.get("reviewed").strip()) {
            case "any" -> null;
            case "yes" -> true;
            case "no" -> false;
            default -> {
                problems.add(new Problem("analyst.filter.bad.reviewed", shown(form.get("reviewed"))));
                yield null;
            }
        };
        int page = 0;
        String p = blankToNull(form.get("page"));
        if (p != null) {
            if (!p.strip().matches("\\d{1,6}") || Integer.parseInt(p.strip()) > MAX_PAGE) {
                problems.add(new Problem("analyst.filter.bad.page", shown(p)));
            } else {
                page = Integer.parseInt(p.strip());
            }
        }
        return new Result(new AnswerQuery(questionnaire, question, theme, language, detected, segmentName, segmentValue,
                min, max, reviewed, page), List.copyOf(problems));
    }

    /**
     * Whether an answer (read without its words) is selected, with the decisions on it; questionnaire, question and
     * chosen language are already narrowed in the store.
     */
    public boolean matches(AnswerRecord r, List<AnalystDecision> decisions) {
        if (detected != null && (r.coding() == null || !detected.equals(r.coding().language()))) {
            return false;
        }
        if (segmentName != null && !segmentValue.equals(r.answer().segments().get(segmentName))) {
            return false;
        }
        if (reviewed != null && reviewed != Decisions.reviewed(decisions)) {
            return false;
        }
        if (minPercent != null || maxPercent != null) {
            if (r.coding() == null) {
                return false;
            }
            double top = Certainty.top(r.coding()) * 100;
            if (minPercent != null && top < minPercent || maxPercent != null && top > maxPercent) {
                return false;
            }
        }
        return theme == null || Decisions.resolve(r.machineThemes(), decisions).contains(theme);
    }

    /** The same query on another page (for the pager's links). */
    public AnswerQuery onPage(int p) {
        return new AnswerQuery(questionnaire, question, theme, language, detected, segmentName, segmentValue,
                minPercent, maxPercent, reviewed, p);
    }

    /** The query as form fields, for links that keep it ({@code page} left out at 0). */
    public Map<String, String> fields() {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        put(f, "questionnaire", questionnaire);
        put(f, "question", question);
        put(f, "theme", theme);
        put(f, "language", language);
        put(f, "detected", detected);
        put(f, "segment", segmentName == null ? null : segmentName + "=" + segmentValue);
        put(f, "min", minPercent == null ? null : String.valueOf(minPercent));
        put(f, "max", maxPercent == null ? null : String.valueOf(maxPercent));
        put(f, "reviewed", reviewed == null ? null : reviewed ? "yes" : "no");
        put(f, "page", page == 0 ? null : String.valueOf(page));
        return f;
    }

    private static void put(Map<String, String> f, String k, String v) {
        if (v != null) {
            f.put(k, v);
        }
    }

    private static String name(Map<String, String> form, String field, List<Problem> problems) {
        String v = blankToNull(form.get(field));
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (!NAME.matcher(v).matches()) {
            problems.add(new Problem("analyst.filter.bad." + field, shown(v)));
            return null;
        }
        return v;
    }

    private static Integer percent(Map<String, String> form, String field, List<Problem> problems) {
        String v = blankToNull(form.get(field));
        if (v == null) {
            return null;
        }
        v = v.strip().replace("%", "").strip();
        if (!v.matches("\\d{1,3}") || Integer.parseInt(v) > 100) {
            problems.add(new Problem("analyst.filter.bad.percent", shown(form.get(field))));
            return null;
        }
        return Integer.parseInt(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** What was typed, cut short, to repeat in the reason (the page escapes it). */
    private static String shown(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
