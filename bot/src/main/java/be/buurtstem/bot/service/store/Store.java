package be.buurtstem.bot.service.store;

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
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All MongoDB access of the service, through the official driver (the same code runs on the embedded server and on
 * a real MongoDB). Collections: {@code respondents}, {@code sessions}, {@code answers}, {@code processed_updates},
 * {@code outbox}, {@code parked_updates}, {@code questionnaires}, {@code audit}, {@code whatsapp_statuses},
 * {@code whatsapp_waiting}.
 */
public class Store {
    private final MongoDatabase db;
    private final Durability durability;
    /** One document ({@code _id: 1}), the root of the joined read of {@link #read}; it holds nothing else. */
    static final String LOOKUP_ROOT = "lookup_root";
    private final Sessions sessionRepository;
    private final Answers answerRepository;
    private final Audit auditLog;
    private final Models models;
    private final Decisions decisions;
    private final Codebooks codebooks;
    private final ThemeRelabels themeRelabels;
    private final SaturationRecords saturationRecords;
    private final StoredQuestionnaires storedQuestionnaires;
    private final WriteBehind writeBehind;
    private final Durability syncing;
    /** The outbox's heads in memory when this service is the store's only writer ({@link #keepOutboxHeadsInMemory}). */
    private volatile OutboxQueue memoryHeads;
    /** The embedded server of this process, when {@link #read} may ask it directly ({@link #readInProcess}). */
    private volatile EmbeddedMongo inProcess;

    public Store(MongoClient client, String database, Durability durability) {
        this.db = client.getDatabase(database);
        this.durability = durability;
        this.sessionRepository = new Sessions(db);
        this.answerRepository = new Answers(db);
        this.auditLog = new Audit(db);
        this.models = new Models(db, auditLog);
        this.decisions = new Decisions(db);
        this.codebooks = new Codebooks(db);
        this.themeRelabels = new ThemeRelabels(db);
        this.saturationRecords = new SaturationRecords(db);
        this.storedQuestionnaires = new StoredQuestionnaires(db);
        this.writeBehind = new WriteBehind(db, durability, this::outboxWritten, this::outboxWriteFailed);
        // what every caller gets: a sync first writes the messages' queued units (WriteBehind), then syncs
        this.syncing = writeBehind::sync;
    }

    public MongoDatabase database() {
        return db;
    }

    /** Sync = the queued units written, then the store's own sync (see {@link WriteBehind}). */
    public Durability durability() {
        return syncing;
    }

    /**
     * Runs the handling of one inbound message: its writes (session, respondent, answers, unplaced replies, outbox,
     * processed mark) are gathered and written with other messages' at the next sync ({@link WriteBehind}).
     */
    public <T> T unit(java.util.function.Supplier<T> work) {
        return writeBehind.unit(work);
    }

    /**
     * A group of messages confirmed by one sync, handled on any threads (the poller's batch): run their handling in
     * {@link SyncGroup#run}, then {@link SyncGroup#sync}, which fails only when one of them was not written.
     */
    public SyncGroup syncGroup() {
        return writeBehind.newGroup();
    }

    /**
     * How often the store refused the writes of the message with this input id (null: never, or written since): a
     * channel parks a message refused again and again instead of asking for it for ever.
     */
    public WriteBehind.WriteFailure writeFailures(String inputId) {
        return writeBehind.writeFailures(inputId);
    }

    /** Writes the messages queued so far (WriteBehind) without a sync: a reader of whole collections sees them. */
    public void writeQueued() {
        writeBehind.awaitAllWritten();
    }

    /** Runs {@code hook} once the current message's writes are in the store (at once outside a unit). */
    public void afterWrite(Runnable hook) {
        Unit u = writeBehind.current();
        if (u != null) {
            u.afterWrite.add(hook);
        } else {
            hook.run();
        }
    }

