package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.WhatsAppWaiting;
import be.buurtstem.bot.service.telegram.SentRemovals;
import be.buurtstem.engine.OutboundMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WhatsApp's side of the durable outbox (the same collection as Telegram's; its chats are {@code wa:<number>}, which
 * the Telegram dispatcher leaves alone). Each item holds a ready Cloud API body ({@link OutboundPayloads}) and the end
 * of the resident's 24-hour window, written before the inbound message is acknowledged; sent in order per chat, at
 * most {@code WHATSAPP_RATE} a second for the number.
 * <p>
 * Never a second copy: the Cloud API has no idempotency key, so an item is marked {@code attempted} (and synced)
 * before its call. An item found so marked after a crash, or whose call got no answer (a timeout, a connection lost
 * after the request went out), may have been delivered: it is dropped, not repeated, and the conversation waits for
 * the resident, whose next message shows the question again. Answers that say nothing was sent (429, Meta's
 * throttling codes 130429, 131056, 80007, a server error) are retried after a back-off that doubles up to a minute;
 * a pair rate limit (131056) holds back that one chat, the others hold back everything.
 * <p>
 * Outside the window (an item whose window has passed, or Meta's 131047) nothing free may go: the chat's items are
 * dropped, the resident is marked waiting ({@link WhatsAppWaiting}) and, if an approved template is configured for
 * their language, that template goes once.
 * <p>
 * A resident's map picture ({@link MapMessage}) is an item of its own that holds only the reference (respondent,
 * questionnaire, language; {@code map} instead of a body): when it is sent the picture is drawn from the stored
 * answers, uploaded through the media endpoint (an upload may be repeated: an unused medium reaches nobody), and only
 * then the image message goes under the rules above. Answers deleted meanwhile: the item is dropped, nothing goes.
 */
