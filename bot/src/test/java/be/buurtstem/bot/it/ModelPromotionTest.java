package be.buurtstem.bot.it;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.bot.service.coding.Coders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promotion rule (issue 11) as analysts meet it, through the analyst API with a token, with the service's default
 * training settings (5 folds, 100 iterations) on the Dutch seed examples: 13 decisions and a retraining make a version that
 * codes worse than the keyword coder; it is kept aside and nothing is re-coded. An analyst may still put it in use
 * (it then re-codes); a later, better version goes into use by itself; versions can be rolled back, down to the
 * keywords alone. One service; the tests run in order, each building on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("solo") // runs alone: see bot/pom.xml
class ModelPromotionTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration TRAINING = Duration.ofMinutes(10); // two cores shared with other builds: 5 min seen
    static final String ANALYST = "analyst-token-for-promotion-0123456789";
    static final String Q = "promotie";
    static final String UNLIT = "Geen verlichting 's avonds, het is onveilig.";

    /** Answers and the themes a careful analyst gives them; the first ones get the 13 decisions. */
    static final String[][] ROUND_ONE = {
            {"Het park is vuil en er ligt overal zwerfvuil.", "green_space,cleanliness"},
            {"De huur is veel te duur.", "housing"},
            {"Te veel auto's die te snel rijden.", "traffic_mobility"},
            {"Meer bomen in de straat.", "green_space"},
            {"Sluikstort aan de hoek.", "cleanliness"},
            {"Ik voel me niet veilig op straat.", "safety"},
            {"Er is geen plek voor jongeren.", "youth"},
            {"Veel lawaai 's nachts.", "noise"},
            {"De bus komt te weinig.", "traffic_mobility"},
            {"Ouderen zijn eenzaam.", "elderly,loneliness"},
            {"Geen werk voor de jongeren.", "work_income,youth"},
            {"Het gemeentehuis luistert niet.", "local_government"},
            {"Te weinig speeltuinen voor kinderen.", "green_space"},
            {"Hondenpoep op de stoep.", "cleanliness"},
            {"Er wordt gedeald aan het station.", "safety"},
            {"Woningen zijn te klein voor grote gezinnen.", "housing"},
            {"Parkeren is onmogelijk.", "traffic_mobility"},
            {"Meer groen en minder beton.", "green_space"},
            {"De straten zijn vuil.", "cleanliness"},
            {"Ik durf niet alleen naar huis in het donker.", "safety"},
            {"Een jeugdhuis zou goed zijn.", "youth"},
            {"De buren maken veel lawaai.", "noise"},
            {"Fietspaden zijn gevaarlijk.", "traffic_mobility,safety"},
            {"Te weinig winkels in de buurt.", "shops_services"},
            {"Geen dokter in de wijk.", "health_care"},
            {"De school is te ver.", "children_school"},
            {"Ik vind geen werk.", "work_income"},
            {"Niemand helpt met papieren.", "help_services"},
            {"Er zijn geen plekken om elkaar te ontmoeten.", "meeting_places"},
            {"Ratten in de vuilnisbakken.", "cleanliness"},
            {"Diefstal van fietsen, het is hier onveilig.", "safety"},
            {"De huurprijzen stijgen elk jaar.", "housing"},
            {"Te veel vrachtwagens in de straat.", "traffic_mobility"},
            {"Het plein is donker en vuil.", "safety,cleanliness"},
            {"Een sportveld voor de jeugd.", "leisure_sport,youth"},
            {UNLIT, "safety"},
    };

    /** Later answers about feeling unsafe, which analysts code carefully: what a better version learns from. */
    static final String[][] ROUND_TWO = {
            {"Geen verlichting in onze straat, het is onveilig.", "safety"},
            {"Geen verlichting aan het station, het is onveilig.", "safety"},
            {"Te weinig verlichting 's avonds, onveilig.", "safety"},
            {"Slechte verlichting in het park, het is onveilig.", "safety,green_space"},
            {"Geen verlichting op het plein, ik voel me onveilig.", "safety"},
            {"De straatlampen zijn kapot, het is onveilig.", "safety"},
            {"Geen licht 's avonds in de steeg, onveilig.", "safety"},
            {"Betere verlichting 's avonds, nu is het onveilig.", "safety"},
            {"Geen verlichting bij de school, het is onveilig.", "safety,children_school"},
            {"Het is 's avonds donker en onveilig.", "safety"},
            {"Geen verlichting op het fietspad, onveilig.", "safety,traffic_mobility"},
            {"Zonder verlichting is het hier 's avonds onveilig.", "safety"},
    };

    @TempDir
    static Path dataDir;
    static Harness service;
    static Api api;
    static final Map<String, String> ids = new HashMap<>();
    static Map<String, List<String>> undecidedBefore;

    @BeforeAll
    static void start() {
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.coding.retrain-after", "1000"); // retraining only when the analyst asks
        // The answers are Dutch: training on the Dutch seed examples alone keeps the rule's verdicts and takes a
        // fraction of the time of every seed language (this class was the slowest of the suite); two threads
        // because nothing else runs in this service.
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.threads", "2");
        p.put("buurtstem.saturation.rebuild-delay", "50ms");
        service = Harness.start(p);
        api = new Api(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void aWorseVersionIsKeptAsideAndUndecidedAnswersKeepTheirThemes() {
        Instant t = Instant.now();
        for (int i = 0; i < ROUND_ONE.length; i++) {
            ids.put(ROUND_ONE[i][0], Api.simulate(service, "sim-prom-" + i, Q, ROUND_ONE[i][0], "noord", t.plusMillis(i)));
        }
        Harness.await("all coded", WAIT, () -> ids.values().stream().allMatch(id -> Api.coded(service, id)));
        int made = decide(ROUND_ONE, 13);
        assertEquals(13, made);
        undecidedBefore = undecided();
        assertEquals(ROUND_ONE.length - 10, undecidedBefore.size(), undecidedBefore.toString());
        assertTrue(undecidedBefore.get(UNLIT).contains("safety"), "the keywords code it as safety: " + undecidedBefore);

        JsonNode v1 = retrainAndAwait(1);
        System.out.println("version 1: " + v1.path("promotion").path("reason").asString());
        // nothing re-coded: every undecided answer keeps the codes of the keyword coder
        Map<String, List<String>> after = undecided();
        assertTrue(after.get(UNLIT).contains("safety"), after.toString());
        assertEquals(undecidedBefore, after);
        for (String text : after.keySet()) {
            assertEquals(0, model(text), text);
        }
        assertEquals(0, models().path("current_model").asInt());

        assertEquals("not_promoted", v1.path("status").asString(), v1.toString());
        JsonNode rule = v1.path("promotion");
        assertEquals("keep", rule.path("decision").asString(), rule.toString());
        assertEquals(0, rule.path("compared_with").asInt(), "compared with the keyword coder in use");
        assertEquals(10, rule.path("held_out_answers").asInt(), "the analysed answers, each held out of a fold");
        double mine = rule.path("scores").path("microF1").asDouble();
        double inUse = rule.path("compared_scores").path("microF1").asDouble();
        assertTrue(mine < inUse, rule.toString());
        assertTrue(rule.path("reason").asString().contains(String.format(java.util.Locale.ROOT,
                "micro F1 %.3f against %.3f", mine, inUse)), rule.toString());
        assertTrue(rule.path("reason").asString().contains("worse than the keyword coder"), rule.toString());

        String fresh = Api.simulate(service, "sim-prom-new", Q, "Het is hier 's nachts onveilig.", "zuid", Instant.now());
        Harness.await("new answer coded", WAIT, () -> Api.coded(service, fresh));
        assertEquals(0, Api.answer(service, fresh).get("coding", org.bson.Document.class).getInteger("model"),
                "a new answer is coded by the coder in use, not by the version kept aside");
        ids.put("Het is hier 's nachts onveilig.", fresh);
    }

    @Test
    @Order(2)
    void anAnalystPromotesTheKeptVersionAndItReCodes() throws Exception {
        assertEquals(403, api.post("/api/analyst/models/1/promote", null, "").status());
        Api.Reply r = api.post("/api/analyst/models/1/promote", ANALYST, "");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().path("promoted").asInt());
        assertEquals(0, r.json().path("previous").asInt());
        awaitRecodedWith(1);
        assertEquals("in_use", version(1).path("status").asString());
        Map<String, List<String>> after = undecided();
        assertEquals(expectedCodes(1, after.keySet()), after, "re-coded with version 1");
        long changed = undecidedBefore.keySet().stream().filter(t -> !undecidedBefore.get(t).equals(after.get(t))).count();
        System.out.printf("version 1 changed %d of %d undecided answers; \"%s\" now %s%n", changed,
                undecidedBefore.size(), UNLIT, after.get(UNLIT));
        assertNotEquals(undecidedBefore, withoutFresh(after), "version 1 codes differently: the test shows a change");
    }

    @Test
    @Order(3)
    void aBetterVersionGoesIntoUseByItselfAndReCodes() throws Exception {
        Instant t = Instant.now();
        for (int i = 0; i < ROUND_TWO.length; i++) {
            ids.put(ROUND_TWO[i][0], Api.simulate(service, "sim-prom2-" + i, Q, ROUND_TWO[i][0], "zuid", t.plusMillis(i)));
        }
        Harness.await("all coded", WAIT, () -> ids.values().stream().allMatch(id -> Api.coded(service, id)));
        decide(ROUND_TWO, 1000);
        JsonNode v2 = retrainAndAwait(2);
        System.out.println("version 2: " + v2.path("promotion").path("reason").asString());
        JsonNode rule = v2.path("promotion");
        assertEquals("promote", rule.path("decision").asString(), rule.toString());
        assertEquals(1, rule.path("compared_with").asInt(), "compared with version 1, in use");
        assertEquals(ROUND_TWO.length, rule.path("held_out_answers").asInt(),
                "only the answers version 1 did not learn from");
        assertTrue(rule.path("scores").path("microF1").asDouble()
                > rule.path("compared_scores").path("microF1").asDouble(), "strictly better here: " + rule);
        assertEquals("in_use", v2.path("status").asString());
        assertEquals("promoted", version(1).path("status").asString());
        awaitRecodedWith(2);
        Map<String, List<String>> after = undecided();
        assertEquals(expectedCodes(2, after.keySet()), after, "re-coded with version 2");
    }

    @Test
    @Order(4)
    void analystsRollBackToAnEarlierVersionAndToTheKeywords() throws Exception {
        Api.Reply back = api.post("/api/analyst/models/1/promote", ANALYST, "");
        assertEquals(200, back.status(), back.body());
        assertEquals(2, back.json().path("previous").asInt());
        awaitRecodedWith(1);
        assertEquals(expectedCodes(1, undecided().keySet()), undecided());
        assertEquals("promoted", version(2).path("status").asString());

        Api.Reply keywords = api.post("/api/analyst/models/0/promote", ANALYST, "");
        assertEquals(200, keywords.status(), keywords.body());
        awaitRecodedWith(0);
        Map<String, List<String>> after = undecided();
        assertEquals(undecidedBefore, withoutFresh(after), "the keyword coder's codes again");
        assertTrue(after.get(UNLIT).contains("safety"));

        List<Api.Reply> bad = List.of(api.post("/api/analyst/models/0/promote", ANALYST, ""),
                api.post("/api/analyst/models/9/promote", ANALYST, ""),
                api.post("/api/analyst/models/x/promote", ANALYST, ""),
                api.post("/api/analyst/models/-1/promote", ANALYST, ""));
        assertEquals(List.of(409, 404, 400, 400), bad.stream().map(Api.Reply::status).toList(), bad.toString());
        for (Api.Reply r : bad) {
            assertFalse(r.json().path("error").asString().isBlank(), r.body());
        }
        assertEquals(0, models().path("current_model").asInt());
    }

    // ---- as an analyst would: through the API ------------------------------------------------------------------

    /**
     * Reviews the answers in order, through the API: confirms the shown themes the analyst agrees with, removes the
     * others, adds the missing ones, until {@code max} decisions are made. Returns the decisions made.
     */
    static int decide(String[][] answers, int max) {
        int made = 0;
        for (String[] a : answers) {
            if (made >= max) {
                break;
            }
            String id = ids.get(a[0]);
            Set<String> gold = Set.of(a[1].split(","));
            List<String> shown = themes(api.get("/api/analyst/answers/" + api.ref(id), ANALYST).json());
            List<String[]> todo = new ArrayList<>();
            for (String theme : shown) {
                todo.add(new String[]{gold.contains(theme) ? "confirm" : "remove", theme});
            }
            for (String theme : gold) {
                if (!shown.contains(theme)) {
                    todo.add(new String[]{"add", theme});
                }
            }
            for (String[] d : todo) {
                if (made >= max) {
                    break;
                }
                Api.Reply r = api.decide(ANALYST, id, d[0], d[1]);
                assertEquals(201, r.status(), r.body());
                made++;
            }
        }
        return made;
    }

    static JsonNode retrainAndAwait(int version) {
        Api.Reply retrain = api.post("/api/analyst/retrain", ANALYST, "");
        assertEquals(202, retrain.status(), retrain.body());
        long t0 = System.nanoTime();
        Harness.await("model version " + version, TRAINING, () -> {
            JsonNode m = models();
            return m.path("models").size() == version && !m.path("training").asBoolean();
        });
        System.out.printf("version %d trained and judged in %.1f s%n", version, (System.nanoTime() - t0) / 1e9);
        JsonNode m = models();
        assertTrue(m.path("last_error").isNull(), m.toString());
        return version(version);
    }

    static JsonNode models() {
        Api.Reply r = api.get("/api/analyst/models", ANALYST);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static JsonNode version(int v) {
        for (JsonNode m : models().path("models")) {
            if (m.path("version").asInt() == v) {
                return m;
            }
        }
        throw new AssertionError("no version " + v + " listed");
    }

    /** The undecided answers of the questionnaire (text → themes), as the analyst API lists them. */
    static Map<String, List<String>> undecided() {
        JsonNode page = api.get("/api/analyst/answers?questionnaire=" + Q + "&unconfirmed=true&size=200", ANALYST).json();
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode a : page.path("answers")) {
            out.put(a.path("text").asString(), themes(a));
        }
        return out;
    }

    static Map<String, List<String>> withoutFresh(Map<String, List<String>> m) {
        Map<String, List<String>> out = new HashMap<>(m);
        out.remove("Het is hier 's nachts onveilig.");
        return out;
    }

    static List<String> themes(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("themes").forEach(t -> out.add(t.asString()));
        return out;
    }

    static int model(String text) {
        return Api.answer(service, ids.get(text)).get("coding", org.bson.Document.class).getInteger("model");
    }

    static void awaitRecodedWith(int version) {
        Harness.await("undecided answers re-coded with version " + version, WAIT,
                () -> undecided().keySet().stream().allMatch(text -> model(text) == version));
    }

    /** What a version codes on these answers, straight from its model file (0: the keyword coder). */
    static Map<String, List<String>> expectedCodes(int version, Set<String> texts) throws Exception {
        Coders coders = Coders.bundled();
        AnswerCoder coder = version == 0 ? coders.current().coder() : new AnswerCoder(coders.pipeline(),
                ModelStore.load(dataDir.resolve("models/model-" + version + ".zip")).coder());
        Map<String, List<String>> out = new HashMap<>();
        for (String text : texts) {
            Answer a = new Answer("x", text, "x", "wish", "nl", null, Map.of(), null, Map.of(), false);
            out.put(text, List.copyOf(new LinkedHashSet<>(coder.code(a).coding().themes())));
        }
        return out;
    }
}
