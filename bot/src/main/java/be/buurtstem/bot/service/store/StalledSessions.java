package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Conversations that stopped halfway, for reminders: a questionnaire's sessions on one channel still in progress
 * whose last message is older than a cutoff. Read through the index on questionnaire and status; the session
 * documents' field names stay in {@link Sessions}.
 */
public final class StalledSessions {
    private final MongoCollection<Document> sessions;

    public StalledSessions(Store store) {
        this.sessions = store.sessions();
    }

    /** At most {@code limit} active sessions of {@code questionnaire} on {@code channel}, quiet since {@code cutoff}. */
    public List<SessionRecord> of(String questionnaire, String channel, Instant cutoff, int limit) {
        List<SessionRecord> out = new ArrayList<>();
        sessions.find(Filters.and(Filters.eq("questionnaire", questionnaire),
                        Filters.eq("status", SessionRecord.ACTIVE), Filters.eq("channel", channel),
                        Filters.lt("updatedAt", Date.from(cutoff))))
                .sort(Sorts.ascending("updatedAt")).limit(limit).forEach(d -> out.add(Sessions.read(d)));
        return out;
    }
}
