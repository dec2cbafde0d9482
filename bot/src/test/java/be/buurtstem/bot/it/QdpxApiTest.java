package be.buurtstem.bot.it;

import be.buurtstem.bot.service.export.qdpx.QdpxFile;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REFI-QDA export through the running service: residents answer on (fake) Telegram, their answers are coded, an
 * analyst adds a theme, one resident deletes their answers; the analyst downloads the questionnaire's .qdpx, which
 * validates against the schema and holds every coded answer as a selection at its place, the analyst's code under
 * the analyst's name, and nothing of the deleted resident.
 */
class QdpxApiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ANALYST = "analyst-token-for-qdpx-0123456789";
    static final String PARK = "Het park is vuil en er ligt overal zwerfvuil.";
    static final String ARABIC = "الحديقة متسخة 🌳 ونريد مساكن أرخص";
    static final String DELETED = "Mijn buurman qx-4242 maakt elke nacht lawaai.";

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
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "1000");
        service = Harness.start(p);
        api = new Api(service);
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

    /** A resident's whole conversation with the scripted questionnaire {@code buurt}; returns the wish's answer id. */
    static String converse(long chat, String language, String area, String wish) {
        telegram.text(chat, "/start", language);
        Harness.awaitTexts(telegram, chat, 1, WAIT);
        telegram.press(chat, "q:buurt", language);
        Harness.awaitTexts(telegram, chat, 2, WAIT);
        telegram.press(chat, "yes", language);
        Harness.awaitTexts(telegram, chat, 3, WAIT);
        telegram.press(chat, area, language);
        Harness.awaitTexts(telegram, chat, 4, WAIT);
        telegram.text(chat, wish, language);
        Harness.awaitTexts(telegram, chat, 5, WAIT);
        Document d = service.db().getCollection("answers")
                .find(and(eq("respondent", service.rid(chat)), eq("question", "wish"))).first();
        return d.getString("_id");
    }

    static HttpResponse<byte[]> download(String query, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/analyst/export/qdpx"
                + query));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anAnalystDownloadsTheCodedAnswersAsAValidProjectWithoutTheDeletedResident() throws Exception {
        String park = converse(7001, "nl", "noord", PARK);
        String arabic = converse(7002, "ar", "zuid", ARABIC);
        String gone = converse(7003, "nl", "noord", DELETED);
        for (String id : List.of(park, arabic, gone)) {
            Harness.await("answer coded", WAIT, () -> Api.coded(service, id));
        }
        assertEquals(201, api.decide(ANALYST, arabic, "add", "housing").status());
        String goneRid = service.rid(7003);
        telegram.text(7003, "/delete", "nl"); // after the end: asked to confirm first
        Harness.awaitTexts(telegram, 7003, 6, WAIT);
        telegram.press(7003, "yes", "nl");
        Harness.awaitText(telegram, 7003, "gewist", WAIT);
        Harness.await("answers deleted", WAIT, () -> service.db().getCollection("answers")
                .countDocuments(eq("respondent", goneRid)) == 0);

        HttpResponse<byte[]> r = download("?questionnaire=buurt", ANALYST);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/vnd.refi-qda.qdpx+zip", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("buurt.qdpx"));
        QdpxFile f = QdpxFile.read(r.body()); // validated against the schema

        Map<String, List<String>> coded = f.codedSelections();
        assertEquals(2, coded.size(), coded.toString());
        assertTrue(coded.get(PARK).containsAll(List.of("Green and play space", "Cleanliness and rubbish")),
                coded.toString());
        assertTrue(coded.get(ARABIC).contains("Housing cost and quality"), coded.toString());
        // the machine's codes are the coder's, the added theme the analyst's
        Map<String, String> users = new java.util.HashMap<>();
        f.all("User").forEach(u -> users.put(u.getAttribute("guid"), u.getAttribute("name")));
        List<String> byWhom = new ArrayList<>();
        for (Element coding : f.all("Coding")) {
            byWhom.add(users.get(coding.getAttribute("creatingUser")));
        }
        assertTrue(byWhom.contains("analyst") && byWhom.contains("coder: combined"), byWhom.toString());
        // a case per resident with what they told: pseudonymous ids, language and area
        List<String> cases = f.all("Case").stream().map(c -> c.getAttribute("name")).toList();
        assertEquals(List.of(service.rid(7001), service.rid(7002)).stream().sorted().toList(), cases);
        Element arabicCase = f.all("Case").stream().filter(c -> c.getAttribute("name").equals(service.rid(7002)))
                .findFirst().orElseThrow();
        String values = arabicCase.getTextContent();
        assertTrue(values.contains("ar") && values.contains("zuid") && values.contains("telegram"), values);

        // nothing of the deleted resident, in any entry
        for (Map.Entry<String, byte[]> e : f.entries().entrySet()) {
            String content = new String(e.getValue(), StandardCharsets.UTF_8);
            assertFalse(content.contains("qx-4242"), e.getKey() + " holds the deleted resident's words");
            assertFalse(content.contains(goneRid) || e.getKey().contains(goneRid), e.getKey());
        }
        assertArrayEquals(r.body(), download("?questionnaire=buurt", ANALYST).body(), "the same data, the same file");
    }

    @Test
    void badCallsAreRefusedWithAReason() throws Exception {
        HttpResponse<byte[]> none = download("", ANALYST);
        assertEquals(400, none.statusCode());
        assertTrue(new String(none.body(), StandardCharsets.UTF_8).contains("questionnaire is required"));
        HttpResponse<byte[]> unknown = download("?questionnaire=nowhere", ANALYST);
        assertEquals(404, unknown.statusCode());
        assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("no questionnaire 'nowhere'"));
        assertEquals(400, download("?questionnaire=buurt&language=xx", ANALYST).statusCode());
        assertEquals(400, download("?questionnaire=a%20b%3Cc", ANALYST).statusCode());
        HttpResponse<byte[]> anonymous = download("?questionnaire=buurt", null);
        assertEquals(403, anonymous.statusCode());
        assertTrue(new String(anonymous.body(), StandardCharsets.UTF_8).contains("error"));
    }
}
