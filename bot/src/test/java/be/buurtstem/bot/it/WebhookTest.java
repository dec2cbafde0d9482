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
        p.put("buurtstem.metrics-token", "metrics-secret");
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

    /**
     * The webhook is answered in front of Spring MVC and Spring Security (TelegramWebhookFilter): still measured
     * under its route with its statuses, and a method other than POST still meets Spring MVC (405, as before).
     */
    @Test
    void theWebhookAnsweredBeforeSpringMvcIsStillMeasuredUnderItsRoute() throws Exception {
        assertEquals(200, post(SECRET, update(90, 6090, "/start buurt")).statusCode());
        assertEquals(401, post("wrong", update(91, 6090, "hallo")).statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                + "/telegram/webhook")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        String scrape = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Bearer metrics-secret").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> webhook = scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/telegram/webhook\"") && l.contains("method=\"POST\"")).toList();
        assertTrue(webhook.stream().anyMatch(l -> l.contains("status=\"200\"")), String.join("\n", webhook));
        assertTrue(webhook.stream().anyMatch(l -> l.contains("status=\"401\"")), String.join("\n", webhook));
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

    /** The webhook body of one update whose message is changed by {@code change}, from a resident with a name. */
    static String malformed(Integer id, long chat, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        var u = (com.fasterxml.jackson.databind.node.ObjectNode) FakeTelegram.JSON.readTree(update(id == null ? 0 : id,
                chat, "zonnebloem words"));
        if (id == null) {
            u.remove("update_id");
        }
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) u.get("message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("from")).put("first_name", "Marieke")
                .put("username", "marieke_x");
        m.putObject("contact").put("phone_number", "+32470123456");
        change.accept(u);
        return u.toString();
    }

    @Test
    void malformedUpdatesAreParkedAndAnswered200() throws Exception {
        List<String> bodies = List.of(
                malformed(50, 6010, u -> ((com.fasterxml.jackson.databind.node.ObjectNode) u.get("message").get("from"))
                        .put("id", java.math.BigInteger.TEN.pow(30))),
                malformed(51, 6010, u -> ((com.fasterxml.jackson.databind.node.ObjectNode) u.get("message"))
                        .putObject("text").put("w", "zonnebloem")),
                malformed(52, 6010, u -> ((com.fasterxml.jackson.databind.node.ObjectNode) u.get("message").get("chat"))
                        .put("id", "zonnebloem-chat")),
                malformed(53, 6010, u -> ((com.fasterxml.jackson.databind.node.ObjectNode) u.get("message"))
                        .put("date", "zonnebloem-date")),
                malformed(54, 6010, u -> u.put("message", "zonnebloem Marieke")),
                malformed(55, 6010, u -> {
                    var cq = u.putObject("callback_query").put("id", "cq55").put("chat_instance", "c");
                    cq.set("from", u.get("message").get("from").deepCopy());
                    cq.putObject("data").put("x", "zonnebloem");
                    u.remove("message");
                }));
        for (String body : bodies) {
            assertEquals(200, post(SECRET, body).statusCode(), body);
        }
        for (int id = 50; id <= 55; id++) {
            org.bson.Document parked = service.db().getCollection("parked_updates")
                    .find(com.mongodb.client.model.Filters.eq("_id", "tg:" + id)).first();
            org.junit.jupiter.api.Assertions.assertNotNull(parked, "parked tg:" + id);
            String stored = parked.toJson();
            for (String marker : List.of("Marieke", "marieke_x", "+32470123456", "zonnebloem")) {
                org.junit.jupiter.api.Assertions.assertFalse(stored.contains(marker), marker + " in " + stored);
            }
        }
        // Telegram retries the same one: still 200, still one parked copy
        assertEquals(200, post(SECRET, bodies.get(3)).statusCode());
        assertEquals(1, service.db().getCollection("parked_updates").countDocuments(
                com.mongodb.client.model.Filters.eq("_id", "tg:53")));
        // the resident is served on: a good update from the same chat is answered
        assertEquals(200, post(SECRET, update(56, 6010, "/start buurt")).statusCode());
        Harness.await("reply", Duration.ofSeconds(10), () -> telegram.textsTo(6010).size() == 1);
    }

    @Test
    void twoUpdatesWithoutUpdateIdAreBothHandled() throws Exception {
        assertEquals(200, post(SECRET, malformed(null, 6011, u -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                u.get("message")).put("text", "/start buurt"))).statusCode());
        assertEquals(200, post(SECRET, malformed(null, 6012, u -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                u.get("message")).put("text", "/start buurt"))).statusCode());
        Harness.await("both answered", Duration.ofSeconds(10),
                () -> telegram.textsTo(6011).size() == 1 && telegram.textsTo(6012).size() == 1);
        assertEquals("Mogen we je antwoorden anoniem bewaren?", telegram.textsTo(6012).getFirst());
    }
}
