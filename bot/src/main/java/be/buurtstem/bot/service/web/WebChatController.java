package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.conversation.Inbound;
import be.buurtstem.bot.service.conversation.SystemTexts;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.BotMessage;
import be.buurtstem.bot.service.survey.ResidentInput;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web chat: a real channel for residents without Telegram, at {@code /chat/{questionnaire}}. The page is one
 * small HTML file with its own CSS and script (no external resources); the conversation is kept across reloads by
 * an opaque random id in an HttpOnly cookie, which is only ever stored as a keyed hash.
 */
@RestController
public class WebChatController {
    public static final String CHANNEL = "web";
    static final String COOKIE = "buurtstem_chat";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern QUESTIONNAIRE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int MAX_TEXT = 4000;

    private final ConversationService conversations;
    private final SurveyCatalog catalog;
    private final Store store;
    private final SecureRandom random = new SecureRandom();
    private final String page;

    public WebChatController(ConversationService conversations, SurveyCatalog catalog, Store store) {
        this.conversations = conversations;
        this.catalog = catalog;
        this.store = store;
        try (InputStream in = WebChatController.class.getResourceAsStream("/buurtstem/chat.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("chat page missing from the jar", e);
        }
    }

    /** The JSON the page receives after each step. */
    public record ChatView(String language, String dir, List<BotMessage> messages, boolean ended) {
    }

    /** What the page sends: a client-side message id (idempotency), and a button id, a text or a location. */
    public record ChatInput(String id, String choice, String text, Double lat, Double lon) {
    }

    @GetMapping(value = "/chat/{questionnaire}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String questionnaire,
                                       @CookieValue(value = COOKIE, required = false) String cookie,
                                       @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                       HttpServletRequest request, HttpServletResponse response) {
        Optional<Survey> survey = QUESTIONNAIRE.matcher(questionnaire).matches() ? catalog.current(questionnaire)
                : Optional.empty();
        if (survey.isEmpty()) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_HTML)
                    .body("<!doctype html><meta charset=utf-8><title>Buurtstem</title><p>Not found.</p>");
        }
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) {
            byte[] id = new byte[18];
            random.nextBytes(id);
            Cookie c = new Cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
            c.setHttpOnly(true);
            c.setPath("/chat");
            c.setMaxAge(180 * 24 * 3600);
            c.setSecure(request.isSecure());
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
        String language = firstLanguage(acceptLanguage);
        String html = page.replace("{{lang}}", esc(language))
                .replace("{{dir}}", SystemTexts.rightToLeft(language) ? "rtl" : "ltr")
                .replace("{{title}}", esc(survey.get().title(language)))
                .replace("{{questionnaire}}", esc(questionnaire))
                .replace("{{send}}", esc(SystemTexts.get("web_send", language)))
                .replace("{{placeholder}}", esc(SystemTexts.get("web_placeholder", language)))
                .replace("{{delete}}", esc(SystemTexts.get("web_delete", language)))
                .replace("{{mydata}}", esc(SystemTexts.get("web_mydata", language)))
                .replace("{{location}}", esc(SystemTexts.get("web_location", language)));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }

    @PostMapping("/chat/{questionnaire}/api/hello")
    public ResponseEntity<ChatView> hello(@PathVariable String questionnaire,
                                          @CookieValue(value = COOKIE, required = false) String cookie,
                                          @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches() || catalog.current(questionnaire).isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        // a finished conversation is shown as it ended (a reload must not start the questionnaire over)
        Optional<SessionRecord> done = store.session(conversations.respondentId(CHANNEL, cookie))
                .filter(s -> !s.active() && s.questionnaire().equals(questionnaire));
        if (done.isPresent()) {
            String lang = done.get().language();
            return ResponseEntity.ok(new ChatView(lang, SystemTexts.rightToLeft(lang) ? "rtl" : "ltr",
                    done.get().lastMessages(), true));
        }
        return ResponseEntity.ok(run(cookie, null, new Inbound.Pick(questionnaire), acceptLanguage));
    }

    @PostMapping("/chat/{questionnaire}/api/send")
    public ResponseEntity<ChatView> send(@PathVariable String questionnaire,
                                         @CookieValue(value = COOKIE, required = false) String cookie,
                                         @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                         @RequestBody ChatInput input) {
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches() || input == null || input.id() == null
                || !CLIENT_ID.matcher(input.id()).matches()) {
            return ResponseEntity.badRequest().build();
        }
        ResidentInput resident;
        if (input.choice() != null && !input.choice().isBlank() && input.choice().length() <= 200) {
            resident = new ResidentInput.Choice(input.choice());
        } else if (input.lat() != null && input.lon() != null) {
            resident = new ResidentInput.Location(input.lat(), input.lon());
        } else if (input.text() != null && !input.text().isBlank()) {
            String text = input.text().length() > MAX_TEXT ? input.text().substring(0, MAX_TEXT) : input.text();
            resident = new ResidentInput.Text(text);
        } else {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(run(cookie, input.id(), new Inbound.Answer(resident), acceptLanguage));
    }

    @PostMapping("/chat/{questionnaire}/api/delete")
    public ResponseEntity<ChatView> delete(@PathVariable String questionnaire,
                                           @CookieValue(value = COOKIE, required = false) String cookie,
                                           @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(run(cookie, null, new Inbound.DeleteMyData(), acceptLanguage));
    }

    @PostMapping("/chat/{questionnaire}/api/mydata")
    public ResponseEntity<ChatView> myData(@PathVariable String questionnaire,
                                           @CookieValue(value = COOKIE, required = false) String cookie,
                                           @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(run(cookie, null, new Inbound.ShowMyData(), acceptLanguage));
    }

    private ChatView run(String cookie, String clientId, Inbound.Action action, String acceptLanguage) {
        String inputId = clientId == null ? null : "web:" + digest(cookie + "\u0000" + clientId);
        Inbound in = new Inbound(CHANNEL, cookie, inputId, action, firstLanguage(acceptLanguage), Instant.now());
        ConversationService.Result result = conversations.handle(in, Delivery.NONE);
        store.durability().sync();
        List<BotMessage> messages = result.messages();
        String language = result.language();
        Optional<SessionRecord> session = store.session(result.respondent());
        if (result.duplicate()) {
            messages = session.map(SessionRecord::lastMessages).orElse(List.of());
        }
        if (session.isPresent()) {
            language = session.get().language();
        }
        boolean ended = session.map(s -> !s.active()).orElse(false);
        String lang = language == null ? "nl" : language;
        return new ChatView(lang, SystemTexts.rightToLeft(lang) ? "rtl" : "ltr", messages, ended);
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "nl";
        }
        String first = acceptLanguage.split(",")[0].split(";")[0].strip();
        return first.isEmpty() || first.equals("*") ? "nl" : SystemTexts.base(first).toLowerCase(Locale.ROOT);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
