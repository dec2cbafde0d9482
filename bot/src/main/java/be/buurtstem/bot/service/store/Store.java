package be.buurtstem.bot.service.store;

import be.buurtstem.bot.service.survey.BotMessage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All MongoDB access of the service, through the official driver (the same code runs on the embedded server and on
 * a real MongoDB). Collections: {@code respondents}, {@code sessions}, {@code answers}, {@code processed_updates},
 * {@code outbox}, {@code parked_updates}, {@code questionnaires}, {@code audit}.
 */
public class Store {
    private final MongoDatabase db;
    private final Durability durability;

    public Store(MongoClient client, String database, Durability durability) {
        this.db = client.getDatabase(database);
        this.durability = durability;
    }

    public MongoDatabase database() {
        return db;
    }

    public Durability durability() {
        return durability;
    }

    /** Indexes are created at start (idempotent). */
    public void createIndexes() {
        answers().createIndex(Indexes.ascending("respondent"));
        answers().createIndex(Indexes.ascending("questionnaire", "version", "question"));
        answers().createIndex(Indexes.ascending("receivedAt"));
        sessions().createIndex(Indexes.ascending("questionnaire", "status"));
        processed().createIndex(Indexes.ascending("respondent"));
        processed().createIndex(Indexes.ascending("at"));
        outbox().createIndex(Indexes.ascending("seq"));
        outbox().createIndex(Indexes.ascending("chat"));
        outbox().createIndex(Indexes.ascending("respondent"));
        parked().createIndex(Indexes.ascending("respondent"));
        db.getCollection("questionnaires").createIndex(Indexes.ascending("id", "version"), new IndexOptions().unique(true));
        db.getCollection("audit").createIndex(Indexes.ascending("at"));
    }

    public boolean ping() {
        return db.runCommand(new Document("ping", 1)).get("ok") != null;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    public Optional<SessionRecord> session(String respondent) {
        Document d = sessions().find(Filters.eq("_id", respondent)).first();
        return Optional.ofNullable(d).map(Store::toSession);
    }

    /**
     * Saves a session if nobody changed it since it was read with {@code expectedVersion} (0 = new); the stored
     * version becomes {@code expectedVersion + 1}.
     */
    public SessionRecord saveSession(SessionRecord s, long expectedVersion) {
        SessionRecord saved = s.withVersion(expectedVersion + 1);
        Document doc = fromSession(saved);
        if (expectedVersion == 0) {
            try {
                sessions().insertOne(doc);
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCode() == 11000) {
                    throw new ConcurrentUpdateException("session created concurrently");
                }
                throw e;
            }
        } else {
            UpdateResult r = sessions().replaceOne(Filters.and(Filters.eq("_id", s.respondent()),
                    Filters.eq("version", expectedVersion)), doc);
            if (r.getMatchedCount() == 0) {
                throw new ConcurrentUpdateException("session changed concurrently");
            }
        }
        return saved;
    }

    // ---- respondents ------------------------------------------------------------------------------------------

    public Optional<Document> respondent(String respondent) {
        return Optional.ofNullable(respondents().find(Filters.eq("_id", respondent)).first());
    }

    public void updateRespondent(String respondent, String channel, Bson update, Instant now) {
        respondents().updateOne(Filters.eq("_id", respondent), Updates.combine(update,
                Updates.setOnInsert("channel", channel), Updates.setOnInsert("createdAt", Date.from(now)),
                Updates.set("updatedAt", Date.from(now))), new UpdateOptions().upsert(true));
    }

    public void recordConsent(String respondent, String channel, String questionnaire, int version, boolean given,
                              Instant at) {
        updateRespondent(respondent, channel, Updates.push("consents", new Document("questionnaire", questionnaire)
                .append("version", version).append("given", given).append("at", Date.from(at))), at);
    }

