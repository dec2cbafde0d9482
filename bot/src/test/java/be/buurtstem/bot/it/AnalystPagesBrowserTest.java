package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' review queue in a real headless browser, with the keyboard only: the least certain answer comes
 * first; a digit switches a theme off, a adds one by typing, Enter confirms, s skips, u takes back; every decision is
 * stored with the signed-in analyst's name. After a few decisions the coder retrains (small training: 2 folds,
 * 10 iterations, the Arabic seed examples, the fewest) and the page says so; the models page shows the new version with its
 * scores and the promotion rule's verdict, and its button puts a version in use (audited with the name). Then the
 * answers page: filters, the Arabic answer right to left with its detected language, the reviewers' names.
 * Screenshots: {@code target/screenshots/pages-analyst-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("solo") // a retraining with a time limit: runs alone, see bot/pom.xml
class AnalystPagesBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String ANALYST = "anna";
    static final String PASSWORD = "een lang wachtwoord voor analisten";
    static final String ARABIC = "الحديقة متسخة جدا ونحتاج إلى المزيد من الأشجار في الشارع";
    /** Text, chosen language, area. */
    static final String[][] ANSWERS = {
            {"Het park is vuil en er ligt overal zwerfvuil.", "nl", "noord"},
            {"De huur is veel te duur voor ons gezin.", "nl", "noord"},
            {"Te veel auto's die veel te snel rijden in onze straat.", "nl", "zuid"},
            {"Meer bomen en groen in de straat graag.", "nl", "zuid"},
            {"Ik voel me 's avonds niet veilig op straat.", "nl", "noord"},
            {"Er is geen plek voor de jongeren om samen te komen.", "nl", "zuid"},
            {"De buren maken 's nachts veel lawaai.", "nl", "noord"},
            {"De bus komt veel te weinig.", "nl", "zuid"},
            {"Ouderen zijn eenzaam in deze wijk.", "nl", "noord"},
            {"Goedemorgen.", "nl", "zuid"},
            {ARABIC, "ar", "noord"},
            {"Le parc est sale et il y a des déchets partout.", "fr", "zuid"},
    };

    @TempDir
    static Path dataDir;
    static Harness service;
    static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.coding.retrain-after", "6");
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "10");
        p.put("buurtstem.coding.seed-languages", "ar"); // the fewest seed examples (128): a short training
        p.put("buurtstem.saturation.rebuild-delay", "50ms");
        service = Harness.start(p);
        PageUsers.create(service, ANALYST, PASSWORD, Role.ANALYST);
        Instant t0 = Instant.now().minusSeconds(3600);
        for (int i = 0; i < ANSWERS.length; i++) {
            ids.add(store("res-" + i, ANSWERS[i][0], ANSWERS[i][1], ANSWERS[i][2], t0.plusSeconds(i)));
        }
        Harness.await("every answer coded", WAIT, () -> ids.stream().allMatch(id -> Api.coded(service, id)));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** A resident's answer stored as the conversation stores it, then handed to the coder. */
    static String store(String respondent, String text, String language, String area, Instant at) {
        String id = StoredAnswer.idOf(respondent, "buurt", 1, "wish", 0);
        StoredAnswer answer = new StoredAnswer(id, respondent, "buurt", 1, "wish", 0, "free_text", text, text, language,
                null, "wishes", Map.of("area", area), "telegram", at, at);
        service.context.getBean(Store.class).putAnswers(List.of(answer));
        service.context.getBean(CodingService.class).answerStored(answer);
        return id;
    }

    /** The top score the coder gave a stored answer (what the queue sorts on). */
    static double top(Document answer) {
        double top = 0;
        Document scores = answer.get("scores", Document.class);
        if (scores != null) {
            for (Object v : scores.values()) {
                top = Math.max(top, ((Number) v).doubleValue());
            }
        }
        return top;
    }

    static String textOf(String id) {
        return Api.answer(service, id).getString("text");
    }

    static List<Document> decisionsOn(String id) {
        return service.db().getCollection("codings").find(Filters.eq("answer", id)).into(new ArrayList<>());
    }

    static String idOfText(String text) {
        for (String id : ids) {
            if (textOf(id).equals(text)) {
                return id;
            }
        }
        throw new AssertionError("no stored answer with the text " + text);
    }

    static void keys(Browser b, CharSequence... keys) {
        new Actions(b.driver).sendKeys(keys).perform();
    }

    static String shownText(Browser b) {
        return b.find("#text").getText();
    }

    /** Waits until the card shows another answer than {@code before}. */
    static void awaitOther(Browser b, String before) {
        b.waiting().until(d -> {
            WebElement card = d.findElement(By.id("card"));
            return !card.isDisplayed() || !d.findElement(By.id("text")).getText().equals(before);
        });
    }

    @Test
    @Order(1)
    void theReviewQueueWithTheKeyboardStoresWhoDecidedAndRetrains() {
        // the least certain answer, as the store holds the coder's scores
        String leastSure = ids.stream().min(java.util.Comparator.comparingDouble(id -> top(Api.answer(service, id))))
                .map(AnalystPagesBrowserTest::textOf).orElseThrow();
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn(ANALYST, PASSWORD);
            b.go("/analyst/review");
            b.waiting().until(d -> d.findElement(By.id("card")).isDisplayed());
            assertEquals(leastSure, shownText(b), "the least certain answer first");
            assertTrue(b.mainText().contains("Nog te beoordelen: 12"), b.mainText());
            b.screenshot("analyst-review-first");

            // 1. the first answer: switch on the first theme offered, add "housing" by typing, confirm
            String first = shownText(b);
            String firstId = idOfText(first);
            WebElement one = b.find("#candidates li:first-child button");
            String firstTheme = one.getAttribute("data-theme");
            boolean wasOn = "true".equals(one.getAttribute("aria-pressed"));
            keys(b, "1");
            b.waiting().until(d -> !String.valueOf(wasOn).equals(
                    d.findElement(By.cssSelector("#candidates li:first-child button")).getAttribute("aria-pressed")));
            keys(b, "a");
            b.waiting().until(d -> d.findElement(By.id("add-theme")).isDisplayed());
            keys(b, "housing", Keys.ENTER);
            b.waiting().until(d -> !d.findElements(By.cssSelector("#candidates button[data-theme=housing][aria-pressed=true]"))
                    .isEmpty());
            b.screenshot("analyst-review-chosen");
            keys(b, Keys.ENTER);
            awaitOther(b, first);
            assertTrue(b.find("#said").getText().startsWith("Bewaard"), b.find("#said").getText());
            List<Document> decided = decisionsOn(firstId);
            assertFalse(decided.isEmpty(), "decisions stored");
            for (Document d : decided) {
                assertEquals(ANALYST, d.getString("analyst"), "stored with the signed-in analyst: " + d.toJson());
                assertNotNull(d.getDate("at"));
            }
            assertTrue(decided.stream().anyMatch(d -> d.getString("theme").equals("housing")
                    && d.getString("action").equals("add")), decided.toString());
            if (!wasOn) {
                assertTrue(decided.stream().anyMatch(d -> d.getString("theme").equals(firstTheme)), decided.toString());
            }

            // 2. u takes the review back: the decisions are gone and the answer is shown again; Enter stores it anew
            keys(b, "u");
            b.waiting().until(d -> d.findElement(By.id("text")).getText().equals(first));
            Harness.await("decisions taken back", WAIT, () -> decisionsOn(firstId).isEmpty());
            keys(b, Keys.ENTER);
            awaitOther(b, first);
            Harness.await("reviewed again", WAIT, () -> !decisionsOn(firstId).isEmpty());

            // 3. s skips: nothing stored for the skipped answer
            String skipped = shownText(b);
            keys(b, "s");
            awaitOther(b, skipped);
            assertTrue(decisionsOn(idOfText(skipped)).isEmpty(), "a skipped answer has no decision");

            // 4. Enter on the next answers until the coder retrains; the page tells when the new version is there
            for (int i = 0; i < 7 && b.find("#card").isDisplayed(); i++) {
                String shown = shownText(b);
                keys(b, Keys.ENTER);
                awaitOther(b, shown);
            }
            b.waiting().withTimeout(Duration.ofSeconds(180)).until(d -> {
                String line = d.findElement(By.id("learning")).getText();
                // with a fast training a second one may follow the first before the page is read: the line names
                // the newest version trained
                return line.matches("(?s).*Versie \\d+ is getraind.*");
            });
            b.screenshot("analyst-review-trained");
        }
        assertEquals(service.db().getCollection("codings").countDocuments(),
                service.db().getCollection("codings").countDocuments(Filters.eq("analyst", ANALYST)),
                "every decision names the analyst");
        assertTrue(service.db().getCollection("audit").countDocuments(Filters.and(Filters.eq("type", "analyst_decision"),
                Filters.eq("details.by", ANALYST))) > 0, "decisions audited with the analyst");
    }

    @Test
    @Order(2)
    void theModelsPageShowsTheNewVersionTheVerdictAndPutsAVersionInUse() {
        Document v1 = service.db().getCollection("models").find(Filters.eq("_id", 1)).first();
        assertNotNull(v1, "version 1 stored");
        Document promotion = v1.get("promotion", Document.class);
        boolean promoted = "promote".equals(promotion.getString("decision"));
        try (Browser b = Browser.open(service.baseUrl(), "nl", "1280,1400")) {
            b.signIn(ANALYST, PASSWORD);
            b.go("/analyst/models");
            String page = b.mainText();
            assertTrue(page.contains("Versie 1"), page);
            assertTrue(page.contains("Trefwoordcodeerder"), page);
            // version 1's column (versions are listed newest first: a later retraining may stand before it)
            List<WebElement> heads = b.find("table.versions thead tr").findElements(By.cssSelector("th[data-version]"));
            int col = -1;
            for (int i = 0; i < heads.size(); i++) {
                if ("1".equals(heads.get(i).getAttribute("data-version"))) {
                    col = i;
                }
            }
            assertTrue(col >= 0, "a column for version 1: " + page);
            String verdict = b.find("table.versions tr.verdicts").findElements(By.cssSelector("td")).get(col).getText();
            if (promotion.get("scores") == null) {
                assertTrue(verdict.startsWith("Opzij gehouden: maar"), verdict);
            } else {
                assertTrue(verdict.startsWith(promoted ? "In gebruik genomen: op" : "Opzij gehouden: op"), verdict);
                assertTrue(verdict.contains(String.format(Locale_NL, "%.2f",
                        promotion.get("scores", Document.class).getDouble("microF1"))), verdict);
            }
            // a second retraining may have followed: the version in use is the newest the rule put in use, if any
            int inUse = 0;
            for (Document m : service.db().getCollection("models").find()) {
                Document p = m.get("promotion", Document.class);
                if (p != null && "promote".equals(p.getString("decision"))) {
                    inUse = Math.max(inUse, ((Number) m.get("_id")).intValue());
                }
            }
            assertTrue(b.find("#in-use").getText().startsWith(inUse > 0 ? "Versie " + inUse
                    + " is in gebruik: de promotieregel" : "De trefwoordcodeerder is in gebruik"),
                    b.find("#in-use").getText());
            b.screenshot("analyst-models");

            // the button: put the other one in use (version 1 when kept aside, else back to the keywords)
            int target = promoted ? 0 : 1;
            b.find("form[action$='/analyst/models/" + target + "/promote'] button").click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/analyst/models")
                    && !d.findElements(By.cssSelector(".notice.good")).isEmpty());
            String why = b.find("#in-use").getText();
            assertTrue(why.contains(ANALYST + " nam ze in gebruik"), why);
            b.screenshot("analyst-models-promoted");
        }
        Document audit = service.db().getCollection("audit").find(Filters.eq("type", "model_promoted")).first();
        assertNotNull(audit, "the promotion is audited");
        assertEquals(ANALYST, audit.get("details", Document.class).getString("by"));
    }

    static final java.util.Locale Locale_NL = java.util.Locale.of("nl");

    @Test
    @Order(3)
    void theAnswersPageFiltersAndShowsArabicRightToLeft() {
        try (Browser b = Browser.open(service.baseUrl(), "fr", "1280,1400")) {
            b.signIn(ANALYST, PASSWORD);
            b.go("/analyst/answers");
            assertTrue(b.mainText().contains("12 réponses"), b.mainText());
            b.go("/analyst/answers?detected=ar");
            WebElement text = b.find("blockquote.answer-text");
            assertEquals(ARABIC, text.getText());
            assertEquals("rtl", text.getAttribute("dir"));
            assertEquals("ar", text.getAttribute("lang"));
            assertTrue(b.mainText().contains("détectée ar"), b.mainText());
            b.screenshot("analyst-answers-arabic");
            b.go("/analyst/answers?reviewed=yes");
            String reviewed = b.mainText();
            assertTrue(reviewed.contains("(" + ANALYST + ")"), reviewed);
            long decided = service.db().getCollection("codings").distinct("answer", String.class).into(new ArrayList<>())
                    .size();
            assertTrue(reviewed.contains(decided + " réponses"), decided + " in " + reviewed);
            b.screenshot("analyst-answers-reviewed");
            b.go("/analyst/answers?segment=area%3Dzuid&theme=housing&reviewed=no");
            for (WebElement li : b.driver.findElements(By.cssSelector("li.answer"))) {
                assertTrue(li.getText().contains("Logement") || li.getText().contains("housing"), li.getText());
            }
            b.go("/analyst/answers?min=150");
            assertTrue(b.find(".notice.error").getText().contains("« 150 » n’est pas une certitude"),
                    b.mainText());
            b.screenshot("analyst-answers-refused");
        }
    }
}
