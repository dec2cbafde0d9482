package be.buurtstem.bot.service.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long something is kept: {@code 24m} / {@code 24 months}, {@code 2y}, {@code 30d}, {@code 4w}, {@code 24h}
 * ({@code m} is months here: nobody keeps answers for minutes). Calendar months and years, in UTC.
 */
public record RetentionPeriod(long amount, ChronoUnit unit) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*(\\d{1,6})\\s*(h|hours?|d|days?|w|weeks?|m|mo|months?|y|years?)\\s*");

    public RetentionPeriod {
        if (amount <= 0) {
            throw new IllegalArgumentException("a retention period must be positive");
        }
    }

    public static RetentionPeriod parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a retention period: '" + text
                    + "' (expected e.g. 24m for 24 months, 2y, 30d, 4w or 24h)");
        }
        ChronoUnit unit = switch (m.group(2).charAt(0)) {
            case 'h' -> ChronoUnit.HOURS;
            case 'd' -> ChronoUnit.DAYS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'm' -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        return new RetentionPeriod(Long.parseLong(m.group(1)), unit);
    }

    /** The moment before which something kept for this period has expired. */
    public Instant before(Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(amount, unit).toInstant();
    }

    @Override
    public String toString() {
        return amount + " " + unit.toString().toLowerCase(Locale.ROOT);
    }
}
