package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web chat's buurtkaart: a whole conversation over the chat's JSON API ends with the map as an image message,
 * whose address serves the PNG to this chat's cookie only; another cookie, a bad cookie and a deleted resident get
 * none.
 */
class BuurtkaartWebChatTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dataDir;
    static Harness service;

    @BeforeAll
    static void start() {
        service = Harness.start(Harness.properties(dataDir, null), false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static String cookie() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static JsonNode post(String cookie, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept-Language", "nl")
                .header("Cookie", "buurtstem_chat=" + cookie).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<byte[]> get(String cookie, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
        if (cookie != null) {
            b.header("Cookie", "buurtstem_chat=" + cookie);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The chat as a resident: each answer after checking the question it answers. */
    static final class Chat {
        final String cookie = cookie();
        JsonNode view;
        int n;

        String last() {
            JsonNode m = view.get("messages");
            return m.get(m.size() - 1).get("text").asString();
        }

        void answer(String question, String field, String value) throws Exception {
            assertTrue(last().contains(question), "expected '" + question + "', got: " + last());
            view = post(cookie, "/chat/buurtkaart/api/send", "{\"id\":\"m" + n++ + "\",\"turn\":\""
                    + view.get("turn").asString() + "\",\"" + field + "\":\"" + value + "\"}");
        }
    }

    @Test
    void theMapIsAnImageOnlyItsResidentCanOpen() throws Exception {
        Chat c = new Chat();
        c.view = post(c.cookie, "/chat/buurtkaart/api/hello", "{\"language\":\"nl\"}");
        c.answer("Doet u mee?", "choice", "yes");
        if (c.last().contains("In welke taal")) {
            c.answer("In welke taal", "choice", "nl");
        }
        c.answer("Nummer 1.", "text", "De bakker");
        c.answer("een persoon, een plek", "choice", "place");
        c.answer("In welk deel van uw leven", "choice", "shops");
        c.answer("Hoe dicht staat", "choice", "neutral");
        c.answer("Wie geeft het meest", "choice", "i_give");
        c.answer("Wat voor steun", "choice", "none");
        c.answer("Kies nog meer of tik op Klaar", "choice", "_done"); // a multiple choice waits for done
        c.answer("Hoe vaak", "choice", "weekly");
        c.answer("veel invloed", "choice", "little");
        c.answer("Hoe voelt u zich", "choice", "neutral");
        c.answer("Wilt u nog iemand", "choice", "no");

        JsonNode messages = c.view.get("messages");
        JsonNode picture = messages.get(messages.size() - 1);
        assertTrue(messages.get(messages.size() - 2).get("text").asString().contains("Uw kaart heeft nu 1 naam"));
        String image = picture.get("image").asString();
        assertEquals("/chat/buurtkaart/api/map.png?lang=nl", image);
        assertTrue(picture.get("text").asString().contains("mijn kaart"), "the caption says how to get it again");

        HttpResponse<byte[]> png = get(c.cookie, image);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", png.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(1080, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth());

        assertEquals(404, get(cookie(), image).statusCode(), "another chat has no map: never this one's");
        assertEquals(400, get("short", image).statusCode(), "a malformed cookie");
        assertEquals(400, get(null, image).statusCode(), "no cookie");
        assertEquals(400, get(c.cookie, "/chat/buurtkaart/api/map.png?lang=..%2F").statusCode());

        // typed after the end: the map again
        c.view = post(c.cookie, "/chat/buurtkaart/api/send", "{\"id\":\"again\",\"text\":\"mijn kaart\"}");
        assertEquals(image, c.view.get("messages").get(0).get("image").asString());

        JsonNode ask = post(c.cookie, "/chat/buurtkaart/api/delete", "{}");
        JsonNode last = ask.get("messages").get(ask.get("messages").size() - 1);
        post(c.cookie, "/chat/buurtkaart/api/send", "{\"id\":\"del\",\"turn\":\"" + ask.get("turn").asString()
                + "\",\"choice\":\"" + last.get("buttons").get(0).get("id").asString() + "\"}");
        assertEquals(404, get(c.cookie, image).statusCode(), "deleted with the answers");
    }
}
