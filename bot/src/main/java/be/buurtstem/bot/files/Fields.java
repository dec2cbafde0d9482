package be.buurtstem.bot.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Names and value rules shared by both formats. */
final class Fields {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String RESPONDENT = "respondent";
    static final String QUESTION = "question";
    static final String LANGUAGE = "language";
    static final String THEMES = "themes";
    static final String RECEIVED_AT = "received_at";
    static final String SCORES = "scores";
    static final String SYNTHETIC = "synthetic";

    /** The standard columns, in the order they are written. Segment fields go between themes and received_at. */
    static final List<String> LEADING = List.of(ID, TEXT, RESPONDENT, QUESTION, LANGUAGE, THEMES);
    static final List<String> TRAILING = List.of(RECEIVED_AT, SCORES);
    static final Set<String> STANDARD = Set.of(ID, TEXT, RESPONDENT, QUESTION, LANGUAGE, THEMES, RECEIVED_AT, SCORES);

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private Fields() {
    }

    /** Thrown inside the readers for one bad value; turned into a {@link MalformedRecord} with the line. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    static String language(String value) throws BadValue {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(value).matches()) {
            throw new BadValue("language \"" + value + "\" is not a BCP 47 tag such as nl, fr, ar, tr, en, ar-Latn");
        }
        return value;
    }

    static Instant receivedAt(String value) throws BadValue {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String v = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadValue("received_at \"" + value + "\" is not an ISO 8601 date or date-time with offset"
                    + " (e.g. 2026-03-01T10:15:00Z or 2026-03-01T11:15:00+01:00)");
        }
    }

    static String theme(String value) throws BadValue {
        String t = value.strip();
        if (t.isEmpty()) {
            throw new BadValue("themes holds an empty label");
        }
        return t;
    }

    static double score(String theme, double value) throws BadValue {
        if (!Double.isFinite(value)) {
            throw new BadValue("score of \"" + theme + "\" is not a finite number");
        }
        return value;
    }
}
