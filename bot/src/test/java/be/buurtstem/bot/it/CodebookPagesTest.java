package be.buurtstem.bot.it;

import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.codebook.CodebookService;
import be.buurtstem.bot.service.codebook.EffectiveCodebook;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.Learning;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' codebook page over HTTP (PageClient: cookies, the form's CSRF token, no redirects followed), on the
 * real service with its embedded store and a tiny training (5 iterations on 86 seed examples): coded answers are
 * counted per theme; a theme is added (after a form full of mistakes is refused with every mistake named), renamed in
 * French (its id stays), merged (codes and decisions relabelled) and split (answers marked for the review queue);
 * each add, merge and split retrains the coder, which the page then says. A page left open while someone else edited
 * is refused with 409; a merge a stop left halfway is finished at the next start. Every edit is audited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CodebookPagesTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration TRAINING = Duration.ofMinutes(3);
    static final String PW = "codeboek-test-wachtwoord";
    static final String[][] ANSWERS = {
            {"r1", "Veel lawaai 's nachts van de buren."},
            {"r2", "Het lawaai van de vrachtwagens."},
            {"r3", "De huur is veel te duur."},
            {"r4", "Ik voel me niet veilig op straat."},
            {"r5", "Meer bomen en groen in de straat."},
    };

    @TempDir
    static Path dataDir;
    static Harness service;
    static PageClient anna;

    @BeforeAll
    static void start() {
        Map<String, Object> p = Harness.properties(dataDir, null);
        tinyTraining(p);
        service = Harness.start(p);
        PageUsers.create(service, "anna", PW, Role.ANALYST);
        PageUsers.create(service, "olga", PW, Role.ORGANISER);
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        for (String[] a : ANSWERS) {
            Api.simulate(service, a[0], "buurt", a[1], "noord", t);
            t = t.plusSeconds(60);
        }
        Harness.await("answers coded", WAIT, () -> List.of(ANSWERS).stream()
                .allMatch(a -> Api.coded(service, a[0] + ":buurt:1:wish:0")));
        anna = new PageClient(service, "nl");
        assertEquals("/", anna.signIn("anna", PW).redirect());
    }

    /**
     * Trainings small enough for a test on a busy machine: one training of 5 iterations on the 86 Latin-script
     * Arabic seeds, no cross-validation (so the promotion rule keeps each version aside and nothing is re-coded
     * meanwhile: the keyword coder's codes stay what the test expects).
     */
    static void tinyTraining(Map<String, Object> p) {
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.coding.retrain-after", "1000");
        p.put("buurtstem.coding.folds", "0");
        p.put("buurtstem.coding.iterations", "5");
        p.put("buurtstem.coding.seed-languages", "ar-Latn");
        p.put("buurtstem.saturation.rebuild-delay", "50ms");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static String id(String respondent) {
        return respondent + ":buurt:1:wish:0";
    }

    static List<String> codes(String respondent) {
        Document d = Api.answer(service, id(respondent));
        return d.getList("codes", Document.class).stream().map(c -> c.getString("theme")).toList();
    }

    static int seen() {
        return service.context.getBean(EffectiveCodebook.class).reload().editVersion();
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        m.putIfAbsent("seen", String.valueOf(seen()));
        return m;
    }

    static Document lastAudit(String type) {
        return service.db().getCollection("audit").find(eq("type", type)).sort(new Document("at", -1)).first();
    }

    /** The page's coder part names the retraining {@code why} (running now, next, or the last one trained). */
    static void retrainingShown(String why) {
        String page = anna.get("/analyst/codebook").body();
        String coder = page.substring(page.indexOf("id=\"coder\""), page.indexOf("id=\"themes-title\""));
        assertTrue(coder.contains(why + ")"), coder);
        assertTrue(coder.contains("De codeerder leert nu opnieuw") || coder.contains("Meteen daarna leert")
                || coder.contains("werd getraind op"), coder);
    }

    /** Waits for the retraining an edit started, then reads the page that tells about it. */
    static String afterTraining(String why) {
        Learning learning = service.context.getBean(Learning.class);
        Harness.await("a retraining for '" + why + "'", TRAINING, () -> learning.lastTrained() != null
                && learning.lastTrained().why().contains(why) && !learning.running());
        return anna.get("/analyst/codebook").body();
    }

    @Test
    @Order(1)
    void theThemesWithTheirNamesInEveryLanguageAndTheirCounts() {
        PageClient.Page page = anna.get("/analyst/codebook");
        assertEquals(200, page.status());
        String html = page.body();
        assertTrue(html.contains("<h1>Codeboek</h1>"), "in Dutch");
        assertTrue(html.contains("Geluidsoverlast") || html.contains("Lawaai"), html);
        assertTrue(html.contains("value=\"Green and play space\""), "the English name in its box");
        assertTrue(html.contains("lang=\"ar\" dir=\"rtl\""), "Arabic boxes right to left");
        assertTrue(html.matches("(?s).*id=\"row-noise\".*<td class=\"number coded\">2</td>.*"),
                "two answers coded with noise");
        PageClient olga = new PageClient(service, "nl");
        olga.signIn("olga", PW);
        assertEquals(403, olga.get("/analyst/codebook").status(), "organisers may not open it");
        assertTrue(anna.get("/analyst/codebook?lang=fr").body().contains("<h1>Livre de codes</h1>"));
        assertTrue(anna.get("/analyst/codebook?lang=en").body().contains("<h1>Codebook</h1>"));
        anna.get("/analyst/codebook?lang=nl");
    }

    @Test
    @Order(2)
    void aFormWithMistakesIsRefusedWithEveryMistakeNamed() {
        PageClient.Page bad = anna.post("/analyst/codebook/themes", form("id", "Straat Licht", "label_nl", "",
                "description_fr", "x".repeat(400)));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Er is niets bewaard"), bad.body());
        assertTrue(bad.body().contains("Gebruik alleen kleine letters, cijfers en _"));
        assertTrue(bad.body().contains("Geef een naam in minstens één taal."));
        assertTrue(bad.body().contains("Houd het bij één regel van hoogstens 300 tekens."));
        assertTrue(bad.body().contains("value=\"Straat Licht\""), "what was typed stays in the box");
        PageClient.Page taken = anna.post("/analyst/codebook/themes", form("id", "noise", "label_nl", "Lawaai"));
        assertEquals(400, taken.status());
        assertTrue(taken.body().contains("Er is al een thema noise"));
        PageClient.Page sameMerge = anna.post("/analyst/codebook/merge", form("theme", "noise", "into", "noise"));
        assertEquals(400, sameMerge.status());
        assertTrue(sameMerge.body().contains("Kies twee verschillende thema’s."));
        PageClient.Page unknown = anna.post("/analyst/codebook/merge", form("theme", "nope", "into", ""));
        assertTrue(unknown.body().contains("Er is geen thema nope (meer).") && unknown.body().contains("Kies een thema."));
        assertEquals(404, anna.post("/analyst/codebook/themes/nope/texts", form("label_nl", "x")).status());
        PageClient.Page noParts = anna.post("/analyst/codebook/themes/housing/split", form());
        assertEquals(400, noParts.status());
        assertTrue(noParts.body().contains("Geef minstens één nieuw thema"));
        assertEquals(0, service.db().getCollection("codebooks").countDocuments(), "nothing stored");
        // a forged form (no CSRF token) is refused before it reaches the page
        assertEquals(403, anna.postRaw("/analyst/codebook/themes", Map.of("id", "forged", "label_nl", "x",
                "seen", "0")).status());
        assertEquals(0, service.db().getCollection("codebooks").countDocuments());
    }

    @Test
    @Order(3)
    void addingAThemeRetrainsTheCoder() {
        PageClient.Page r = anna.post("/analyst/codebook/themes", form("id", "street_lighting",
                "label_nl", "Straatverlichting", "label_ar", "إنارة الشوارع", "description_nl", "Lantaarns en licht."));
        assertEquals(302, r.status(), r.body());
        assertEquals("/analyst/codebook#saved", r.redirect());
        String shown = anna.get(r.redirect()).body();
        assertTrue(shown.contains("Thema street_lighting is toegevoegd."), shown);
        assertTrue(shown.contains("De codeerder leert opnieuw"));
        assertTrue(shown.contains("value=\"إنارة الشوارع\""));
        Document audit = lastAudit("codebook_theme_added");
        assertNotNull(audit);
        assertEquals("anna", audit.get("details", Document.class).getString("by"));
        String after = afterTraining("street_lighting added");
        assertTrue(after.matches("(?s).*Modelversie \\d+ werd getraind op .*street_lighting added.*"), after);
        assertTrue(after.contains("Ze wordt opzijgezet: "), "the rule's verdict, in words");
        assertTrue(service.context.getBean(Coders.class).codebook().themeIds().contains("street_lighting"),
                "the coder uses the new codebook");
    }

    @Test
    @Order(4)
    void renamingInFrenchKeepsTheIdAndAStalePageIsRefused() {
        int before = seen();
        PageClient.Page r = anna.post("/analyst/codebook/themes/noise/texts", form("label_fr", "Bruit et tapage",
                "description_en", "Noise from neighbours, traffic and bars."));
        assertEquals(302, r.status(), r.body());
        String fr = anna.get("/analyst/codebook?lang=fr").body();
        assertTrue(fr.matches("(?s).*id=\"row-noise\".*Bruit et tapage.*"), "the new French name, same id");
        anna.get("/analyst/codebook?lang=nl");
        assertTrue(codes("r1").contains("noise"), "past codes untouched by a rename: " + codes("r1"));
        Document audit = lastAudit("codebook_theme_texts_changed");
        assertEquals(List.of("fr"), audit.get("details", Document.class).getList("labels", String.class));
        // a page that still shows the version before the rename
        PageClient.Page stale = anna.post("/analyst/codebook/themes/noise/texts", Map.of("label_fr", "Bruit",
                "seen", String.valueOf(before)));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Iemand anders veranderde het codeboek"));
        assertTrue(service.context.getBean(EffectiveCodebook.class).current().edited().theme("noise").label()
                .get("fr").equals("Bruit et tapage"), "not overwritten");
    }

    @Test
    @Order(5)
    void mergingRelabelsPastCodesAndDecisionsAndRetrains() {
        // a decision recorded as the review queue records it: through the DecisionStore
        var decisions = service.context.getBean(be.buurtstem.bot.service.coding.DecisionStore.class);
        var record = service.store().answerRepository().find(id("r2")).orElseThrow();
        decisions.record(record, new be.buurtstem.analysis.coding.AnalystDecision(id("r2"), "noise",
                be.buurtstem.analysis.coding.AnalystDecision.Action.CONFIRM, "anna", Instant.now()));
        PageClient.Page r = anna.post("/analyst/codebook/merge", form("theme", "noise", "into", "safety"));
        assertEquals(302, r.status(), r.body());
        String shown = anna.get(r.redirect()).body();
        assertTrue(shown.contains("Thema noise is samengevoegd: 2 gecodeerde antwoorden en 1 beslissingen"), shown);
        for (String r1r2 : List.of("r1", "r2")) {
            assertTrue(codes(r1r2).contains("safety") && !codes(r1r2).contains("noise"), codes(r1r2).toString());
        }
        assertEquals("safety", decisions.forAnswer(id("r2")).getFirst().theme());
        assertFalse(shown.contains("id=\"row-noise\""), "noise left the list");
        assertTrue(shown.matches("(?s).*id=\"row-safety\".*<td class=\"number coded\">3</td>.*"), "r1, r2, r4");
        assertTrue(shown.contains("noise ging op in"));
        Document audit = lastAudit("codebook_themes_merged").get("details", Document.class);
        assertEquals("safety", audit.getString("into"));
        assertEquals(2L, ((Number) audit.get("answers_relabelled")).longValue());
        assertTrue(service.db().getCollection("codebooks").find(eq("kind", "merge")).first().getBoolean("done"));
        retrainingShown("noise merged into safety");
        // answers coded from now on never carry the merged theme, whichever model is in use
        Api.simulate(service, "r6", "buurt", "Altijd lawaai en herrie in de straat.", "noord", Instant.now());
        Harness.await("r6 coded", WAIT, () -> Api.coded(service, id("r6")));
        assertFalse(codes("r6").contains("noise"), codes("r6").toString());
    }

    @Test
    @Order(6)
    void splittingMarksAnswersForTheReviewQueue() {
        PageClient.Page r = anna.post("/analyst/codebook/themes/housing/split", form("part1_id", "rent",
                "part1_label", "Huurprijs", "part2_id", "housing_quality", "part2_label", "Vocht en herstellingen"));
        assertEquals(302, r.status(), r.body());
        String shown = anna.get(r.redirect()).body();
        assertTrue(shown.contains("housing is gesplitst: 1 antwoorden"), shown);
        assertTrue(shown.contains("1 antwoord om opnieuw te bekijken"));
        assertTrue(shown.contains("Gesplitst in: rent, housing_quality"));
        assertTrue(codes("r3").contains("housing"), "the code stays until reviewed: " + codes("r3"));
        assertEquals("housing", Api.answer(service, id("r3")).get("review", Document.class).getString("theme"));
        assertEquals(List.of(id("r3")), service.store().themeRelabels().idsMarkedForReview());
        // the review queue offers it first, decided on before or not
        PageClient.Page queue = anna.get("/analyst/review/queue");
        assertEquals(200, queue.status(), queue.body());
        var first = Api.JSON.readTree(queue.body()).path("answers").path(0);
        assertEquals("De huur is veel te duur.", first.path("text").asText(),
                "the answer to look at again comes first: " + queue.body());
        // skipping it leaves it waiting: the count is the same, the queue leaves it out
        long waiting = Api.JSON.readTree(queue.body()).path("waiting").asLong();
        assertTrue(waiting >= Api.JSON.readTree(queue.body()).path("answers").size(), queue.body());
        PageClient.Page skipped = anna.get("/analyst/review/queue?skip=" + first.path("ref").asText());
        assertEquals(waiting, Api.JSON.readTree(skipped.body()).path("waiting").asLong(), skipped.body());
        assertFalse(skipped.body().contains("De huur is veel te duur."), skipped.body());
        retrainingShown("housing split into rent, housing_quality");
    }

    @Test
    @Order(7)
    void aMergeAStopLeftHalfwayIsFinishedAtTheNextStart() {
        // as if the service stopped right after storing the edit: nothing relabelled yet, not done
        int v = seen();
        service.store().codebooks().append(v, new CodebookEdit.Merge("green_space", "safety"), "anna",
                Instant.now(), false);
        assertTrue(codes("r5").contains("green_space"), codes("r5").toString());
        assertEquals(1, service.context.getBean(CodebookService.class).finishPending());
        assertTrue(codes("r5").contains("safety") && !codes("r5").contains("green_space"), codes("r5").toString());
        assertTrue(service.db().getCollection("codebooks").find(eq("_id", v + 1)).first().getBoolean("done"));
        assertEquals(0, service.context.getBean(CodebookService.class).finishPending(), "nothing left");
        assertFalse(service.context.getBean(Coders.class).codebook().themeIds().contains("green_space"));
    }
}
