package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisers' saturation page in a real headless browser, on the real engine: three residents answer the open
 * question of {@code straat} through the fake Telegram server and are coded; the page says "too few answers yet" and
 * draws the curve. Then many more coded answers (stored as the conversation stores them, coded by the service's
 * coder) make it say "we now mostly hear the same themes" with the why and the estimate; the organiser enters the
 * neighbourhood's make-up (first with mistakes, refused with plain messages), and the page names the silent and
 * under-represented groups. In French the same, and a changed threshold takes effect at once and is audited.
 * The answers' text never appears on the pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaturationBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String USER = "buurtwerker";
    static final String PASSWORD = "verzadiging-test-wachtwoord";
    static final String TALL = "1280,3200";
    static final String[] TEXTS = {
            "Het park is vuil en er ligt overal zwerfvuil.", "Te veel verkeer en auto's die te snel rijden.",
            "De huur is veel te duur voor ons.", "Meer bomen en groen in de straat."};

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        telegram = new FakeTelegram();
        Harness.copyResource("/questionnaires/straat.yaml", folder);
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.coding.tick-interval", "100ms");
        service = Harness.start(p, false);
        PageUsers.create(service, USER, PASSWORD, Role.ORGANISER);
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

    static void awaitText(long chat, String expected) {
        Harness.awaitText(telegram, chat, expected, WAIT);
    }

    static long codedAnswers() {
        return service.db().getCollection("answers").countDocuments(com.mongodb.client.model.Filters.and(
                eq("questionnaire", "straat"), eq("kind", "free_text"),
                com.mongodb.client.model.Filters.exists("coding", true)));
    }

    /** A resident's answer stored as the conversation stores it, then handed to the coder. */
    static void storeAnswer(String respondent, String text, String area, Instant at) {
        String id = respondent + ":straat:1:wish:0";
        StoredAnswer answer = new StoredAnswer(id, respondent, "straat", 1, "wish", 0, "free_text", text, text, "nl",
                null, "wishes", java.util.Map.of("area", area), "telegram", at, at);
        service.context.getBean(Store.class).putAnswers(List.of(answer));
        service.context.getBean(CodingService.class).answerStored(answer);
    }

    static void assertNoAnswerText(Browser b) {
        String html = b.driver.getPageSource();
        for (String t : TEXTS) {
            assertFalse(html.contains(t), "an answer's text on the organisers' page: " + t);
        }
        assertFalse(html.contains("zwerfvuil"), "an answer's words on the organisers' page");
    }

    @Test
    @Order(1)
    void residentsThroughTelegramGiveTooFewAnswersAndACurve() {
        for (int i = 0; i < 3; i++) {
            long chat = 8100 + i;
            telegram.text(chat, "/start straat", "nl");
            awaitText(chat, "Doet u mee");
            telegram.press(chat, "yes", "nl");
            awaitText(chat, "In welke wijk woont u?");
            telegram.press(chat, "noord", "nl");
            awaitText(chat, "Wat zou u veranderen in uw straat?");
            telegram.text(chat, TEXTS[i], "nl");
            awaitText(chat, "Bedankt voor uw antwoorden!");
        }
        Harness.await("three answers coded", WAIT, () -> codedAnswers() == 3);

        try (Browser b = Browser.open(service.baseUrl(), "nl", TALL)) {
            b.signIn(USER, PASSWORD);
            b.go("/organiser/saturation");
            String list = b.mainText();
            assertTrue(list.contains("Onze straat"), list);
            assertTrue(list.contains("Nog te weinig antwoorden"), list);
            b.driver.findElement(By.linkText("Onze straat")).click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/organiser/saturation/straat"));
            String page = b.mainText();
            assertTrue(page.contains("Nog te weinig antwoorden"), page);
            assertTrue(page.contains("We hoorden tot nu 3 bewoners"), page);
            assertTrue(page.contains("Vanaf 30 bewoners"), page);
            // the curve: an accessible SVG with a step line over three residents, and its data table
            WebElement svg = b.find("#curve ~ figure svg");
            assertEquals("img", svg.getAttribute("role"));
            assertTrue(b.find("#curve-all-desc").getAttribute("textContent").contains("Na 3 bewoners"),
                    b.find("#curve-all-desc").getAttribute("textContent"));
            assertFalse(svg.findElements(By.tagName("polyline")).isEmpty());
            assertTrue(b.find("table.curve-data").getText().contains("3"), b.find("table.curve-data").getText());
            // this is code saturation, said simply
            assertTrue(page.contains("Ze zegt niet of we begrijpen wat mensen ermee bedoelen"), page);
            assertTrue(page.contains("Vul hieronder de samenstelling van de buurt in"), page);
            assertNoAnswerText(b);
            b.screenshot("saturation-too-few-nl");
            // a questionnaire that does not exist: the plain not-found page, no stack trace
            b.go("/organiser/saturation/onbekend");
            assertTrue(b.mainText().contains("Deze pagina bestaat niet."), b.mainText());
        }
    }

    @Test
    @Order(2)
    void enoughAnswersGiveTheVerdictAndTheMakeUpNamesWhoWeHaveNotHeard() {
        Instant t0 = Instant.now();
        // 57 more residents: 52 from noord, 5 from zuid, the same four subjects over and over
        for (int i = 0; i < 57; i++) {
            storeAnswer("sim-verz-" + i, TEXTS[i % TEXTS.length], i % 11 == 5 ? "zuid" : "noord", t0.plusMillis(i));
        }
        Harness.await("sixty answers coded", WAIT, () -> codedAnswers() == 60);
        Harness.await("sixty counted", WAIT, () -> service.context.getBean(
                be.buurtstem.bot.service.saturation.SaturationService.class).saturationReport("straat")
                .map(r -> r.overall().respondents() == 60).orElse(false));

        try (Browser b = Browser.open(service.baseUrl(), "nl", TALL)) {
            b.signIn(USER, PASSWORD);
            b.go("/organiser/saturation/straat");
            String page = b.mainText();
            assertTrue(page.contains("We horen nu vooral dezelfde thema's"), page);
            assertTrue(page.contains("De laatste 20 bewoners brachten geen nieuw thema aan."), page);
            assertTrue(page.contains("We hoorden 4 thema's") || page.contains("We hoorden 5 thema's")
                    || page.contains("We hoorden 3 thema's"), page);
            assertTrue(page.contains("Per groep") && page.contains("Wijk"), page);
            // the alerts sent to the organisers' chat, here in the page's language
            assertTrue(b.find("#alerts").getText().contains("Buurtstem, straat: bij iedereen horen we nu dezelfde "
                    + "thema's terug"), b.find("#alerts").getText());
            // without the make-up only thin groups are named: zuid, 5 residents
            assertTrue(page.contains("Wijk: zuid: maar 5 bewoners tot nu; vanaf 30"), page);
            b.screenshot("saturation-saturated-nl");

            // the make-up with mistakes: refused, in plain words, nothing stored
            b.find("#mu_area").clear();
            b.find("#mu_area").sendKeys("noord 50 %\nzuid 30 %");
            b.find("#mu_language").clear();
            b.find("#mu_language").sendKeys("nl 40 %\nar -25 %\nfr 35 %");
            b.find("form[action*='/make-up'] button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("ul.errors")).isEmpty());
            String refused = b.mainText();
            assertTrue(refused.contains("Er werd niets bewaard"), refused);
            assertTrue(refused.contains("De percentages zijn samen 80 %, niet 100 %"), refused);
            assertTrue(refused.contains("Regel 2 (ar): een aandeel of een aantal inwoners kan niet negatief zijn."),
                    refused);
            assertEquals("noord 50 %\nzuid 30 %", b.find("#mu_area").getAttribute("value"), "what was typed stays");
            assertEquals(0, service.db().getCollection("saturation_settings").countDocuments());
            b.screenshot("saturation-make-up-refused-nl");

            // corrected: areas as numbers of inhabitants, languages as percentages
            b.find("#mu_area").clear();
            b.find("#mu_area").sendKeys("noord 5000\nzuid 3 000\nwest 2000");
            b.find("#mu_language").clear();
            b.find("#mu_language").sendKeys("nl 40 %\nar 25 %\nfr 35 %");
            b.find("form[action*='/make-up'] button[type=submit]").click();
            b.waiting().until(d -> d.getPageSource().contains("De samenstelling van de buurt is bewaard"));
            String who = b.find("#who").getText();
            assertTrue(who.contains("Wijk: west: nog niemand gehoord, terwijl ongeveer 20 % van de buurt"), who);
            assertTrue(who.contains("Wijk: zuid: 5 bewoners gehoord, waar we er ongeveer 18 zouden verwachten"), who);
            assertTrue(who.contains("Taal: Arabisch (ar): nog niemand gehoord"), who);
            assertTrue(who.contains("Taal: Frans (fr): nog niemand gehoord"), who);
            assertFalse(who.contains("Wijk: noord"), "noord is heard in proportion: " + who);
            assertNoAnswerText(b);
            b.screenshot("saturation-who-nl");
        }
        Document stored = service.db().getCollection("saturation_settings").find(eq("_id", "straat")).first();
        assertNotNull(stored);
        assertEquals(1, service.db().getCollection("audit").countDocuments(eq("type", "saturation_make_up_changed")));
        // the JSON API follows the same make-up: west is a silent target segment now
        assertTrue(service.context.getBean(be.buurtstem.bot.service.saturation.SaturationService.class)
                .saturationReport("straat").orElseThrow().silent().contains("area=west"));
    }

    @Test
    @Order(3)
    void inFrenchAndAChangedThresholdTakesEffectAtOnceAndIsAudited() {
        try (Browser b = Browser.open(service.baseUrl(), "fr", TALL)) {
            b.signIn(USER, PASSWORD);
            b.go("/organiser/saturation/straat?lang=fr");
            String page = b.mainText();
            assertTrue(page.contains("Nous entendons surtout les mêmes thèmes"), page);
            assertTrue(page.contains("Nouveaux thèmes apportés par les 20 derniers habitants : aucun."), page);
            assertTrue(page.contains("Qui nous n'avons pas encore entendu"), page);
            assertTrue(page.contains("Quartier : west : personne d'entendu, alors qu'environ 20 % du quartier"), page);
            assertTrue(page.contains("Langue : arabe (ar) : personne d'entendu"), page);
            assertTrue(page.contains("Elle ne dit pas si nous comprenons ce que les gens veulent dire"), page);
            assertTrue(b.find("#alerts").getText().contains("chez tout le monde, nous entendons à nouveau les mêmes"),
                    b.find("#alerts").getText());
            b.screenshot("saturation-fr");

            // the technical measures are one click away, named properly
            b.find("details.technical summary").click();
            String tech = b.find("details.technical").getText();
            assertTrue(tech.contains("Chao2") && tech.contains("Q1") && tech.contains("Chao1")
                    && tech.contains("Ĉ") && tech.contains("Guest"), tech);

            // a bad threshold is refused; a good one applies at once
            b.find("details.settings summary").click();
            b.find("#th_min_respondents").sendKeys("huit");
            b.find("form[action*='/settings'] button[type=submit]").click();
            b.waiting().until(d -> d.getPageSource().contains("n'est pas un nombre"));
            assertEquals(0, service.db().getCollection("audit").countDocuments(eq("type",
                    "saturation_settings_changed")));
            b.find("#th_min_respondents").clear();
            b.find("#th_min_respondents").sendKeys("80");
            b.find("#th_silence_after_days").sendKeys("7");
            b.find("form[action*='/settings'] button[type=submit]").click();
            b.waiting().until(d -> d.getPageSource().contains("Les réglages sont enregistrés"));
            String after = b.mainText();
            assertTrue(after.contains("Encore trop peu de réponses"), after);
            assertTrue(after.contains("À partir de 80 habitants"), after);
            b.screenshot("saturation-settings-fr");
            b.go("/organiser/saturation?lang=fr");
            assertTrue(b.mainText().contains("Encore trop peu de réponses"), b.mainText());
            b.screenshot("saturation-list-fr");
        }
        List<Document> audits = service.db().getCollection("audit").find(eq("type", "saturation_settings_changed"))
                .into(new ArrayList<>());
        assertEquals(1, audits.size());
        Document details = audits.getFirst().get("details", Document.class);
        assertEquals("straat", details.getString("questionnaire"));
        assertEquals(USER, details.getString("by"));
        assertEquals(80.0, details.get("after", Document.class).getDouble("min_respondents"));
        assertEquals(7.0, details.get("after", Document.class).getDouble("silence_after_days"));
    }
}
