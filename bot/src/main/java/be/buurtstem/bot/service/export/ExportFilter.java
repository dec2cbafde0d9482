package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.store.AnswerSelection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What an export holds, as a person asks for it (command line options, API parameters, the page's form), checked:
 * {@link #parse} throws {@link IllegalArgumentException} with a reason a person can act on, so the command says it
 * and the API answers 400 with it. Dates are a day ({@code 2026-03-01}, UTC; {@code to} includes that whole day) or
 * an instant ({@code 2026-03-01T10:00:00Z}, {@code to} excluded). {@code labels}: the language of the option labels
 * (null: each questionnaire's default language).
 */
public record ExportFilter(String questionnaire, Integer version, Instant from, Instant to, String language,
                           String kind, String segmentField, String segmentValue, String labels) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern KIND = Pattern.compile("[a-z_]{1,32}");

    public static ExportFilter none() {
        return new ExportFilter(null, null, null, null, null, null, null, null, null);
    }

    /** Parses the textual filter (each part null or blank: not filtered). */
    public static ExportFilter parse(String questionnaire, String version, String from, String to, String language,
                                     String kind, String segment, String labels) {
        String q = checked("questionnaire", questionnaire, ID, "letters, digits, '_', '-' or '.' (at most 64)");
        Integer v = null;
        if (present(version)) {
            try {
                v = Integer.valueOf(version.strip());
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1) {
                throw new IllegalArgumentException("version must be a questionnaire version number (1 or more), not \""
                        + version.strip() + "\"");
            }
        }
        Instant f = present(from) ? instant("from", from.strip(), false) : null;
        Instant t = present(to) ? instant("to", to.strip(), true) : null;
        if (f != null && t != null && !f.isBefore(t)) {
            throw new IllegalArgumentException("from must be before to (got from " + from.strip() + ", to "
                    + to.strip() + ")");
        }
        String lang = checked("language", language, LANGUAGE, "a language tag such as nl, fr, ar, tr, en");
        String k = checked("kind", kind, KIND, "a question kind such as free_text, single_choice, scale");
        String field = null;
        String value = null;
        if (present(segment)) {
            String s = segment.strip();
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("segment must be field=value, e.g. area=noord (got \"" + s + "\")");
            }
            field = s.substring(0, eq).strip();
            value = s.substring(eq + 1).strip();
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("segment field must be a name such as area or age_band (got \""
                        + field + "\")");
            }
            if (value.isEmpty() || value.length() > 200) {
                throw new IllegalArgumentException("segment value must be 1 to 200 characters");
            }
        }
        String l = checked("labels", labels, LANGUAGE, "a language tag such as nl, fr, ar, tr, en");
        return new ExportFilter(q, v, f, t, lang, k, field, value, l);
    }

    /** The store's selection for this filter. */
    public AnswerSelection selection() {
        return new AnswerSelection(questionnaire, version, from, to, language, kind, segmentField, segmentValue);
    }

    /** A short name for the file: {@code answers-inclusieweb}, {@code answers-all}. */
    public String fileStem() {
        return "answers-" + (questionnaire == null ? "all" : questionnaire.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String checked(String name, String s, Pattern p, String expected) {
        if (!present(s)) {
            return null;
        }
        String v = s.strip();
        if (!p.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " must be " + expected + " (got \""
                    + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\")");
        }
        return v;
    }

    private static Instant instant(String name, String s, boolean end) {
        try {
            LocalDate day = LocalDate.parse(s);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a date (2026-03-01) or a date and time with its "
                        + "offset (2026-03-01T10:00:00Z), not \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
                        + "\"");
            }
        }
    }
}
