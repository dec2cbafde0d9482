package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.conversation.SystemTexts;
import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

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
 * Outbound Telegram messages go through a durable outbox: written (with deterministic ids) before the inbound update
 * is confirmed, sent by one dispatcher in order per chat, removed only after Telegram accepted them. Limits: about
 * {@code messagesPerSecond} overall and one message per {@code perChatInterval} per chat. A 429 waits its
 * {@code retry_after}; a 5xx or network error backs off and retries the same item (never a second copy); a 403 marks
 * the resident as stopped and drops what was queued for them; any other 4xx is dropped with a log line.
 * Text is sent without a parse mode, so nothing anyone writes can inject markup. A resident's map is queued as a
 * {@code photo} item that holds only the reference ({@code respondent}, {@code questionnaire}, {@code language}); the
 * picture is drawn from the stored answers when the item is sent, and the item is dropped if they are gone.
 * <p>
 * Delivery is at least once: Telegram has no idempotency key for sendMessage, so an item accepted by Telegram whose
 * removal is not yet on disk when the process is killed is sent again after the restart. The removal is synced right
 * after the call, so that window is one call's answer plus one group commit (it was up to the next one-second commit
 * tick). Marking an item "sending" before the call would not help: after a crash nobody knows whether Telegram got
 * it, and dropping it would leave a resident without their next question, which is worse than seeing it twice.
 * <p>
 * Several instances may share one outbox: an item is sent only by the instance that claimed it
 * ({@link OutboxLeases}); heads another instance holds a live lease on are skipped; leases of items being sent are
 * renewed by the dispatcher; a dead instance's leases expire and are taken over.
 */
