package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole conversations over a fake Telegram (WireMock on 127.0.0.1), checked in the database. One service for all. */
class TelegramServiceTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        service = Harness.start(Harness.properties(dataDir, telegram));
        System.out.println("service started in " + service.startMillis + " ms");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    static String rid(long chat) {
        return service.rid(chat);
    }

    static void awaitTexts(long chat, int count) {
        Harness.awaitTexts(telegram, chat, count, WAIT);
    }

    @Test
    void dutchConversationFromStartToEnd() {
        long chat = 5001;
        telegram.text(chat, "/start", "nl");
        awaitTexts(chat, 1);
        JsonNode list = telegram.sentTo(chat).getFirst();
        assertEquals("Welkom! Kies een vragenlijst:", list.path("text").asText());
        assertEquals(2, list.path("reply_markup").path("inline_keyboard").size());
        assertFalse(list.has("parse_mode"), "text is sent without a parse mode");

        telegram.press(chat, "q:buurt", "nl");
        awaitTexts(chat, 2);
        assertEquals("Mogen we je antwoorden anoniem bewaren?", telegram.textsTo(chat).get(1));
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 3);
        assertEquals("In welke wijk woon je?", telegram.textsTo(chat).get(2));
        telegram.press(chat, "noord", "nl");
        awaitTexts(chat, 4);
        telegram.text(chat, "Meer groen en bankjes op het plein.", "nl");
        awaitTexts(chat, 5);
        assertEquals("Bedankt voor je antwoorden!", telegram.textsTo(chat).get(4));

        String rid = rid(chat);
        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", rid))
                .into(new java.util.ArrayList<>());
        assertEquals(2, answers.size());
        Document area = answers.stream().filter(a -> a.getString("question").equals("area")).findFirst().orElseThrow();
        assertEquals("noord", area.get("value"));
        assertEquals("Noord", area.getString("text"));
        assertEquals("nl", area.getString("language"));
        assertEquals("telegram", area.getString("channel"));
        Document wish = answers.stream().filter(a -> a.getString("question").equals("wish")).findFirst().orElseThrow();
        assertEquals("Meer groen en bankjes op het plein.", wish.getString("text"));
        assertEquals("noord", wish.get("segments", Document.class).getString("area"));

        Document session = service.db().getCollection("sessions").find(eq("_id", rid)).first();
        assertNotNull(session);
        assertEquals("completed", session.getString("status"));
        assertEquals(1, session.getInteger("questionnaireVersion"));
        Document respondent = service.db().getCollection("respondents").find(eq("_id", rid)).first();
        Document consent = respondent.getList("consents", Document.class).getFirst();
        assertEquals("buurt", consent.getString("questionnaire"));
        assertEquals(1, consent.getInteger("version"));
        assertTrue(consent.getBoolean("given"));
        assertNotNull(consent.getDate("at"));

        // button presses are acknowledged and shown in the pressed message
        Harness.await("callbacks answered", WAIT, () -> telegram.calls("answerCallbackQuery").size() >= 3);
        assertTrue(telegram.calls("editMessageText").stream()
                .anyMatch(e -> e.path("text").asText().endsWith("✅ Noord")));
        assertNoPersonalData();
    }

    @Test
    void arabicConversationFromStartToEnd() {
        long chat = 5002;
        telegram.text(chat, "/start buurt", "ar");
        awaitTexts(chat, 1);
        assertEquals("هل نستطيع حفظ إجاباتك دون اسم؟", telegram.textsTo(chat).getFirst());
        telegram.press(chat, "yes", "ar");
        awaitTexts(chat, 2);
        assertEquals("في أي حي تسكن؟", telegram.textsTo(chat).get(1));
        telegram.text(chat, "zuid", "ar");
        awaitTexts(chat, 3);
        telegram.text(chat, "نحتاج إلى حديقة للأطفال.", "ar");
        awaitTexts(chat, 4);
        assertEquals("شكراً على إجاباتك!", telegram.textsTo(chat).get(3));
        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", rid(chat)))
                .into(new java.util.ArrayList<>());
        assertEquals(2, answers.size());
        assertTrue(answers.stream().allMatch(a -> a.getString("language").equals("ar")));
        assertTrue(answers.stream().anyMatch(a -> "نحتاج إلى حديقة للأطفال.".equals(a.getString("text"))));
    }

    @Test
    void aDeepLinkValueWithADashIsKept() {
        long chat = 5013;
        telegram.text(chat, "/start wonen__buurt-sint-jans-molenbeek", "nl");
        awaitTexts(chat, 1);
        Document session = service.db().getCollection("sessions").find(eq("_id", rid(chat))).first();
        assertEquals("sint-jans-molenbeek", session.get("linkSegments", Document.class).getString("buurt"));
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 2);
        telegram.text(chat, "/mydata", "nl");
        awaitTexts(chat, 3);
        String data = telegram.textsTo(chat).getLast();
        assertTrue(data.contains("Uit de link waarmee u begon (buurt): sint-jans-molenbeek"),
                "a link's value is said to come from the link: " + data);
    }

    @Test
    void deepLinkStartsOneQuestionnaireAndFillsTheSegment() {
        long chat = 5003;
        telegram.text(chat, "/start wonen__buurt-molenbeek", "fr");
        awaitTexts(chat, 1);
        assertEquals("Mogen we je antwoorden anoniem bewaren?", telegram.textsTo(chat).getFirst(),
                "French is not offered by this questionnaire: its default language is used");
        Document session = service.db().getCollection("sessions").find(eq("_id", rid(chat))).first();
        assertEquals("wonen", session.getString("questionnaire"));
        assertEquals("molenbeek", session.get("linkSegments", Document.class).getString("buurt"));
        // nothing about the resident is recorded before consent
        assertEquals(0, service.db().getCollection("respondents").countDocuments(eq("_id", rid(chat))));
        telegram.press(chat, "yes", "fr");
        awaitTexts(chat, 2);
        telegram.press(chat, "zuid", "fr");
        awaitTexts(chat, 3);
        Document respondent = service.db().getCollection("respondents").find(eq("_id", rid(chat))).first();
        assertEquals("molenbeek", respondent.get("segments", Document.class).getString("buurt"));
        Document answer = service.db().getCollection("answers").find(eq("respondent", rid(chat))).first();
        assertEquals("molenbeek", answer.get("segments", Document.class).getString("buurt"));
        assertEquals("zuid", answer.get("segments", Document.class).getString("area"));
    }

    @Test
    void duplicateUpdatesAreHandledOnce() {
        long chat = 5004;
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        ObjectNode yes = telegram.press(chat, "yes", "nl");
        telegram.redeliver(yes);
        telegram.redeliver(yes);
        awaitTexts(chat, 2);
        ObjectNode area = telegram.text(chat, "noord", "nl");
        telegram.redeliver(area);
        awaitTexts(chat, 3);
        // let the redeliveries pass through
        Harness.await("redeliveries consumed", WAIT, () -> telegram.offsets().stream()
                .anyMatch(o -> o > area.path("update_id").asInt()));
        sleep(300);
        assertEquals(3, telegram.textsTo(chat).size(), telegram.textsTo(chat).toString());
        assertEquals(1, service.db().getCollection("answers").countDocuments(eq("respondent", rid(chat))));
        Document respondent = service.db().getCollection("respondents").find(eq("_id", rid(chat))).first();
        assertEquals(1, respondent.getList("consents", Document.class).size());
    }

    @Test
    void tooManyRequestsWaitsRetryAfterThenSendsOnce() {
        long chat = 5005;
        telegram.wiremock().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"5005\"}", true, true))
                .inScenario("429").whenScenarioStateIs("Started").willSetStateTo("done").atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(
                        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                                + "\"parameters\":{\"retry_after\":1}}")));
        long t0 = System.currentTimeMillis();
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        long elapsed = System.currentTimeMillis() - t0;
        assertTrue(elapsed >= 1000, "waited retry_after (" + elapsed + " ms)");
        assertEquals(2, telegram.calls("sendMessage", false).stream()
                .filter(b -> b.path("chat_id").asText().equals("5005")).count());
        sleep(200);
        assertEquals(1, telegram.textsTo(chat).size());
    }

    @Test
    void serverErrorIsRetriedWithoutADoubleSend() {
        long chat = 5006;
        telegram.wiremock().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"5006\"}", true, true))
                .inScenario("500").whenScenarioStateIs("Started").willSetStateTo("done").atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}")));
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        sleep(400);
        assertEquals(1, telegram.textsTo(chat).size());
        assertEquals(2, telegram.calls("sendMessage", false).stream()
                .filter(b -> b.path("chat_id").asText().equals("5006")).count());
    }

    @Test
    void blockedResidentIsMarkedStopped() {
        long chat = 5007;
        telegram.wiremock().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"5007\"}", true, true)).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        telegram.text(chat, "/start buurt", "nl");
        Harness.await("resident marked stopped", WAIT, () -> {
            Document r = service.db().getCollection("respondents").find(eq("_id", rid(chat))).first();
            return r != null && Boolean.TRUE.equals(r.getBoolean("blocked"));
        });
        Harness.await("outbox empty for the chat", WAIT, () ->
                service.db().getCollection("outbox").countDocuments(eq("chat", "5007")) == 0);
        assertEquals(1, telegram.calls("sendMessage", false).stream()
                .filter(b -> b.path("chat_id").asText().equals("5007")).count(), "not retried");
    }

    @Test
    void poisonUpdateIsParkedAndOthersFlowOn() {
        long chat = 5008;
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 2);
        ObjectNode boom = telegram.text(chat, "BOOM", "nl");
        telegram.text(chat, "zuid", "nl");
        awaitTexts(chat, 3);
        assertEquals("Wat zou je veranderen in je buurt?", telegram.textsTo(chat).get(2));
        Document parked = service.db().getCollection("parked_updates")
                .find(eq("_id", "tg:" + boom.path("update_id").asInt())).first();
        assertNotNull(parked);
        assertTrue(parked.getString("error").contains("scripted failure"));
        assertFalse(parked.getString("payload").contains("Resident"), "names are removed from parked updates");
        assertTrue(parked.getString("payload").contains("BOOM"));
    }

    @Test
    void deleteMyAnswersLeavesNoTrace() {
        long chat = 5009;
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 2);
        telegram.press(chat, "zuid", "nl");
        awaitTexts(chat, 3);
        telegram.text(chat, "/mydata", "nl");
        awaitTexts(chat, 4);
        assertTrue(telegram.textsTo(chat).get(3).contains("area: Zuid"), telegram.textsTo(chat).get(3));
        String rid = rid(chat);
        assertEquals(1, service.db().getCollection("answers").countDocuments(eq("respondent", rid)));

        telegram.text(chat, "/delete", "nl");
        awaitTexts(chat, 5);
        assertEquals("Al uw antwoorden en gegevens zijn gewist. Bedankt.", telegram.textsTo(chat).get(4));
        service.assertNoTraceOf(chat, rid);
    }

    @Test
    void messagesOfOneResidentArrivingTogetherAreAppliedOneAfterTheOther() throws Exception {
        var conversations = service.context.getBean(be.buurtstem.bot.service.conversation.ConversationService.class);
        String chat = "concurrent-web-resident-0001";
        java.time.Instant now = java.time.Instant.now();
        conversations.handle(new be.buurtstem.bot.service.conversation.Inbound("web", chat, "c:start",
                new be.buurtstem.bot.service.conversation.Inbound.Pick("buurt"), "nl", now),
                be.buurtstem.bot.service.conversation.Delivery.NONE);
        // the consent question is asked; 8 presses of "yes" arrive at the same moment (the same one, re-sent)
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            jobs.add(pool.submit(() -> conversations.handle(new be.buurtstem.bot.service.conversation.Inbound("web",
                    chat, "c:" + n, new be.buurtstem.bot.service.conversation.Inbound.Answer(
                    new be.buurtstem.engine.Input.Choice(n == 0 ? "yes" : "noord")), "nl", now),
                    be.buurtstem.bot.service.conversation.Delivery.NONE)));
        }
        for (var job : jobs) {
            job.get();
        }
        pool.shutdown();
        service.store().durability().sync(); // what a channel does before it confirms: the effects are written
        String rid = conversations.respondentId("web", chat);
        Document session = service.db().getCollection("sessions").find(eq("_id", rid)).first();
        // 1 start + 8 inputs, each applied to the state the previous one left: version 9, 8 inputs remembered
        assertEquals(9L, ((Number) session.get("version")).longValue());
        assertEquals(9, session.getList("appliedInputs", String.class).size());
    }

    @Test
    void staleSessionWriteIsRefused() {
        var store = service.store();
        String rid = rid(5001) + "-copy";
        var state = new be.buurtstem.engine.ConversationState("buurt", 1, "nl",
                be.buurtstem.engine.ConversationState.Status.ACTIVE, "s0", 0,
                be.buurtstem.engine.ConversationState.Await.ANSWER, 0, false, List.of(), List.of(), List.of(),
                java.util.Map.of(), java.util.Map.of("channel", "telegram"), java.time.Instant.now(),
                java.time.Instant.now());
        var s = new be.buurtstem.bot.service.store.SessionRecord(rid, "telegram", "buurt", 1, "nl", state, "active",
                List.of(), List.of(), java.util.Map.of(), java.time.Instant.now(), java.time.Instant.now(), 0);
        var saved = store.saveSession(s, 0);
        store.saveSession(saved, saved.version());
        org.junit.jupiter.api.Assertions.assertThrows(be.buurtstem.bot.service.store.ConcurrentUpdateException.class,
                () -> store.saveSession(saved, saved.version()));
        service.db().getCollection("sessions").deleteOne(eq("_id", rid));
    }

    @Test
    void throughputOfManyResidentsAtOnce() {
        int residents = 75;
        long first = 8000;
        long before = service.db().getCollection("processed_updates").countDocuments();
        long t0 = System.nanoTime();
        for (int i = 0; i < residents; i++) {
            telegram.text(first + i, "/start buurt", "nl");
            telegram.text(first + i, "yes", "nl");
            telegram.text(first + i, "noord", "nl");
            telegram.text(first + i, "Een speeltuin en meer licht in de straat.", "nl");
        }
        Harness.await("all updates stored", Duration.ofSeconds(60), () ->
                service.db().getCollection("processed_updates").countDocuments() >= before + 4L * residents);
        long stored = System.nanoTime();
        Harness.await("all replies sent", Duration.ofSeconds(60), () -> {
            for (int i = 0; i < residents; i++) {
                if (telegram.textsTo(first + i).size() < 4) {
                    return false;
                }
            }
            return true;
        });
        long sent = System.nanoTime();
        System.out.printf("THROUGHPUT %d updates from %d residents stored and confirmed in %d ms (%.0f updates/s); "
                        + "%d replies sent after %d ms%n", 4 * residents, residents, (stored - t0) / 1_000_000,
                4 * residents / ((stored - t0) / 1e9), 4 * residents, (sent - t0) / 1_000_000);
        // the global limit (200 messages/s in this test, 30 by default) holds in every one-second window
        List<Long> times = telegram.wiremock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().toLowerCase().endsWith("/sendmessage"))
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        int worst = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1000) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        assertTrue(worst <= 205, "messages in one second: " + worst);
        long answers = 0;
        for (int i = 0; i < residents; i++) {
            answers += service.db().getCollection("answers").countDocuments(eq("respondent", rid(first + i)));
        }
        assertEquals(2L * residents, answers);
    }

    /** No names, usernames or phone numbers anywhere in the database. */
    static void assertNoPersonalData() {
        for (String name : service.db().listCollectionNames()) {
            for (Document d : service.db().getCollection(name).find()) {
                String json = d.toJson();
                assertFalse(json.contains("Resident") || json.contains("Private") || json.contains("resident50"),
                        "personal data in " + name + ": " + json);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
