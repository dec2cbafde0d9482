package be.buurtstem.bot.service.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit for the conversation path (RapidPro's mailroom commits a batch's effects together): the writes of
 * each inbound message are gathered into a {@link Unit} while it is handled ({@link #unit}), queued whole, and
 * written by the next {@link #flush}: one bulk write per collection for every message queued, in the order
 * sessions (the optimistic lock first), respondents, answers, unplaced replies, outbox, processed marks, inside one
 * {@code Durability.together} group so that no commit splits them. {@link #sync} flushes what was queued before it
 * was called and then syncs the store: it is what a channel calls before it confirms (the poller once per batch,
 * the webhook per request, so concurrent requests share one flush and one commit).
 * A read of a respondent or input id with writes still queued flushes first (read-your-writes).
 * A flush that fails is written again unit by unit (every write is idempotent on retry): a unit the store refuses
 * on its own while it answers is set aside, so it never blocks the others; when the store does not answer, the
 * units not yet written go back at the head of the queue (the next flush tries again) and every sync waiting for
 * them fails. A unit whose session lost the optimistic lock (another instance wrote it meanwhile) is dropped whole.
 * Either way only the sync of that unit's own caller fails ({@link SyncGroup}), so its update is not confirmed and
 * comes again: nothing is confirmed that is not written, and nobody else's confirmation waits for it.
 */
public final class WriteBehind {
    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<SyncGroup> GROUP = new ThreadLocal<>();
    /** Without a group: the thread's own (the webhook request and the web chat sync on the thread that handled). */
    private static final ThreadLocal<SyncGroup> IMPLICIT = ThreadLocal.withInitial(SyncGroup::new);
    private static final int FAILURES_KEPT = 10_000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /** Marks this instance's session writes ({@code _w}), so a lost optimistic lock is told from a won one. */
    private final String instance = java.util.UUID.randomUUID().toString();
    private final MongoDatabase db;
    private final Durability durability;
    private final Object queueLock = new Object();
    private final ReentrantLock flushLock = new ReentrantLock();
    private List<Unit> queue = new ArrayList<>();
    private long enqueued;
    private long written;
    private final Map<String, Integer> pendingKeys = new HashMap<>();
    /** Input id → how often its unit was refused (the oldest forgotten first). */
    private final Map<String, WriteFailure> failures = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WriteFailure> eldest) {
            return size() > FAILURES_KEPT;
        }
    };

    /** Told of outbox items once they are in the store, and of a failed write (see {@link OutboxQueue}). */
    private final java.util.function.Consumer<List<Document>> outboxWritten;
    private final Runnable outboxWriteFailed;

    WriteBehind(MongoDatabase db, Durability durability, java.util.function.Consumer<List<Document>> outboxWritten,
                Runnable outboxWriteFailed) {
        this.db = db;
        this.durability = durability;
        this.outboxWritten = outboxWritten;
        this.outboxWriteFailed = outboxWriteFailed;
    }

    /** Runs {@code work} gathering its writes into one unit, queued when it returns (dropped when it throws). */
    public <T> T unit(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get(); // nested: part of the enclosing unit
        }
        Unit u = new Unit(group());
        CURRENT.set(u);
        T result;
        try {
            result = work.get();
        } finally {
            CURRENT.remove();
        }
        enqueue(u);
        return result;
    }

    /** The unit being gathered on this thread, or null: then writes go to the store at once. */
    Unit current() {
        return CURRENT.get();
    }

    private void enqueue(Unit u) {
        if (u.isEmpty()) {
            return;
        }
        synchronized (queueLock) {
            u.seq = ++enqueued;
            queue.add(u);
            u.keys = u.writtenKeys();
            for (String k : u.keys) {
                pendingKeys.merge(k, 1, Integer::sum);
            }
        }
    }

    /** Flushes first when a queued (or being written) unit writes {@code key} (a respondent or an input id). */
    void awaitWritten(String key) {
        boolean pending;
        synchronized (queueLock) {
            pending = key != null && pendingKeys.containsKey(key);
        }
        if (pending) {
            flush();
        }
    }

    /** Flushes first when anything is queued or being written (the rare reads: my data, a deletion). */
    void awaitAllWritten() {
        boolean pending;
        synchronized (queueLock) {
            pending = !pendingKeys.isEmpty() || !queue.isEmpty();
        }
        if (pending) {
            flush();
        }
    }

    /** Writes every unit queued so far. */
    public void flush() {
        flushLock.lock();
        try {
            List<Unit> batch;
            synchronized (queueLock) {
                batch = queue;
                queue = new ArrayList<>();
            }
            if (batch.isEmpty()) {
                return;
            }
            Set<Unit> losers;
            try {
                losers = durability.together(() -> write(batch));
            } catch (Error e) {
                requeue(batch);
                throw e;
            } catch (RuntimeException e) {
                // one unit that always fails must not stop every later flush: each is written again on its own
                // (every write is idempotent on retry: see writeSessions and the respondents' $addToSet)
                losers = new HashSet<>();
                for (int i = 0; i < batch.size(); i++) {
                    Unit u = batch.get(i);
                    try {
                        losers.addAll(durability.together(() -> write(List.of(u))));
                    } catch (RuntimeException | Error alone) {
                        if (alone instanceof RuntimeException re && storeAnswers()) {
                            setAside(u, re);
                            continue;
                        }
                        // the store itself is down (or an Error): this unit and the rest go back at the head, in
                        // order, and the next flush tries them again; the ones before it are written
                        done(batch.subList(0, i), losers);
                        requeue(new ArrayList<>(batch.subList(i, batch.size())));
                        throw alone;
                    }
                }
            }
            done(batch, losers);
        } finally {
            flushLock.unlock();
        }
    }

    private void requeue(List<Unit> units) {
        synchronized (queueLock) {
            units.addAll(queue); // an Error too: a batch lost here would leave sync() waiting forever
            queue = units;
        }
    }

    /** Whether the store answers: then a unit that fails on its own is at fault, not the store. */
    private boolean storeAnswers() {
        try {
            db.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A unit the store refuses on its own (while it takes the others): not written, so its caller's sync fails and
     * its message is not confirmed; it comes again, and after a few such failures the channel parks it
     * ({@link #writeFailures}).
     */
    private void setAside(Unit u, RuntimeException e) {
        u.failed = true;
        String why = e.getClass().getSimpleName() + (e instanceof com.mongodb.MongoException m ? " " + m.getCode() : "");
        synchronized (failures) {
            for (Unit.ProcessedMark p : u.processed) {
                failures.merge(p.inputId(), new WriteFailure(1, why), (a, b) -> new WriteFailure(a.count() + 1, why));
            }
        }
        log.warn("a message's writes were refused by the store and set aside ({}); it is not confirmed", why);
    }

    /** The bookkeeping of written units (in queue order): their keys released, their callers told, hooks run. */
    private void done(List<Unit> units, Set<Unit> losers) {
        if (units.isEmpty()) {
            return;
        }
        synchronized (queueLock) {
            written = units.getLast().seq;
            for (Unit u : units) {
                for (String k : u.keys) {
                    pendingKeys.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1);
                }
                if (losers.contains(u)) {
                    u.group.lost.incrementAndGet();
                } else if (u.failed) {
                    u.group.failed.incrementAndGet();
                }
            }
        }
        for (Unit u : units) {
            if (!losers.contains(u) && !u.failed) {
                if (!u.processed.isEmpty()) {
                    synchronized (failures) {
                        u.processed.forEach(p -> failures.remove(p.inputId()));
                    }
                }
                for (Runnable r : u.afterWrite) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        log.warn("after-write hook failed: {}", e.getClass().getSimpleName());
                    }
                }
            }
        }
    }

    /**
     * Everything queued before this call is written and on disk when it returns. Throws when one of the caller's
     * own units ({@link SyncGroup}: this thread's, or the group it runs in) was not written: its session was
     * changed by another instance meanwhile, or the store refused it. Other callers' losses do not concern it.
     */
    public void sync() {
        SyncGroup group = group();
        long target;
        synchronized (queueLock) {
            target = enqueued;
        }
        while (true) {
            synchronized (queueLock) {
                if (written >= target) {
                    break;
                }
            }
            flush();
        }
        durability.sync();
        int lostUnits = group.lost.getAndSet(0);
        int failedUnits = group.failed.getAndSet(0);
        if (lostUnits > 0) {
            throw new ConcurrentUpdateException("a session was changed by another instance meanwhile");
        }
        if (failedUnits > 0) {
            throw new IllegalStateException(failedUnits + " message(s) refused by the store, not confirmed");
        }
    }

    /** A new group of messages confirmed by one sync. */
    SyncGroup newGroup() {
        return new SyncGroup(this);
    }

    static SyncGroup enter(SyncGroup g) {
        SyncGroup outer = GROUP.get();
        GROUP.set(g);
        return outer;
    }

    static void leave(SyncGroup outer) {
        if (outer == null) {
            GROUP.remove();
        } else {
            GROUP.set(outer);
        }
    }

    /** The group whose units this thread's {@link #unit}s join and whose losses its {@link #sync} reports. */
    private static SyncGroup group() {
        SyncGroup g = GROUP.get();
        return g != null ? g : IMPLICIT.get();
    }

    /** How often the writes of the message with this input id were refused by the store (0: never, or written since). */
    public WriteFailure writeFailures(String inputId) {
        synchronized (failures) {
            return inputId == null ? null : failures.get(inputId);
        }
    }

    /** How often a message's writes were refused, and the error's kind (never its text: it may quote a resident). */
    public record WriteFailure(int count, String error) {
    }

    /** The bulk writes of one flush; returns the units dropped because their session lost the optimistic lock. */
    private Set<Unit> write(List<Unit> batch) {
        Set<Unit> losers = writeSessions(batch);
        List<WriteModel<Document>> respondents = new ArrayList<>();
        List<WriteModel<Document>> answers = new ArrayList<>();
        List<WriteModel<Document>> unplaced = new ArrayList<>();
        List<Document> outbox = new ArrayList<>();
        List<WriteModel<Document>> processed = new ArrayList<>();
        for (Unit u : batch) {
            if (losers.contains(u)) {
                continue;
            }
            for (Unit.RespondentWrite r : u.respondents) {
                respondents.add(new UpdateOneModel<>(Filters.eq("_id", r.respondent()), r.update(),
                        new UpdateOptions().upsert(true)));
            }
            for (Document a : u.answers) {
                answers.add(new ReplaceOneModel<>(Filters.eq("_id", a.get("_id")), a, UPSERT));
            }
            for (UnplacedReply r : u.unplaced) {
                unplaced.add(new ReplaceOneModel<>(Filters.eq("_id", r.id()), Store.unplacedDocument(r), UPSERT));
            }
            outbox.addAll(u.outbox);
            for (Unit.ProcessedMark p : u.processed) {
                processed.add(new ReplaceOneModel<>(Filters.eq("_id", p.inputId()), Store.processedDocument(
                        p.inputId(), p.respondent(), p.at()), UPSERT));
            }
        }
        bulk("respondents", respondents);
        bulk("answers", answers);
        bulk("unplaced_replies", unplaced);
        try {
            Store.insertIgnoringDuplicates(db.getCollection("outbox"), outbox);
        } catch (RuntimeException e) {
            outboxWriteFailed.run();
            throw e;
        }
        outboxWritten.accept(outbox);
        bulk("processed_updates", processed);
        return losers;
    }

    private void bulk(String collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            db.getCollection(collection).bulkWrite(writes); // ordered: a respondent's updates apply in turn
        }
    }

    private Set<Unit> writeSessions(List<Unit> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Unit> owners = new ArrayList<>();
        for (Unit u : batch) {
            for (Unit.SessionWrite w : u.sessions) {
                Document doc = Sessions.write(w.session().withVersion(w.expectedVersion() + 1))
                        .append("_w", instance + ":" + u.seq);
                writes.add(w.expectedVersion() == 0 ? new InsertOneModel<>(doc)
                        : new ReplaceOneModel<>(Filters.and(Filters.eq("_id", w.session().respondent()),
                        Filters.eq("version", w.expectedVersion())), doc));
                owners.add(u);
            }
        }
        Set<Unit> losers = new HashSet<>();
        if (writes.isEmpty()) {
            return losers;
        }
        MongoCollection<Document> sessions = db.getCollection("sessions");
        int applied;
        boolean duplicates = false;
        try {
            var r = sessions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            applied = r.getInsertedCount() + r.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                duplicates = true;
            }
            applied = e.getWriteResult().getInsertedCount() + e.getWriteResult().getMatchedCount();
        }
        if (duplicates || applied < writes.size()) {
            // an insert found the session there, or a replace matched nothing: whose session does not carry this
            // unit's mark? (the version alone cannot tell: the other writer wrote the same next version; and a
            // retried flush finds its own first attempt's session, which is no loss)
            Map<String, String> wrote = new HashMap<>();
            Map<String, Unit> owner = new HashMap<>();
            for (Unit u : batch) {
                for (Unit.SessionWrite w : u.sessions) {
                    wrote.put(w.session().respondent(), instance + ":" + u.seq);
                    owner.put(w.session().respondent(), u);
                }
            }
            Map<String, String> stored = new HashMap<>();
            sessions.find(Filters.in("_id", wrote.keySet())).projection(Projections.include("_w"))
                    .forEach(d -> stored.put(d.getString("_id"), d.getString("_w")));
            wrote.forEach((rid, mark) -> {
                if (!mark.equals(stored.get(rid))) {
                    losers.add(owner.get(rid));
                }
            });
        }
        if (!losers.isEmpty()) {
            log.warn("{} message(s) dropped: their session was changed by another instance", losers.size());
        }
        return losers;
    }
}
