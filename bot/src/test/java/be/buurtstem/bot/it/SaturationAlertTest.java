package be.buurtstem.bot.it;

import be.buurtstem.bot.service.saturation.SaturationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saturation in the service: simulated residents' free-text answers are coded and counted as they come; with small
 * thresholds the questionnaire and its segments become saturated, and a target segment nobody answers from is
 * silent. Each alert reaches the organisers' chat on the fake Telegram exactly once, also across a restart (the
 * states are rebuilt by replaying the stored coded answers).
 */
class SaturationAlertTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final long ORGANISERS = 999;
    static final String ORGANISER = "organiser-token-for-tests";

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        telegram = new FakeTelegram();
        service = Harness.start(props());
    }

    static Map<String, Object> props() throws IOException {
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        Path expectations = dataDir.resolve("expectations.json");
        Files.writeString(expectations, "{\"area\": {\"noord\": 0.5, \"zuid\": 0.3, \"west\": 0.2}}");
        p.put("telegram.organiser-chat-id", String.valueOf(ORGANISERS));
        p.put("buurtstem.organiser-token", ORGANISER);
        p.put("buurtstem.expectations", expectations.toString());
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.saturation.min-respondents", "6");
        p.put("buurtstem.saturation.min-mentions", "6");
        p.put("buurtstem.saturation.hold-minimum", "3");
        p.put("buurtstem.saturation.hold-fraction", "0.1");
        p.put("buurtstem.saturation.segments", "area");
        p.put("buurtstem.saturation.silence-after", "3s");
        p.put("buurtstem.saturation.tick-interval", "100ms");
        return p;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    static List<String> alerts() {
        return telegram.textsTo(ORGANISERS);
    }

    static long silentSinceAnswer(String area) {
        return service.db().getCollection("alerts").find().into(new ArrayList<>()).stream()
                .map(d -> d.getString("_id"))
                .filter(k -> k.startsWith("buurt|area=" + area + "|silent|") && !k.endsWith("|never")).count();
    }

    static long count(String fragment) {
        return alerts().stream().filter(t -> t.contains(fragment)).count();
    }

    @Test
    void segmentsSaturateAndEachAlertGoesOutExactlyOnceAcrossARestart() throws Exception {
        String[] texts = {"Het park is te klein.", "Overal zwerfvuil.", "Te veel verkeer."};
        Instant t0 = Instant.now();
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            ids.add(Api.simulate(service, "sim-sat-" + i, "buurt", texts[i % 3], i % 2 == 0 ? "noord" : "zuid",
                    t0.plusMillis(i)));
        }
        Harness.await("40 answers coded", WAIT, () -> ids.stream().allMatch(id -> Api.coded(service, id)));
        System.out.printf("40 answers stored and coded in %.0f ms%n", (System.nanoTime() - start) / 1e6);

        Harness.await("overall saturation alert", WAIT,
                () -> count("buurt: among everyone we now hear the same themes again") == 1);
        Harness.await("area alerts", WAIT, () -> count("buurt: among the group area = noord we now hear") == 1
                && count("buurt: among the group area = zuid we now hear") == 1);
        Harness.await("west never heard: silent", WAIT, () -> count("buurt: nobody from the group area = west") == 1);
        // noord and zuid fall silent 3 s after their last answer (the key holds that time, so it is sent once)
        Harness.await("noord and zuid silent after their last answer", WAIT,
                () -> silentSinceAnswer("noord") == 1 && silentSinceAnswer("zuid") == 1);
        // An alert is recorded first and sent through the outbox after: on a busy machine the last recorded one may
        // still be on its way, so wait until every recorded alert has gone out, then a few more ticks: nothing more.
        Harness.await("every recorded alert sent", WAIT,
                () -> alerts().size() == service.db().getCollection("alerts").countDocuments());
        Thread.sleep(500);
        List<String> before = List.copyOf(alerts());
        assertEquals(before.size(), before.stream().distinct().count(), "no alert twice: " + before);
        assertEquals(before.size(), service.db().getCollection("alerts").countDocuments());

        JsonNode report = new Api(service).get("/api/organiser/saturation/buurt", ORGANISER).json();
        assertEquals("saturated", report.path("status").asString(), report.toString());
        assertTrue(report.path("saturated").asBoolean());
        assertEquals(40, report.path("respondents").asInt());
        assertEquals(3, report.path("themes_seen").asInt());
        assertEquals("saturated", report.path("segments").path("area").path("noord").path("status").asString());
        assertTrue(report.path("silent_segments").toString().contains("west"), report.toString());

        // an answer stored but never coded (as after a crash between the two): the restart's sweep codes it
        String late = "sim-sat-late:buurt:1:wish:0";
        service.store().putAnswer(late, new org.bson.Document("respondent", "sim-sat-late")
                .append("questionnaire", "buurt").append("version", 1).append("question", "wish").append("round", 0)
                .append("kind", "free_text").append("text", "Overal zwerfvuil.").append("language", "nl")
                .append("block", "wishes").append("segments", new org.bson.Document("area", "oost"))
                .append("channel", "telegram").append("codes", List.of())
                .append("receivedAt", java.util.Date.from(Instant.now())));

        // restart on the same data: the states are rebuilt by replaying the 40 coded answers; nothing is re-sent
        service.close();
        service = Harness.start(props());
        SaturationService saturation = service.context.getBean(SaturationService.class);
        Harness.await("rebuilt", WAIT, () -> saturation.lastRebuild() != null);
        System.out.println("saturation rebuilt after restart: " + saturation.lastRebuild());
        assertEquals(40, saturation.lastRebuild().answers());
        Harness.await("the uncoded answer coded by the start-up sweep", WAIT, () -> Api.coded(service, late));
        Thread.sleep(1000); // ten silence ticks
        assertEquals(before, alerts(), "nothing re-sent after the restart");
        JsonNode again = new Api(service).get("/api/organiser/saturation/buurt", ORGANISER).json();
        assertEquals("saturated", again.path("status").asString());
        assertEquals(41, again.path("respondents").asInt(), "the swept answer is counted");

        // a saturated segment hears a new theme: alerted once
        String housing = Api.simulate(service, "sim-sat-new", "buurt", "De huur is veel te hoog.", "noord",
                Instant.now());
        Harness.await("coded", WAIT, () -> Api.coded(service, housing));
        Harness.await("new theme alert", WAIT,
                () -> count("someone brought up a theme we had not heard before: housing") == 1);
        Harness.await("new theme alert for noord", WAIT,
                () -> count("the group area = noord brought up a theme we had not heard before: housing") == 1);
        Thread.sleep(300);
        assertEquals(1, count("someone brought up a theme we had not heard before: housing"), alerts().toString());
        assertEquals(1, count("the group area = noord brought up a theme we had not heard before: housing"),
                alerts().toString());
    }

    @Test
    void organiserTokenGrantsSaturationButNotTheAnalystApi() {
        Api api = new Api(service);
        assertEquals(200, api.get("/api/organiser/saturation/buurt", ORGANISER).status());
        Api.Reply analyst = api.get("/api/analyst/answers", ORGANISER);
        assertEquals(403, analyst.status());
        assertTrue(analyst.body().contains("BUURTSTEM_ANALYST_TOKEN"), analyst.body());
    }
}