public class TelegramOutbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);
    private static final int MAX_SEND_ATTEMPTS = 12;
    /** Chats looked at per loop; more chats than this with something queued wait for the next loop. */
    private static final int MAX_HEADS = 5000;
    /** Chats of another channel in the same outbox: WhatsApp's {@code wa:<number>} (Telegram chat ids are numbers). */
    static final String OTHER_CHANNEL_PREFIX = "wa:";

    private final Store store;
    private final TelegramApi api;
    private final TelegramSettings settings;
    private final OutboxLeases leases;
    private final SentRemovals removals;
    /** Draws a resident's map when its photo item is sent (the outbox holds only the reference). */
    private final MapPictures pictures;
    /** This instance's part of generated ids (organiser notices, inputs without an id): unique across instances. */
    private final String idPrefix = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()
            & 0xffffffffL) + "-";
    /**
     * Order of items, per chat: at least the wall clock in microseconds, so that items queued by two instances
     * sharing the store come in the order they were queued (a counter started at each instance's start would put
     * everything of a younger instance after an older one's), and strictly increasing within the instance.
     */
    private final AtomicLong seq = new AtomicLong();
    /** Items this instance has claimed and is sending: their leases are renewed until they are done. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private Instant lastRenewal = Instant.now();
    private final Map<String, Instant> chatNext = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Items just handled, and until when to leave them alone: a listing read before an item was removed or
     * rescheduled must not send it again (sent, dropped) or sooner than its backoff (retry).
     */
    private final Map<String, Instant> hold = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("telegram-send-", 0)
            .daemon(true).factory());
    private volatile Instant globalPauseUntil = Instant.EPOCH;
    private volatile boolean running;
    private Thread dispatcher;
    private long nextGlobalNanos = System.nanoTime();
    /** The overall limit, taken again right before each call (see {@link #awaitSendSlot}). */
    private long nextSendNanos = System.nanoTime();

    public TelegramOutbox(Store store, TelegramApi api, TelegramSettings settings, OutboxLeases leases,
                          MapPictures pictures) {
        this.pictures = pictures;
        this.store = store;
        this.api = api;
        this.settings = settings;
        this.leases = leases;
        this.removals = new SentRemovals(store);
    }

    private long nextSeq() {
        return seq.updateAndGet(s -> Math.max(s + 1, System.currentTimeMillis() * 1000));
    }

    /** A delivery for one update; for a button press it also acknowledges the press and shows the choice. */
    public Delivery delivery(CallbackContext callback) {
        return (respondent, chat, inputId, language, messages) -> {
            List<Document> items = new ArrayList<>();
            String base = inputId == null ? "x" + idPrefix + nextSeq() : inputId;
            int n = 0;
            if (callback != null) {
                items.add(item(base + ":" + n++, chat, respondent, "callback").append("callbackId", callback.queryId()));
                if (callback.editedText() != null) {
                    items.add(item(base + ":" + n++, chat, respondent, "edit").append("messageId", callback.messageId())
                            .append("text", callback.editedText()));
                }
            }
            for (be.buurtstem.engine.OutboundMessage m : messages) {
                var map = MapMessage.questionnaireOf(m);
                if (map.isPresent()) {
                    if (respondent != null) {
                        items.add(item(base + ":" + n++, chat, respondent, "photo").append("questionnaire", map.get())
                                .append("language", language));
                    }
                    continue;
                }
                List<String> chunks = TextSplitter.split(m.text(), TextSplitter.TELEGRAM_LIMIT, language);
                for (int i = 0; i < chunks.size(); i++) {
                    Document d = item(base + ":" + n++, chat, respondent, "send").append("text", chunks.get(i));
                    if (i == chunks.size() - 1) {
                        List<Document> buttons = new ArrayList<>();
                        for (be.buurtstem.engine.Button b : m.buttons()) {
                            buttons.add(new Document("id", b.id()).append("label", b.label()));
                        }
                        d.append("buttons", buttons).append("expect", m.expect().name())
                                .append("language", language);
                    }
                    items.add(d);
                }
            }
            store.enqueue(items);
        };
    }

    /** What is known about a button press: to answer it and to show the chosen label in the pressed message. */
    public record CallbackContext(String queryId, Integer messageId, String editedText) {
    }

    /** A text for the organisers' chat (saturation alerts, issue 6), through the same limits and retries. */
    public void sendToChat(String chat, String text) {
        List<Document> items = new ArrayList<>();
        int n = 0;
        String base = "org" + idPrefix + nextSeq();
        for (String chunk : TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT, null)) {
            items.add(item(base + ":" + n++, chat, null, "send").append("text", chunk));
        }
        store.enqueue(items);
        signal();
    }

    private Document item(String id, String chat, String respondent, String type) {
        Document d = new Document("_id", id).append("seq", nextSeq()).append("chat", chat)
                .append("type", type).append("attempts", 0).append("notBefore", new Date(0))
                .append("createdAt", new Date());
        if (respondent != null) {
            d.append("respondent", respondent);
        }
        return d;
    }

    public void signal() {
        wake.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        dispatcher = Thread.ofPlatform().name("telegram-outbox").start(this::loop);
    }

    private void loop() {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, settings.messagesPerSecond());
        while (running) {
            try {
                Instant now = Instant.now();
                hold.values().removeIf(t -> t.isBefore(now));
                renewLeases(now);
                // one head per chat (see Store.outboxHeads): a quiet resident is not starved by busy chats
                List<Document> pending = store.outboxHeads(MAX_HEADS);
                int dispatched = 0;
                for (Document item : pending) {
                    String chat = item.getString("chat");
                    if (chat != null && chat.startsWith(OTHER_CHANNEL_PREFIX)) {
                        continue; // the same outbox carries the WhatsApp channel's items (service/whatsapp)
                    }
                    if (inFlight.contains(chat) || hold.containsKey(item.getString("_id")) || leasedElsewhere(item, now)) {
                        continue; // heads only (outboxHeads), one at a time per chat: order per chat is kept
                    }
                    boolean callback = "callback".equals(item.getString("type"));
                    if (item.getDate("notBefore").toInstant().isAfter(now) || now.isBefore(globalPauseUntil)
                            || (!callback && chatNext.getOrDefault(chat, Instant.EPOCH).isAfter(now))) {
                        continue;
                    }
                    if (!callback) {
                        long wait = nextGlobalNanos - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        nextGlobalNanos = Math.max(System.nanoTime(), nextGlobalNanos) + intervalNanos;
                    }
                    // the in-process embedded store is nobody else's (its file is locked) and its listing comes from
                    // memory, updated at every removal: a claim would only cost a round trip per item
                    OutboxLeases.Claim claim = store.soleWriter() ? OutboxLeases.Claim.CLAIMED
                            : leases.claim(item.getString("_id"), Instant.now());
                    if (claim == OutboxLeases.Claim.REFUSED) {
                        store.outboxGone(item.getString("_id")); // a listing from memory must not offer it again
                        continue; // sent or claimed by another instance since the listing
                    }
                    if (claim == OutboxLeases.Claim.TAKEN_OVER) {
                        Metrics.leaseTakenOver();
                    }
                    inFlight.add(chat);
                    claimed.add(item.getString("_id"));
                    dispatched++;
                    senders.submit(() -> {
                        try {
                            send(item);
                        } finally {
                            claimed.remove(item.getString("_id"));
                            inFlight.remove(chat);
                            wake.release();
                        }
                    });
                }
                // woken at once by new items and finished sends; otherwise look again soon only if work was done
                wake.tryAcquire(pending.isEmpty() ? 500 : dispatched > 0 ? 20 : 100, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("outbox dispatcher error", e);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** A live lease of another instance on the item (as listed): that instance is sending it. */
    private boolean leasedElsewhere(Document item, Instant now) {
        Date until = item.getDate("leaseUntil");
        return until != null && until.toInstant().isAfter(now) && !leases.owner().equals(item.getString("claimedBy"));
    }

    /** Every third of the lease, the leases of the items being sent are extended (a slow call, a 429 wait). */
    private void renewLeases(Instant now) {
        if (Duration.between(lastRenewal, now).compareTo(leases.lease().dividedBy(3)) < 0) {
            return;
        }
        lastRenewal = now;
        try {
            leases.renew(List.copyOf(claimed), now);
        } catch (RuntimeException e) {
            log.warn("outbox leases not renewed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * The dispatcher paces what it hands to the senders, but a sender may wait (a slow call, the group commit after
     * it) and then several go at once: the overall limit is therefore also kept at the moment of the call, so that no
     * one-second window holds more than {@code messagesPerSecond} calls (Telegram answers more with 429s).
     */
    private boolean awaitSendSlot() {
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, settings.messagesPerSecond());
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
        String type = item.getString("type");
        try {
            if (!"callback".equals(type) && !awaitSendSlot()) {
                return; // stopping: the item stays in the outbox and goes after the restart
            }
            switch (type) {
                case "callback" -> api.sender().execute(AnswerCallbackQuery.builder()
                        .callbackQueryId(item.getString("callbackId")).build());
                case "edit" -> api.sender().execute(EditMessageText.builder().chatId(chat)
                        .messageId(item.getInteger("messageId")).text(item.getString("text")).build());
                case "photo" -> {
                    var png = pictures.png(item.getString("respondent"), item.getString("questionnaire"),
                            item.getString("language"));
                    if (png.isEmpty()) { // the answers were deleted meanwhile: there is no map to send any more
                        store.outboxDone(id);
                        return;
                    }
                    api.sender().execute(SendPhoto.builder().chatId(chat)
                            .photo(new InputFile(new java.io.ByteArrayInputStream(png.get()), "buurtkaart.png"))
                            .caption(MapPictures.caption(item.getString("language"))).build());
                }
                default -> api.sender().execute(sendMessage(item));
            }
            Metrics.sent(type);
            hold.put(id, Instant.now().plusSeconds(60));
            // on disk at once (one delete and one sync shared with the other senders finishing now), not at the next
            // commit tick: a kill -9 in between would send the message again after the restart
            removals.removeAndSync(id);
            if (!"callback".equals(type)) {
                chatNext.put(chat, Instant.now().plus(settings.perChatInterval()));
            }
        } catch (TelegramApiException e) {
            int code = TelegramApi.errorCode(e);
            int attempts = item.getInteger("attempts", 0) + 1;
            if (code == 429) {
                Duration wait = TelegramApi.retryAfter(e);
                Instant until = Instant.now().plus(wait);
                chatNext.put(chat, until);
                globalPauseUntil = until;
                hold.put(id, until);
                leases.retryLater(id, attempts, until);
                Metrics.rateLimited();
                log.warn("telegram rate limit: waiting {}s as asked (retry_after)", wait.toSeconds());
            } else if (code == 403) {
                String respondent = item.getString("respondent");
                if (respondent != null) {
                    store.markStopped(respondent, "blocked", Instant.now());
                }
                hold.put(id, Instant.now().plusSeconds(60));
                long dropped = store.dropOutboxForChat(chat);
                log.info("resident blocked the bot: marked stopped, {} queued messages dropped respondent={}", dropped,
                        RespondentIds.logTag(respondent));
            } else if (code >= 400 && code < 500) {
                hold.put(id, Instant.now().plusSeconds(60));
                store.outboxDone(id);
                log.warn("telegram refused a {} ({}), dropped: {}", type, code, e.getMessage());
            } else if (attempts >= MAX_SEND_ATTEMPTS) {
                hold.put(id, Instant.now().plusSeconds(60));
                store.outboxDone(id);
                log.error("telegram {} failed {} times, dropped: {}", type, attempts, e.getMessage());
            } else {
                long factor = 1L << Math.min(attempts - 1, 7);
                Duration backoff = settings.retryBase().multipliedBy(factor);
                if (backoff.compareTo(Duration.ofMinutes(1)) > 0) {
                    backoff = Duration.ofMinutes(1);
                }
                hold.put(id, Instant.now().plus(backoff));
                leases.retryLater(id, attempts, Instant.now().plus(backoff));
                log.warn("telegram {} failed (code {}), retry {} in {} ms", type, code, attempts, backoff.toMillis());
            }
        } catch (RuntimeException e) {
            log.error("outbox item {} could not be sent", type, e);
            hold.put(id, Instant.now().plusSeconds(5));
            leases.retryLater(id, item.getInteger("attempts", 0) + 1, Instant.now().plusSeconds(5));
        }
    }

    private static SendMessage sendMessage(Document item) {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(item.getString("chat"))
                .text(item.getString("text"));
        List<Document> buttons = item.getList("buttons", Document.class, List.of());
        String expect = item.getString("expect");
        if (!buttons.isEmpty()) {
            List<InlineKeyboardRow> rows = new ArrayList<>();
            boolean compact = buttons.size() <= 5 && buttons.stream()
                    .allMatch(x -> x.getString("label").codePointCount(0, x.getString("label").length()) <= 3);
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (Document button : buttons) {
                InlineKeyboardButton k = InlineKeyboardButton.builder().text(button.getString("label"))
                        .callbackData(CallbackData.encode(button.getString("id"))).build();
                if (compact) {
                    row.add(k);
                } else {
                    rows.add(new InlineKeyboardRow(k));
                }
            }
            if (compact) {
                rows.add(row);
            }
            b.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
        } else if ("LOCATION".equals(expect)) {
            KeyboardButton share = KeyboardButton.builder()
                    .text(SystemTexts.get("share_location", item.getString("language"))).requestLocation(true).build();
            b.replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(share)).resizeKeyboard(true)
                    .oneTimeKeyboard(true).build());
        }
        return b.build();
    }

    /** Stops taking new work; waits up to the drain timeout for the outbox to empty. */
    @Override
    public void close() {
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        try {
            while (running && Instant.now().isBefore(deadline) && store.outboxSize() > 0) {
                signal();
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not check the outbox at shutdown: {}", e.getMessage());
        }
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
        try { // what this instance claimed and did not send goes to the other instances now, not at expiry
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("outbox leases not released at shutdown: {}", e.getClass().getSimpleName());
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
