package be.buurtstem.bot.service.outbox;

import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Deletes sent (or given up) outbox items and syncs, in batches, on a thread of its own: a sender never waits on the
 * disk, and the chat's next item may go as soon as its interval allows. Every removal queued while one batch is being
 * written goes into the next (group commit): the batch is one delete and one sync, so the window in which a killed
 * service forgets that an item was sent is one batch's write, a few milliseconds (the contract in
 * {@link OutboxDispatcher}). A failed write is retried (the same ids, plus what came meanwhile) after a back-off that
 * doubles up to 5 s; until then the dispatcher holds the items as sent, so this instance never sends them again.
 * {@code durable} is told of each batch once it is on disk.
 */
final class RemovalWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RemovalWriter.class);
    private static final int MAX_BATCH = 2000;

    private final Store store;
    private final Consumer<List<String>> durable;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    RemovalWriter(Store store, String name, Consumer<List<String>> durable) {
        this.store = store;
        this.durable = durable;
        this.thread = Thread.ofPlatform().name(name + "-removals").daemon(true).start(this::loop);
    }

    /** The item was sent or given up: it is removed from the store with the next batch. */
    void remove(String id) {
        queue.add(id);
    }

    private void loop() {
        List<String> batch = new ArrayList<>();
        Duration backoff = Duration.ofMillis(100);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    String first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
                if (write(batch)) {
                    batch = new ArrayList<>();
                    backoff = Duration.ofMillis(100);
                } else if (!running) {
                    return; // stopping with a store that refuses: the items go again after the restart
                } else {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                            : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                // nobody interrupts this thread but the JVM's end: what is queued is still written while it can be
            }
        }
    }

    private boolean write(List<String> batch) {
        try {
            store.outboxDone(batch);
            store.durability().sync();
        } catch (RuntimeException e) {
            log.warn("{} sent outbox items not removed yet, retried: {}", batch.size(), e.getClass().getSimpleName());
            return false;
        }
        try {
            durable.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            log.error("after removing sent outbox items", e);
        }
        return true;
    }

    /** Writes what is queued (the last batch) and ends the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
