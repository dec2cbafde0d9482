package be.buurtstem.bot.it;

import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real survey engine behind the Telegram channel: the bundled questionnaires plus a folder one ({@code straat}),
 * whole conversations in Dutch (with a restart of the service half-way) and Arabic checked in the database, and the
 * folder's hot reload (an invalid file refused, the old version kept; a new version served to new residents only).
 */
class EngineServiceTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ANALYST = "engine-test-analyst-token";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        telegram = new FakeTelegram();
        Files.writeString(folder.resolve("straat.yaml"), resource("straat.yaml"));
        Files.writeString(folder.resolve("foto.yaml"), resource("foto.yaml"));
        service = Harness.start(props(), false);
        System.out.println("service with engine started in " + service.startMillis + " ms");
    }

    static Map<String, Object> props() {
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.reload-interval", "200ms");
        p.put("buurtstem.analyst-token", ANALYST);
        return p;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EngineServiceTest.class.getResourceAsStream("/questionnaires/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    /** Starts the folder questionnaire 'straat' in Dutch, consents, and waits for its first question. */
    static void consentAndReachTheAreaQuestion(long chat) {
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
    }

    /** Asks to delete everything, confirms with the button, and waits for the confirmation. */
    static void deleteAndConfirm(long chat) {
        int before = telegram.sentTo(chat).size();
        telegram.text(chat, "/delete", "nl");
        Harness.await("confirmation asked", WAIT, () -> telegram.sentTo(chat).size() > before
                && telegram.sentTo(chat).getLast().path("reply_markup").has("inline_keyboard"));
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "Al uw antwoorden en gegevens zijn gewist.");
    }

    @Test
    void bundledQuestionnairesAreServed() {
        SurveyCatalog catalog = service.context.getBean(SurveyCatalog.class);
        assertTrue(catalog.current("inclusieweb").isPresent(), "bundled questionnaire");
        assertTrue(catalog.current("straat").isPresent(), "folder questionnaire");
        assertEquals(5, catalog.current().size(), catalog.current().stream().map(s -> s.id()).toList().toString());
    }

    @Test
    void dutchConversationSurvivesARestart() {
        long chat = 7001;
        telegram.text(chat, "/start straat", "nl-BE");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");

        // the service is stopped mid-conversation and started again on the same data folder
        service.close();
        service = Harness.start(props(), false);
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        telegram.text(chat, "Meer bomen en een veilige oversteek bij de school.", "nl");
        awaitText(chat, "Bedankt voor uw antwoorden!");

        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", rid(chat)))
                .into(new ArrayList<>());
        assertEquals(2, answers.size(), answers.toString());
        Document area = answers.stream().filter(a -> "area".equals(a.getString("question"))).findFirst().orElseThrow();
        assertEquals("noord", area.get("value"));
        assertEquals("area", area.getString("segment"));
        Document wish = answers.stream().filter(a -> "wish".equals(a.getString("question"))).findFirst().orElseThrow();
        assertEquals("Meer bomen en een veilige oversteek bij de school.", wish.getString("text"));
        assertEquals("nl", wish.getString("language"));
        assertEquals("noord", wish.get("segments", Document.class).getString("area"));
        Document session = service.db().getCollection("sessions").find(eq("_id", rid(chat))).first();
        assertEquals("completed", session.getString("status"));
        Document consent = service.db().getCollection("respondents").find(eq("_id", rid(chat))).first()
                .getList("consents", Document.class).getFirst();
        assertEquals("straat", consent.getString("questionnaire"));
        assertEquals(1, consent.getInteger("version"));
        // every message was sent once: nothing repeated after the restart
        List<String> texts = telegram.textsTo(chat);
        assertEquals(texts.stream().distinct().count(), texts.size(), texts.toString());
    }

    @Test
    void locationButtonAndPhotoByFileId() {
        long chat = 7005;
        telegram.text(chat, "/start foto", "nl");
        awaitText(chat, "Deel de locatie");
        var question = telegram.sentTo(chat).getLast();
        var button = question.path("reply_markup").path("keyboard").path(0).path(0);
        assertTrue(button.path("request_location").asBoolean(), question.toString());
        telegram.location(chat, 50.8466, 4.3528);
        awaitText(chat, "Stuur een foto");
        telegram.photo(chat, "AgACAgQAAxk-file-id", "Het park bij de kerk");
        awaitText(chat, "Dank u wel!");
        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", rid(chat)))
                .into(new ArrayList<>());
        Document place = answers.stream().filter(a -> "place".equals(a.getString("question"))).findFirst().orElseThrow();
        assertEquals(50.8466, place.get("value", Document.class).getDouble("lat"), 1e-9);
        Document picture = answers.stream().filter(a -> "picture".equals(a.getString("question"))).findFirst()
                .orElseThrow();
        assertEquals("AgACAgQAAxk-file-id", picture.get("value", Document.class).getString("file"), picture.toJson());
        assertEquals("Het park bij de kerk", picture.get("value", Document.class).getString("caption"));
    }

    @Test
    void myDataAndDeleteThroughTheEngineLeaveNoTrace() {
        long chat = 7006;
        consentAndReachTheAreaQuestion(chat);
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        int before = telegram.textsTo(chat).size();
        telegram.text(chat, "/mydata", "nl");
        Harness.await("my data shown", WAIT, () -> telegram.textsTo(chat).size() > before
                && telegram.textsSince(chat, before).stream()
                .anyMatch(t -> t.contains("Noord")));
        deleteAndConfirm(chat);
        String rid = rid(chat);
        service.assertNoTraceOf(chat, rid);
    }

    @Test
    void aTypedReplyThatFitsNoOptionIsKeptShownAndDeleted() {
        long chat = 7008;
        consentAndReachTheAreaQuestion(chat);
        int before = telegram.textsTo(chat).size();
        // fits neither Noord nor Zuid: the resident is asked again, and their words are not thrown away
        telegram.text(chat, "ik woon vlak bij het station", "nl");
        Harness.await("asked again", WAIT, () -> telegram.textsTo(chat).size() > before);
        String rid = rid(chat);
        Harness.await("typed reply kept", WAIT, () -> service.db().getCollection("unplaced_replies")
                .countDocuments(eq("respondent", rid)) == 1);
        Document kept = service.db().getCollection("unplaced_replies").find(eq("respondent", rid)).first();
        assertEquals("area", kept.getString("question"));
        assertEquals("ik woon vlak bij het station", kept.getString("text"));
        assertEquals(0, service.db().getCollection("answers").countDocuments(eq("respondent", rid)),
                "an unplaced reply is not an answer");

        int beforeData = telegram.textsTo(chat).size();
        telegram.text(chat, "/mydata", "nl");
        Harness.await("my data shows the kept words", WAIT, () -> telegram.textsTo(chat).size() > beforeData
                && telegram.textsSince(chat, beforeData).stream()
                .anyMatch(t -> t.contains("ik woon vlak bij het station")));
        String data = telegram.textsSince(chat, beforeData).stream()
                .filter(t -> t.contains("ik woon vlak bij het station")).findFirst().orElseThrow();
        assertTrue(data.contains("In welke wijk woont u? (?): ik woon vlak bij het station"),
                "the question in its own words, not its id: " + data);

        deleteAndConfirm(chat);
        assertEquals(0, service.db().getCollection("unplaced_replies").countDocuments(eq("respondent", rid)));
    }

    @Test
    void codesDecisionsAndAuditGoWithTheResident() {
        long chat = 7007;
        consentAndReachTheAreaQuestion(chat);
        telegram.press(chat, "zuid", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        telegram.text(chat, "De huur is te hoog en er is te veel lawaai.", "nl");
        awaitText(chat, "Bedankt voor uw antwoorden!");
        String rid = rid(chat);
        String answerId = service.db().getCollection("answers").find(eq("respondent", rid)).into(new ArrayList<>())
                .stream().filter(a -> "wish".equals(a.getString("question"))).findFirst().orElseThrow()
                .getString("_id");
        // the answer is coded and an analyst decides on it: codes, decision and audit must all go with the resident
        Harness.await("coded", WAIT, () -> Api.coded(service, answerId));
        assertEquals(201, new Api(service).decide(ANALYST, answerId, "add", "health_care").status());
        assertEquals(1, service.db().getCollection("codings").countDocuments(eq("answer", answerId)));
        deleteAndConfirm(chat); // a delete after the end is confirmed first, too
        service.assertNoTraceOf(chat, rid);
    }

    @Test
    void webChatPageAndApi() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl() + "/chat/straat"))
                .header("Accept-Language", "ar,nl;q=0.5").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(page.body().contains("dir=\"rtl\""));
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external resources");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(404, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl()
                + "/chat/onbekend")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        String id = cookie.substring(0, cookie.indexOf(';'));
        java.util.function.BiFunction<String, String, String> api = (what, body) -> {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl()
                                + "/chat/straat/api/" + what)).header("Cookie", id).header("Content-Type", "application/json")
                        .header("Accept-Language", "nl").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                return r.body();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertTrue(api.apply("hello", "{}").contains("Doet u mee"));
        assertTrue(api.apply("send", "{\"id\":\"m1\",\"choice\":\"yes\"}").contains("In welke wijk"));
        assertTrue(api.apply("send", "{\"id\":\"m1\",\"choice\":\"yes\"}").contains("In welke wijk"),
                "a re-sent message is not applied twice");
        assertTrue(api.apply("send", "{\"id\":\"m2\",\"text\":\"zuid\"}").contains("Wat zou u veranderen"));
        String confirm = api.apply("delete", "{}");
        assertTrue(confirm.contains("\"id\":\"yes\""), confirm);
        String deleted = api.apply("send", "{\"id\":\"m3\",\"choice\":\"yes\"}");
        assertTrue(deleted.contains("Al uw antwoorden en gegevens zijn gewist."), deleted);
        assertEquals(0, service.db().getCollection("answers").countDocuments(eq("channel", "web")));
        var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl()
                + "/actuator/health")).header("Authorization", "Bearer " + ANALYST).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()); // details need a role
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"database\":{\"details\":{\"database\":\"embedded\"},\"status\":\"UP\"}"),
                health.body());
        // read in the background at start-up, long done once a conversation has been answered
        assertTrue(health.body().contains("\"language_model\":\"ready\""), health.body());
        var noCookie = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl()
                        + "/chat/straat/api/hello")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noCookie.statusCode());
    }

    @Test
    void arabicConversation() {
        long chat = 7002;
        telegram.text(chat, "/start straat", "ar");
        awaitText(chat, "هل تشارك؟");
        telegram.press(chat, "yes", "ar");
        awaitText(chat, "في أي حي تسكن؟");
        telegram.text(chat, "الجنوب", "ar");
        awaitText(chat, "ماذا تريد أن تغيّر في شارعك؟");
        telegram.text(chat, "نريد مكانًا هادئًا للجلوس.", "ar");
        awaitText(chat, "شكرًا على إجاباتك!");
        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", rid(chat)))
                .into(new ArrayList<>());
        assertEquals(2, answers.size());
        assertTrue(answers.stream().allMatch(a -> "ar".equals(a.getString("language"))));
        assertTrue(answers.stream().anyMatch(a -> "zuid".equals(a.get("value"))), "typed label matched the option");
    }

    @Test
    void folderIsReloadedAndInvalidFilesAreRefused() throws Exception {
        SurveyCatalog catalog = service.context.getBean(SurveyCatalog.class);
        long chat = 7003;
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee?");
        int before = catalog.current("straat").orElseThrow().version();

        // an invalid file: refused, the old version keeps serving
        Files.writeString(folder.resolve("kapot.yaml"), "id: kapot\nversion: 1\nlanguages: [nl]\n"
                + "default_language: nl\nnodes:\n  - id: a\n    kind: nonsense\n");
        Thread.sleep(800);
        assertTrue(catalog.current("kapot").isEmpty());

        // a new version of straat: served to new residents; the resident mid-way keeps version 1
        String v2 = resource("straat.yaml").replace("version: 1", "version: " + (before + 1))
                .replace("Doet u mee?", "Doet u mee aan versie twee?");
        Files.writeString(folder.resolve("straat.yaml"), v2);
        Harness.await("version 2 served", WAIT, () -> catalog.current("straat").orElseThrow().version() == before + 1);
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        Document session = service.db().getCollection("sessions").find(eq("_id", rid(chat))).first();
        assertNotNull(session);
        assertEquals(before, session.getInteger("questionnaireVersion"));
        long other = 7004;
        telegram.text(other, "/start straat", "nl");
        awaitText(other, "Doet u mee aan versie twee?");

        // and broken again: refused, version 2 keeps serving
        Files.writeString(folder.resolve("straat.yaml"), "id: straat\nversion: 9\nnodes: [");
        Thread.sleep(800);
        assertEquals(before + 1, catalog.current("straat").orElseThrow().version());
    }
}
