package be.buurtstem.bot.service.outbox;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.outbox.OutboxChannel.Outcome;
import be.buurtstem.bot.service.store.OutboxItem;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The channel-neutral part of the outbox: one dispatcher thread hands each chat's oldest item (its head) to a pool
 * of senders, one item in flight per chat, so order per chat is kept; the overall limit ({@link SendPacer}), the
 * per-chat interval, back-offs and pauses, the leases of several instances and the removal of sent items are all kept
 * here, and the {@link OutboxChannel} only makes the call and maps its answer.
 * <p>
 * <b>Senders never wait on the disk.</b> Once the channel accepted an item, it is held in memory as sent (this
 * instance never sends it again), dropped from the heads in memory (the chat's next item is listed as soon as its
 * interval allows), and its removal is queued to the {@link RemovalWriter}, which deletes and syncs in batches.
 * <p>
 * <b>Delivery is at least once.</b> Telegram's sendMessage has no idempotency key: an item accepted whose removal was
 * not yet synced when the process was killed is sent again after the restart. That window is the items accepted
 * during about one batch write (one delete plus one group commit, a few milliseconds; before, the sender itself
 * waited for it), and never more than {@link #MAX_UNSYNCED} items in flight or accepted but not yet removed on
 * disk: a slow disk makes the dispatcher wait rather than widen it. A "sending" mark before the call would not help:
 * after a crash nobody knows whether the channel got it, and dropping it would leave a resident without their next question, which is worse than seeing it twice. (WhatsApp
 * marks its items before the call and drops a marked one after a crash: at most once there, see its channel.)
 * <p>
 * <b>Cheap rounds.</b> With the listing in memory ({@link Store#outboxReady}), a dispatched chat is parked until its
 * item is done and then until its interval or back-off ends, so a round looks only at heads it can send: O(items
 * sent), not O(chats). On a shared store the listing comes from the store and is filtered here.
 * <p>
 * <b>Several instances</b> share one outbox through leases ({@link OutboxLeases}): an item is sent only after this
 * instance claimed it (not needed as the embedded store's only writer); heads under another instance's live lease are
 * skipped; leases of items being sent are renewed every third of the lease.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Chats looked at per round; more ready chats than this wait for the next round. */
    private static final int MAX_HEADS = 5000;
    /** How long an item handled is left alone after its removal is on disk (a listing read before it). */
    private static final Duration AFTER_DONE = Duration.ofSeconds(60);
    /**
     * Items claimed, waiting for a sender, in flight or accepted with their removal not yet on disk, at most: what a
     * kill may send again. The dispatcher takes a place before it claims an item and hands it to a sender; the place
     * is given back once the item's removal is synced (or at once when nothing was sent), so a slow disk makes the
     * dispatcher wait rather than widen the window; at a few ms per call and sync it still lets through thousands of
     * messages a second. (Before: 4 senders that each waited for their own sync.)
     * <p>
     * Why 16 and not the 4 of before: a place is held through the call, its wait for the overall limit and the
     * removal's group commit, so the places bound the sending rate at places / (call + sync). With Telegram's ~30
     * messages/s and a call of 100–500 ms, 4 places give 8–40 messages/s (no headroom: one slow call and the outbox
     * lags), 16 give 32–160. The price: a kill sends at most 16 Telegram messages twice instead of 4 (OutboxKillTest:
     * 16 in all after 2 SIGKILLs; WhatsApp's are marked before the call and never go twice). Against the fake (calls
     * of about 1 ms) the load harness could not tell 4 from 16 at load average 26–34 on 2 cores (2026-12-04, webhook
     * 300/s: 124 vs 241 updates/s with 4 run first, 277 vs 251 with 16 run first; bot/README).
     */
    public static final int MAX_UNSYNCED = 16;
    /** Held as sent: its removal is not on disk yet. */
    private static final Instant UNTIL_REMOVED = Instant.MAX;

    private final String name;
    private final Store store;
    private final OutboxLeases leases;
    private final OutboxChannel channel;
    private final SendPacer pacer;
    private final Duration perChatInterval;
    private final RemovalWriter removals;
    private final ThreadPoolExecutor senders;
    /**
     * Items this instance has claimed in a shared store and is sending: their leases are renewed until they are
     * done. At most {@link #MAX_UNSYNCED}: each holds a place.
     */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> chatNext = new ConcurrentHashMap<>();
    /**
     * Items just handled, and until when to leave them alone: sent ones until their removal is on disk (and a while
     * after, for a listing read before it), retried ones until their back-off ends.
     */
    private final Map<String, Instant> hold = new ConcurrentHashMap<>();
    /**
     * When the holds end, soonest first, so that a round forgets the ended ones without looking at all of them: a
     * round scanned the whole map before, which at a few hundred sends a second (each held {@link #AFTER_DONE}) meant
     * tens of thousands of entries every 20 ms, and the dispatcher's thread at 100 % CPU while 100,000 residents'
     * replies waited (bin/load memory, 2026-12-04). An entry whose hold was replaced since removes nothing.
     */
    private final PriorityBlockingQueue<HoldEnd> holdEnds = new PriorityBlockingQueue<>();
    private final Semaphore wake = new Semaphore(0);
    /** Places of {@link #MAX_UNSYNCED}. */
    private final Semaphore unsynced = new Semaphore(MAX_UNSYNCED);
    private volatile boolean running;
    private Thread dispatcher;
    private Instant lastRenewal = Instant.now();

    public OutboxDispatcher(String name, Store store, OutboxLeases leases, OutboxChannel channel, SendPacer pacer,
                            Duration perChatInterval, int senders) {
        this.name = name;
        this.store = store;
        this.leases = leases;
        this.channel = channel;
        this.pacer = pacer;
        this.perChatInterval = perChatInterval;
        this.removals = new RemovalWriter(store, name, this::removed);
        this.senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(senders,
                Thread.ofPlatform().name(name + "-send-", 0).daemon(true).factory());
    }

    public void signal() {
        wake.release();
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            dispatcher = Thread.ofPlatform().name(name).start(this::loop);
        }
    }

    public boolean running() {
        return running;
    }

    /** Items handed to the senders and waiting for a free one (for tests: never more than the places). */
    int waitingForSender() {
        return senders.getQueue().size();
    }

    /** Ids whose leases the next renewal extends (for tests). */
    List<String> claimedForRenewal() {
        return List.copyOf(claimed);
    }

    private void loop() {
        while (running) {
            try {
                Instant now = Instant.now();
                forgetEndedHolds(now);
                renewLeases(now);
                Instant paused = pacer.pausedUntil();
                if (now.isBefore(paused)) {
                    wake.tryAcquire(Math.min(100, Duration.between(now, paused).toMillis() + 1), TimeUnit.MILLISECONDS);
                    continue;
                }
                int free = unsynced.availablePermits();
                // no place free: nothing could go, so nothing is listed (a finished removal wakes this loop)
                List<OutboxItem> heads = free == 0 ? List.of()
                        : store.outboxReady(channel.lane(), listingLimit(free), now);
                int dispatched = 0;
                for (OutboxItem item : heads) {
                    Dispatch d = dispatch(item, now);
                    if (d == Dispatch.SENT) {
                        dispatched++;
                    }
                    if (d == Dispatch.FULL || Instant.now().isBefore(pacer.pausedUntil())) {
                        break;
                    }
                }
                // woken at once by new items and finished sends; parks and holds end by time: look again soon then
                boolean idle = heads.isEmpty() && inFlight.isEmpty() && hold.isEmpty();
                wake.tryAcquire(idle ? 500 : dispatched > 0 || store.soleWriter() ? 20 : 100, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // closed while in a store call (the close interrupts it): not an error
                }
                log.error("{} dispatcher error", name, e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** What became of a head in a round: handed to a sender, not now (its chat parked), or no place free. */
    private enum Dispatch { SENT, SKIPPED, FULL }

    /**
     * Heads listed per round: from memory (the embedded store) every ready head listed either goes or has its chat
     * parked, so a few more than the free places are enough, and listing thousands (each decoded into an item) while
     * only a few may go would cost CPU in every round; a listing from a shared store also shows heads in flight or
     * leased by other instances, so it keeps the wide limit.
     */
    private int listingLimit(int free) {
        return store.soleWriter() ? Math.min(MAX_HEADS, free * 2 + 16) : MAX_HEADS;
    }

    /**
     * Hands the head to a sender if it may go now and a place of {@link #MAX_UNSYNCED} is free; otherwise parks its
     * chat until it may. The place is taken here, before the claim, not by the sender: handing items to the senders'
     * queue without one let that queue (and the ids whose leases are renewed) grow with every new chat while the
     * sends waited for places, 20,000 items when seeding 60,000 residents, whose lease renewal then held the store
     * (issue 17). Now what is claimed, queued and in flight together is at most {@link #MAX_UNSYNCED}.
     */
    private Dispatch dispatch(OutboxItem item, Instant now) throws InterruptedException {
        String id = item.id();
        String chat = item.chat();
        if (inFlight.contains(chat)) {
            return Dispatch.SKIPPED; // one at a time per chat (a listing from the store shows the item in flight)
        }
        Instant held = hold.get(id);
        if (held != null) {
            // sent, removal not yet on disk (a listing read again from the store): look again shortly
            store.outboxPark(chat, held == UNTIL_REMOVED ? now.plusMillis(20) : held, false);
            return Dispatch.SKIPPED;
        }
        if (leasedElsewhere(item, now)) {
            return Dispatch.SKIPPED;
        }
        if (item.notBefore().isAfter(now)) {
            store.outboxPark(chat, item.notBefore(), false);
            return Dispatch.SKIPPED;
        }
        boolean paced = channel.paced(item);
        Instant next = chatNext.get(chat);
        if (paced && next != null && next.isAfter(now)) {
            store.outboxPark(chat, next, true);
            return Dispatch.SKIPPED;
        }
        if (!unsynced.tryAcquire()) {
            return Dispatch.FULL; // the head stays ready: it goes in a later round, still oldest first
        }
        boolean handedOver = false;
        try {
            if (paced) {
                pacer.awaitDispatch();
            }
            // the in-process embedded store is nobody else's (its file is locked) and its listing comes from memory,
            // updated at every removal: a claim would only cost a round trip per item
            OutboxLeases.Claim claim = store.soleWriter() ? OutboxLeases.Claim.CLAIMED
                    : leases.claim(id, Instant.now());
            if (claim == OutboxLeases.Claim.REFUSED) {
                store.outboxGone(id); // a listing from memory must not offer it again
                return Dispatch.SKIPPED; // sent or claimed by another instance since the listing
            }
            if (claim == OutboxLeases.Claim.TAKEN_OVER) {
                Metrics.leaseTakenOver();
            }
            inFlight.add(chat);
            if (!store.soleWriter()) {
                claimed.add(id); // a lease in the store to renew while it is sent
            }
            store.outboxPark(chat, UNTIL_REMOVED, false);
            senders.submit(() -> run(item, id, chat, paced));
            handedOver = true;
            return Dispatch.SENT;
        } finally {
            if (!handedOver) {
                unsynced.release();
            }
        }
    }

    /** Sends one item; the dispatcher took its place of {@link #MAX_UNSYNCED}, given back here or by the writer. */
    private void run(OutboxItem item, String id, String chat, boolean paced) {
        boolean placeGiven = false; // to the removal writer, which gives it back once the removal is on disk
        try {
            Outcome outcome;
            try {
                outcome = channel.send(item, pacer);
            } catch (RuntimeException e) {
                log.error("{} item could not be sent: {}", name, e.getClass().getSimpleName());
                int attempts = item.attempts() + 1;
                outcome = new Outcome.Retry(attempts, Instant.now().plusSeconds(5), false);
            }
            placeGiven = handle(outcome, id, chat, paced);
        } catch (RuntimeException e) {
            log.error("{} outcome of an item not recorded: {}", name, e.getClass().getSimpleName());
            hold(id, Instant.now().plusSeconds(5));
        } finally {
            if (!placeGiven) {
                unsynced.release();
            }
            claimed.remove(id);
            inFlight.remove(chat);
            release(chat);
            wake.release();
        }
    }

    /** Records what became of the item; true when its removal was queued (the writer gives its place back). */
    private boolean handle(Outcome outcome, String id, String chat, boolean paced) {
        Instant now = Instant.now();
        switch (outcome) {
            case Outcome.Sent s -> {
                if (paced) {
                    chatNext.put(chat, now.plus(perChatInterval));
                }
                removeLater(id);
                return true;
            }
            case Outcome.Dropped d -> {
                removeLater(id);
                return true;
            }
            case Outcome.Retry r -> {
                if (r.everybody()) {
                    pacer.pauseUntil(r.until());
                }
                hold(id, r.until());
                chatNext.merge(chat, r.until(), (a, b) -> a.isAfter(b) ? a : b);
                leases.retryLater(id, r.attempts(), r.until());
            }
            case Outcome.ChatStopped c -> {
                hold(id, now.plus(AFTER_DONE));
                store.dropOutboxForChat(chat);
            }
            case Outcome.Handled h -> hold(id, now.plus(AFTER_DONE));
            case Outcome.Hold h -> hold(id, h.until());
            case Outcome.Stopping s -> { }
        }
        return false;
    }

    /** One hold's end, ordered by time. */
    private record HoldEnd(Instant until, String id) implements Comparable<HoldEnd> {
        @Override
        public int compareTo(HoldEnd o) {
            return until.compareTo(o.until);
        }
    }

    /** Holds {@code id} until {@code until} ({@link #UNTIL_REMOVED}: until {@link #removed} sets the end). */
    private void hold(String id, Instant until) {
        hold.put(id, until);
        if (!until.equals(UNTIL_REMOVED)) {
            holdEnds.add(new HoldEnd(until, id));
        }
    }

    /** Forgets the holds that ended before {@code now}: only those, soonest first. */
    private void forgetEndedHolds(Instant now) {
        for (HoldEnd e = holdEnds.peek(); e != null && e.until().isBefore(now); e = holdEnds.peek()) {
            holdEnds.poll();
            hold.remove(e.id(), e.until());
        }
    }

    /** Held as sent, out of the listing at once, removed from the store with the next batch. */
    private void removeLater(String id) {
        hold(id, UNTIL_REMOVED);
        store.outboxGone(id);
        removals.remove(id);
    }

    /** The batch's removals are on disk: a listing read before them must still not offer them for a while. */
    private void removed(List<String> ids) {
        Instant until = Instant.now().plus(AFTER_DONE);
        for (String id : ids) {
            if (hold.replace(id, UNTIL_REMOVED, until)) {
                holdEnds.add(new HoldEnd(until, id));
            }
        }
        unsynced.release(ids.size());
        wake.release(); // places are free again: the dispatcher may hand out the next heads
    }

    /** The chat's item is done: its next item is listed when the per-chat interval (or a back-off) ends. */
    private void release(String chat) {
        Instant next = chatNext.get(chat);
        if (next != null && next.isAfter(Instant.now())) {
            store.outboxPark(chat, next, true);
        } else {
            chatNext.remove(chat, next);
            store.outboxUnpark(chat);
        }
    }

    /** A live lease of another instance on the item (as listed): that instance is sending it. */
    private boolean leasedElsewhere(OutboxItem item, Instant now) {
        return item.leaseUntil() != null && item.leaseUntil().isAfter(now) && !leases.owner().equals(item.claimedBy());
    }

    /**
     * Every third of the lease, the leases of the items being sent are extended (a slow call, a 429 wait): at most
     * {@link #MAX_UNSYNCED} ids, and none on the embedded store, where nothing is claimed.
     */
    private void renewLeases(Instant now) {
        if (claimed.isEmpty() || Duration.between(lastRenewal, now).compareTo(leases.lease().dividedBy(3)) < 0) {
            return;
        }
        lastRenewal = now;
        try {
            leases.renew(List.copyOf(claimed), now);
        } catch (RuntimeException e) {
            log.warn("{} leases not renewed: {}", name, e.getClass().getSimpleName());
        }
    }

    /** Stops: no new sends, the senders finish, the last removals are written, unsent claims are given up. */
    @Override
    public void close() {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
            try {
                dispatcher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removals.close();
        try { // what this instance claimed and did not send goes to the other instances now, not at expiry
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("{} leases not released at shutdown: {}", name, e.getClass().getSimpleName());
        }
    }
}
