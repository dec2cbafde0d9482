package be.buurtstem.bot.service.reminders;

import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reminder settings per questionnaire in {@code reminder_settings} ({@code _id} = questionnaire id, {@code enabled},
 * {@code delayMinutes}). The conversation asks {@link #enabled} for every message: that is answered from memory,
 * read again from the store at most every {@link #REFRESH} (a change made on another instance is seen then).
 */
public final class ReminderSettingsStore {
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final MongoCollection<Document> settings;
    private final Store store;
    private volatile Map<String, ReminderSettings> cached = Map.of();
    private volatile long readAt;
    private volatile boolean stale = true;

    public ReminderSettingsStore(Store store) {
        this.store = store;
        this.settings = store.database().getCollection("reminder_settings");
    }

    public ReminderSettings of(String questionnaire) {
        Document d = settings.find(Filters.eq("_id", questionnaire)).first();
        return d == null ? ReminderSettings.off(questionnaire) : read(d);
    }

    /** Every questionnaire whose reminder is on. */
    public List<ReminderSettings> enabled() {
        List<ReminderSettings> out = new ArrayList<>();
        settings.find(Filters.eq("enabled", true)).forEach(d -> out.add(read(d)));
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
        settings.replaceOne(Filters.eq("_id", s.questionnaire()), new Document("_id", s.questionnaire())
                .append("enabled", s.enabled()).append("delayMinutes", s.delay().toMinutes())
                .append("updatedAt", Date.from(now)).append("by", by), new ReplaceOptions().upsert(true));
        stale = true; // this instance sees its own change at once
        store.audit("reminder_settings_changed", new Document("questionnaire", s.questionnaire())
                .append("enabled", s.enabled()).append("delayMinutes", s.delay().toMinutes()).append("by", by), now);
    }

    private static ReminderSettings read(Document d) {
        Number minutes = (Number) d.get("delayMinutes");
        return new ReminderSettings(d.getString("_id"), Boolean.TRUE.equals(d.getBoolean("enabled")),
                minutes == null ? null : Duration.ofMinutes(minutes.longValue()));
    }
}
