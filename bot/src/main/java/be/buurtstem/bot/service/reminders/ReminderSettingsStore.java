package be.buurtstem.bot.service.reminders;

import be.buurtstem.bot.service.store.Audit;
import be.buurtstem.bot.service.store.ReminderRecords;
import be.buurtstem.bot.service.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reminder settings per questionnaire (the store's {@link ReminderRecords}, {@code reminder_settings}). The
 * conversation asks {@link #enabled} for every message: that is answered from memory, read again from the store at most
 * every {@link #REFRESH} (a change made on another instance is seen then).
 */
public final class ReminderSettingsStore {
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final ReminderRecords settings;
    private final Store store;
    private volatile Map<String, ReminderSettings> cached = Map.of();
    private volatile long readAt;
    private volatile boolean stale = true;

    public ReminderSettingsStore(Store store) {
        this.store = store;
        this.settings = store.reminderRecords();
    }

    public ReminderSettings of(String questionnaire) {
        return settings.setting(questionnaire).map(ReminderSettingsStore::read)
                .orElseGet(() -> ReminderSettings.off(questionnaire));
    }

    /** Every questionnaire whose reminder is on. */
    public List<ReminderSettings> enabled() {
        List<ReminderSettings> out = new ArrayList<>();
        settings.enabledSettings().forEach(r -> out.add(read(r)));
        return out;
    }

    /** Whether the reminder of {@code questionnaire} is on, from memory (see the class comment). */
    public boolean enabled(String questionnaire) {
        long now = System.nanoTime();
        if (stale || now - readAt > REFRESH.toNanos()) {
            Map<String, ReminderSettings> fresh = new ConcurrentHashMap<>();
            for (ReminderSettings s : enabled()) {
                fresh.put(s.questionnaire(), s);
            }
            cached = fresh;
            readAt = now;
            stale = false;
        }
        return cached.containsKey(questionnaire);
    }

    public void save(ReminderSettings s, String by, Instant now) {
        settings.putSetting(new ReminderRecords.Setting(s.questionnaire(), s.enabled(), s.delay()), by, now);
        stale = true; // this instance sees its own change at once
        store.audit("reminder_settings_changed", Audit.details("questionnaire", s.questionnaire(),
                "enabled", s.enabled(), "delayMinutes", s.delay().toMinutes(), "by", by), now);
    }

    private static ReminderSettings read(ReminderRecords.Setting r) {
        return new ReminderSettings(r.questionnaire(), r.enabled(), r.delay());
    }
}
