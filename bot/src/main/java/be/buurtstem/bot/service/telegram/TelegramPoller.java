package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
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
 * the offset before the consumer runs, and silently stops when a consumer throws; it is not used.)
 */
public class TelegramPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

    private final TelegramApi api;
    private final UpdateProcessor processor;
    private final Store store;
    private final TelegramOutbox outbox;
    private final TelegramSettings settings;
    private final ExecutorService workers = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().name("telegram-update-", 0).factory());
    private volatile boolean running;
    private Thread thread;
    private int offset;

    public TelegramPoller(TelegramApi api, UpdateProcessor processor, Store store, TelegramOutbox outbox,
                          TelegramSettings settings) {
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
                if (!webhookCleared) {
                    api.poller().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
                    webhookCleared = true;
                    log.info("telegram long polling started");
                }
                List<Update> updates = api.poller().execute(GetUpdates.builder().offset(offset).limit(100)
                        .timeout((int) settings.pollTimeout().toSeconds())
                        .allowedUpdates(List.of("message", "callback_query")).build());
                if (!running) {
                    return; // not handled, not confirmed: Telegram sends them again after the restart
                }
                if (!updates.isEmpty()) {
                    handleBatch(updates);
                }
                backoff = Duration.ofMillis(200);
            } catch (TelegramApiException e) {
                if (!running) {
                    return;
                }
                log.warn("getUpdates failed (code {}): {}; retrying in {} ms", TelegramApi.errorCode(e),
                        TelegramApi.describe(e), backoff.toMillis());
                sleep(TelegramApi.errorCode(e) == 429 ? TelegramApi.retryAfter(e) : backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            } catch (RuntimeException | Error e) {
                if (!running) {
                    return;
                }
                // never let the loop die silently (the library's polling application does): log, wait, go on
                log.error("telegram update batch failed; it will be fetched again", e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Handles a batch and moves the offset past it once every effect is stored and synced. */
    void handleBatch(List<Update> updates) {
        Map<String, List<Update>> byChat = new LinkedHashMap<>();
        int max = offset - 1;
        for (Update u : updates) {
            max = Math.max(max, u.getUpdateId());
            String chat = UpdateProcessor.chatOf(u);
            byChat.computeIfAbsent(chat == null ? "none" : chat, k -> new ArrayList<>()).add(u);
        }
        List<Future<?>> jobs = new ArrayList<>();
        for (List<Update> chatUpdates : byChat.values()) {
            jobs.add(workers.submit(() -> chatUpdates.forEach(processor::process)));
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
        store.durability().sync();
        offset = max + 1;
        outbox.signal();
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
        if (offset > 0) {
            try { // confirm the last handled batch now rather than have Telegram send it again after a restart
                api.sender().execute(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
            } catch (TelegramApiException | RuntimeException e) {
                log.debug("final offset confirmation failed: {}", e.toString());
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
