package be.buurtstem.bot.service.reminders;

import java.time.Duration;

/**
 * One questionnaire's reminder: on or off, and how long a resident must have been quiet halfway before the one
 * polite reminder goes out.
 */
public record ReminderSettings(String questionnaire, boolean enabled, Duration delay) {
    public static final Duration DEFAULT_DELAY = Duration.ofDays(2);
    public static final Duration MIN_DELAY = Duration.ofHours(1);
    public static final Duration MAX_DELAY = Duration.ofDays(30);

    public ReminderSettings {
        delay = delay == null ? DEFAULT_DELAY : delay;
    }

    public static ReminderSettings off(String questionnaire) {
        return new ReminderSettings(questionnaire, false, DEFAULT_DELAY);
    }

    /** The delay in whole hours when it is not whole days (for the page's number and unit). */
    public boolean inDays() {
        return delay.toHours() % 24 == 0;
    }

    public long amount() {
        return inDays() ? delay.toDays() : delay.toHours();
    }
}
