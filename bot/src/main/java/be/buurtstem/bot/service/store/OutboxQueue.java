package be.buurtstem.bot.service.store;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The outbox's heads (each chat's oldest item) kept in memory, for a service that is the only writer of its store
 * (the embedded one). Listing the heads through the store was one aggregation over the whole outbox per dispatcher
 * round: with a backlog it took most of the service's CPU (28–53 % in the profile of issue 17) and held the outbox's
 * lock while replies waited to be queued, so the backlog grew the cost that grew the backlog.
 * <p>
 * The queue learns of every item once it is written to the store ({@link #added}) and of every removal; it is filled
 * from the store on first use (items left from before a restart). When it may be wrong (a failed write whose part
 * may have landed) it is {@link #invalidate() invalidated} and read again. An item it lists that is no longer in the
 * store is refused by the claim and then {@link #remove removed}, so a stale entry costs one round trip, never a send.
 * Thread-safe: one lock, every operation O(log n).
 * <p>
 * Besides every head, the queue keeps the <em>ready</em> heads per lane (the part of the chat before its first
 * {@code :}, so {@code wa:} chats are one lane and Telegram's numbers another): those of chats the dispatcher has not
 * {@link #park parked} (one in flight, its per-chat interval or back-off running). A dispatcher round then looks only
 * at heads it can send ({@link #ready}), not at thousands it cannot (the listing of every head cost 7.8 % of the
 * CPU under load, issue 17). A park ends at its time or by {@link #unpark}; a soft park (the per-chat interval) does
 * not hold back a head that is not paced (a button press's acknowledgement, {@code callback}).
 */
final class OutboxQueue {
    private record Head(long seq, String chat) {
    }

    private static final Comparator<Head> ORDER = Comparator.comparingLong(Head::seq).thenComparing(Head::chat);

    private final Supplier<List<Document>> load;
    private final Map<String, TreeMap<Long, Document>> byChat = new HashMap<>();
    private final Map<String, Document> byId = new HashMap<>();
    private final TreeSet<Head> heads = new TreeSet<>(ORDER);
    private boolean loaded;
    /** The dispatchers' parks, per chat; kept across {@link #invalidate()} (they are not the store's). */
    private final Map<String, Park> parks = new HashMap<>();
    private final TreeSet<Park> wakeups = new TreeSet<>(Comparator.comparing(Park::until).thenComparing(Park::chat));
    private final Map<String, TreeSet<Head>> readyByLane = new HashMap<>();
    private final Map<String, Head> readyHead = new HashMap<>();

    private record Park(Instant until, String chat, boolean soft) {
    }

    /** @param load every item in the store (the start, or after {@link #invalidate()}) */
    OutboxQueue(Supplier<List<Document>> load) {
        this.load = load;
    }

    synchronized List<Document> heads(int limit) {
        ensureLoaded();
        List<Document> out = new ArrayList<>(Math.min(limit, heads.size()));
        for (Head h : heads) {
            if (out.size() >= limit) {
                break;
            }
            out.add(byChat.get(h.chat()).firstEntry().getValue());
        }
        return out;
    }

    /** Heads of the lane's chats that are not parked, oldest first, at most {@code limit}; ends parks due by now. */
    synchronized List<Document> ready(String lane, int limit, Instant now) {
        ensureLoaded();
        while (!wakeups.isEmpty() && !wakeups.first().until().isAfter(now)) {
            Park p = wakeups.pollFirst();
            parks.remove(p.chat());
            refresh(p.chat());
        }
        TreeSet<Head> ready = readyByLane.get(lane);
        if (ready == null) {
            return List.of();
        }
        List<Document> out = new ArrayList<>(Math.min(limit, ready.size()));
        for (Head h : ready) {
            if (out.size() >= limit) {
                break;
            }
            out.add(byChat.get(h.chat()).firstEntry().getValue());
        }
        return out;
    }

    /** The chat's heads are not ready until {@code until} (or {@link #unpark}); a later park replaces an earlier. */
    synchronized void park(String chat, Instant until, boolean soft) {
        Park old = parks.remove(chat);
        if (old != null) {
            wakeups.remove(old);
        }
        Park p = new Park(until, chat, soft);
        parks.put(chat, p);
        wakeups.add(p);
        refresh(chat);
    }

    synchronized void unpark(String chat) {
        Park old = parks.remove(chat);
        if (old != null) {
            wakeups.remove(old);
            refresh(chat);
        }
    }

    static String lane(String chat) {
        int colon = chat == null ? -1 : chat.indexOf(':');
        return colon < 0 ? "" : chat.substring(0, colon);
    }

    /** Puts the chat's head among the ready ones, or takes it out, after its head or its park changed. */
    private void refresh(String chat) {
        Head old = readyHead.remove(chat);
        String lane = lane(chat);
        if (old != null) {
            readyByLane.get(lane).remove(old);
        }
        TreeMap<Long, Document> items = byChat.get(chat);
        if (items == null || items.isEmpty()) {
            return;
        }
        Park p = parks.get(chat);
        Document head = items.firstEntry().getValue();
        if (p == null || (p.soft() && "callback".equals(head.getString("type")))) {
            Head h = new Head(items.firstKey(), chat);
            readyHead.put(chat, h);
            readyByLane.computeIfAbsent(lane, l -> new TreeSet<>(ORDER)).add(h);
        }
    }

    /** Items now in the store; one already known (a replayed message's deterministic ids) is left as it was. */
    synchronized void added(List<Document> items) {
        if (!loaded) {
            return; // read from the store on first use, these included
        }
        for (Document d : items) {
            put(d);
        }
    }

    synchronized void remove(String id) {
        Document d = byId.remove(id);
        if (d == null) {
            return;
        }
        String chat = d.getString("chat");
        TreeMap<Long, Document> items = byChat.get(chat);
        long seq = seq(d);
        boolean wasHead = items.firstKey() == seq;
        items.remove(seq);
        if (wasHead) {
            heads.remove(new Head(seq, chat));
            if (items.isEmpty()) {
                byChat.remove(chat);
            } else {
                heads.add(new Head(items.firstKey(), chat));
            }
            refresh(chat);
        }
    }

    synchronized void removeWhere(String field, String value) {
        if (value == null) {
            return;
        }
        for (Document d : List.copyOf(byId.values())) {
            if (value.equals(d.getString(field))) {
                remove(d.getString("_id"));
            }
        }
    }

    /** A retry later: the listed item carries its attempts and when it may go, as the store's copy does. */
    synchronized void rescheduled(String id, int attempts, Instant notBefore) {
        Document d = byId.get(id);
        if (d != null) {
            // a copy: a sender may be reading the listed one
            Document changed = new Document(d).append("attempts", attempts).append("notBefore", Date.from(notBefore));
            byId.put(id, changed);
            byChat.get(changed.getString("chat")).put(seq(changed), changed);
            refresh(changed.getString("chat"));
        }
    }

    synchronized void invalidate() {
        loaded = false;
        byChat.clear();
        byId.clear();
        heads.clear();
        readyByLane.clear();
        readyHead.clear();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        for (Document d : load.get()) {
            put(d);
        }
        loaded = true;
    }

    private void put(Document d) {
        String id = d.getString("_id");
        if (byId.containsKey(id)) {
            return;
        }
        String chat = d.getString("chat");
        long seq = seq(d);
        TreeMap<Long, Document> items = byChat.computeIfAbsent(chat, c -> new TreeMap<>());
        Long oldHead = items.isEmpty() ? null : items.firstKey();
        if (items.putIfAbsent(seq, d) != null) {
            return; // the same order number twice in one chat cannot come from one writer; keep the first
        }
        byId.put(id, d);
        if (oldHead == null || seq < oldHead) {
            if (oldHead != null) {
                heads.remove(new Head(oldHead, chat));
            }
            heads.add(new Head(seq, chat));
            refresh(chat);
        }
    }

    private static long seq(Document d) {
        return ((Number) d.get("seq")).longValue();
    }
}
