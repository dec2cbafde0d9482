package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook mode: Telegram POSTs each update here. A request without the right {@code X-Telegram-Bot-Api-Secret-Token}
 * is refused (401), one larger than Telegram would send is refused (413), and an update is answered 200 only after
 * its effects are stored and synced, so that Telegram retries anything not stored. A body that is JSON but not an
 * update we can read is parked ({@link UpdateProcessor}) and answered 200, so Telegram does not send it again and
 * again; a body that is not JSON at all is refused (400). Registered only in webhook mode.
 */
@RestController
@Conditional(TelegramConfiguration.WebhookMode.class)
public class TelegramWebhookController {
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);
    public static final String PATH = "/telegram/webhook";
    static final int MAX_BYTES = 1 << 20;

    private final UpdateProcessor processor;
    private final Store store;
    private final TelegramOutbox outbox;
    private final String secret;

    public TelegramWebhookController(UpdateProcessor processor, Store store, TelegramOutbox outbox,
                                     TelegramSettings settings, RespondentIds ids) {
        this.processor = processor;
        this.store = store;
        this.outbox = outbox;
        this.secret = TelegramConfiguration.webhookSecret(settings, ids);
        String path = java.net.URI.create(settings.webhookUrl()).getPath();
        if (!PATH.equals(path)) {
            log.warn("TELEGRAM_WEBHOOK_URL should end in {} (this service listens there)", PATH);
        }
    }

    @PostMapping(PATH)
    public ResponseEntity<String> receive(@RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false)
                                          String token, jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        return ResponseEntity.status(handle(token, request)).body("");
    }

    /**
     * The webhook's work, whoever calls it (this controller, or {@link TelegramWebhookFilter} in front of Spring MVC
     * and Spring Security); the HTTP status to answer, with an empty body.
     */
    int handle(String token, jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        long start = System.nanoTime();
        if (!RespondentIds.constantTimeEquals(secret, token)) {
            log.warn("webhook request refused: wrong or missing secret token");
            return 401;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            return 413;
        }
        long declared = request.getContentLengthLong();
        // never more than the limit in memory; with a declared length (Telegram's always), read into one exact array
        byte[] body = request.getInputStream().readNBytes(declared >= 0 ? (int) declared + 1 : MAX_BYTES + 1);
        if (body.length == 0) {
            return 400;
        }
        if (body.length > MAX_BYTES) {
            return 413;
        }
        IncomingUpdate update;
        try {
            update = IncomingUpdate.read(body); // one Jackson pass; the tree only when that fails
        } catch (Exception e) {
            log.warn("webhook body is not JSON: {}", e.getClass().getSimpleName());
            return 400;
        }
        // JSON that is not an update we can read is parked and answered 200: Telegram would resend it forever
        processor.process(update);
        store.durability().sync();
        Metrics.inbound(Metrics.TELEGRAM_WEBHOOK, start);
        outbox.signal();
        return 200;
    }
}
