package be.buurtstem.bot.service.store;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sessions} collection: the only place that knows a session document's field names. The engine's state
 * is kept as its own JSON in {@code state} ({@link StateFormat}: read once per read, written once per save).
 */
public final class Sessions {
    private final MongoCollection<Document> sessions;

    Sessions(MongoDatabase db) {
        this.sessions = db.getCollection("sessions");
    }

    public Optional<SessionRecord> find(String respondent) {
        return Optional.ofNullable(sessions.find(Filters.eq("_id", respondent)).first()).map(Sessions::read);
    }

    /**
     * Saves a session if nobody changed it since it was read with {@code expectedVersion} (0 = new); the stored
     * version becomes {@code expectedVersion + 1}.
     */
    public SessionRecord save(SessionRecord s, long expectedVersion) {
        SessionRecord saved = s.withVersion(expectedVersion + 1);
        Document doc = write(saved);
        if (expectedVersion == 0) {
            try {
                sessions.insertOne(doc);
            } catch (MongoWriteException e) {
                if (e.getError().getCode() == 11000) {
                    throw new ConcurrentUpdateException("session created concurrently");
                }
                throw e;
            }
        } else {
            UpdateResult r = sessions.replaceOne(Filters.and(Filters.eq("_id", s.respondent()),
                    Filters.eq("version", expectedVersion)), doc);
            if (r.getMatchedCount() == 0) {
                throw new ConcurrentUpdateException("session changed concurrently");
            }
        }
        return saved;
    }

    static Document write(SessionRecord s) {
        List<Document> messages = new ArrayList<>();
        for (OutboundMessage m : s.lastMessages()) {
            List<Document> buttons = new ArrayList<>();
            for (Button b : m.buttons()) {
                buttons.add(new Document("id", b.id()).append("label", b.label()));
            }
            messages.add(new Document("text", m.text()).append("buttons", buttons).append("expect", m.expect().name()));
        }
        return new Document("_id", s.respondent()).append("respondent", s.respondent()).append("channel", s.channel())
                .append("questionnaire", s.questionnaire()).append("questionnaireVersion", s.questionnaireVersion())
                .append("language", s.language()).append("state", StateFormat.write(s.state()))
                .append("status", s.status()).append("lastMessages", messages).append("appliedInputs", s.appliedInputs())
                .append("linkSegments", new Document(new LinkedHashMap<String, Object>(s.linkSegments())))
                .append("startedAt", Date.from(s.startedAt())).append("updatedAt", Date.from(s.updatedAt()))
                .append("version", s.version());
    }

    static SessionRecord read(Document d) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (Document m : d.getList("lastMessages", Document.class, List.of())) {
            List<Button> buttons = new ArrayList<>();
            for (Document b : m.getList("buttons", Document.class, List.of())) {
                buttons.add(new Button(b.getString("id"), b.getString("label")));
            }
            messages.add(new OutboundMessage(m.getString("text"), buttons, expect(m.getString("expect"))));
        }
        Map<String, String> link = new LinkedHashMap<>();
        Document segments = d.get("linkSegments", Document.class);
        if (segments != null) {
            segments.forEach((k, v) -> link.put(k, String.valueOf(v)));
        }
        return new SessionRecord(d.getString("_id"), d.getString("channel"), d.getString("questionnaire"),
                d.getInteger("questionnaireVersion", 0), d.getString("language"), StateFormat.read(d.getString("state")),
                d.getString("status"), messages, d.getList("appliedInputs", String.class, List.of()), link,
                d.getDate("startedAt").toInstant(), d.getDate("updatedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }

    /** How many sessions one questionnaire version has in one status. */
    public record VersionCount(String questionnaire, int version, String status, long sessions) {
    }

    /**
     * The sessions counted by questionnaire, version and status, in one aggregation (it walks the whole collection:
     * the questionnaires page asks it once per view).
     */
    public List<VersionCount> countsByVersion() {
        List<VersionCount> out = new ArrayList<>();
        List<Document> pipeline = List.of(new Document("$group", new Document("_id",
                new Document("q", "$questionnaire").append("v", "$questionnaireVersion").append("s", "$status"))
                .append("n", new Document("$sum", 1))));
        for (Document d : sessions.aggregate(pipeline)) {
            Document id = d.get("_id", Document.class);
            Object version = id.get("v");
            out.add(new VersionCount(id.getString("q"), version instanceof Number n ? n.intValue() : 0,
                    id.getString("s"), ((Number) d.get("n")).longValue()));
        }
        return out;
    }

    /** The engine's kinds; before issue 17 the bot stored its own five, {@code NONE} for the engine's NOTHING. */
    static Expect expect(String name) {
        if (name == null || name.equals("NONE")) {
            return Expect.NOTHING;
        }
        return Expect.valueOf(name);
    }
}