    /** Indexes are created at start (idempotent), and the one document of {@link #LOOKUP_ROOT}. */
    public void createIndexes() {
        db.getCollection(LOOKUP_ROOT).replaceOne(Filters.eq("_id", 1), new Document("_id", 1),
                new ReplaceOptions().upsert(true));
        answers().createIndex(Indexes.ascending("respondent"));
        answers().createIndex(Indexes.ascending("questionnaire", "version", "question"));
        answers().createIndex(Indexes.ascending("receivedAt"));
        // the coding sweep: free-text answers, oldest first
        answers().createIndex(Indexes.ascending("kind", "receivedAt"));
        sessions().createIndex(Indexes.ascending("questionnaire", "status"));
        processed().createIndex(Indexes.ascending("respondent"));
        processed().createIndex(Indexes.ascending("at"));
        outbox().createIndex(Indexes.ascending("seq"));
        outbox().createIndex(Indexes.ascending("chat"));
        outbox().createIndex(Indexes.ascending("respondent"));
        parked().createIndex(Indexes.ascending("respondent"));
        db.getCollection("questionnaires").createIndex(Indexes.ascending("id", "version"), new IndexOptions().unique(true));
        db.getCollection("audit").createIndex(Indexes.ascending("at"));
        decisions.createIndexes();
        whatsAppStatuses().createIndexes();
        outbox().createIndex(Indexes.ascending(OutboxLeases.CLAIMED_BY));
    }

