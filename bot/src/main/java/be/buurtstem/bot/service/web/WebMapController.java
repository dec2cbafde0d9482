package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /chat/{questionnaire}/api/map.png}: the web chat resident's own buurtkaart, drawn from their answers now
 * (never stored). Only the chat cookie says whose map it is, so nobody can ask for another resident's map; without
 * answers (none yet, deleted) it is 404. The rate limits of the chat apply.
 */
@RestController
public class WebMapController {
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern QUESTIONNAIRE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private final ConversationService conversations;
    private final Store store;
    private final ChatRateLimits limits;
    private final MapPictures maps;

    public WebMapController(ConversationService conversations, SurveyCatalog catalog, Store store,
                            ChatRateLimits limits) {
        this.conversations = conversations;
        this.store = store;
        this.limits = limits;
        this.maps = new MapPictures(store, catalog);
    }

    @GetMapping("/chat/{questionnaire}/api/map.png")
    public ResponseEntity<?> map(@PathVariable String questionnaire,
                                 @CookieValue(value = WebChatController.COOKIE, required = false) String cookie,
                                 @RequestParam(value = "lang", required = false) String lang,
                                 HttpServletRequest request) {
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches() || !QUESTIONNAIRE.matcher(questionnaire).matches()
                || lang != null && !LANGUAGE.matcher(lang).matches()) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad_request"));
        }
        if (limits.call(request.getRemoteAddr(), cookie).isPresent()) {
            return ResponseEntity.status(429).body(Map.of("error", "too_many"));
        }
        String rid = conversations.respondentId(WebChatController.CHANNEL, cookie);
        String language = lang != null ? lang
                : store.session(rid).map(SessionRecord::language).orElse(null);
        Optional<byte[]> png = maps.png(rid, questionnaire, language == null ? "nl" : language);
        if (png.isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "no_map"));
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(png.get());
    }
}
