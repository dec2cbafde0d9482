package be.buurtstem.bot.service.outbox;

import be.buurtstem.bot.service.store.Durability;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.OutboxItem;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher and its removal writer against a real embedded store whose sync the test controls: a chat's next
 * message does not wait for the previous one's removal to reach the disk, and a removal that fails (and is retried)
 * never makes this instance send the message a second time.
 */
class OutboxDispatcherTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A channel that accepts everything and notes what it was asked to send. */
    static class RecordingChannel implements OutboxChannel {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String lane() {
            return "";
        }

        @Override
        public boolean paced(OutboxItem item) {
            return true;
        }

        @Override
        public Outcome send(OutboxItem item, SendPacer pacer) {
            pacer.awaitCall();
            sent.add(item.id());
            return new Outcome.Sent();
        }
    }

    /** The store's sync, held closed by the test ({@code gate}) or failing while {@code failing} is set. */
    static final class ControlledSync implements Durability {
        final EmbeddedMongo db;
        final CountDownLatch gate;
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        ControlledSync(EmbeddedMongo db, CountDownLatch gate) {
            this.db = db;
            this.gate = gate;
        }

        @Override
        public void sync() {
            started.incrementAndGet();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the sync");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failing.get()) {
                failed.incrementAndGet();
                throw new IllegalStateException("disk full (test)");
            }
            db.sync();
            completed.incrementAndGet();
        }

        @Override
        public <T> T together(Supplier<T> writes) {
            return db.together(writes);
        }
    }

    @Test
    void aChatsSecondMessageIsNotHeldBackByTheFirstOnesSync(@TempDir Path dir) {
        CountDownLatch gate = new CountDownLatch(1); // closed: no sync completes until the test says so
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            ControlledSync sync = new ControlledSync(db, gate);
            Store store = new Store(c, "t", sync);
            store.createIndexes();
            store.keepOutboxHeadsInMemory();
            RecordingChannel channel = new RecordingChannel();
            try (OutboxDispatcher dispatcher = dispatcher(store, channel)) {
                store.enqueueItems(List.of(item("a:0", "42", 1), item("a:1", "42", 2), item("b:0", "43", 3)));
                dispatcher.start();
                dispatcher.signal();
                await("all three sent while no sync has completed", () -> channel.sent.size() >= 3);
                await("the removal writer waiting on the sync", () -> sync.started.get() >= 1);
                assertEquals(0, sync.completed.get(), "no removal reached the disk before all were sent");
                assertEquals(List.of("a:0", "a:1"), channel.sent.stream().filter(id -> id.startsWith("a:")).toList(),
                        "the chat's messages in order");
                gate.countDown();
                await("the removals on disk", () -> store.outboxSize() == 0);
                assertEquals(3, channel.sent.size(), "each message once: " + channel.sent);
                assertEquals(3, channel.sent.stream().distinct().count(), "no duplicates: " + channel.sent);
            }
        }
    }

    /**
     * From memory (the embedded store's only writer) and from the store (instances sharing it: the item stays listed
     * while its removal fails): sent once, removed once the store works again.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRemovalThatFailsIsRetriedAndTheMessageIsNotSentAgain(boolean listingInMemory, @TempDir Path dir) {
        CountDownLatch open = new CountDownLatch(0);
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            ControlledSync sync = new ControlledSync(db, open);
            Store store = new Store(c, "t", sync);
            store.createIndexes();
            if (listingInMemory) {
                store.keepOutboxHeadsInMemory();
            }
            RecordingChannel channel = new RecordingChannel();
            sync.failing.set(true);
            try (OutboxDispatcher dispatcher = dispatcher(store, channel)) {
                store.enqueueItems(List.of(item("m:0", "7", 1), item("m:1", "7", 2)));
                dispatcher.start();
                dispatcher.signal();
                await("the first removal failed three times", () -> sync.failed.get() >= 3);
                sync.failing.set(false);
                await("both removed", () -> store.outboxSize() == 0);
                assertEquals(List.of("m:0", "m:1"), channel.sent, "each message once, in order");
            }
        }
    }

    /**
     * Many new chats while every sender waits on the channel (seeding residents faster than the replies go): no more
     * than {@link OutboxDispatcher#MAX_UNSYNCED} items are claimed, handed to the senders or renewed; the rest stay
     * in the outbox, unclaimed, oldest first. Before, every ready chat's head was claimed and queued for the senders
     * at once, and the lease renewal went over all of them: 20,000 ids when seeding 60,000 residents, which held the
     * store (issue 17). Once the channel answers, each is sent once.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void withTheSendersBusyNoMoreThanTheBoundIsClaimedOrQueued(boolean listingInMemory, @TempDir Path dir)
            throws InterruptedException {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            if (listingInMemory) {
                store.keepOutboxHeadsInMemory();
            }
            CountDownLatch answer = new CountDownLatch(1);
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            RecordingChannel channel = new RecordingChannel() {
                @Override
                public Outcome send(OutboxItem item, SendPacer pacer) {
                    calls.add(item.id());
                    try {
                        answer.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.send(item, pacer);
                }
            };
            int chats = 300;
            List<OutboxItem> items = new ArrayList<>();
            for (int i = 0; i < chats; i++) {
                items.add(item("n" + i + ":0", String.valueOf(1000 + i), i + 1));
            }
            try (OutboxDispatcher dispatcher = dispatcher(store, channel)) {
                store.enqueueItems(items);
                dispatcher.start();
                dispatcher.signal();
                await("the 4 senders in a call", () -> calls.size() == 4);
                for (int round = 0; round < 20; round++) { // the dispatcher looks again every 20-100 ms meanwhile
                    Thread.sleep(25);
                    dispatcher.signal();
                    int queued = dispatcher.waitingForSender();
                    assertTrue(queued <= OutboxDispatcher.MAX_UNSYNCED - 4, queued + " items waiting for a sender");
                    int renewed = dispatcher.claimedForRenewal().size();
                    assertTrue(renewed <= OutboxDispatcher.MAX_UNSYNCED, renewed + " leases to renew");
                    long leased = leased(c);
                    assertTrue(leased <= OutboxDispatcher.MAX_UNSYNCED, leased + " items claimed in the store");
                }
                assertEquals(leased(c), dispatcher.claimedForRenewal().size(), "the leases renewed are those held");
                assertEquals(List.of("n0:0", "n1:0", "n2:0", "n3:0"), calls.stream().sorted().toList(),
                        "the oldest went first, and no other call while the senders are busy");
                answer.countDown();
                await("all sent and removed", () -> store.outboxSize() == 0);
                assertEquals(chats, channel.sent.size(), "each once");
                assertEquals(chats, channel.sent.stream().distinct().count(), "no duplicates");
            }
        }
    }

    private static long leased(MongoClient c) {
        return c.getDatabase("t").getCollection("outbox").countDocuments(
                com.mongodb.client.model.Filters.exists("claimedBy"));
    }

    private static OutboxDispatcher dispatcher(Store store, RecordingChannel channel) {
        OutboxLeases leases = new OutboxLeases(store, "test-instance", Duration.ofSeconds(30));
        return new OutboxDispatcher("test-outbox", store, leases, channel, new SendPacer(1000), Duration.ofMillis(1),
                4);
    }

    private static OutboxItem item(String id, String chat, long seq) {
        return OutboxItem.queued(id, seq, chat, null, OutboxItem.Send.text("bericht " + id));
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
