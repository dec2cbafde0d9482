package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook mode: the secret token is checked, the webhook is registered with it, updates are handled once. */
class WebhookTest {
    static final String SECRET = "s3cret-token_for-tests";

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("telegram.webhook-url", "https://buurt.example/telegram/webhook");
        p.put("telegram.webhook-secret", SECRET);
        p.put("telegram.per-chat-interval", "300ms");
        p.put("telegram.organiser-chat-id", "999");
        p.put("buurtstem.welcome-back-after", "1s");
        service = Harness.start(p);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    static HttpResponse<String> post(String secret, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/telegram/webhook"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String update(int id, long chat, String text) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Resident\"},"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Resident\",\"language_code\":\"nl\"},"
                + "\"text\":\"" + text + "\"}}";
    }

    @Test
    void wrongOrMissingSecretIsRefused() throws Exception {
        assertEquals(401, post("wrong", update(1, 6001, "/start buurt")).statusCode());
        assertEquals(401, post(null, update(2, 6001, "/start buurt")).statusCode());
        Thread.sleep(200);
        assertEquals(0, service.db().getCollection("processed_updates").countDocuments(
                com.mongodb.client.model.Filters.in("_id", "tg:1", "tg:2")));
        assertTrue(telegram.textsTo(6001).isEmpty());
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        String big = update(40, 6009, "x".repeat(1_100_000));
        assertEquals(413, post(SECRET, big).statusCode());
        assertEquals(400, post(SECRET, "not json").statusCode());
    }

    @Test
    void rightSecretIsHandledOnceAndConfirmedAfterStoring() throws Exception {
        assertEquals(200, post(SECRET, update(10, 6002, "/start buurt")).statusCode());
        // stored before the 200: the session is there at once
        assertEquals(1, service.db().getCollection("processed_updates").countDocuments(
                com.mongodb.client.model.Filters.eq("_id", "tg:10")));
        assertEquals(200, post(SECRET, update(10, 6002, "/start buurt")).statusCode()); // Telegram retries
        Harness.await("reply sent", Duration.ofSeconds(10), () -> telegram.textsTo(6002).size() == 1);
        Thread.sleep(300);
        assertEquals(1, telegram.textsTo(6002).size());
    }

    @Test
    void messagesToOneChatAreSpacedByThePerChatInterval() throws Exception {
        assertEquals(200, post(SECRET, update(20, 6003, "/start buurt")).statusCode());
        assertEquals(200, post(SECRET, update(21, 6003, "/start")).statusCode()); // welcome back + the question again
        Harness.await("three messages", Duration.ofSeconds(10), () -> telegram.textsTo(6003).size() == 3);
        List<java.util.Date> times = telegram.wiremock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().toLowerCase().endsWith("/sendmessage")
                        && e.getRequest().getBodyAsString().contains("6003"))
                .map(e -> e.getRequest().getLoggedDate()).sorted().toList();
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i).getTime() - times.get(i - 1).getTime();
            assertTrue(gap >= 290, "gap between messages to one chat: " + gap + " ms");
        }
        assertTrue(telegram.textsTo(6003).get(1).startsWith("Welkom terug"), telegram.textsTo(6003).toString());
    }

    @Test
    void aResidentComingBackAfterAWhileIsWelcomedBackAtTheSameQuestion() throws Exception {
        assertEquals(200, post(SECRET, update(30, 6004, "/start buurt")).statusCode());
        Harness.await("question", Duration.ofSeconds(10), () -> telegram.textsTo(6004).size() == 1);
        Thread.sleep(1200);
        assertEquals(200, post(SECRET, update(31, 6004, "hallo")).statusCode());
        Harness.await("welcome back", Duration.ofSeconds(10), () -> telegram.textsTo(6004).size() == 3);
        List<String> texts = telegram.textsTo(6004);
        assertTrue(texts.get(1).startsWith("Welkom terug"), texts.toString());
        assertEquals(texts.get(0), texts.get(2), "the same question again");
    }

    @Test
    void organiserNoticeGoesToTheConfiguredChat() {
        service.context.getBean(be.buurtstem.bot.service.ops.OrganiserNotifier.class)
                .notifyOrganisers("Nog geen stemmen uit de wijk Noord deze week.");
        Harness.await("notice sent", Duration.ofSeconds(10), () -> !telegram.textsTo(999).isEmpty());
        assertEquals("Nog geen stemmen uit de wijk Noord deze week.", telegram.textsTo(999).getFirst());
    }

    @Test
    void webhookIsRegisteredWithTheSecret() {
        Harness.await("setWebhook called", Duration.ofSeconds(10), () -> !telegram.rawCalls("setWebhook").isEmpty());
        String call = telegram.rawCalls("setWebhook").getFirst();
        assertTrue(call.contains("https://buurt.example/telegram/webhook"), call);
        assertTrue(call.contains(SECRET), call);
        assertTrue(telegram.calls("getUpdates").isEmpty(), "no polling in webhook mode");
    }
}
