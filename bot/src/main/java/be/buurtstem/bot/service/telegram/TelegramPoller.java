package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.SyncGroup;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Our own long-polling loop over the library's client, delivering at least once: a batch from getUpdates is handled
 * (updates of one chat in order, chats in parallel), the store is synced, and only then is the offset moved past the
 * batch, which confirms it to Telegram with the next getUpdates. A crash before that makes Telegram send the batch
 * again; updates already handled are recognised by id and skipped. (The library's own long-polling application moves
 * the offset before the consumer runs, and silently stops when a consumer throws; it is not used.) Each update of a
 * batch is read on its own from getUpdates' raw JSON ({@link IncomingUpdate}): one that cannot be read is parked and
 * the offset moves past it. {@link #stall} tells the health indicator when the offset stops moving.
 * <p>
 * Telegram serves getUpdates to one caller at a time (a second one gets 409), so of several instances sharing a
 * store only the holder of the {@code telegram-poller} lease ({@link Leases}) polls; the others wait on standby and
 * take over once the holder's lease expires (it died) or is released (a clean stop).
 */
public class TelegramPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final List<String> ALLOWED = List.of("message", "callback_query");

    private final TelegramApi api;
    private final UpdateProcessor processor;
    private final Store store;
    private final TelegramOutbox outbox;
    private final TelegramSettings settings;
    private final ExecutorService workers = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().name("telegram-update-", 0).factory());
    private volatile boolean running;
    private Thread thread;
    private volatile int offset;
    // for the health indicator: when the batch now being handled was fetched (null: nothing waits), its size,
    // the last answer of getUpdates, the last move of the offset and the last failure (no personal data)
    private volatile Instant waitingSince;
    private volatile int waiting;
    private volatile Instant lastFetch = Instant.now();
    private volatile Instant lastAdvance;
    private volatile String lastError;
    public static final String LEASE = "telegram-poller";
    private final Leases leases;
    private final Duration leaseDuration;
    private volatile boolean polling;

    public TelegramPoller(TelegramApi api, UpdateProcessor processor, Store store, TelegramOutbox outbox,
                          TelegramSettings settings) {
        this(api, processor, store, outbox, settings, null, null);
    }

    /** With {@code leases}: polls only while holding the poller lease, renewed before each getUpdates. */
    public TelegramPoller(TelegramApi api, UpdateProcessor processor, Store store, TelegramOutbox outbox,
                          TelegramSettings settings, Leases leases, Duration leaseDuration) {
        this.leases = leases;
        this.leaseDuration = leaseDuration != null ? leaseDuration : settings.pollTimeout().plusSeconds(30);
        this.api = api;
        this.processor = processor;
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("telegram-poller").start(this::loop);
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        boolean webhookCleared = false;
        while (running) {
            try {
                if (!holdLease()) {
                    lastFetch = Instant.now(); // on standby: not a stall
                    waitingSince = null;
                    sleep(Duration.ofSeconds(1));
                    continue;
                }
                if (!webhookCleared) {
                    api.poller().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
                    webhookCleared = true;
                    log.info("telegram long polling started");
                }
                JsonNode result = api.getUpdates(offset, 100, (int) settings.pollTimeout().toSeconds(), ALLOWED, true);
                if (!running) {
                    return; // not handled, not confirmed: Telegram sends them again after the restart
                }
                lastFetch = Instant.now();
                lastError = null;
                if (result.isEmpty()) {
                    waitingSince = null;
                } else {
                    if (waitingSince == null) {
                        waitingSince = lastFetch;
                    }
                    waiting = result.size();
                    long fetchedNanos = System.nanoTime();
                    List<JsonNode> updates = new ArrayList<>(result.size());
                    result.forEach(updates::add);
                    boolean moved = handleBatch(updates);
                    Metrics.inbound(Metrics.TELEGRAM_POLLING, fetchedNanos, updates.size());
                    if (!moved) {
                        sleep(backoff); // nothing to move the offset past: do not spin on the same batch
                        backoff = longer(backoff);
                        continue;
                    }
                }
                backoff = Duration.ofMillis(200);
            } catch (TelegramApi.CallFailed e) {
                if (!running) {
                    return;
                }
                lastError = "getUpdates failed (code " + e.code() + ")";
                log.warn("getUpdates failed (code {}): {}; retrying in {} ms", e.code(), e.getMessage(),
                        backoff.toMillis());
                sleep(e.code() == 429 ? e.retryAfter() : backoff);
                backoff = longer(backoff);
            } catch (TelegramApiException e) {
                if (!running) {
                    return;
                }
                lastError = "deleteWebhook failed (code " + TelegramApi.errorCode(e) + ")";
                log.warn("deleteWebhook failed (code {}): {}; retrying in {} ms", TelegramApi.errorCode(e),
                        TelegramApi.describe(e), backoff.toMillis());
                sleep(TelegramApi.errorCode(e) == 429 ? TelegramApi.retryAfter(e) : backoff);
                backoff = longer(backoff);
            } catch (RuntimeException | Error e) {
                if (!running) {
                    return;
                }
                // never let the loop die silently (the library's polling application does): log, wait, go on.
                // The class and our frame only: a message may quote what a resident wrote.
                lastError = "update batch failed: " + e.getClass().getSimpleName();
                log.error("telegram update batch failed, it will be fetched again: {}", ParkedUpdates.where(e));
                sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    /** Takes or renews the poller lease; true when this instance is the one to poll. */
    private boolean holdLease() {
        boolean held;
        try {
            held = leases == null || leases.hold(LEASE, leaseDuration, Instant.now());
        } catch (RuntimeException e) {
            held = false; // the store is unreachable: nothing could be stored anyway
            lastError = "poller lease not renewed: " + e.getClass().getSimpleName();
        }
        if (held != polling) {
            log.info(held ? "telegram poller lease taken: this instance polls" : "telegram poller on standby: "
                    + "another instance holds the lease");
            polling = held;
        }
        return held;
    }

    /** Whether this instance is the one polling getUpdates (holds the poller lease). */
    public boolean polling() {
        return polling;
    }

    private static Duration longer(Duration backoff) {
        return backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
    }

    /**
     * Handles a batch and moves the offset past it once every effect is stored and synced. The updates are grouped by
     * chat from the raw JSON and each is read into an {@link IncomingUpdate} on the worker that handles it, so the
     * poller's own thread (which the whole batch waits on) only groups, waits and syncs. An update that cannot be
     * read is parked like one whose handling keeps failing. Returns false when the offset could not move because
     * some update has no readable update_id (Telegram will send it again; the caller waits a little).
     */
    boolean handleBatch(List<JsonNode> updates) {
        Map<String, List<JsonNode>> byChat = new LinkedHashMap<>();
        int max = offset - 1;
        boolean allIds = true;
        for (JsonNode u : updates) {
            Integer id = IncomingUpdate.updateIdOf(u);
            if (id != null) {
                max = Math.max(max, id);
            } else {
                allIds = false;
            }
            // the ordering key: the chat, as UpdateProcessor.chatOf finds it once the update is read
            String chat = ParkedUpdates.chatOf(u);
            byChat.computeIfAbsent(chat == null ? "none" : chat, k -> new ArrayList<>()).add(u);
        }
        List<Future<?>> jobs = new ArrayList<>();
        // the batch's messages, handled on several workers, are confirmed by one sync that fails only for them
        SyncGroup group = store.syncGroup();
        for (List<JsonNode> chatUpdates : byChat.values()) {
            jobs.add(workers.submit(() -> group.run(() -> chatUpdates.forEach(
                    node -> processor.process(IncomingUpdate.read(node))))));
        }
        RuntimeException failure = null;
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (Exception e) {
                failure = new IllegalStateException("update handling failed", e);
            }
        }
        if (failure != null) {
            throw failure; // nothing confirmed; the batch comes again and handled updates are skipped
        }
        group.sync();
        outbox.signal();
        if (max + 1 <= offset) {
            boolean allOld = allIds;
            if (allOld) { // only updates confirmed before (a redelivery): nothing waits
                waitingSince = null;
            }
            return allOld;
        }
        offset = max + 1;
        lastAdvance = Instant.now();
        waitingSince = null;
        return true;
    }

    /**
     * Why the channel is stalled, or null: updates were fetched and the offset has not moved past them for
     * {@code pollStallAfter}, or getUpdates has not answered for that long.
     */
    public String stall(Instant now) {
        Duration limit = settings.pollStallAfter();
        Instant since = waitingSince;
        if (since != null && Duration.between(since, now).compareTo(limit) > 0) {
            return waiting + " updates waiting and offset " + offset + " not advanced for "
                    + Duration.between(since, now).toSeconds() + " s (limit " + limit.toSeconds() + " s)";
        }
        Instant fetched = lastFetch;
        Duration longPoll = settings.pollTimeout().plusSeconds(15); // a long poll may rightly be silent this long
        if (Duration.between(fetched, now).compareTo(limit.compareTo(longPoll) > 0 ? limit : longPoll) > 0) {
            String error = lastError;
            return "no answer from getUpdates for " + Duration.between(fetched, now).toSeconds() + " s (limit "
                    + limit.toSeconds() + " s)" + (error == null ? "" : ": " + error);
        }
        return null;
    }

    public int offset() {
        return offset;
    }

    public Instant lastAdvance() {
        return lastAdvance;
    }

    @Override
    public void close() {
        running = false;
        api.cancelPolling();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdown();
        if (offset > 0 && polling) {
            try { // confirm the last handled batch now rather than have Telegram send it again after a restart
                api.getUpdates(offset, 1, 0, null, false);
            } catch (TelegramApi.CallFailed | RuntimeException e) {
                log.debug("final offset confirmation failed: {}", e.toString());
            }
        }
        if (leases != null && polling) {
            try { // the standby instance takes over at once
                leases.release(LEASE);
            } catch (RuntimeException e) {
                log.debug("poller lease not released: {}", e.getClass().getSimpleName());
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
