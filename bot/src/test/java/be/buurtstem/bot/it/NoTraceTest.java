package be.buurtstem.bot.it;

import be.buurtstem.bot.service.ops.Housekeeping;
import be.buurtstem.bot.service.ops.Retention;
import be.buurtstem.bot.service.privacy.Erasure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Delete my answers" and retention leave no readable trace in the data folder: a resident answers with marker words
 * no other text contains (Telegram, real engine, coded, decided on by an analyst, learnt by a model version, quoted
 * back by /mydata), deletes; once the documented erasure has run (triggered here; and across a restart) no file under
 * the data folder holds the words, in UTF-8 or UTF-16, in any case, also inside the model zip files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoTraceTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ANALYST = "no-trace-analyst-token";

    @TempDir
    static Path parent;
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        dataDir = parent.resolve("data");
        telegram = new FakeTelegram();
        Files.writeString(folder.resolve("straat.yaml"), EngineServiceTest.resource("straat.yaml"));
        service = Harness.start(props(), false);
    }

    static Map<String, Object> props() {
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "20");
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "1000");
        // the erasure's own timer would only run after the test: the tests trigger it, or restart
        p.put("buurtstem.erase-within", "1h");
        return p;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    static String rid(long chat) {
        return service.rid(chat);
    }

    static void awaitText(long chat, String expected) {
        Harness.awaitText(telegram, chat, expected, WAIT);
    }

    /** Consents, answers the area and the free-text question, and waits for the end of the questionnaire. */
    static String answer(long chat, String wish) {
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        telegram.text(chat, wish, "nl");
        awaitText(chat, "Bedankt voor uw antwoorden!");
        return service.db().getCollection("answers").find(eq("respondent", rid(chat))).into(new java.util.ArrayList<>())
                .stream().filter(a -> "wish".equals(a.getString("question"))).findFirst().orElseThrow().getString("_id");
    }

    static void myDataThenDelete(long chat, String marker) {
        int before = telegram.textsTo(chat).size();
        telegram.text(chat, "/mydata", "nl");
        Harness.await("my data quotes the answer", WAIT, () -> telegram.textsSince(chat, before).stream().anyMatch(t -> t.contains(marker)));
        int sent = telegram.sentTo(chat).size();
        telegram.text(chat, "/delete", "nl");
        // mid-way the engine asks to confirm; after the end the service deletes at once
        Harness.await("confirmation asked or deleted", WAIT, () -> telegram.sentTo(chat).size() > sent);
        if (telegram.sentTo(chat).getLast().path("reply_markup").has("inline_keyboard")) {
            telegram.press(chat, "yes", "nl");
        }
        awaitText(chat, "Al uw antwoorden en gegevens zijn gewist.");
    }

    /** Live documents holding a word (a deletion must leave none; the files are checked by {@link #traces}). */
    static List<String> liveDocuments(String word) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : service.db().listCollectionNames()) {
            for (Document d : service.db().getCollection(name).find()) {
                if (d.toJson().toLowerCase(java.util.Locale.ROOT).contains(word)) {
                    out.add(name + ": " + d.toJson());
                }
            }
        }
        return out;
    }

    static List<String> traces(String... words) {
        return Stream.of(words).flatMap(w -> DataFolder.filesContaining(dataDir, w).stream().map(f -> w + " in " + f))
                .toList();
    }

    @Test
    @Order(1)
    void aDeletedResidentsWordsLeaveTheDatabaseFileAndTheModelFiles() {
        long chat = 9101;
        String answerId = answer(chat, "Een Zwartkikkerpoel en Qwertyboompjes langs de Vlinderhoeveweg");
        Harness.await("coded", WAIT, () -> Api.coded(service, answerId));
        Api api = new Api(service);
        assertEquals(201, api.decide(ANALYST, answerId, "add", "green_space").status());
        assertEquals(202, api.post("/api/analyst/retrain", ANALYST, "").status());
        Harness.await("model version 1", Duration.ofSeconds(180), () -> Files.exists(dataDir.resolve("models/model-1.zip"))
                && !api.get("/api/analyst/models", ANALYST).json().path("training").asBoolean());
        List<String> before = traces("zwartkikker", "qwertyboom");
        assertTrue(before.stream().anyMatch(t -> t.contains("buurtstem.mv.db")), before.toString());
        assertTrue(before.stream().anyMatch(t -> t.contains("model-1.zip!")), "the model learnt the words: " + before);

        myDataThenDelete(chat, "Zwartkikkerpoel");
        service.assertNoTraceOf(chat, rid(chat));
        assertEquals(List.of(), liveDocuments("zwartkikker"));
        // the documents are gone, the bytes are not (old chunks, the model file) until the erasure has run
        assertFalse(traces("zwartkikker", "qwertyboom").isEmpty());
        assertTrue(service.context.getBean(Erasure.class).pending());

        service.context.getBean(Erasure.class).eraseNow();
        assertEquals(List.of(), traces("zwartkikker", "qwertyboom", "vlinderhoeveweg"));
        assertFalse(service.context.getBean(Erasure.class).pending());
        assertFalse(Files.exists(dataDir.resolve("models/model-1.zip")), "the version that learnt from it is dropped");
        // and the hourly housekeeping (compaction, retention) brings nothing back
        service.context.getBean(Housekeeping.class).runOnce();
        assertEquals(List.of(), traces("zwartkikker", "qwertyboom", "vlinderhoeveweg"));
    }

    @Test
    @Order(2)
    void aDeletionNotYetErasedAtAStopIsErasedAtTheNextStartBeforeServing() {
        long chat = 9102;
        answer(chat, "Pimpelmeesbrugje bij de Kwakkelsteeg graag");
        myDataThenDelete(chat, "Pimpelmeesbrugje");
        assertEquals(List.of(), liveDocuments("pimpelmeesbrug"));
        assertFalse(traces("pimpelmeesbrug").isEmpty(), "not yet erased: " + traces("pimpelmeesbrug"));
        service.close();
        service = null;
        assertFalse(traces("pimpelmeesbrug").isEmpty(), "a stop alone does not erase");
        int polls = telegram.offsets().size();
        service = Harness.start(props(), false);
        assertEquals(List.of(), traces("pimpelmeesbrug", "kwakkelsteeg"));
        // the fake Telegram delivers every update again to the new poller (from offset 0): none may be applied again
        // and bring the deleted answers back (their handled ids stay, unlinked from the resident)
        Harness.await("updates delivered again and handled", WAIT, () -> telegram.offsets().size() >= polls + 2);
        assertEquals(List.of(), liveDocuments("pimpelmeesbrug"));
        Harness.await("erasure finished after start", WAIT,
                () -> !service.context.getBean(Erasure.class).pending());
        assertEquals(List.of(), traces("pimpelmeesbrug", "kwakkelsteeg"));
    }

    @Test
    @Order(3)
    void unconsentedSessionsParkedUpdatesAndOldAnswersExpire() throws Exception {
        // 20 anonymous greetings in the web chat: 20 sessions that never consented
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            var page = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/chat/straat")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            var hello = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/chat/straat/api/hello"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).header("Content-Type",
                            "application/json").header("Accept-Language", "nl") // known: asked to consent at once
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode(), hello.body());
        }
        long chat = 9103;
        answer(chat, "Een Sneeuwuilbank op het pleintje");
        String resident = rid(chat);
        service.store().park("tg:424242", null, "telegram", "{\"update_id\":424242}", "unreadable", 1, Instant.now());
        assertEquals(20, service.db().getCollection("sessions").countDocuments(eq("channel", "web")));

        Retention retention = service.context.getBean(Retention.class);
        Instant now = Instant.now();
        java.util.Map<String, Long> early = retention.run(now.plus(1, ChronoUnit.HOURS));
        assertEquals(0L, early.get("unconsented_sessions"), early.toString());
        java.util.Map<String, Long> day = retention.run(now.plus(25, ChronoUnit.HOURS));
        assertEquals(20L, day.get("unconsented_sessions"), day.toString());
        assertEquals(0, service.db().getCollection("sessions").countDocuments(eq("channel", "web")));
        assertEquals(2, service.db().getCollection("answers").countDocuments(eq("respondent", resident)),
                "the consented resident is kept");
        assertEquals(1, service.db().getCollection("parked_updates").countDocuments(eq("_id", "tg:424242")));

        java.util.Map<String, Long> month = retention.run(now.plus(31, ChronoUnit.DAYS));
        assertEquals(1L, month.get("parked_updates"), month.toString());
        assertTrue(service.db().getCollection("sessions").countDocuments(eq("_id", resident)) == 1);

        // 24 months after the last answer (the default): answers, session and respondent record go, no trace left
        java.util.Map<String, Long> later = retention.run(now.plus(731, ChronoUnit.DAYS));
        assertTrue(later.get("answers") >= 2 && later.get("respondents") >= 1, later.toString());
        assertEquals(0, service.db().getCollection("answers").countDocuments());
        service.assertNoTraceOf(chat, resident);
        Document audit = service.db().getCollection("audit").find(eq("type", "retention_run"))
                .sort(new Document("at", -1)).first();
        assertEquals(new Document(new java.util.LinkedHashMap<String, Object>(later)).toJson(),
                audit.get("details", Document.class).toJson());
        assertFalse(audit.toJson().contains(resident), "counts only in the audit");
        assertTrue(service.context.getBean(Erasure.class).pending(), "retention deletions are erased like any other");
        service.context.getBean(Erasure.class).eraseNow();
        assertEquals(List.of(), traces("sneeuwuilbank"));
    }

    @Test
    @Order(4)
    void theDataFolderIsTheServiceUsersOnly() throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                assertEquals(Files.isDirectory(f) ? "rwx------" : "rw-------", mode, dataDir.relativize(f).toString());
            }
        }
    }
}
