package be.buurtstem.bot.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long polling against what a careless client or a future Telegram may send: updates of the wrong shape among good
 * ones, updates without update_id, a handler that hangs; and who sees health details. The log is captured: no
 * resident words or names may reach it.
 */
class TelegramRobustnessTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ANALYST = "robust-analyst-token";
    static final String ORGANISER = "robust-organiser-token";
    /** Personal data and resident words put into the malformed updates: none may be parked or logged. */
    static final List<String> MARKERS = List.of("Marieke", "Vandenbroucke", "marieke_x", "+32470123456",
            "zonnebloem");

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;
    static ListAppender<ILoggingEvent> logs;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("telegram.poll-stall-after", "2s");
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.organiser-token", ORGANISER);
        service = Harness.start(p);
        logs = new ListAppender<>(); // after the start: Spring Boot resets logging while it starts
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ScriptedSurvey.HANG.release(10);
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    static void awaitTexts(long chat, int count) {
        Harness.awaitTexts(telegram, chat, count, WAIT);
    }

    /** A text update whose sender and chat carry a full name, a username and a shared contact with a phone number. */
    static ObjectNode personal(long chat, String text) {
        ObjectNode u = telegram.textUpdate(chat, text, "nl");
        ObjectNode m = (ObjectNode) u.get("message");
        ((ObjectNode) m.get("from")).put("first_name", "Marieke").put("last_name", "Vandenbroucke")
                .put("username", "marieke_x");
        ((ObjectNode) m.get("chat")).put("first_name", "Marieke").put("username", "marieke_x");
        m.putObject("contact").put("phone_number", "+32470123456").put("first_name", "Marieke");
        return u;
    }

    @Test
    void malformedUpdatesAmongGoodOnesAreParkedAndTheOthersAnswered() {
        List<ObjectNode> batch = new ArrayList<>();
        batch.add(telegram.textUpdate(9001, "/start buurt", "nl"));
        ObjectNode hugeId = personal(9101, "zonnebloem one");
        ((ObjectNode) hugeId.get("message").get("from")).put("id", BigInteger.TEN.pow(30));
        batch.add(hugeId);
        ObjectNode textObject = personal(9102, "x");
        ((ObjectNode) textObject.get("message")).putObject("text").put("words", "zonnebloem two");
        batch.add(textObject);
        ObjectNode chatString = personal(9103, "zonnebloem three");
        ((ObjectNode) chatString.get("message").get("chat")).put("id", "zonnebloem-chat");
        batch.add(chatString);
        ObjectNode dateWord = personal(9104, "zonnebloem four");
        ((ObjectNode) dateWord.get("message")).put("date", "zonnebloem-date");
        batch.add(dateWord);
        ObjectNode messageString = personal(9105, "x");
        messageString.put("message", "zonnebloem five from Marieke");
        batch.add(messageString);
        ObjectNode dataObject = personal(9106, "zonnebloem six");
        ObjectNode cq = dataObject.putObject("callback_query");
        cq.put("id", "cq-9106").put("chat_instance", "ci");
        cq.set("from", dataObject.get("message").get("from").deepCopy());
        cq.putObject("data").put("answer", "zonnebloem six");
        dataObject.remove("message");
        batch.add(dataObject);
        batch.add(telegram.textUpdate(9002, "/start buurt", "nl"));
        telegram.pushAll(batch);

        awaitTexts(9001, 1);
        awaitTexts(9002, 1);
        assertEquals("Mogen we je antwoorden anoniem bewaren?", telegram.textsTo(9001).getFirst());
        int last = batch.getLast().path("update_id").asInt();
        Harness.await("offset moved past the batch", WAIT, () -> telegram.offsets().contains(last + 1));

        for (ObjectNode bad : batch.subList(1, 7)) {
            String key = "tg:" + bad.path("update_id").asInt();
            Document parked = service.db().getCollection("parked_updates").find(eq("_id", key)).first();
            assertNotNull(parked, "parked: " + bad);
            String payload = parked.getString("payload");
            for (String marker : MARKERS) {
                assertFalse(payload.contains(marker), marker + " in parked " + payload);
                assertFalse(parked.getString("error").contains(marker), marker + " in " + parked.getString("error"));
            }
            assertTrue(payload.contains("\"update_id\":" + bad.path("update_id").asInt()), payload);
            assertEquals(1, service.db().getCollection("processed_updates").countDocuments(eq("_id", key)));
        }
        Document date = service.db().getCollection("parked_updates")
                .find(eq("_id", "tg:" + dateWord.path("update_id").asInt())).first();
        assertTrue(date.getString("error").endsWith(" at message.date"), date.getString("error"));
        assertTrue(date.getString("payload").contains("\"text\":\"string(15)\""), "shape kept: " + date);
        Document from = service.db().getCollection("parked_updates")
                .find(eq("_id", "tg:" + hugeId.path("update_id").asInt())).first();
        assertTrue(from.getString("error").endsWith(" at message.from.id"), from.getString("error"));
        // a parked update of a known chat belongs to that resident ("delete my answers" removes it)
        assertEquals(rid(9104), date.getString("respondent"));

        // the next batch is fetched and answered
        telegram.press(9001, "yes", "nl");
        awaitTexts(9001, 2);
        assertEquals("In welke wijk woon je?", telegram.textsTo(9001).get(1));
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("could not be read and is parked")),
                "parking is logged");
        assertNoMarkersLogged();
    }

    @Test
    void anUpdateThatFailsIsParkedAndLoggedWithoutTheResidentsWords() {
        long chat = 9401;
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 2);
        ObjectNode boom = telegram.text(chat, "BOOM zonnebloem achter het huis van Marieke", "nl");
        telegram.text(chat, "zuid", "nl");
        awaitTexts(chat, 3);
        Document parked = service.db().getCollection("parked_updates")
                .find(eq("_id", "tg:" + boom.path("update_id").asInt())).first();
        assertNotNull(parked);
        assertEquals(rid(chat), parked.getString("respondent"), "deleted with the resident");
        Harness.await("parking logged", WAIT, () -> logs.list.stream().anyMatch(e -> e.getFormattedMessage()
                .contains("parked after 3 attempts")));
        assertNoMarkersLogged();
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(
                "tg:" + boom.path("update_id").asInt() + " (message) parked after 3 attempts")), "parking is logged");
    }

    /** A button press as Telegram sends it, built without the bot's message having been sent yet. */
    static ObjectNode pressUpdate(long chat, String buttonId) {
        ObjectNode u = telegram.textUpdate(chat, "x", "nl");
        ObjectNode m = (ObjectNode) u.remove("message");
        ObjectNode cq = u.putObject("callback_query");
        cq.put("id", "cq-" + u.path("update_id").asInt()).put("chat_instance", "ci").put("data", "o:" + buttonId);
        cq.set("from", m.get("from"));
        m.remove("from");
        cq.set("message", m);
        return u;
    }

    /** The texts sent to {@code chat} once more than {@code before} arrived and no more came for half a second. */
    static List<String> settledTexts(long chat, int before) {
        Harness.await("a reply to " + chat, WAIT, () -> telegram.textsTo(chat).size() > before);
        int seen = -1;
        while (seen != telegram.textsTo(chat).size()) {
            seen = telegram.textsTo(chat).size();
            TelegramServiceTest.sleep(500);
        }
        return telegram.textsTo(chat);
    }

    @Test
    void aBatchAcrossChatsKeepsEachChatsOrderParksTheBadOneAndIsConfirmedOnce() {
        // what a resident is answered to these four updates, each fetched on its own
        List<java.util.function.LongFunction<ObjectNode>> steps = List.of(
                c -> telegram.textUpdate(c, "/start buurt", "nl"), c -> pressUpdate(c, "yes"),
                c -> telegram.textUpdate(c, "Centrum", "nl"), c -> telegram.textUpdate(c, "Ik weet het niet", "nl"));
        long reference = 9310;
        List<String> expected = List.of();
        for (var step : steps) {
            telegram.push(step.apply(reference));
            expected = settledTexts(reference, expected.size());
        }
        assertEquals(List.of("Mogen we je antwoorden anoniem bewaren?", "In welke wijk woon je?"),
                expected.subList(0, 2));

        // the same four updates of six residents in one getUpdates batch, interleaved, with an unreadable one among
        // them: the chats are handled on several workers at once, each chat's updates in their order
        List<Long> chats = List.of(9311L, 9312L, 9313L, 9314L, 9315L, 9316L);
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            for (long chat : chats) {
                batch.add(steps.get(i).apply(chat));
            }
            if (i == 1) {
                ObjectNode bad = personal(9317, "zonnebloem seven");
                ((ObjectNode) bad.get("message")).put("date", "zonnebloem-date");
                batch.add(bad);
            }
        }
        ObjectNode bad = batch.get(2 * chats.size());
        int first = batch.getFirst().path("update_id").asInt();
        int last = batch.getLast().path("update_id").asInt();
        int offsetsBefore = telegram.offsets().size();
        telegram.pushAll(batch);

        for (long chat : chats) {
            assertEquals(expected, settledTexts(chat, expected.size() - 1), "chat " + chat);
        }
        Harness.await("offset moved past the batch", WAIT, () -> telegram.offsets().contains(last + 1));
        // confirmed once, as a whole: no getUpdates asked from inside the batch (that would confirm part of it)
        List<Integer> asked = new ArrayList<>(telegram.offsets().subList(offsetsBefore, telegram.offsets().size()));
        assertTrue(asked.stream().noneMatch(o -> o > first && o <= last), "offsets asked: " + asked);
        Document parked = service.db().getCollection("parked_updates")
                .find(eq("_id", "tg:" + bad.path("update_id").asInt())).first();
        assertNotNull(parked, "the unreadable update is parked");
        assertTrue(parked.getString("error").endsWith(" at message.date"), parked.getString("error"));
        assertEquals(rid(9317), parked.getString("respondent"));
    }

    @Test
    void twoUpdatesWithoutUpdateIdAreBothHandled() {
        ObjectNode a = telegram.textUpdate(9201, "/start buurt", "nl");
        ObjectNode b = telegram.textUpdate(9202, "/start buurt", "nl");
        a.remove("update_id");
        b.remove("update_id");
        ObjectNode after = telegram.textUpdate(9203, "/start buurt", "nl");
        telegram.pushAll(List.of(a, b, after));
        awaitTexts(9201, 1);
        awaitTexts(9202, 1);
        awaitTexts(9203, 1);
        assertEquals("Mogen we je antwoorden anoniem bewaren?", telegram.textsTo(9202).getFirst());
        Harness.await("offset moved past the batch", WAIT,
                () -> telegram.offsets().contains(after.path("update_id").asInt() + 1));
        TelegramServiceTest.sleep(300);
        assertEquals(1, telegram.textsTo(9201).size());
        assertEquals(1, telegram.textsTo(9202).size());
    }

    @Test
    void aStalledPollerMakesHealthDownWithTheReasonAndUpAgainOnceItMoves() throws Exception {
        Harness.await("health up", WAIT, () -> health(null).statusCode() == 200);
        long chat = 9301;
        telegram.text(chat, "/start buurt", "nl");
        awaitTexts(chat, 1);
        telegram.press(chat, "yes", "nl");
        awaitTexts(chat, 2);
        telegram.text(chat, "HANG", "nl");
        ObjectNode waiting = telegram.text(9302, "/start buurt", "nl");
        try {
            Harness.await("health down", WAIT, () -> health(null).statusCode() == 503);
            assertStatusOnly("DOWN", health(null).body());
            String detailed = health(ANALYST).body();
            assertTrue(detailed.contains("\"telegram\":{\"details\":{") && detailed.contains("not advanced for"),
                    detailed);
            assertTrue(detailed.contains("updates waiting"), detailed);
        } finally {
            ScriptedSurvey.HANG.release();
        }
        Harness.await("health up again", WAIT, () -> health(null).statusCode() == 200);
        assertStatusOnly("UP", health(null).body());
        awaitTexts(9302, 1);
        assertTrue(telegram.offsets().contains(waiting.path("update_id").asInt() + 1));
    }

    /** What anyone may see: the status (and the probe groups' names), no component, no detail. */
    static void assertStatusOnly(String status, String body) {
        assertTrue(body.contains("\"status\":\"" + status + "\""), body);
        assertFalse(body.contains("components") || body.contains("details") || body.contains("embedded"), body);
    }

    @Test
    void healthDetailsOnlyForACallerWithARole() {
        Harness.await("health up", WAIT, () -> health(null).statusCode() == 200);
        assertStatusOnly("UP", health(null).body());
        assertStatusOnly("UP", health("wrong-token").body());
        for (String token : List.of(ANALYST, ORGANISER)) {
            String body = health(token).body();
            assertTrue(body.contains("\"database\":{\"details\":{\"database\":\"embedded\"}"), body);
            assertTrue(body.contains("\"telegram\":{\"details\":{"), body);
            assertTrue(body.contains("\"diskSpace\""), body);
        }
    }

    static String rid(long chat) {
        return service.rid(chat);
    }

    static HttpResponse<String> health(String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void assertNoMarkersLogged() {
        List<ILoggingEvent> events = new ArrayList<>(logs.list);
        assertFalse(events.isEmpty(), "log captured");
        for (ILoggingEvent e : events) {
            String line = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            for (String marker : MARKERS) {
                assertFalse(line.contains(marker), marker + " logged: " + line);
            }
        }
    }
}