    public boolean ping() {
        return db.runCommand(new Document("ping", 1)).get("ok") != null;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    public Optional<SessionRecord> session(String respondent) {
        writeBehind.awaitWritten(respondent);
        return sessionRepository.find(respondent);
    }

    /** See {@link Sessions#save}; inside a unit the optimistic lock is checked when the unit is written. */
    public SessionRecord saveSession(SessionRecord s, long expectedVersion) {
        Unit u = writeBehind.current();
        if (u != null) {
            u.sessions.add(new Unit.SessionWrite(s, expectedVersion));
            return s.withVersion(expectedVersion + 1);
        }
        return sessionRepository.save(s, expectedVersion);
    }

    /**
     * Whether {@code inputId} was handled, the session and the respondent, in one round trip: an aggregation on
     * {@code lookup_root}, a collection of exactly one document, joining the three by {@code _id} (each join is an
     * index lookup). Not an aggregation on {@code sessions}: the embedded server runs a pipeline over the whole
     * collection before its first {@code $match}, which would cost a scan of every session per message.
     */
    public InboundRead read(String respondent, String inputId) {
        writeBehind.awaitWritten(respondent);
        writeBehind.awaitWritten(inputId);
        EmbeddedMongo local = inProcess;
        if (local != null) {
            try {
                return readFrom(local, respondent, inputId);
            } catch (InProcessDocuments.Unsupported e) {
                // a value the conversion does not know: the wire protocol's read below decodes anything
            }
        }
        Document joined = joinedRead(respondent, inputId);
        if (joined == null) { // a store whose indexes were never made (a test's own Store)
            db.getCollection(LOOKUP_ROOT).replaceOne(Filters.eq("_id", 1), new Document("_id", 1),
                    new ReplaceOptions().upsert(true));
            joined = joinedRead(respondent, inputId);
        }
        List<Document> session = joined.getList("session", Document.class, List.of());
        List<Document> found = joined.getList("respondent", Document.class, List.of());
        boolean processed = inputId != null && !joined.getList("processed", Document.class, List.of()).isEmpty();
        return new InboundRead(processed, session.isEmpty() ? Optional.empty() : Optional.of(Sessions.read(session.getFirst())),
                found.isEmpty() ? Optional.empty() : Optional.of(Respondents.read(found.getFirst())));
    }

    /**
     * For the embedded store in this process: {@link #read} asks its backend directly, three look-ups by {@code _id}
     * instead of one aggregation through the driver, a socket and the server's wire protocol (each way BSON encoded
     * and decoded): at 300 updates/s that round trip was about a tenth of the service's CPU (PROFILE.md). Same
     * documents, same value types ({@link InProcessDocuments}).
     */
    public void readInProcess(EmbeddedMongo embedded) {
        this.inProcess = embedded;
    }

    private InboundRead readFrom(EmbeddedMongo local, String respondent, String inputId) {
        String database = db.getName();
        var session = local.byId(database, "sessions", respondent);
        var found = local.byId(database, "respondents", respondent);
        boolean processed = inputId != null && local.byId(database, "processed_updates", inputId) != null;
        return new InboundRead(processed,
                session == null ? Optional.empty() : Optional.of(Sessions.read(InProcessDocuments.toBson(session))),
                found == null ? Optional.empty() : Optional.of(Respondents.read(InProcessDocuments.toBson(found))));
    }

    private Document joinedRead(String respondent, String inputId) {
        return db.getCollection(LOOKUP_ROOT).aggregate(List.of(
                Aggregates.match(Filters.eq("_id", 1)),
                Aggregates.addFields(new com.mongodb.client.model.Field<>("rid", new Document("$literal", respondent)),
                        new com.mongodb.client.model.Field<>("input",
                                new Document("$literal", inputId == null ? "" : inputId))),
                Aggregates.lookup("sessions", "rid", "_id", "session"),
                Aggregates.lookup("respondents", "rid", "_id", "respondent"),
                Aggregates.lookup("processed_updates", "input", "_id", "processed"))).first();
    }

    // ---- respondents ------------------------------------------------------------------------------------------

    public Optional<Respondent> respondent(String respondent) {
        writeBehind.awaitWritten(respondent);
        return Optional.ofNullable(respondents().find(Filters.eq("_id", respondent)).first()).map(Respondents::read);
    }

    public void updateRespondent(String respondent, String channel, Bson update, Instant now) {
        Bson full = Updates.combine(update, Updates.setOnInsert("channel", channel),
                Updates.setOnInsert("createdAt", Date.from(now)), Updates.set("updatedAt", Date.from(now)));
        Unit u = writeBehind.current();
        if (u != null) {
            u.respondents.add(new Unit.RespondentWrite(respondent, full));
            return;
        }
        respondents().updateOne(Filters.eq("_id", respondent), full, new UpdateOptions().upsert(true));
    }

    /** The changes one message made to the respondent, in one update (nothing when there are none). */
    public void changeRespondent(String respondent, String channel, RespondentChange change, Instant now) {
        if (change.isEmpty()) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        change.sets.forEach((field, value) -> updates.add(Updates.set(field, value)));
        if (!change.consents.isEmpty()) {
            List<Document> consents = new ArrayList<>();
            for (Consent c : change.consents) {
                consents.add(new Document("questionnaire", c.questionnaire()).append("version", c.version())
                        .append("given", c.given()).append("at", Date.from(c.at())));
            }
            // a set, not a push: a flush written again (WriteBehind) must not record a consent twice; two consents
            // alike to the millisecond are the same one
            updates.add(Updates.addEachToSet("consents", consents));
        }
        updateRespondent(respondent, channel, Updates.combine(updates), now);
    }

    public void recordConsent(String respondent, String channel, String questionnaire, int version, boolean given,
                              Instant at) {
        updateRespondent(respondent, channel, Updates.addToSet("consents", new Document("questionnaire", questionnaire)
                .append("version", version).append("given", given).append("at", Date.from(at))), at);
    }

    public void markStopped(String respondent, String reason, Instant at) {
        respondents().updateOne(Filters.eq("_id", respondent), Updates.combine(Updates.set("blocked", true),
                Updates.set("blockedReason", reason), Updates.set("updatedAt", Date.from(at)),
                Updates.setOnInsert("createdAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    /** A resident who had blocked the bot wrote again: no longer blocked. */
    public void markBack(String respondent, String channel, Instant at) {
        updateRespondent(respondent, channel, Updates.set("blocked", false), at);
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    /** Stores one answer under a deterministic id, so storing it again after a crash changes nothing. */
    public void putAnswer(String id, Document answer) {
        answers().replaceOne(Filters.eq("_id", id), answer.append("_id", id), new ReplaceOptions().upsert(true));
    }

    public Answers answerRepository() {
        return answerRepository;
    }

    /** Keeps the typed replies of one message that fitted no option (one round trip, deterministic ids). */
    public void putUnplaced(List<UnplacedReply> replies) {
        Unit unit = writeBehind.current();
        if (unit != null) {
            unit.unplaced.addAll(replies);
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>();
        for (UnplacedReply u : replies) {
            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", u.id()), unplacedDocument(u),
                    new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            unplaced().bulkWrite(writes);
        }
    }

    static Document unplacedDocument(UnplacedReply u) {
        return new Document("_id", u.id()).append("respondent", u.respondent())
                .append("questionnaire", u.questionnaire()).append("version", u.version())
                .append("question", u.question()).append("text", u.text()).append("channel", u.channel())
                .append("at", Date.from(u.at()));
    }

    /** Stores the answers of one message (one bulk write; inside a unit with the unit); returns their documents. */
    public List<Document> putAnswers(List<StoredAnswer> answers) {
        Unit u = writeBehind.current();
        if (u != null) {
            List<Document> docs = answers.stream().map(Answers::document).toList();
            u.answers.addAll(docs);
            return docs;
        }
        return answerRepository.putAll(answers);
    }

    public List<UnplacedReply> unplacedOf(String respondent) {
        writeBehind.awaitWritten(respondent);
        List<UnplacedReply> out = new ArrayList<>();
        unplaced().find(Filters.eq("respondent", respondent)).sort(Sorts.ascending("at", "_id"))
                .forEach(d -> out.add(new UnplacedReply(d.getString("_id"), d.getString("respondent"),
                        d.getString("questionnaire"), d.getInteger("version", 1), d.getString("question"),
                        d.getString("text"), d.getString("channel"), d.getDate("at").toInstant())));
        return out;
    }

    public List<StoredAnswer> answersOf(String respondent) {
        writeBehind.awaitWritten(respondent);
        List<StoredAnswer> out = new ArrayList<>();
        answers().find(Filters.eq("respondent", respondent)).sort(Sorts.ascending("receivedAt", "_id"))
                .forEach(d -> out.add(Answers.read(d)));
        return out;
    }

    // ---- idempotency ------------------------------------------------------------------------------------------

    public boolean isProcessed(String inputId) {
        writeBehind.awaitWritten(inputId);
        return processed().find(Filters.eq("_id", inputId)).first() != null;
    }

    /** Marks an inbound message as handled; {@code respondent} may be null (after a deletion nothing links it back). */
    public void markProcessed(String inputId, String respondent, Instant at) {
        Unit u = writeBehind.current();
        if (u != null) {
            u.processed.add(new Unit.ProcessedMark(inputId, respondent, at));
            return;
        }
        processed().replaceOne(Filters.eq("_id", inputId), processedDocument(inputId, respondent, at),
                new ReplaceOptions().upsert(true));
    }

    static Document processedDocument(String inputId, String respondent, Instant at) {
        Document d = new Document("_id", inputId).append("at", Date.from(at));
        if (respondent != null) {
            d.append("respondent", respondent);
        }
        return d;
    }

    public long forgetProcessedBefore(Instant cutoff) {
        return processed().deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }

    // ---- outbox -----------------------------------------------------------------------------------------------

    /** Items for the outbox: with the message's other writes when inside a {@link #unit}, else written at once. */
    public void enqueueItems(List<OutboxItem> items) {
        enqueue(OutboxItems.toDocuments(items));
    }

    /** As {@link #enqueueItems}, for documents already in the stored form (tests, data of before). */
    public void enqueue(List<Document> items) {
        Unit u = writeBehind.current();
        if (u != null) {
            u.outbox.addAll(items); // written with the message's other writes
            return;
        }
        try {
            insertIgnoringDuplicates(outbox(), items);
        } catch (RuntimeException e) {
            outboxWriteFailed();
            throw e;
        }
        outboxWritten(items);
    }

    /**
     * For a service that is its store's only writer (the embedded store, whose file no other process can open):
     * the dispatcher's listing of the outbox's heads comes from memory ({@link OutboxQueue}) instead of an
     * aggregation over the whole outbox per round. Instances sharing a store keep the aggregation: each sees the
     * others' items only through it.
     */
    public void keepOutboxHeadsInMemory() {
        memoryHeads = new OutboxQueue(() -> outbox().find().into(new ArrayList<>()), this::outboxByIds);
    }

    /**
     * The stored outbox items of these ids (the heads a dispatcher round lists, a few dozen): by {@code _id} from the
     * embedded server in process when it is this process's, else one query through the driver.
     */
    private Map<String, Document> outboxByIds(List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        EmbeddedMongo local = inProcess;
        if (local != null) {
            try {
                for (String id : ids) {
                    var d = local.byId(db.getName(), "outbox", id);
                    if (d != null) {
                        found.put(id, InProcessDocuments.toBson(d));
                    }
                }
                return found;
            } catch (InProcessDocuments.Unsupported e) {
                found.clear(); // a value the conversion does not know: the driver's read decodes anything
            }
        }
        outbox().find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    /**
     * Whether this service is its store's only writer (the in-process embedded store, see
     * {@link #keepOutboxHeadsInMemory}): then leases found in it at start are a killed predecessor's. (The durability
     * is no longer the embedded store itself but the write-behind wrapper, so it cannot tell.)
     */
    public boolean soleWriter() {
        return memoryHeads != null;
    }

    private void outboxWritten(List<Document> items) {
        OutboxQueue q = memoryHeads;
        if (q != null && !items.isEmpty()) {
            q.added(items);
        }
    }

    /** A write of outbox items failed, maybe after part of it landed: the heads in memory are read again. */
    private void outboxWriteFailed() {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            q.invalidate();
        }
    }

    /** An item the dispatcher listed could not be claimed: sent or removed meanwhile, it is not listed again. */
    public void outboxGone(String id) {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            q.remove(id);
        }
    }

    void outboxRescheduled(String id, int attempts, Instant notBefore) {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            q.rescheduled(id, attempts, notBefore);
        }
    }

    static void insertIgnoringDuplicates(MongoCollection<Document> collection, List<Document> items) {
        if (items.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(items, new com.mongodb.client.model.InsertManyOptions().ordered(false));
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
        OutboxQueue q = memoryHeads;
        if (q != null) {
            return q.heads(limit);
        }
        List<Document> heads = new ArrayList<>();
        outbox().aggregate(List.of(
                Aggregates.sort(Sorts.ascending("seq")),
                Aggregates.group("$chat", Accumulators.first("head", "$$ROOT")),
                Aggregates.sort(Sorts.ascending("head.seq")),
                Aggregates.limit(limit))).forEach(d -> heads.add(d.get("head", Document.class)));
        return heads;
    }

    /**
     * The heads a dispatcher of {@code lane} may send now (see {@link OutboxQueue#ready}): from memory, only chats not
     * parked; on a shared store (no listing in memory) every head of the lane, and the dispatcher filters them.
     */
    public List<OutboxItem> outboxReady(String lane, int limit, Instant now) {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            return OutboxItems.fromDocuments(q.ready(lane, limit, now));
        }
        List<OutboxItem> heads = new ArrayList<>();
        for (Document d : outboxHeads(Integer.MAX_VALUE)) {
            if (heads.size() < limit && OutboxQueue.lane(d.getString("chat")).equals(lane)) {
                heads.add(OutboxItems.fromDocument(d));
            }
        }
        return heads;
    }

    /** The chat's heads are left out of {@link #outboxReady} until {@code until}; no-op on a shared store. */
    public void outboxPark(String chat, Instant until, boolean soft) {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            q.park(chat, until, soft);
        }
    }

    public void outboxUnpark(String chat) {
        OutboxQueue q = memoryHeads;
        if (q != null) {
            q.unpark(chat);
        }
    }

    public void outboxDone(String id) {
        outbox().deleteOne(Filters.eq("_id", id));
        outboxGone(id);
    }

    /** Several sent items removed in one delete (see {@code SentRemovals}). */
    public void outboxDone(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        outbox().deleteMany(Filters.in("_id", ids));
        ids.forEach(this::outboxGone);
    }

    public long dropOutboxForChat(String chat) {
        long n = outbox().deleteMany(Filters.eq("chat", chat)).getDeletedCount();
        OutboxQueue q = memoryHeads;
        if (q != null) {
            // read again rather than removed by chat: an item of this chat written between the delete and now (a
            // grouped write) is in the store and must stay listed (a rare path: a resident who blocked the bot)
            q.invalidate();
        }
        return n;
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

    // ---- retention (ops/Retention): whole-collection reads and conditional deletes ------------------------------

    /** A session as retention sees it: whose, of which questionnaire, last changed when. */
    public record SessionStamp(String respondent, String questionnaire, Instant updatedAt) {
    }

    /** Every session's stamp (write the queued messages first: {@link #writeQueued}). */
    public List<SessionStamp> sessionStamps() {
        List<SessionStamp> out = new ArrayList<>();
        sessions().find().projection(com.mongodb.client.model.Projections.include("_id", "questionnaire", "updatedAt"))
                .forEach(d -> {
                    if (d.getString("_id") != null && d.getDate("updatedAt") != null) {
                        out.add(new SessionStamp(d.getString("_id"), d.getString("questionnaire"),
                                d.getDate("updatedAt").toInstant()));
                    }
                });
        return out;
    }

    /** Deletes a session unless it changed since its stamp was read; true when deleted. */
    public boolean deleteSessionIfUnchanged(SessionStamp s) {
        return sessions().deleteOne(Filters.and(Filters.eq("_id", s.respondent()),
                Filters.eq("updatedAt", Date.from(s.updatedAt())))).getDeletedCount() == 1;
    }

    public boolean hasSession(String respondent) {
        writeBehind.awaitWritten(respondent);
        return sessions().countDocuments(Filters.eq("_id", respondent)) > 0;
    }

    public long answerCount(String respondent) {
        writeBehind.awaitWritten(respondent);
        return answerRepository.countOf(respondent);
    }

    /** The respondents who gave a consent at least once. */
    public java.util.Set<String> consentedRespondents() {
        java.util.Set<String> out = new java.util.HashSet<>();
        respondents().find(Filters.eq("consents.given", true)).projection(
                com.mongodb.client.model.Projections.include("_id")).forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** The respondents whose record was last changed before {@code cutoff}. */
    public List<String> respondentsUnchangedSince(Instant cutoff) {
        List<String> out = new ArrayList<>();
        respondents().find(Filters.lt("updatedAt", Date.from(cutoff)))
                .projection(com.mongodb.client.model.Projections.include("_id"))
                .forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** Removes a resident's unplaced replies to one questionnaire; returns how many. */
    public long deleteUnplacedOf(String respondent, String questionnaire) {
        return unplaced().deleteMany(Filters.and(Filters.eq("respondent", respondent),
                Filters.eq("questionnaire", questionnaire))).getDeletedCount();
    }

    public long parkedBefore(Instant cutoff) {
        return parked().countDocuments(Filters.lt("at", Date.from(cutoff)));
    }

    public long forgetParkedBefore(Instant cutoff) {
        return parked().deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }

    // ---- privacy ----------------------------------------------------------------------------------------------

    /** Removes everything stored about a resident, in every collection. Returns how much was removed per collection. */
    public Map<String, Long> deleteRespondent(String respondent, String chat) {
        Unit u = writeBehind.current();
        if (u != null) {
            u.forget(respondent); // nothing of this message brings back what is deleted now
        }
        writeBehind.awaitAllWritten(); // nor anything queued before it
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
        OutboxQueue q = memoryHeads;
        if (q != null) { // nothing of theirs stays in memory either
            q.removeRespondent(respondent);
            q.removeChat(chat);
        }
        removed.put("unplaced_replies", unplaced().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount());
        removed.put("parked_updates", parked().deleteMany(Filters.eq("respondent", respondent)).getDeletedCount());
        removed.put("codings", decisions.deleteOf(respondent, null));
        removed.put(WhatsAppWaiting.NAME, db.getCollection(WhatsAppWaiting.NAME)
                .deleteMany(Filters.eq("_id", respondent)).getDeletedCount());
        audit("respondent_deleted", new Document("answers", removed.get("answers")), Instant.now());
        return removed;
    }

    public void audit(String type, Map<String, ?> details, Instant at) {
        auditLog.record(type, details, at);
    }

    /** The {@code audit} collection ({@link Audit}). */
    public Audit auditLog() {
        return auditLog;
    }

    /** Every questionnaire version served ({@link StoredQuestionnaires}). */
    public StoredQuestionnaires storedQuestionnaires() {
        return storedQuestionnaires;
    }

    /** What saturation keeps ({@link SaturationRecords}: {@code saturation_scopes}, {@code alerts}). */
    public SaturationRecords saturationRecords() {
        return saturationRecords;
    }

    /** Analysts' decisions ({@link Decisions}: {@code codings}). */
    public Decisions decisions() {
        return decisions;
    }

    /** Analysts' edits of the codebook ({@link Codebooks}: {@code codebooks}). */
    public Codebooks codebooks() {
        return codebooks;
    }

    /** What codebook edits change in answers and decisions ({@link ThemeRelabels}). */
    public ThemeRelabels themeRelabels() {
        return themeRelabels;
    }

    /** The coders' records ({@link Models}). */
    public Models models() {
        return models;
    }

    // ---- collections and mapping ------------------------------------------------------------------------------

    /** For this package's repositories ({@link Leases}). */
    MongoCollection<Document> collection(String name) {
        return db.getCollection(name);
    }

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

    /** WhatsApp's delivery statuses, without personal data. */
    public WhatsAppStatuses whatsAppStatuses() {
        return new WhatsAppStatuses(db);
    }

    /** WhatsApp residents whose last replies were withheld (window closed, uncertain send). */
    public WhatsAppWaiting whatsAppWaiting() {
        return new WhatsAppWaiting(db);
    }

    /**
     * Marks an outbox item as handed to a channel that has no idempotency key (WhatsApp), synced before the call:
     * after a crash, an item so marked may have been accepted and is not sent again blindly.
     */
    public void outboxAttempted(String id) {
        outbox().updateOne(Filters.eq("_id", id), Updates.set("attempted", true));
    }

    /** The call was answered with a refusal (nothing sent): the item may go again as a first attempt. */
    public void outboxNotAttempted(String id) {
        outbox().updateOne(Filters.eq("_id", id), Updates.unset("attempted"));
    }

    MongoCollection<Document> outbox() {
        return db.getCollection("outbox");
    }

    MongoCollection<Document> parked() {
        return db.getCollection("parked_updates");
    }

    // ---- typed repositories of the pages' and jobs' collections (issue 17: nothing outside store/ sees BSON) ----
    // Made on each call (a collection handle is cheap); callers keep the one they got.

    /** The people who sign in ({@link AccountRecords}: {@code accounts}). */
    public AccountRecords accountRecords() {
        return new AccountRecords(db, syncing);
    }

    /** The reminder's settings, kept addresses and marks ({@link ReminderRecords}). */
    public ReminderRecords reminderRecords() {
        return new ReminderRecords(db);
    }

    /** The organisers' link areas per questionnaire ({@link ReachAreaRecords}: {@code reach_areas}). */
    public ReachAreaRecords reachAreaRecords() {
        return new ReachAreaRecords(db);
    }

    /** The organisers' saturation settings per questionnaire ({@link ScopeSettingsRecords}). */
    public ScopeSettingsRecords scopeSettingsRecords() {
        return new ScopeSettingsRecords(db, syncing);
    }

    /** Sessions counted by questionnaire, version and status ({@link Sessions#countsByVersion}). */
    public List<Sessions.VersionCount> sessionCountsByVersion() {
        return sessionRepository.countsByVersion();
    }
}
