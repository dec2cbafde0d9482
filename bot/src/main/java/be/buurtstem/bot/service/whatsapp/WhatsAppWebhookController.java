package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;

/**
 * The Cloud API webhook. GET is Meta's verification handshake: {@code hub.mode=subscribe} with our verify token is
 * answered with {@code hub.challenge}, anything else 403. Every POST must carry {@code X-Hub-Signature-256} for its
 * raw body (missing: 401, wrong: 403), and is answered 200 only after its effects are stored and synced; if they
 * could not be, 500, and Meta sends it again (a message already handled is then a duplicate and changes nothing).
 */
@RestController
@Conditional(WhatsAppConfiguration.Enabled.class)
public class WhatsAppWebhookController {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    public static final String PATH = "/whatsapp/webhook";
    static final int MAX_BYTES = 1 << 20;
    /** Meta's challenges are numbers; anything else is not echoed (the answer would be a reflection of input). */
    private static final java.util.regex.Pattern CHALLENGE = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,128}");

    private final WhatsAppInbound inbound;
    private final WhatsAppOutbox outbox;
    private final Store store;
    private final WhatsAppSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    WhatsAppWebhookController(WhatsAppInbound inbound, WhatsAppOutbox outbox, Store store, WhatsAppSettings settings) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.store = store;
        this.settings = settings;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> verify(@RequestParam(value = "hub.mode", required = false) String mode,
                                         @RequestParam(value = "hub.verify_token", required = false) String token,
                                         @RequestParam(value = "hub.challenge", required = false) String challenge) {
        if ("subscribe".equals(mode) && token != null
                && java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                settings.verifyToken().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                && challenge != null && CHALLENGE.matcher(challenge).matches()) {
            log.info("whatsapp webhook verified");
            return ResponseEntity.ok(challenge);
        }
        log.warn("whatsapp webhook verification refused");
        return ResponseEntity.status(403).body("verification refused");
    }

    @PostMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> receive(@RequestHeader(value = "X-Hub-Signature-256", required = false)
                                          String signature, HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        if (signature == null || signature.isBlank()) {
            log.warn("whatsapp webhook refused: no signature");
            return ResponseEntity.status(401).body("signature missing");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            return ResponseEntity.status(413).body("body too large");
        }
        if (!WebhookSignature.valid(settings.appSecret(), body, signature)) {
            log.warn("whatsapp webhook refused: wrong signature");
            return ResponseEntity.status(403).body("signature does not match");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body("body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return ResponseEntity.badRequest().body("body is not a JSON object");
        }
        WebhookEvents events = WebhookEvents.read(tree, settings.phoneNumberId(), Instant.now());
        try {
            inbound.handle(events);
            store.durability().sync();
        } catch (IOException | RuntimeException e) {
            // never the message itself in the log: it may quote a resident
            log.warn("whatsapp webhook not stored, Meta will send it again: {}", e.getClass().getSimpleName());
            return ResponseEntity.status(500).body("not stored, send again");
        }
        Metrics.inbound(Metrics.WHATSAPP_WEBHOOK, start);
        outbox.signal();
        return ResponseEntity.ok("");
    }
}
