package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.conversation.Inbound;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.WhatsAppStatuses;
import be.buurtstem.bot.service.store.WhatsAppWaiting;
import be.buurtstem.bot.service.web.WebPhotoStore;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.text.Fold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the messages of one webhook body into {@link Inbound}s for the conversation service, with a WhatsApp
 * {@link be.buurtstem.bot.service.conversation.Delivery}, and records the delivery statuses. The resident's address
 * is {@code wa:<number>} (hashed into the respondent id, so one resident is one respondent on WhatsApp and another
 * on Telegram); the message id {@code wa:<wamid>} is the idempotency key, marked processed with the message's other
 * writes. A photo is fetched through the media endpoint into the web chat's photo store (WhatsApp's links expire in
 * minutes), within a size and a type limit. The caller syncs the store before it answers 200.
 */
class WhatsAppInbound {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppInbound.class);
    static final String CHANNEL = "whatsapp";
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    /**
     * Words that ask a business to stop writing, beside the engine's own "stop" in each language: honoured as stop
     * (the conversation pauses and nothing more is sent until the resident writes again).
     */
    static final Set<String> OPT_OUT = Set.of("stop", "stopp", "uitschrijven", "afmelden", "unsubscribe", "opt out",
            "optout", "desinscrire", "desabonner", "desinscription", "arreter", "abmelden", "iptal", "durdur",
            "الغاء", "توقف", "إيقاف", "ايقاف");

    private final ConversationService conversations;
    private final WhatsAppOutbox outbox;
    private final Store store;
    private final GraphApi api;
    private final WebPhotoStore photos;
    private final WhatsAppSettings settings;
    private final RespondentIds ids;
    private final WhatsAppStatuses statuses;
    private final WhatsAppWaiting waiting;

    WhatsAppInbound(ConversationService conversations, WhatsAppOutbox outbox, Store store, GraphApi api,
                    WebPhotoStore photos, WhatsAppSettings settings, RespondentIds ids) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.store = store;
        this.api = api;
        this.photos = photos;
        this.settings = settings;
        this.ids = ids;
        this.statuses = store.whatsAppStatuses();
        this.waiting = store.whatsAppWaiting();
    }

    /** Handles every event of one body; throws when something could not be stored (then Meta must send it again). */
    void handle(WebhookEvents events) throws IOException {
        for (WebhookEvents.Status s : events.statuses()) {
            // WhatsApp's message id and the recipient stay out: a keyed digest tells the statuses of one message apart
            statuses.record(new WhatsAppStatuses.Status(ids.respondentId("whatsapp-status", s.messageId()),
                    s.status(), s.at(), s.errorCode()));
        }
        for (WebhookEvents.Message m : events.messages()) {
            handle(m);
        }
    }

    private void handle(WebhookEvents.Message m) throws IOException {
        String key = "wa:" + m.id();
        if (store.isProcessed(key)) {
            log.info("duplicate whatsapp message ignored");
            return; // a redelivery: not even its photo is fetched again
        }
        String chat = WhatsAppOutbox.CHAT_PREFIX + m.from();
        String rid = conversations.respondentId(CHANNEL, chat);
        Inbound.Action action = actionOf(rid, m.content());
        if (waiting.clear(rid) && action instanceof Inbound.Answer a && !isStop(a)) {
            // their last question never reached them (window closed, or a send that may not have arrived): this
            // message means "I'm here", and the question is shown again instead of taking it as the answer
            if (a.input() instanceof Input.Photo p) {
                photos.discard(rid, p.fileRef());
            }
            action = new Inbound.Start(null);
        }
        conversations.handle(new Inbound(CHANNEL, chat, key, action, null, m.at()), outbox.delivery(m.at()));
    }

    private static boolean isStop(Inbound.Answer a) {
        return a.input() instanceof Input.Choice c && "stop".equals(c.optionId());
    }

    Inbound.Action actionOf(String rid, WebhookEvents.Content content) throws IOException {
        return switch (content) {
            case WebhookEvents.Text t -> textAction(t.text());
            case WebhookEvents.Choice c -> new Inbound.Answer(new Input.Choice(c.id()));
            case WebhookEvents.Location l -> new Inbound.Answer(new Input.Location(l.latitude(), l.longitude()));
            case WebhookEvents.Image i -> photo(rid, i);
            case WebhookEvents.Other o -> new Inbound.Unsupported(o.type());
        };
    }

    static Inbound.Action textAction(String text) {
        String stripped = text.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        String command = lower.startsWith("/") ? lower.substring(1) : lower;
        String[] parts = command.split("\\s+", 2);
        switch (parts[0]) {
            case "start", "begin", "commencer", "basla" -> {
                // a click-to-chat link's prefilled "start inclusieweb__area-noord" works like a Telegram deep link
                if (parts.length == 1 || parts[1].matches("[\\p{L}\\p{N}_-]{1,120}")) {
                    return new Inbound.Start(parts.length > 1 ? stripped.split("\\s+", 2)[1] : null);
                }
            }
            case "delete", "deletemydata", "forget" -> {
                if (lower.startsWith("/")) {
                    return new Inbound.DeleteMyData();
                }
            }
            case "mydata" -> {
                if (lower.startsWith("/")) {
                    return new Inbound.ShowMyData();
                }
            }
            default -> {
            }
        }
        if (OPT_OUT.contains(Fold.key(stripped)) || OPT_OUT.contains(lower)) {
            return new Inbound.Answer(new Input.Choice("stop"));
        }
        return new Inbound.Answer(new Input.Text(text));
    }

    /**
     * Fetches the photo into the photo store. Too large or not an image: the resident is asked for another (as for
     * anything unreadable). A failed download throws, so that Meta sends the message again.
     */
    private Inbound.Action photo(String rid, WebhookEvents.Image image) throws IOException {
        if (!IMAGE_TYPES.contains(image.mimeType().toLowerCase(Locale.ROOT))) {
            return new Inbound.Unsupported("image-type");
        }
        GraphApi.Media media = api.media(image.mediaId());
        if (!IMAGE_TYPES.contains(media.mimeType().toLowerCase(Locale.ROOT))
                || media.size() > settings.mediaMaxBytes()) {
            return new Inbound.Unsupported("image-limit");
        }
        byte[] bytes;
        try (InputStream in = api.download(media.url())) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.mediaMaxBytes() + 1));
        }
        if (bytes.length > settings.mediaMaxBytes()) {
            return new Inbound.Unsupported("image-limit");
        }
        try {
            String ref = photos.store(rid, new ByteArrayInputStream(bytes));
            return new Inbound.Answer(new Input.Photo(ref, image.caption()));
        } catch (WebPhotoStore.Refused r) {
            return new Inbound.Unsupported("image-" + r.reason);
        }
    }
}
