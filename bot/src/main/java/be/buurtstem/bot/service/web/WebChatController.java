package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.conversation.Delivery;
import be.buurtstem.bot.service.conversation.Inbound;
import be.buurtstem.bot.service.conversation.SystemTexts;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import com.ibm.icu.util.ULocale;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The web chat: a real channel for residents without Telegram, at {@code /chat/{questionnaire}}. The page is one
 * small HTML file with its own CSS and script (no external resources); the conversation is kept across reloads by
 * an opaque random id in an HttpOnly cookie, which is only ever stored as a keyed hash.
 *
 * <p>Delivery: every send carries a client message id and is applied once (like a Telegram update id); a button
 * press also names the turn it answers, so a second tap on an answered question is never applied to the next one.
 * Every answer is the conversation as it now stands, with the page's own words in its language.
 */
@RestController
public class WebChatController {
    public static final String CHANNEL = "web";
    static final String COOKIE = "buurtstem_chat";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern QUESTIONNAIRE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** The same names and values a Telegram deep link may carry ({@code /start straat__area-noord}). */
    private static final Pattern CONTEXT_NAME = ConversationService.SEGMENT;
    private static final Pattern CONTEXT_VALUE = ConversationService.SEGMENT_VALUE;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final int MAX_TEXT = 4000;
    private static final String LANGUAGE_CHOICE = "lang:";

    private final ConversationService conversations;
    private final SurveyCatalog catalog;
    private final Store store;
    private final ChatRateLimits limits;
    private final WebPhotoStore photos;
    private final WebLimitsSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock[] locks = new ReentrantLock[256];
    private final String page;

