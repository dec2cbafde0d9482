package be.buurtstem.bot.service.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What the one polite reminder keeps, the only place that knows its fields:
 * <ul>
 * <li>{@code reminder_settings}: {@code {_id: questionnaire, enabled, delayMinutes, updatedAt, by}};</li>
 * <li>{@code reminder_addresses}: {@code {_id: respondent, channel, chat (sealed by the caller), questionnaire,
 * at}};</li>
 * <li>{@code reminders_sent}: {@code {_id: respondent:questionnaire:version, respondent, questionnaire, version,
 * kind (sent or declined), at}}, unique by its id.</li>
 * </ul>
 */
public final class ReminderRecords {
    static final String SETTINGS = "reminder_settings";
    static final String ADDRESSES = "reminder_addresses";
    static final String SENT = "reminders_sent";
    static final String ID = "_id";
    static final String ENABLED = "enabled";
    static final String DELAY_MINUTES = "delayMinutes";
    static final String UPDATED_AT = "updatedAt";
    static final String BY = "by";
    static final String CHANNEL = "channel";
    static final String CHAT = "chat";
    static final String QUESTIONNAIRE = "questionnaire";
    static final String AT = "at";
    static final String RESPONDENT = "respondent";
    static final String VERSION = "version";
    static final String KIND = "kind";

    private final MongoCollection<Document> settings;
    private final MongoCollection<Document> addresses;
    private final MongoCollection<Document> sent;

    ReminderRecords(MongoDatabase db) {
        this.settings = db.getCollection(SETTINGS);
        this.addresses = db.getCollection(ADDRESSES);
        this.sent = db.getCollection(SENT);
    }

    /** A questionnaire's reminder; {@code delay} null when none was ever chosen. */
    public record Setting(String questionnaire, boolean enabled, Duration delay) {
    }

    public Optional<Setting> setting(String questionnaire) {
        return Optional.ofNullable(settings.find(Filters.eq(ID, questionnaire)).first()).map(ReminderRecords::setting);
    }

    /** Every questionnaire whose reminder is on. */
    public List<Setting> enabledSettings() {
        List<Setting> out = new ArrayList<>();
        settings.find(Filters.eq(ENABLED, true)).forEach(d -> out.add(setting(d)));
        return out;
    }

    public void putSetting(Setting s, String by, Instant now) {
        settings.replaceOne(Filters.eq(ID, s.questionnaire()), new Document(ID, s.questionnaire())
                .append(ENABLED, s.enabled()).append(DELAY_MINUTES, s.delay().toMinutes())
                .append(UPDATED_AT, Date.from(now)).append(BY, by), new ReplaceOptions().upsert(true));
    }

    private static Setting setting(Document d) {
        Number minutes = (Number) d.get(DELAY_MINUTES);
        return new Setting(d.getString(ID), Boolean.TRUE.equals(d.getBoolean(ENABLED)),
                minutes == null ? null : Duration.ofMinutes(minutes.longValue()));
    }

    /** Where a reminder can reach a resident; {@code sealedChat} is stored as given (the caller encrypts it). */
    public record Address(String respondent, String channel, String sealedChat, String questionnaire, Instant at) {
    }

    /** Keeps a resident's address (one per resident: a new one replaces the old). */
    public void putAddress(Address a) {
        addresses.replaceOne(Filters.eq(ID, a.respondent()), new Document(ID, a.respondent())
                        .append(CHANNEL, a.channel()).append(CHAT, a.sealedChat())
                        .append(QUESTIONNAIRE, a.questionnaire()).append(AT, Date.from(a.at())),
                new ReplaceOptions().upsert(true));
    }

    /** The sealed chat of a resident on a channel, if kept. */
    public Optional<String> sealedChat(String respondent, String channel) {
        Document d = addresses.find(Filters.and(Filters.eq(ID, respondent), Filters.eq(CHANNEL, channel))).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString(CHAT));
    }

    /** The respondent ids with a kept address for a questionnaire, those kept longest first. */
    public List<String> addressedRespondents(String questionnaire, int limit) {
        List<String> out = new ArrayList<>();
        addresses.find(Filters.eq(QUESTIONNAIRE, questionnaire)).projection(Projections.include(ID))
                .sort(Sorts.ascending(AT)).limit(limit).forEach(d -> out.add(d.getString(ID)));
        return out;
    }

    /** Deletes the addresses kept for every questionnaire not in {@code kept}; how many went. */
    public long deleteAddressesBut(Collection<String> kept) {
        return addresses.deleteMany(Filters.nin(QUESTIONNAIRE, kept)).getDeletedCount();
    }

    public void deleteAddress(String respondent) {
        addresses.deleteOne(Filters.eq(ID, respondent));
    }

    /** A reminder mark; its id is unique, so two instances cannot both mark the same one. */
    public record Mark(String id, String respondent, String questionnaire, int version, String kind, Instant at) {
    }

    /** Records a mark; false when a mark with that id exists (nothing written). */
    public boolean putMark(Mark m) {
        try {
            sent.insertOne(new Document(ID, m.id()).append(RESPONDENT, m.respondent())
                    .append(QUESTIONNAIRE, m.questionnaire()).append(VERSION, m.version()).append(KIND, m.kind())
                    .append(AT, Date.from(m.at())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void deleteMarksOf(String respondent) {
        sent.deleteMany(Filters.eq(RESPONDENT, respondent));
    }

    /** How many marks of a kind a questionnaire has. */
    public long countMarks(String questionnaire, String kind) {
        return sent.countDocuments(Filters.and(Filters.eq(QUESTIONNAIRE, questionnaire), Filters.eq(KIND, kind)));
    }
}
