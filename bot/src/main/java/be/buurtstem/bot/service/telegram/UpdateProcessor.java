package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.conversation.Inbound;
import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.engine.Input;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one Telegram update into an {@link Inbound}, hands it to the conversation service with a Telegram
 * {@link be.buurtstem.bot.service.conversation.Delivery}, retries a failure a few times and then parks the update
 * (kept with its error, names and usernames removed) so that one bad update never jams the channel. An update that
 * cannot be read at all ({@link IncomingUpdate}) is parked at once, reduced by {@link ParkedUpdates#redact}.
 * The caller syncs the store before confirming the update to Telegram.
 */
public class UpdateProcessor {
    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
    public static final String CHANNEL = "telegram";
    /** Between a command and its argument (compiled once: String.split compiled it for every message). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final ConversationService conversations;
    private final TelegramOutbox outbox;
    private final Store store;
    private final TelegramSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public UpdateProcessor(ConversationService conversations, TelegramOutbox outbox, Store store,
                           TelegramSettings settings) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.store = store;
        this.settings = settings;
    }

    /** The chat an update belongs to (its ordering key), or null for updates we do not handle. */
    public static String chatOf(Update u) {
        if (u.hasMessage() && u.getMessage().getChatId() != null) {
            return String.valueOf(u.getMessage().getChatId());
        }
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            if (q.getMessage() != null && q.getMessage().getChatId() != null) {
                return String.valueOf(q.getMessage().getChatId());
            }
            return q.getFrom() == null ? null : String.valueOf(q.getFrom().getId());
        }
        return null;
    }

    /**
     * Handles one update, trying up to {@code updateAttempts} times; returns normally when the update is done with
     * (handled, a duplicate, ignored or parked). An update that could not even be read is parked at once. Throws only
     * when even parking failed (the store is down): then the update must not be confirmed.
     * Logs carry the update's key, its kind and the error's class only: never a message, which may quote a resident.
     */
    public void process(IncomingUpdate in) {
        if (!in.readable()) {
            parkUnreadable(in);
            return;
        }
        Update update = in.update();
        int attempts = settings.updateAttempts();
        var refused = store.writeFailures(in.key());
        if (refused != null && refused.count() >= attempts) {
            // handled each time, but the store refused its writes each time (the others' were written): parked, so
            // that it is not asked for again for ever
            park(in, update, attempts, "its writes were refused by the store " + refused.count() + " times: "
                    + refused.error());
            return;
        }
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                // the session, its replies and the processed mark are written together at the caller's sync
                // (the store's WriteBehind), never split by a commit
                handleOnce(in.key(), update);
                return;
            } catch (RuntimeException | StackOverflowError e) {
                last = e;
                log.warn("update {} ({}) failed (attempt {}/{}): {}", in.key(), in.kind(), attempt, attempts,
                        ParkedUpdates.where(e));
                if (attempt < attempts) {
                    sleep(Duration.ofMillis(50L * attempt));
                }
            }
        }
        // the error text stays in the store (deleted with the resident), never in the log
        park(in, update, attempts, String.valueOf(last));
        log.error("update {} ({}) parked after {} attempts: {}", in.key(), in.kind(), attempts,
                ParkedUpdates.where(last));
    }

    private void park(IncomingUpdate in, Update update, int attempts, String error) {
        String chat = chatOf(update);
        String respondent = chat == null ? null : conversations.respondentId(CHANNEL, chat);
        store.park(in.key(), respondent, CHANNEL, sanitized(update), error, attempts, Instant.now());
        Metrics.parked(CHANNEL);
        store.markProcessed(in.key(), respondent, Instant.now());
    }

    /**
     * An update that could not be read: parked with its raw body reduced by {@link ParkedUpdates#redact}, and done
     * with, so that the offset moves past it. It belongs to a resident when its chat id can be read, so that
     * "delete my answers" removes it too.
     */
    private void parkUnreadable(IncomingUpdate in) {
        String chat = ParkedUpdates.chatOf(in.raw());
        String respondent = chat == null ? null : conversations.respondentId(CHANNEL, chat);
        store.park(in.key(), respondent, CHANNEL, ParkedUpdates.redact(in.raw()), in.problem(), 0, Instant.now());
        Metrics.parked(CHANNEL);
        store.markProcessed(in.key(), respondent, Instant.now());
        log.warn("update {} ({}) could not be read and is parked: {}", in.key(), in.kind(), in.problem());
    }

    private void handleOnce(String key, Update update) {
        String chat = chatOf(update);
        if (chat == null) {
            store.markProcessed(key, null, Instant.now());
            return;
        }
        if (update.hasMessage() && !"private".equals(update.getMessage().getChat() == null ? "private"
                : update.getMessage().getChat().getType())) {
            store.markProcessed(key, null, Instant.now());
            return; // residents talk to the bot privately; group chats are ignored
        }
        Instant now = Instant.now();
        TelegramOutbox.CallbackContext callback = null;
        Inbound.Action action;
        User from;
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            from = q.getFrom();
            String data = q.getData();
            String label = null;
            String edited = null;
            Integer messageId = null;
            if (q.getMessage() instanceof Message m) {
                messageId = m.getMessageId();
                label = pressedLabel(m, data);
                if (label != null && m.getText() != null
                        && m.getText().length() + label.length() + 4 <= TextSplitter.TELEGRAM_LIMIT) {
                    edited = m.getText() + "\n\n✅ " + label;
                }
            }
            callback = new TelegramOutbox.CallbackContext(q.getId(), messageId, edited);
            if (data != null && data.startsWith("o:")) {
                action = new Inbound.Answer(new Input.Choice(data.substring(2)));
            } else if (data != null && data.startsWith("h:")) {
                // a button id over 64 bytes went out as its hash: found again among the buttons last shown
                action = new Inbound.Press(shown -> CallbackData.decode(data, shown));
            } else {
                action = new Inbound.Unsupported("callback");
            }
        } else {
            Message m = update.getMessage();
            from = m.getFrom();
            action = actionOf(m);
        }
        String language = from == null ? null : from.getLanguageCode();
        Inbound in = new Inbound(CHANNEL, chat, key, action, language, now);
        conversations.handle(in, outbox.delivery(callback));
    }

    static Inbound.Action actionOf(Message m) {
        if (m.hasText()) {
            String text = m.getText().strip();
            if (text.startsWith("/")) {
                String[] parts = WHITESPACE.split(text, 2);
                String command = parts[0].substring(1).toLowerCase(Locale.ROOT);
                int at = command.indexOf('@');
                if (at >= 0) {
                    command = command.substring(0, at);
                }
                String arg = parts.length > 1 ? parts[1].strip() : null;
                switch (command) {
                    case "start":
                        return new Inbound.Start(arg);
                    case "delete", "deletemydata", "forget":
                        return new Inbound.DeleteMyData();
                    case "mydata", "data":
                        return new Inbound.ShowMyData();
                    case "stop", "back", "skip", "help":
                        return new Inbound.Answer(new Input.Choice(command));
                    case "language", "taal", "langue":
                        return new Inbound.Answer(new Input.Choice("language"));
                    default:
                        if (be.buurtstem.bot.service.buurtkaart.MapWords.command(command)) {
                            return new Inbound.ShowMyMap();
                        }
                        break;
                }
            }
            return new Inbound.Answer(new Input.Text(m.getText()));
        }
        if (m.hasLocation()) {
            return new Inbound.Answer(new Input.Location(m.getLocation().getLatitude(),
                    m.getLocation().getLongitude()));
        }
        if (m.hasPhoto()) {
            Optional<PhotoSize> largest = m.getPhoto().stream()
                    .max(Comparator.comparingLong(p -> (long) (p.getWidth() == null ? 0 : p.getWidth())
                            * (p.getHeight() == null ? 0 : p.getHeight())));
            if (largest.isPresent()) {
                return new Inbound.Answer(new Input.Photo(largest.get().getFileId(), m.getCaption()));
            }
        }
        return new Inbound.Unsupported("message");
    }

    private static String pressedLabel(Message m, String data) {
        if (m.getReplyMarkup() == null || m.getReplyMarkup().getKeyboard() == null) {
            return null;
        }
        for (InlineKeyboardRow row : m.getReplyMarkup().getKeyboard()) {
            for (InlineKeyboardButton b : row) {
                if (data != null && data.equals(b.getCallbackData())) {
                    return b.getText();
                }
            }
        }
        return null;
    }

    /** The update as JSON without names, usernames, phone numbers: what an operator sees of a parked update. */
    String sanitized(Update update) {
        try {
            JsonNode tree = json.valueToTree(update);
            ParkedUpdates.removePersonal(tree);
            return json.writeValueAsString(tree);
        } catch (Exception e) {
            return "{\"update_id\":" + update.getUpdateId() + "}";
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
