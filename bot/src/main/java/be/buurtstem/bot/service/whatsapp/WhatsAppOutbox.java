package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.OutboxItem;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.WhatsAppWaiting;
import be.buurtstem.bot.service.outbox.OutboxChannel;
import be.buurtstem.bot.service.outbox.OutboxDispatcher;
import be.buurtstem.bot.service.outbox.SendPacer;
import be.buurtstem.engine.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
public class WhatsAppOutbox implements AutoCloseable, OutboxChannel {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppOutbox.class);
    public static final String CHAT_PREFIX = "wa:";
    private static final int MAX_SEND_ATTEMPTS = 12;
    /** Calls in flight at once (one per chat); the number's rate is kept by the pacer whatever their number. */
    private static final int SENDERS = 16;

    private final Store store;
    private final GraphApi api;
    private final WhatsAppSettings settings;
    private final OutboxDispatcher dispatcher;
    private final WhatsAppWaiting waiting;
    /** Draws a resident's map when its item is sent (the outbox holds only the reference). */
    private final MapPictures pictures;
    private final String idPrefix = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()
            & 0xffffffffL) + "-";
    private final AtomicLong seq = new AtomicLong();

    WhatsAppOutbox(Store store, GraphApi api, WhatsAppSettings settings, OutboxLeases leases, MapPictures pictures) {
        this.pictures = pictures;
        this.store = store;
        this.api = api;
        this.settings = settings;
        // no per-chat interval of our own: Meta's pair rate limit (131056) says when a chat must wait
        this.dispatcher = new OutboxDispatcher("whatsapp-outbox", store, leases, this,
                new SendPacer(settings.rate()), Duration.ZERO, SENDERS);
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
            List<OutboxItem> items = new ArrayList<>();
            int n = 0;
            for (OutboundMessage m : messages) {
                var map = MapMessage.questionnaireOf(m);
                if (map.isPresent()) {
                    // the marker never goes as text; without a respondent there are no answers to draw
                    if (respondent != null) {
                        items.add(OutboxItem.queued(base + ":" + n++, nextSeq(), chat, respondent,
                                new OutboxItem.WhatsAppMap(map.get(), windowUntil, language)));
                    }
                    continue;
                }
                for (String body : OutboundPayloads.of(to, m, language)) {
                    items.add(OutboxItem.queued(base + ":" + n++, nextSeq(), chat, respondent,
                            new OutboxItem.WhatsApp(body, windowUntil, language)));
                }
            }
            store.enqueueItems(items);
        };
    }

    /** The end of the resident's window the item was queued in (a template's is its own). */
    private static Instant windowUntil(OutboxItem item) {
        return switch (item.kind()) {
            case OutboxItem.WhatsApp w -> w.windowUntil();
            case OutboxItem.WhatsAppMap m -> m.windowUntil();
            default -> Instant.EPOCH; // not WhatsApp's: never in this lane
        };
    }

    private static String language(OutboxItem item) {
        return switch (item.kind()) {
            case OutboxItem.WhatsApp w -> w.language();
            case OutboxItem.WhatsAppMap m -> m.language();
            default -> null;
        };
    }

    public void signal() {
        dispatcher.signal();
    }

    void start() {
        dispatcher.start();
    }

    @Override
    public String lane() {
        return "wa";
    }

    @Override
    public boolean paced(OutboxItem item) {
        return true;
    }

    @Override
    public Outcome send(OutboxItem item, SendPacer pacer) {
        String id = item.id();
        String respondent = item.respondent();
        try {
            if (item.attempted()) {
                // handed to WhatsApp before a crash, answer unknown: it may have arrived, so it does not go again
                Metrics.sent("whatsapp-uncertain");
                log.warn("whatsapp message of before a restart not repeated (may have been delivered) respondent={}",
                        RespondentIds.logTag(respondent));
                return new Outcome.Dropped();
            }
            if (windowUntil(item).isBefore(Instant.now())) {
                windowClosed(item);
                return new Outcome.Handled();
            }
            String body;
            if (item.kind() instanceof OutboxItem.WhatsAppMap m) {
                MapBody map = mapBody(item, m, pacer);
                if (map.outcome() != null) {
                    return map.outcome(); // dropped (no answers any more) or waiting for another upload
                }
                body = map.body();
            } else if (item.kind() instanceof OutboxItem.WhatsApp w) {
                body = w.body();
            } else {
                return new Outcome.Dropped(); // not WhatsApp's: never in this lane
            }
            store.outboxAttempted(id);
            store.durability().sync();
            // the slot is taken after the mark's sync, right before the call: a slow fsync would otherwise bunch
            // the calls of several senders together at Meta's end
            if (!pacer.awaitCall()) {
                store.outboxNotAttempted(id); // stopping: the item stays and goes after the restart
                return new Outcome.Stopping();
            }
            GraphApi.Sent sent = api.send(body);
            switch (sent) {
                case GraphApi.Accepted a -> {
                    Metrics.sent("whatsapp");
                    return new Outcome.Sent();
                }
                case GraphApi.Throttled t -> {
                    int attempts = item.attempts() + 1;
                    Duration wait = backoff(attempts);
                    if (t.retryAfter().compareTo(wait) > 0) {
                        wait = t.retryAfter();
                    }
                    Metrics.rateLimited();
                    log.warn("whatsapp throttled (code {}): waiting {} ms, then the same message once more",
                            t.code(), wait.toMillis());
                    // a pair rate limit holds back only this resident's chat, the others everything
                    return retryLater(id, attempts, Instant.now().plus(wait), !t.pair());
                }
                case GraphApi.WindowClosed w -> {
                    windowClosed(item);
                    return new Outcome.Handled();
                }
                case GraphApi.Unreachable u -> {
                    if (respondent != null) {
                        store.markStopped(respondent, "whatsapp-" + u.code(), Instant.now());
                    }
                    log.info("whatsapp cannot reach the resident (code {}): queued messages dropped respondent={}",
                            u.code(), RespondentIds.logTag(respondent));
                    return new Outcome.ChatStopped();
                }
                case GraphApi.Refused r -> {
                    log.warn("whatsapp refused a message ({} code {}), dropped", r.status(), r.code());
                    return new Outcome.Dropped();
                }
                case GraphApi.ServerError e -> {
                    int attempts = item.attempts() + 1;
                    if (attempts >= MAX_SEND_ATTEMPTS) {
                        log.error("whatsapp message failed {} times, dropped", attempts);
                        return new Outcome.Dropped();
                    }
                    Duration wait = backoff(attempts);
                    log.warn("whatsapp server error ({} code {}), retry {} in {} ms", e.status(), e.code(),
                            attempts, wait.toMillis());
                    return retryLater(id, attempts, Instant.now().plus(wait), false);
                }
                case GraphApi.Uncertain u -> {
                    Metrics.sent("whatsapp-uncertain");
                    log.warn("whatsapp send got no answer ({}): not repeated, it may have been delivered "
                            + "respondent={}", u.why(), RespondentIds.logTag(respondent));
                    return new Outcome.Dropped();
                }
            }
        } catch (RuntimeException e) {
            log.error("whatsapp outbox item could not be handled: {}", e.getClass().getSimpleName());
            return new Outcome.Hold(Instant.now().plusSeconds(5));
        }
    }

    /** The image message of a map item, or what became of the item when there is nothing to send now. */
    private record MapBody(String body, Outcome outcome) {
    }

    /**
     * The image message of a map item, after uploading its picture; an outcome instead when there is nothing to send
     * now: the resident's answers are gone (the item is dropped) or the upload was refused for now (retried after a
     * back-off, under the same throttling rules as a message; an upload that got no answer is simply made again).
     */
    private MapBody mapBody(OutboxItem item, OutboxItem.WhatsAppMap map, SendPacer pacer) {
        String id = item.id();
        String language = map.language();
        var png = pictures.png(item.respondent(), map.questionnaire(), language);
        if (png.isEmpty()) {
            Metrics.sent("whatsapp-map-gone");
            return new MapBody(null, new Outcome.Dropped());
        }
        if (!pacer.awaitCall()) {
            return new MapBody(null, new Outcome.Stopping()); // the item stays and goes after the restart
        }
        GraphApi.Sent uploaded = api.upload(png.get(), "image/png", "buurtkaart.png");
        int attempts = item.attempts() + 1;
        return switch (uploaded) {
            case GraphApi.Accepted a -> {
                String to = item.chat().substring(CHAT_PREFIX.length());
                yield new MapBody(OutboundPayloads.image(to, a.messageId(), MapPictures.caption(language)), null);
            }
            case GraphApi.Throttled t -> {
                Duration wait = t.retryAfter().compareTo(backoff(attempts)) > 0 ? t.retryAfter() : backoff(attempts);
                Metrics.rateLimited();
                log.warn("whatsapp media upload throttled (code {}): waiting {} ms", t.code(), wait.toMillis());
                // the number's upload limit, not the resident's
                yield new MapBody(null, retryLater(id, attempts, Instant.now().plus(wait), true));
            }
            case GraphApi.ServerError e when attempts < MAX_SEND_ATTEMPTS ->
                    new MapBody(null, retryUpload(id, attempts, e.status()));
            case GraphApi.Uncertain u when attempts < MAX_SEND_ATTEMPTS ->
                    new MapBody(null, retryUpload(id, attempts, 0));
            default -> {
                log.warn("whatsapp media upload failed ({}), map dropped respondent={}",
                        uploaded.getClass().getSimpleName(), RespondentIds.logTag(item.respondent()));
                yield new MapBody(null, new Outcome.Dropped());
            }
        };
    }

    private Outcome retryUpload(String id, int attempts, int status) {
        Duration wait = backoff(attempts);
        log.warn("whatsapp media upload not taken (status {}), retry {} in {} ms", status, attempts, wait.toMillis());
        return retryLater(id, attempts, Instant.now().plus(wait), false);
    }

    /** Refused, nothing sent: the mark goes, so that the retry is a first attempt again. */
    private Outcome retryLater(String id, int attempts, Instant until, boolean everybody) {
        store.outboxNotAttempted(id);
        return new Outcome.Retry(attempts, until, everybody);
    }

    private Duration backoff(int attempts) {
        Duration d = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 7));
        return d.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : d;
    }

    /**
     * The window has closed: nothing free may go. The chat's queue is dropped and the resident waits; the first time,
     * the approved template of their language (if any) asks them to come back.
     */
    private void windowClosed(OutboxItem item) {
        String chat = item.chat();
        String respondent = item.respondent();
        String language = language(item);
        long dropped = store.dropOutboxForChat(chat);
        store.durability().sync();
        boolean first = waiting.mark(respondent, Instant.now());
        String template = settings.templateFor(language);
        if (first && template != null) {
            String to = chat.substring(CHAT_PREFIX.length());
            // templates may go outside the window: this one's window is its own
            store.enqueueItems(List.of(OutboxItem.queued(item.id() + ":template", nextSeq(), chat, respondent,
                    new OutboxItem.WhatsApp(OutboundPayloads.template(to, template, language),
                            Instant.now().plus(Duration.ofDays(1)), language))));
            store.durability().sync();
            signal();
        }
        Metrics.sent("whatsapp-window-closed");
        log.info("whatsapp window closed: {} messages withheld, template {} respondent={}", dropped,
                first && template != null ? "sent" : "not sent", RespondentIds.logTag(respondent));
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