    public WebChatController(ConversationService conversations, SurveyCatalog catalog, Store store,
                             ChatRateLimits limits, WebPhotoStore photos, WebLimitsSettings settings) {
        this.conversations = conversations;
        this.catalog = catalog;
        this.store = store;
        this.limits = limits;
        this.photos = photos;
        this.settings = settings;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        try (InputStream in = WebChatController.class.getResourceAsStream("/buurtstem/chat.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("chat page missing from the jar", e);
        }
    }

    /**
     * The JSON the page receives after each step: the conversation's language and direction, its last messages,
     * whether it ended, the turn the buttons belong to, whether the message just sent is stored ({@code stored}) or
     * was not applied because its question was already answered ({@code stale}), and the page's own words.
     */
    public record ChatView(String language, String dir, List<ChatMessage> messages, boolean ended, String turn,
                           boolean stored, boolean stale, String title, Map<String, String> ui) {
    }

    /**
     * What the page sends: a client message id (idempotency), the turn it answers, and a button id, a text or a
     * location.
     */
    public record ChatInput(String id, String turn, String choice, String text, Double lat, Double lon) {
    }

    /**
     * The first call of a page: its chosen language (a tapped tag, or what the resident typed at the page's language
     * choice) and the link's context values ({@code ?area=noord}).
     */
    public record Hello(String language, String typed, Map<String, String> context) {
    }

    @GetMapping(value = "/chat/{questionnaire}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String questionnaire,
                                       @CookieValue(value = COOKIE, required = false) String cookie,
                                       @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                       HttpServletRequest request, HttpServletResponse response) {
        Optional<Survey> survey = survey(questionnaire);
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
        // a browser language the questionnaire does not speak gets the questionnaire's own language around it
        String language = spoken(acceptLanguage, survey.get()).orElse(survey.get().defaultLanguage());
        String ui = json(WebTexts.all(language));
        String html = page.replace("{{lang}}", esc(language))
                .replace("{{dir}}", SystemTexts.rightToLeft(language) ? "rtl" : "ltr")
                .replace("{{title}}", esc(survey.get().title(language)))
                .replace("{{questionnaire}}", esc(questionnaire))
                .replace("{{photoLimit}}", Long.toString(settings.photoBody().toBytes()))
                .replace("{{ui}}", ui.replace("<", "\\u003c"))
                .replace("{{send}}", esc(WebTexts.get("send", language)))
                .replace("{{placeholder}}", esc(WebTexts.get("placeholder", language)))
                .replace("{{delete}}", esc(WebTexts.get("delete", language)))
                .replace("{{mydata}}", esc(WebTexts.get("mydata", language)));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }

    @PostMapping("/chat/{questionnaire}/api/hello")
    public ResponseEntity<?> hello(@PathVariable String questionnaire,
                                   @CookieValue(value = COOKIE, required = false) String cookie,
                                   @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                   @RequestBody(required = false) Hello hello, HttpServletRequest request) {
        Optional<Survey> survey = survey(questionnaire);
        if (!validCookie(cookie) || survey.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        Optional<ResponseEntity<?>> limited = limited(limits.call(request.getRemoteAddr(), cookie),
                spoken(acceptLanguage, survey.get()).orElse(survey.get().defaultLanguage()));
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<SessionRecord> session = store.session(conversations.respondentId(CHANNEL, cookie));
        // a finished conversation is shown as it ended (a reload must not start the questionnaire over)
        Optional<SessionRecord> done = session.filter(s -> !s.active() && s.questionnaire().equals(questionnaire));
        if (done.isPresent()) {
            return ResponseEntity.ok(view(done.get().language(), done.get().lastMessages(), true, done.get(), true,
                    false, survey.get()));
        }
        boolean resuming = session.filter(s -> s.active() && s.questionnaire().equals(questionnaire)).isPresent();
        String chosen = hello == null || hello.language() == null ? null
                : survey.get().languages().stream().filter(l -> l.equalsIgnoreCase(hello.language())).findFirst()
                .orElse(null);
        boolean typed = hello != null && hello.typed() != null && !hello.typed().isBlank();
        if (chosen == null && typed && hello.typed().length() <= 200) {
            // typed at the page's language choice: understood as the questionnaire's own language picker would
            chosen = survey.get().languageNamed(hello.typed()).orElse(null);
        }
        Optional<String> language = chosen != null ? Optional.of(chosen) : spoken(acceptLanguage, survey.get());
        if (!resuming && (language.isEmpty() || typed && chosen == null)) {
            return ResponseEntity.ok(languageChoice(survey.get(), typed));
        }
        if (!resuming) {
            Optional<ResponseEntity<?>> tooMany = limited(limits.newChat(request.getRemoteAddr()),
                    language.orElse(survey.get().defaultLanguage()));
            if (tooMany.isPresent()) {
                return tooMany.get();
            }
        }
        String payload = questionnaire + contextPayload(hello == null ? null : hello.context());
        return ResponseEntity.ok(locked(cookie, () -> run(cookie, null, new Inbound.Start(payload),
                language.orElse(null), survey.get())));
    }

    @PostMapping("/chat/{questionnaire}/api/send")
    public ResponseEntity<?> send(@PathVariable String questionnaire,
                                  @CookieValue(value = COOKIE, required = false) String cookie,
                                  @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                  @RequestBody ChatInput input, HttpServletRequest request) {
        Optional<Survey> survey = survey(questionnaire);
        if (!validCookie(cookie) || survey.isEmpty() || input == null || input.id() == null
                || !CLIENT_ID.matcher(input.id()).matches()) {
            return ResponseEntity.badRequest().build();
        }
        Input resident;
        if (input.choice() != null && !input.choice().isBlank() && input.choice().length() <= 200) {
            resident = new Input.Choice(input.choice());
        } else if (input.lat() != null && input.lon() != null) {
            resident = new Input.Location(input.lat(), input.lon());
        } else if (input.text() != null && !input.text().isBlank()) {
            String text = input.text().length() > MAX_TEXT ? input.text().substring(0, MAX_TEXT) : input.text();
            resident = new Input.Text(text);
        } else {
            return ResponseEntity.badRequest().build();
        }
        Optional<ResponseEntity<?>> limited = limited(limits.call(request.getRemoteAddr(), cookie),
                sessionLanguage(cookie).orElse(firstLanguage(acceptLanguage)));
        if (limited.isPresent()) {
            return limited.get();
        }
        return ResponseEntity.ok(locked(cookie, () -> {
            // a button of a question that was answered meanwhile (a double tap, a second tab) is not applied
            Optional<ChatView> stale = resident instanceof Input.Choice ? staleTurn(cookie, input.id(),
                    input.turn(), survey.get()) : Optional.empty();
            return stale.orElseGet(() -> run(cookie, input.id(), new Inbound.Answer(resident),
                    firstLanguage(acceptLanguage), survey.get()));
        }));
    }

    /** A photo answer: the raw image as the body (JPEG, PNG, WebP, HEIC), with the client id and turn. */
    @PostMapping("/chat/{questionnaire}/api/photo")
    public ResponseEntity<?> photo(@PathVariable String questionnaire,
                                   @CookieValue(value = COOKIE, required = false) String cookie,
                                   @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                   @RequestParam("id") String id, @RequestParam(value = "turn", required = false)
                                   String turn, HttpServletRequest request) throws IOException {
        Optional<Survey> survey = survey(questionnaire);
        if (!validCookie(cookie) || survey.isEmpty() || !CLIENT_ID.matcher(id).matches()) {
            return ResponseEntity.badRequest().build();
        }
        String lang = sessionLanguage(cookie).orElse(firstLanguage(acceptLanguage));
        Optional<ResponseEntity<?>> limited = limited(limits.call(request.getRemoteAddr(), cookie), lang);
        if (limited.isPresent()) {
            return limited.get();
        }
        String rid = conversations.respondentId(CHANNEL, cookie);
        ReentrantLock lock = lockOf(cookie);
        lock.lock();
        try {
            Optional<SessionRecord> session = store.session(rid);
            boolean expectsPhoto = session.filter(SessionRecord::active).map(SessionRecord::lastMessages)
                    .filter(m -> !m.isEmpty()).map(m -> m.getLast().expect() == Expect.PHOTO)
                    .orElse(false);
            if (store.isProcessed(inputId(cookie, id))) {
                // a retry of a photo that was stored: answered as the duplicate it is (its body read, not kept)
                discardBody(request);
                return ResponseEntity.ok(run(cookie, id, new Inbound.Answer(new Input.Text("")),
                        lang, survey.get()));
            }
            Optional<ChatView> stale = staleTurn(cookie, id, expectsPhoto ? turn : "none", survey.get());
            if (stale.isPresent()) {
                discardBody(request);
                return ResponseEntity.ok(stale.get());
            }
            String fileRef;
            try {
                fileRef = photos.store(rid, request.getInputStream());
            } catch (WebPhotoStore.Refused r) {
                int status = "photo_too_large".equals(r.reason) ? 413 : 415;
                return ResponseEntity.status(status).body(Map.of("error", r.reason,
                        "message", WebTexts.get(r.reason, lang).replace("{mb}",
                                Long.toString(settings.photoBody().toMegabytes()))));
            }
            ChatView view = run(cookie, id, new Inbound.Answer(new Input.Photo(fileRef, null)), lang,
                    survey.get());
            if (!view.stored()) {
                photos.discard(rid, fileRef);
            }
            return ResponseEntity.ok(view);
        } finally {
            lock.unlock();
        }
    }

    /**
     * "Delete my answers" from the page's footer. The service asks for confirmation first, as it does for a typed
     * delete on every channel (the engine's own question during a conversation, the service's after its end), and
     * deletes only when the resident presses or types yes.
     */
    @PostMapping("/chat/{questionnaire}/api/delete")
    public ResponseEntity<?> delete(@PathVariable String questionnaire,
                                    @CookieValue(value = COOKIE, required = false) String cookie,
                                    @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                    HttpServletRequest request) throws IOException {
        return footer(questionnaire, cookie, acceptLanguage, request, new Inbound.DeleteMyData());
    }

    @PostMapping("/chat/{questionnaire}/api/mydata")
    public ResponseEntity<?> myData(@PathVariable String questionnaire,
                                    @CookieValue(value = COOKIE, required = false) String cookie,
                                    @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                    HttpServletRequest request) throws IOException {
        return footer(questionnaire, cookie, acceptLanguage, request, new Inbound.ShowMyData());
    }

    /** A footer link's action (delete my answers, my data): the same checks and limits as a message. */
    private ResponseEntity<?> footer(String questionnaire, String cookie, String acceptLanguage,
                                     HttpServletRequest request, Inbound.Action action) throws IOException {
        discardBody(request);
        Optional<Survey> survey = survey(questionnaire);
        if (!validCookie(cookie) || survey.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        Optional<ResponseEntity<?>> limited = limited(limits.call(request.getRemoteAddr(), cookie),
                sessionLanguage(cookie).orElse(firstLanguage(acceptLanguage)));
        if (limited.isPresent()) {
            return limited.get();
        }
        return ResponseEntity.ok(locked(cookie, () -> run(cookie, null, action, firstLanguage(acceptLanguage),
                survey.get())));
    }

    private ChatView run(String cookie, String clientId, Inbound.Action action, String language, Survey survey) {
        long start = System.nanoTime();
        String inputId = clientId == null ? null : inputId(cookie, clientId);
        Inbound in = new Inbound(CHANNEL, cookie, inputId, action, language, Instant.now());
        // the session, its answers and the processed mark are written together by the sync, then on disk
        ConversationService.Result result = conversations.handle(in, Delivery.NONE);
        store.durability().sync();
        Metrics.inbound(Metrics.WEB, start);
        List<OutboundMessage> messages = result.messages();
        String lang = result.language();
        Optional<SessionRecord> session = store.session(result.respondent());
        if (result.duplicate()) {
            // applied before: the conversation as it now stands
            messages = session.map(SessionRecord::lastMessages).orElse(List.of());
        }
        if (session.isPresent()) {
            lang = session.get().language();
        }
        boolean ended = session.map(s -> !s.active()).orElse(action instanceof Inbound.DeleteMyData);
        return view(lang == null ? survey.defaultLanguage() : lang, messages, ended, session.orElse(null), true,
                false, survey);
    }

    /** Reads a (bounded) body that is not kept, so that the connection stays usable for the answer. */
    private static void discardBody(HttpServletRequest request) throws IOException {
        request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** Empty when {@code turn} is the conversation's current turn (or not given); else the current view, not applied. */
    private Optional<ChatView> staleTurn(String cookie, String clientId, String turn, Survey survey) {
        if (turn == null || turn.isBlank()) {
            return Optional.empty();
        }
        if (store.isProcessed(inputId(cookie, clientId))) {
            return Optional.empty(); // a retry of a message that was applied: answered as a duplicate
        }
        Optional<SessionRecord> session = store.session(conversations.respondentId(CHANNEL, cookie));
        String current = session.map(s -> Long.toString(s.version())).orElse("0");
        if (current.equals(turn)) {
            return Optional.empty();
        }
        String lang = session.map(SessionRecord::language).orElse(survey.defaultLanguage());
        return Optional.of(view(lang, session.map(SessionRecord::lastMessages).orElse(List.of()),
                session.map(s -> !s.active()).orElse(false), session.orElse(null), false, true, survey));
    }

    private ChatView view(String language, List<OutboundMessage> messages, boolean ended, SessionRecord session,
                          boolean stored, boolean stale, Survey survey) {
        String lang = language == null ? survey.defaultLanguage() : language;
        String turn = session == null ? "0" : Long.toString(session.version());
        return new ChatView(lang, SystemTexts.rightToLeft(lang) ? "rtl" : "ltr",
                messages.stream().map(m -> ChatMessage.of(m, lang)).toList(), ended, turn, stored, stale,
                survey.title(lang), WebTexts.all(lang));
    }

    /**
     * The questionnaire's languages, each named in itself, before anything is stored; after a typed name that is none
     * of them, with a note that it was not recognised (in each of those languages too).
     */
    private ChatView languageChoice(Survey survey, boolean notRecognised) {
        StringBuilder text = new StringBuilder();
        List<Button> buttons = new ArrayList<>();
        for (String l : survey.languages()) {
            if (!text.isEmpty()) {
                text.append("\n");
            }
            if (notRecognised) {
                text.append(WebTexts.get("language_unknown", l)).append(' ');
            }
            text.append(WebTexts.get("choose_language", l));
            String name = ULocale.forLanguageTag(l).getDisplayName(ULocale.forLanguageTag(l));
            name = name.isEmpty() ? l : name.substring(0, 1).toUpperCase(Locale.forLanguageTag(l)) + name.substring(1);
            buttons.add(new Button(LANGUAGE_CHOICE + l, name));
        }
        return view(survey.defaultLanguage(), List.of(new OutboundMessage(text.toString(), buttons,
                Expect.CHOICE)), false, null, false, false, survey);
    }

    /** The first of the browser's languages (in its order of preference) that the questionnaire speaks. */
    static Optional<String> spoken(String acceptLanguage, Survey survey) {
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        List<String> wanted = new ArrayList<>();
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                wanted.add(r.getRange());
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String w : wanted) {
            for (String l : survey.languages()) {
                if (l.equalsIgnoreCase(w) || SystemTexts.base(l).equals(SystemTexts.base(w))) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    private static String contextPayload(Map<String, String> context) {
        if (context == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> e : new LinkedHashMap<>(context).entrySet()) {
            if (n < 5 && e.getKey() != null && e.getValue() != null && CONTEXT_NAME.matcher(e.getKey()).matches()
                    && CONTEXT_VALUE.matcher(e.getValue()).matches()) {
                sb.append("__").append(e.getKey()).append('-').append(e.getValue());
                n++;
            }
        }
        return sb.toString();
    }

    private Optional<ResponseEntity<?>> limited(Optional<Duration> wait, String language) {
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        String lang = language == null ? "nl" : language;
        return Optional.of(ResponseEntity.status(429).header("Retry-After", Long.toString(seconds))
                .body(Map.of("error", "too_many", "retryAfter", seconds, "message", WebTexts.get("too_many", lang))));
    }

    private Optional<String> sessionLanguage(String cookie) {
        return store.session(conversations.respondentId(CHANNEL, cookie)).map(SessionRecord::language);
    }

    private Optional<Survey> survey(String questionnaire) {
        return QUESTIONNAIRE.matcher(questionnaire).matches() ? catalog.current(questionnaire) : Optional.empty();
    }

    private static boolean validCookie(String cookie) {
        return cookie != null && COOKIE_VALUE.matcher(cookie).matches();
    }

    private ReentrantLock lockOf(String cookie) {
        return locks[Math.floorMod(cookie.hashCode(), locks.length)];
    }

    /** One chat's calls one at a time, so that the turn check and the step it guards cannot interleave. */
    private <T> T locked(String cookie, Supplier<T> work) {
        ReentrantLock lock = lockOf(cookie);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static String inputId(String cookie, String clientId) {
        return "web:" + digest(cookie + "\u0000" + clientId);
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        String first = acceptLanguage.split(",")[0].split(";")[0].strip();
        return first.isEmpty() || first.equals("*") || !LANGUAGE.matcher(first).matches() ? null
                : SystemTexts.base(first).toLowerCase(Locale.ROOT);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> map) {
        StringBuilder sb = new StringBuilder("{");
        map.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":\"");
            v.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append((char) c);
                } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                    sb.append(String.format("\\u%04x", c));
                } else {
                    sb.append((char) c);
                }
            });
            sb.append('"');
        });
        return sb.append('}').toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
