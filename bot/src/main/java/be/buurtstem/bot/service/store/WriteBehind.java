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
import java.util.concurrent.ConcurrentSkipListMap;
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
 * A flush that fails puts its units back at the head of the queue (the next flush tries again) and every sync
 * waiting for them fails: nothing is confirmed that is not written. A unit whose session lost the optimistic lock
 * (another instance wrote it meanwhile) is dropped whole; syncs covering it fail for a while, so its update is not
 * confirmed and comes again.
 */
public final class WriteBehind {
    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();
    private static final long LOST_FOR_MILLIS = 10_000;
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
    /** seq of a dropped unit → when it was dropped. */
    private final ConcurrentSkipListMap<Long, Long> lost = new ConcurrentSkipListMap<>();

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
        Unit u = new Unit();
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
            for (String k : u.keys()) {
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
            } catch (RuntimeException | Error e) { // an Error too: a batch lost here would leave sync() waiting forever
                synchronized (queueLock) {
                    batch.addAll(queue); // back at the head, in order: the next flush writes them again
                    queue = batch;
                }
                throw e;
            }
            long now = System.currentTimeMillis();
            synchronized (queueLock) {
                written = batch.getLast().seq;
                for (Unit u : batch) {
                    for (String k : u.keys()) {
                        pendingKeys.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1);
                    }
                    if (losers.contains(u)) {
                        lost.put(u.seq, now);
                    }
                }
            }
            for (Unit u : batch) {
                if (!losers.contains(u)) {
                    for (Runnable r : u.afterWrite) {
                        try {
                            r.run();
                        } catch (RuntimeException e) {
                            log.warn("after-write hook failed: {}", e.getClass().getSimpleName());
                        }
                    }
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    /** Everything queued before this call is written and on disk when it returns; throws when it is not. */
    public void sync() {
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
        long now = System.currentTimeMillis();
        lost.entrySet().removeIf(e -> now - e.getValue() > LOST_FOR_MILLIS);
        if (!lost.headMap(target, true).isEmpty()) {
            throw new ConcurrentUpdateException("a session was changed by another instance meanwhile");
        }
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
        try {
            var r = sessions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            applied = r.getInsertedCount() + r.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                losers.add(owners.get(error.getIndex()));
            }
            applied = e.getWriteResult().getInsertedCount() + e.getWriteResult().getMatchedCount();
        }
        if (applied + losers.size() < writes.size()) {
            // a replace matched nothing: whose session does not carry this flush's mark? (the version alone cannot
            // tell: the other writer wrote the same next version)
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