public class WhatsAppOutbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppOutbox.class);
    public static final String CHAT_PREFIX = "wa:";
    static final String TYPE = "wa";
    private static final int MAX_SEND_ATTEMPTS = 12;
    private static final int MAX_HEADS = 5000;

    private final Store store;
    private final GraphApi api;
    private final WhatsAppSettings settings;
    private final OutboxLeases leases;
    private final SentRemovals removals;
    private final WhatsAppWaiting waiting;
    /** Draws a resident's map when its item is sent (the outbox holds only the reference). */
    private final MapPictures pictures;
    private final String idPrefix = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()
            & 0xffffffffL) + "-";
    private final AtomicLong seq = new AtomicLong();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> chatNext = new ConcurrentHashMap<>();
    private final Map<String, Instant> hold = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newFixedThreadPool(4, Thread.ofPlatform()
            .name("whatsapp-send-", 0).daemon(true).factory());
    private volatile Instant globalPauseUntil = Instant.EPOCH;
    private volatile boolean running;
    private Thread dispatcher;
    private long nextSendNanos = System.nanoTime();

    WhatsAppOutbox(Store store, GraphApi api, WhatsAppSettings settings, OutboxLeases leases, MapPictures pictures) {
        this.pictures = pictures;
        this.store = store;
        this.api = api;
        this.settings = settings;
        this.leases = leases;
        this.removals = new SentRemovals(store);
        this.waiting = store.whatsAppWaiting();
    }

    static boolean ours(String chat) {
        return chat != null && chat.startsWith(CHAT_PREFIX);
    }

    private long nextSeq() {
        return seq.updateAndGet(s -> Math.max(s + 1, System.currentTimeMillis() * 1000));
    }

    /** A delivery for one inbound message received at {@code at}: its replies may go until {@code at + window}. */
    Delivery delivery(Instant at) {
        Instant windowUntil = at.plus(settings.window());
        return (respondent, chat, inputId, language, messages) -> {
            String to = chat.substring(CHAT_PREFIX.length());
            String base = inputId == null ? "x" + idPrefix + nextSeq() : inputId;
            List<Document> items = new ArrayList<>();
            int n = 0;
            for (OutboundMessage m : messages) {
                var map = MapMessage.questionnaireOf(m);
                if (map.isPresent()) {
                    // the marker never goes as text; without a respondent there are no answers to draw
                    if (respondent != null) {
                        items.add(item(base + ":" + n++, chat, respondent, null, windowUntil, language)
                                .append("map", map.get()));
                    }
                    continue;
                }
                for (String body : OutboundPayloads.of(to, m, language)) {
                    items.add(item(base + ":" + n++, chat, respondent, body, windowUntil, language));
                }
            }
            store.enqueue(items);
        };
    }

    private Document item(String id, String chat, String respondent, String body, Instant windowUntil,
                          String language) {
        Document d = new Document("_id", id).append("seq", nextSeq()).append("chat", chat).append("type", TYPE)
                .append("windowUntil", Date.from(windowUntil))
                .append("attempts", 0).append("notBefore", new Date(0)).append("createdAt", new Date());
        if (body != null) {
            d.append("body", body);
        }
        if (respondent != null) {
            d.append("respondent", respondent);
        }
        if (language != null) {
            d.append("language", language);
        }
        return d;
    }

    public void signal() {
        wake.release();
    }

    synchronized void start() {
        if (!running) {
            running = true;
            dispatcher = Thread.ofPlatform().name("whatsapp-outbox").start(this::loop);
        }
    }

    private void loop() {
        while (running) {
            try {
                Instant now = Instant.now();
                hold.values().removeIf(t -> t.isBefore(now));
                List<Document> pending = store.outboxHeads(MAX_HEADS);
                int dispatched = 0;
                for (Document item : pending) {
                    String chat = item.getString("chat");
                    String id = item.getString("_id");
                    if (!ours(chat) || inFlight.contains(chat) || hold.containsKey(id)
                            || item.getDate("notBefore").toInstant().isAfter(now) || now.isBefore(globalPauseUntil)
                            || chatNext.getOrDefault(chat, Instant.EPOCH).isAfter(now)) {
                        continue;
                    }
                    OutboxLeases.Claim claim = store.soleWriter() ? OutboxLeases.Claim.CLAIMED
                            : leases.claim(id, Instant.now());
                    if (claim == OutboxLeases.Claim.REFUSED) {
                        store.outboxGone(id);
                        continue;
                    }
                    inFlight.add(chat);
                    dispatched++;
                    senders.submit(() -> {
                        try {
                            send(item);
                        } finally {
                            inFlight.remove(chat);
                            wake.release();
                        }
                    });
                }
                wake.tryAcquire(pending.isEmpty() ? 500 : dispatched > 0 ? 20 : 100, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("whatsapp outbox dispatcher error: {}", e.getClass().getSimpleName());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** The number's throughput, kept at the moment of each call: no second holds more than {@code rate} calls. */
    private boolean awaitSendSlot() {
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.rate();
        long slot;
        synchronized (this) {
            slot = Math.max(System.nanoTime(), nextSendNanos);
            nextSendNanos = slot + interval;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void send(Document item) {
        String id = item.getString("_id");
        String chat = item.getString("chat");
        String respondent = item.getString("respondent");
        try {
            if (item.getBoolean("attempted", false)) {
                // handed to WhatsApp before a crash, answer unknown: it may have arrived, so it does not go again
                done(id);
                Metrics.sent("whatsapp-uncertain");
                log.warn("whatsapp message of before a restart not repeated (may have been delivered) respondent={}",
                        RespondentIds.logTag(respondent));
                return;
            }
            if (item.getDate("windowUntil").toInstant().isBefore(Instant.now())) {
                windowClosed(item);
                return;
            }
            String body = item.getString("body");
            if (item.getString("map") != null) {
                body = mapBody(item);
                if (body == null) {
                    return; // dropped (no answers any more) or waiting for another upload
                }
            }
            store.outboxAttempted(id);
            store.durability().sync();
            // the slot is taken after the mark's sync, right before the call: a slow fsync would otherwise bunch
            // the calls of several senders together at Meta's end
            if (!awaitSendSlot()) {
                store.outboxNotAttempted(id); // stopping: the item stays and goes after the restart
                return;
            }
            GraphApi.Sent sent = api.send(body);
            switch (sent) {
                case GraphApi.Accepted a -> {
                    hold.put(id, Instant.now().plusSeconds(60));
                    removals.removeAndSync(id);
                    Metrics.sent("whatsapp");
                }
                case GraphApi.Throttled t -> {
                    int attempts = item.getInteger("attempts", 0) + 1;
                    Duration wait = backoff(attempts);
                    if (t.retryAfter().compareTo(wait) > 0) {
                        wait = t.retryAfter();
                    }
                    Instant until = Instant.now().plus(wait);
                    if (t.pair()) {
                        chatNext.put(chat, until); // only this resident's pair is limited
                    } else {
                        globalPauseUntil = until;
                    }
                    retryLater(id, attempts, until);
                    Metrics.rateLimited();
                    log.warn("whatsapp throttled (code {}): waiting {} ms, then the same message once more",
                            t.code(), wait.toMillis());
                }
                case GraphApi.WindowClosed w -> windowClosed(item);
                case GraphApi.Unreachable u -> {
                    hold.put(id, Instant.now().plusSeconds(60));
                    if (respondent != null) {
                        store.markStopped(respondent, "whatsapp-" + u.code(), Instant.now());
                    }
                    long dropped = store.dropOutboxForChat(chat);
                    log.info("whatsapp cannot reach the resident (code {}): {} queued messages dropped respondent={}",
                            u.code(), dropped, RespondentIds.logTag(respondent));
                }
                case GraphApi.Refused r -> {
                    done(id);
                    log.warn("whatsapp refused a message ({} code {}), dropped", r.status(), r.code());
                }
                case GraphApi.ServerError e -> {
                    int attempts = item.getInteger("attempts", 0) + 1;
                    if (attempts >= MAX_SEND_ATTEMPTS) {
                        done(id);
                        log.error("whatsapp message failed {} times, dropped", attempts);
                    } else {
                        Duration wait = backoff(attempts);
                        retryLater(id, attempts, Instant.now().plus(wait));
                        log.warn("whatsapp server error ({} code {}), retry {} in {} ms", e.status(), e.code(),
                                attempts, wait.toMillis());
                    }
                }
                case GraphApi.Uncertain u -> {
                    done(id);
                    Metrics.sent("whatsapp-uncertain");
                    log.warn("whatsapp send got no answer ({}): not repeated, it may have been delivered "
                            + "respondent={}", u.why(), RespondentIds.logTag(respondent));
                }
            }
        } catch (RuntimeException e) {
            log.error("whatsapp outbox item could not be handled: {}", e.getClass().getSimpleName());
            hold.put(id, Instant.now().plusSeconds(5));
        }
    }

    /**
     * The image message of a map item, after uploading its picture; null when there is nothing to send now: the
     * resident's answers are gone (the item is dropped) or the upload was refused for now (retried after a back-off,
     * under the same throttling rules as a message; an upload that got no answer is simply made again).
     */
    private String mapBody(Document item) {
        String id = item.getString("_id");
        String language = item.getString("language");
        var png = pictures.png(item.getString("respondent"), item.getString("map"), language);
        if (png.isEmpty()) {
            done(id);
            Metrics.sent("whatsapp-map-gone");
            return null;
        }
        if (!awaitSendSlot()) {
            return null; // stopping: the item stays and goes after the restart
        }
        GraphApi.Sent uploaded = api.upload(png.get(), "image/png", "buurtkaart.png");
        int attempts = item.getInteger("attempts", 0) + 1;
        switch (uploaded) {
            case GraphApi.Accepted a -> {
                String to = item.getString("chat").substring(CHAT_PREFIX.length());
                return OutboundPayloads.image(to, a.messageId(), MapPictures.caption(language));
            }
            case GraphApi.Throttled t -> {
                Duration wait = t.retryAfter().compareTo(backoff(attempts)) > 0 ? t.retryAfter() : backoff(attempts);
                Instant until = Instant.now().plus(wait);
                globalPauseUntil = until; // the number's upload limit, not the resident's
                retryLater(id, attempts, until);
                Metrics.rateLimited();
                log.warn("whatsapp media upload throttled (code {}): waiting {} ms", t.code(), wait.toMillis());
            }
            case GraphApi.ServerError e when attempts < MAX_SEND_ATTEMPTS -> retryUpload(id, attempts, e.status());
            case GraphApi.Uncertain u when attempts < MAX_SEND_ATTEMPTS -> retryUpload(id, attempts, 0);
            default -> {
                done(id);
                log.warn("whatsapp media upload failed ({}), map dropped respondent={}",
                        uploaded.getClass().getSimpleName(), RespondentIds.logTag(item.getString("respondent")));
            }
        }
        return null;
    }

    private void retryUpload(String id, int attempts, int status) {
        Duration wait = backoff(attempts);
        retryLater(id, attempts, Instant.now().plus(wait));
        log.warn("whatsapp media upload not taken (status {}), retry {} in {} ms", status, attempts, wait.toMillis());
    }

    /** Sent or given up: removed for good (synced, like a sent one). */
    private void done(String id) {
        hold.put(id, Instant.now().plusSeconds(60));
        removals.removeAndSync(id);
    }

    /** Refused, nothing sent: the mark goes, so that the retry is a first attempt again. */
    private void retryLater(String id, int attempts, Instant until) {
        hold.put(id, until);
        store.outboxNotAttempted(id);
        leases.retryLater(id, attempts, until);
    }

    private Duration backoff(int attempts) {
        Duration d = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 7));
        return d.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : d;
    }

    /**
     * The window has closed: nothing free may go. The chat's queue is dropped and the resident waits; the first time,
     * the approved template of their language (if any) asks them to come back.
     */
    private void windowClosed(Document item) {
        String chat = item.getString("chat");
        String respondent = item.getString("respondent");
        String language = item.getString("language");
        hold.put(item.getString("_id"), Instant.now().plusSeconds(60));
        long dropped = store.dropOutboxForChat(chat);
        store.durability().sync();
        boolean first = waiting.mark(respondent, Instant.now());
        String template = settings.templateFor(language);
        if (first && template != null) {
            String to = chat.substring(CHAT_PREFIX.length());
            // templates may go outside the window: this one's window is its own
            store.enqueue(List.of(item(item.getString("_id") + ":template", chat, respondent,
                    OutboundPayloads.template(to, template, language), Instant.now().plus(Duration.ofDays(1)),
                    language)));
            store.durability().sync();
            signal();
        }
        Metrics.sent("whatsapp-window-closed");
        log.info("whatsapp window closed: {} messages withheld, template {} respondent={}", dropped,
                first && template != null ? "sent" : "not sent", RespondentIds.logTag(respondent));
    }

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
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("whatsapp outbox leases not released at shutdown: {}", e.getClass().getSimpleName());
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
