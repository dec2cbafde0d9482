package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.conversation.SystemTexts;
import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.outbox.OutboxChannel;
import be.buurtstem.bot.service.outbox.OutboxDispatcher;
import be.buurtstem.bot.service.outbox.SendPacer;
import be.buurtstem.bot.service.store.OutboxItem;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
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
import java.util.List;
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
 * Dispatching is {@link OutboxDispatcher}'s (order per chat, limits, leases of several instances, removals in
 * batches); this class builds the items and the Bot API calls and maps Telegram's answers. Delivery is at least
 * once: an item Telegram accepted whose removal was not yet synced at a kill is sent again after the restart (the
 * window is about one batch of removals, see {@link OutboxDispatcher}).
 */
public class TelegramOutbox implements AutoCloseable, OutboxChannel {
    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);
    private static final int MAX_SEND_ATTEMPTS = 12;
    /**
     * Calls in flight at once (one per chat): a call mostly waits on the network, and the overall limit is kept by
     * the pacer whatever the number of senders; 4 were the bound at 300 replies a second (issue 17).
     */
    public static final int SENDERS = 16;

    private final Store store;
    private final TelegramApi api;
    private final TelegramSettings settings;
    private final OutboxDispatcher dispatcher;
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

    public TelegramOutbox(Store store, TelegramApi api, TelegramSettings settings, OutboxLeases leases,
                          MapPictures pictures) {
        this.pictures = pictures;
        this.store = store;
        this.api = api;
        this.settings = settings;
        this.dispatcher = new OutboxDispatcher("telegram-outbox", store, leases, this,
                new SendPacer(Math.max(1, settings.messagesPerSecond())), settings.perChatInterval(), SENDERS);
    }

    private long nextSeq() {
        return seq.updateAndGet(s -> Math.max(s + 1, System.currentTimeMillis() * 1000));
    }

    /** A delivery for one update; for a button press it also acknowledges the press and shows the choice. */
    public Delivery delivery(CallbackContext callback) {
        return (respondent, chat, inputId, language, messages) -> {
            List<OutboxItem> items = new ArrayList<>();
            String base = inputId == null ? "x" + idPrefix + nextSeq() : inputId;
            int n = 0;
            if (callback != null) {
                items.add(item(base + ":" + n++, chat, respondent, new OutboxItem.Callback(callback.queryId())));
                if (callback.editedText() != null) {
                    items.add(item(base + ":" + n++, chat, respondent,
                            new OutboxItem.Edit(callback.messageId(), callback.editedText())));
                }
            }
            for (be.buurtstem.engine.OutboundMessage m : messages) {
                var map = MapMessage.questionnaireOf(m);
                if (map.isPresent()) {
                    if (respondent != null) {
                        items.add(item(base + ":" + n++, chat, respondent, new OutboxItem.Photo(map.get(), language)));
                    }
                    continue;
                }
                List<String> chunks = TextSplitter.split(m.text(), TextSplitter.TELEGRAM_LIMIT, language);
                for (int i = 0; i < chunks.size(); i++) {
                    OutboxItem.Send send = OutboxItem.Send.text(chunks.get(i));
                    if (i == chunks.size() - 1) { // the buttons go with the message's last chunk
                        List<OutboxItem.Button> buttons = new ArrayList<>();
                        for (be.buurtstem.engine.Button b : m.buttons()) {
                            buttons.add(new OutboxItem.Button(b.id(), b.label()));
                        }
                        send = new OutboxItem.Send(chunks.get(i), buttons, m.expect().name(), language);
                    }
                    items.add(item(base + ":" + n++, chat, respondent, send));
                }
            }
            store.enqueueItems(items);
        };
    }

    /** What is known about a button press: to answer it and to show the chosen label in the pressed message. */
    public record CallbackContext(String queryId, Integer messageId, String editedText) {
    }

    /** A text for the organisers' chat (saturation alerts, issue 6), through the same limits and retries. */
    public void sendToChat(String chat, String text) {
        List<OutboxItem> items = new ArrayList<>();
        int n = 0;
        String base = "org" + idPrefix + nextSeq();
        for (String chunk : TextSplitter.split(text, TextSplitter.TELEGRAM_LIMIT, null)) {
            items.add(item(base + ":" + n++, chat, null, OutboxItem.Send.text(chunk)));
        }
        store.enqueueItems(items);
        signal();
    }

    private OutboxItem item(String id, String chat, String respondent, OutboxItem.Kind kind) {
        return OutboxItem.queued(id, nextSeq(), chat, respondent, kind);
    }

    public void signal() {
        dispatcher.signal();
    }

    public void start() {
        dispatcher.start();
    }

    @Override
    public String lane() {
        return ""; // Telegram's chats are numbers; WhatsApp's wa:<number> are the other lane of the same outbox
    }

    @Override
    public boolean paced(OutboxItem item) {
        return !(item.kind() instanceof OutboxItem.Callback); // acknowledging a press is not a message
    }

    @Override
    public Outcome send(OutboxItem item, SendPacer pacer) {
        String chat = item.chat();
        String type = type(item.kind());
        try {
            if (paced(item) && !pacer.awaitCall()) {
                return new Outcome.Stopping();
            }
            switch (item.kind()) {
                case OutboxItem.Callback c -> api.sender().execute(AnswerCallbackQuery.builder()
                        .callbackQueryId(c.callbackId()).build());
                case OutboxItem.Edit e -> api.sender().execute(EditMessageText.builder().chatId(chat)
                        .messageId(e.messageId()).text(e.text()).build());
                case OutboxItem.Photo p -> {
                    var png = pictures.png(item.respondent(), p.questionnaire(), p.language());
                    if (png.isEmpty()) { // the answers were deleted meanwhile: there is no map to send any more
                        return new Outcome.Dropped();
                    }
                    api.sender().execute(SendPhoto.builder().chatId(chat)
                            .photo(new InputFile(new java.io.ByteArrayInputStream(png.get()), "buurtkaart.png"))
                            .caption(MapPictures.caption(p.language())).build());
                }
                case OutboxItem.Send s -> api.sender().execute(sendMessage(chat, s));
                case OutboxItem.WhatsApp w -> {
                    return new Outcome.Dropped(); // another channel's: never in this lane
                }
                case OutboxItem.WhatsAppMap w -> {
                    return new Outcome.Dropped();
                }
            }
            Metrics.sent(type);
            return new Outcome.Sent();
        } catch (TelegramApiException e) {
            int code = TelegramApi.errorCode(e);
            int attempts = item.attempts() + 1;
            if (code == 429) {
                Duration wait = TelegramApi.retryAfter(e);
                Metrics.rateLimited();
                log.warn("telegram rate limit: waiting {}s as asked (retry_after)", wait.toSeconds());
                return new Outcome.Retry(attempts, Instant.now().plus(wait), true);
            } else if (code == 403) {
                String respondent = item.respondent();
                if (respondent != null) {
                    store.markStopped(respondent, "blocked", Instant.now());
                }
                log.info("resident blocked the bot: marked stopped, queued messages dropped respondent={}",
                        RespondentIds.logTag(respondent));
                return new Outcome.ChatStopped();
            } else if (code >= 400 && code < 500) {
                log.warn("telegram refused a {} ({}), dropped: {}", type, code, e.getMessage());
                return new Outcome.Dropped();
            } else if (attempts >= MAX_SEND_ATTEMPTS) {
                log.error("telegram {} failed {} times, dropped: {}", type, attempts, e.getMessage());
                return new Outcome.Dropped();
            } else {
                long factor = 1L << Math.min(attempts - 1, 7);
                Duration backoff = settings.retryBase().multipliedBy(factor);
                if (backoff.compareTo(Duration.ofMinutes(1)) > 0) {
                    backoff = Duration.ofMinutes(1);
                }
                log.warn("telegram {} failed (code {}), retry {} in {} ms", type, code, attempts, backoff.toMillis());
                return new Outcome.Retry(attempts, Instant.now().plus(backoff), false);
            }
        } catch (RuntimeException e) {
            log.error("outbox item {} could not be sent", type, e);
            return new Outcome.Retry(item.attempts() + 1, Instant.now().plusSeconds(5), false);
        }
    }

    /** The metrics' word for the item's call (as the stored {@code type} was). */
    private static String type(OutboxItem.Kind kind) {
        return switch (kind) {
            case OutboxItem.Callback c -> "callback";
            case OutboxItem.Edit e -> "edit";
            case OutboxItem.Photo p -> "photo";
            default -> "send";
        };
    }

    private static SendMessage sendMessage(String chat, OutboxItem.Send send) {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chat).text(send.text());
        List<OutboxItem.Button> buttons = send.buttons();
        if (!buttons.isEmpty()) {
            List<InlineKeyboardRow> rows = new ArrayList<>();
            boolean compact = buttons.size() <= 5 && buttons.stream()
                    .allMatch(x -> x.label().codePointCount(0, x.label().length()) <= 3);
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (OutboxItem.Button button : buttons) {
                InlineKeyboardButton k = InlineKeyboardButton.builder().text(button.label())
                        .callbackData(CallbackData.encode(button.id())).build();
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
        } else if ("LOCATION".equals(send.expect())) {
            KeyboardButton share = KeyboardButton.builder()
                    .text(SystemTexts.get("share_location", send.language())).requestLocation(true).build();
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
            while (dispatcher.running() && Instant.now().isBefore(deadline) && store.outboxSize() > 0) {
                signal();
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not check the outbox at shutdown: {}", e.getMessage());
        }
        dispatcher.close();
    }
}