    public void markStopped(String respondent, String reason, Instant at) {
        respondents().updateOne(Filters.eq("_id", respondent), Updates.combine(Updates.set("blocked", true),
                Updates.set("blockedReason", reason), Updates.set("updatedAt", Date.from(at)),
                Updates.setOnInsert("createdAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    public boolean isBlocked(String respondent) {
        return respondent(respondent).map(d -> Boolean.TRUE.equals(d.getBoolean("blocked"))).orElse(false);
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    /** Stores one answer under a deterministic id, so storing it again after a crash changes nothing. */
    public void putAnswer(String id, Document answer) {
        answers().replaceOne(Filters.eq("_id", id), answer.append("_id", id), new ReplaceOptions().upsert(true));
    }

    /** Keeps a typed reply that fitted no option (see {@code SurveyEvent.Unplaced}), under a deterministic id. */
    public void putUnplaced(String id, Document reply) {
        unplaced().replaceOne(Filters.eq("_id", id), reply.append("_id", id), new ReplaceOptions().upsert(true));
    }

    public List<Document> unplacedOf(String respondent) {
        return unplaced().find(Filters.eq("respondent", respondent)).sort(Sorts.ascending("at", "_id"))
                .into(new ArrayList<>());
    }

    public List<Document> answersOf(String respondent) {
        return answers().find(Filters.eq("respondent", respondent)).sort(Sorts.ascending("receivedAt", "_id"))
                .into(new ArrayList<>());
    }

    // ---- idempotency ------------------------------------------------------------------------------------------

    public boolean isProcessed(String inputId) {
        return processed().find(Filters.eq("_id", inputId)).first() != null;
    }

    /** Marks an inbound message as handled; {@code respondent} may be null (after a deletion nothing links it back). */
    public void markProcessed(String inputId, String respondent, Instant at) {
        Document d = new Document("_id", inputId).append("at", Date.from(at));
        if (respondent != null) {
            d.append("respondent", respondent);
        }
        processed().replaceOne(Filters.eq("_id", inputId), d, new ReplaceOptions().upsert(true));
    }

    public long forgetProcessedBefore(Instant cutoff) {
        return processed().deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }

    // ---- outbox -----------------------------------------------------------------------------------------------

    public void enqueue(List<Document> items) {
        if (items.isEmpty()) {
            return;
        }
        try {
            outbox().insertMany(items, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            // deterministic ids: items already there from before a crash are kept as they are (a no-op)
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
        }
    }

    /**
     * The oldest item of each chat (its head), heads in seq order, at most {@code limit}. The dispatcher sends only
     * heads, so order per chat is kept, and every chat with something queued is in the listing: a resident's reply
     * waits one round over the chats, not behind everything queued before it (the 500 oldest items could all belong
     * to a few busy chats). One pass over the outbox, like the sorted listing it replaces.
     */
    public List<Document> outboxHeads(int limit) {
        List<Document> heads = new ArrayList<>();
        outbox().aggregate(List.of(
                Aggregates.sort(Sorts.ascending("seq")),
                Aggregates.group("$chat", Accumulators.first("head", "$$ROOT")),
                Aggregates.sort(Sorts.ascending("head.seq")),
                Aggregates.limit(limit))).forEach(d -> heads.add(d.get("head", Document.class)));
        return heads;
    }

    public void outboxDone(String id) {
        outbox().deleteOne(Filters.eq("_id", id));
    }

    public void outboxRetryLater(String id, int attempts, Instant notBefore) {
        outbox().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("notBefore", Date.from(notBefore))));
    }

    public long dropOutboxForChat(String chat) {
        return outbox().deleteMany(Filters.eq("chat", chat)).getDeletedCount();
    }

    public long outboxSize() {
        return outbox().countDocuments();
    }

    // ---- parked updates ---------------------------------------------------------------------------------------

    public void park(String inputId, String respondent, String channel, String sanitizedPayload, String error,
                     int attempts, Instant at) {
        Document d = new Document("_id", inputId).append("channel", channel).append("payload", sanitizedPayload)
                .append("error", error).append("attempts", attempts).append("at", Date.from(at));
        if (respondent != null) {
            d.append("respondent", respondent);
        }
        parked().replaceOne(Filters.eq("_id", inputId), d, new ReplaceOptions().upsert(true));
    }

    public List<Document> parkedUpdates() {
        return parked().find().sort(Sorts.ascending("at")).into(new ArrayList<>());
    }

    // ---- privacy ----------------------------------------------------------------------------------------------

    /** Removes everything stored about a resident, in every collection. Returns how much was removed per collection. */
    public Map<String, Long> deleteRespondent(String respondent, String chat) {
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("answers", answers().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount());
        removed.put("sessions", sessions().deleteMany(Filters.eq("_id", respondent)).getDeletedCount());
        removed.put("respondents", respondents().deleteMany(Filters.eq("_id", respondent)).getDeletedCount());
        // the handled update ids stay, unlinked from the resident: an update Telegram delivers again (the last batch
        // after a crash, a webhook retry) must not be applied again and bring the deleted answers back
        removed.put("processed_updates", processed().updateMany(Filters.eq("respondent", respondent),
                Updates.unset("respondent")).getModifiedCount());
        long outbox = outbox().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount();
        if (chat != null) {
            outbox += outbox().deleteMany(Filters.eq("chat", chat)).getDeletedCount();
        }
        removed.put("outbox", outbox);
        removed.put("unplaced_replies", unplaced().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount());
        removed.put("parked_updates", parked().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount());
        removed.put("codings", db.getCollection("codings").deleteMany(Filters.eq("respondent", respondent))
                .getDeletedCount());
        audit("respondent_deleted", new Document("answers", removed.get("answers")), Instant.now());
        return removed;
    }

    public void audit(String type, Document details, Instant at) {
        db.getCollection("audit").insertOne(new Document("type", type).append("at", Date.from(at))
                .append("details", details));
    }

    // ---- collections and mapping ------------------------------------------------------------------------------

    MongoCollection<Document> sessions() {
        return db.getCollection("sessions");
    }

    MongoCollection<Document> respondents() {
        return db.getCollection("respondents");
    }

    MongoCollection<Document> unplaced() {
        return db.getCollection("unplaced_replies");
    }

    MongoCollection<Document> answers() {
        return db.getCollection("answers");
    }

    MongoCollection<Document> processed() {
        return db.getCollection("processed_updates");
    }

    MongoCollection<Document> outbox() {
        return db.getCollection("outbox");
    }

    MongoCollection<Document> parked() {
        return db.getCollection("parked_updates");
    }

    public MongoCollection<Document> questionnaires() {
        return db.getCollection("questionnaires");
    }

    static Document fromSession(SessionRecord s) {
        List<Document> messages = new ArrayList<>();
        for (BotMessage m : s.lastMessages()) {
            List<Document> buttons = new ArrayList<>();
            for (BotMessage.Button b : m.buttons()) {
                buttons.add(new Document("id", b.id()).append("label", b.label()));
            }
            messages.add(new Document("text", m.text()).append("buttons", buttons).append("expect", m.expect().name()));
        }
        return new Document("_id", s.respondent()).append("respondent", s.respondent()).append("channel", s.channel())
                .append("questionnaire", s.questionnaire()).append("questionnaireVersion", s.questionnaireVersion())
                .append("language", s.language()).append("state", s.state()).append("status", s.status())
                .append("lastMessages", messages).append("appliedInputs", s.appliedInputs())
                .append("linkSegments", new Document(new java.util.LinkedHashMap<String, Object>(s.linkSegments())))
                .append("startedAt", Date.from(s.startedAt())).append("updatedAt", Date.from(s.updatedAt()))
                .append("version", s.version());
    }

    private static Map<String, String> linkSegments(Document d) {
        Map<String, String> out = new LinkedHashMap<>();
        if (d != null) {
            d.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    static SessionRecord toSession(Document d) {
        List<BotMessage> messages = new ArrayList<>();
        for (Document m : d.getList("lastMessages", Document.class, List.of())) {
            List<BotMessage.Button> buttons = new ArrayList<>();
            for (Document b : m.getList("buttons", Document.class, List.of())) {
                buttons.add(new BotMessage.Button(b.getString("id"), b.getString("label")));
            }
            messages.add(new BotMessage(m.getString("text"), buttons, BotMessage.Expect.valueOf(m.getString("expect"))));
        }
        return new SessionRecord(d.getString("_id"), d.getString("channel"), d.getString("questionnaire"),
                d.getInteger("questionnaireVersion", 0), d.getString("language"), d.getString("state"),
                d.getString("status"), messages, d.getList("appliedInputs", String.class, List.of()),
                linkSegments(d.get("linkSegments", Document.class)), d.getDate("startedAt").toInstant(), d.getDate("updatedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }
}
