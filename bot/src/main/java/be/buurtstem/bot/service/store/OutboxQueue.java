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
import java.util.function.Function;
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
 * <p>
 * It keeps what ordering and listing need of each item ({@link Item}: id, chat, order number, respondent, whether it
 * is an acknowledgement, and a retry's attempts and time), not the item: the documents of the heads a round lists are
 * read from the store when listed ({@code fetch}; in process for the embedded store). Holding every queued document
 * filled a 512 MB heap when 100,000 residents' 200,000 replies waited (bin/load memory, 2026-12-04).
 */
final class OutboxQueue {
    private record Head(long seq, String chat) {
    }

    /** An item as the queue knows it; {@code attempts}/{@code notBefore} are null unless it was rescheduled. */
    private record Item(String id, String chat, long seq, String respondent, boolean callback, Integer attempts,
                        Date notBefore) {
        static Item of(Document d) {
            return new Item(d.getString("_id"), d.getString("chat"), OutboxQueue.seq(d), d.getString("respondent"),
                    "callback".equals(d.getString("type")), null, null);
        }
    }

    private static final Comparator<Head> ORDER = Comparator.comparingLong(Head::seq).thenComparing(Head::chat);

    private final Supplier<List<Document>> load;
    private final Function<List<String>, Map<String, Document>> fetch;
    private final Map<String, TreeMap<Long, Item>> byChat = new HashMap<>();
    private final Map<String, Item> byId = new HashMap<>();
    private final TreeSet<Head> heads = new TreeSet<>(ORDER);
    private boolean loaded;
    /** The dispatchers' parks, per chat; kept across {@link #invalidate()} (they are not the store's). */
    private final Map<String, Park> parks = new HashMap<>();
    private final TreeSet<Park> wakeups = new TreeSet<>(Comparator.comparing(Park::until).thenComparing(Park::chat));
    private final Map<String, TreeSet<Head>> readyByLane = new HashMap<>();
    private final Map<String, Head> readyHead = new HashMap<>();

    private record Park(Instant until, String chat, boolean soft) {
    }

    /**
     * @param load  every item in the store (the start, or after {@link #invalidate()})
     * @param fetch the stored documents of these ids (an id not in the store is left out)
     */
    OutboxQueue(Supplier<List<Document>> load, Function<List<String>, Map<String, Document>> fetch) {
        this.load = load;
        this.fetch = fetch;
    }

    List<Document> heads(int limit) {
        List<Item> chosen;
        synchronized (this) {
            ensureLoaded();
            chosen = firstItems(heads, limit);
        }
        return documents(chosen);
    }

    /** Heads of the lane's chats that are not parked, oldest first, at most {@code limit}; ends parks due by now. */
    List<Document> ready(String lane, int limit, Instant now) {
        List<Item> chosen;
        synchronized (this) {
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
            chosen = firstItems(ready, limit);
        }
        return documents(chosen);
    }

    /** The items of the first {@code limit} of these heads, in order; under the lock. */
    private List<Item> firstItems(Iterable<Head> of, int limit) {
        List<Item> chosen = new ArrayList<>();
        for (Head h : of) {
            if (chosen.size() >= limit) {
                break;
            }
            chosen.add(byChat.get(h.chat()).firstEntry().getValue());
        }
        return chosen;
    }

    /**
     * The stored documents of the chosen items, in their order, read outside the lock (the conversation path adds
     * items meanwhile), with a retry's attempts and time as the queue knows them. An item no longer stored was sent
     * or dropped since: it leaves the queue.
     */
    private List<Document> documents(List<Item> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<String, Document> found = fetch.apply(chosen.stream().map(Item::id).toList());
        List<Document> out = new ArrayList<>(chosen.size());
        for (Item i : chosen) {
            Document d = found.get(i.id());
            if (d == null) {
                remove(i.id());
                continue;
            }
            if (i.attempts() != null) {
                d = new Document(d).append("attempts", i.attempts()).append("notBefore", i.notBefore());
            }
            out.add(d);
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
        TreeMap<Long, Item> items = byChat.get(chat);
        if (items == null || items.isEmpty()) {
            return;
        }
        Park p = parks.get(chat);
        Item head = items.firstEntry().getValue();
        if (p == null || (p.soft() && head.callback())) {
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
        Item d = byId.remove(id);
        if (d == null) {
            return;
        }
        String chat = d.chat();
        TreeMap<Long, Item> items = byChat.get(chat);
        long seq = d.seq();
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

    /** Every item of the respondent (a deletion). */
    synchronized void removeRespondent(String respondent) {
        if (respondent == null) {
            return;
        }
        for (Item d : List.copyOf(byId.values())) {
            if (respondent.equals(d.respondent())) {
                remove(d.id());
            }
        }
    }

    /** Every item of the chat. */
    synchronized void removeChat(String chat) {
        TreeMap<Long, Item> items = chat == null ? null : byChat.get(chat);
        if (items != null) {
            for (Item d : List.copyOf(items.values())) {
                remove(d.id());
            }
        }
    }

    /** A retry later: the listed item carries its attempts and when it may go, as the store's copy does. */
    synchronized void rescheduled(String id, int attempts, Instant notBefore) {
        Item d = byId.get(id);
        if (d != null) {
            Item changed = new Item(d.id(), d.chat(), d.seq(), d.respondent(), d.callback(), attempts,
                    Date.from(notBefore));
            byId.put(id, changed);
            byChat.get(changed.chat()).put(changed.seq(), changed);
            refresh(changed.chat());
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

    private void put(Document doc) {
        Item d = Item.of(doc);
        String id = d.id();
        if (byId.containsKey(id)) {
            return;
        }
        String chat = d.chat();
        long seq = d.seq();
        TreeMap<Long, Item> items = byChat.computeIfAbsent(chat, c -> new TreeMap<>());
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
