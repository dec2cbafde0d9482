package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario for the live overview and the closed answers: residents answer the bundled "stellingen"
 * through the fake Telegram server (real engine); the organiser's overview shows the first one started, then the
 * one who completed and the one who stopped halfway, with the drop-off at the question where they stopped; the
 * closed answers show each smiley chosen, per group with small groups hidden; the pages in Dutch and French; the
 * free text the residents wrote is nowhere on them.
 */
class OverviewBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String FREE_TEXT_A = "Meer bankjes op het plein graag";
    static final String FREE_TEXT_B = "Te donker bij het station";
    static final String MEETING = "Er zijn hier genoeg plekken";

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.overview.cache", "0s"); // every load counts again: the test looks right after each answer
        service = Harness.start(p, false);
        PageUsers.create(service, "wijkwerker", "een-lang-wachtwoord-1", Role.ORGANISER);
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

    /** "stellingen" from a flyer's link for an area, consent and Dutch, up to the first statement. */
    static void toFirstStatement(long chat, String area) {
        telegram.text(chat, "/start stellingen__area-" + area, "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke taal wilt u verder?");
        telegram.press(chat, "nl", "nl");
        awaitText(chat, "Ik voel me ’s avonds veilig in mijn straat.");
    }

    /** The overview page, loaded again until {@code expected} is in it (the store writes a message's effects in a batch). */
    static String loadUntil(Browser b, String path, String expected) {
        Harness.await("'" + expected + "' on " + path, WAIT, () -> {
            b.go(path);
            return b.mainText().contains(expected);
        });
        return b.mainText();
    }

    static String tile(Browser b, String label) {
        for (WebElement card : b.driver.findElements(By.cssSelector("ul.overview-tiles .card"))) {
            if (card.findElement(By.tagName("strong")).getText().equals(label)) {
                return card.findElement(By.cssSelector(".big")).getText();
            }
        }
        throw new AssertionError("no tile " + label + " in " + b.mainText());
    }

    static List<String> row(Browser b, String tableAfter, String firstCell) {
        for (WebElement tr : b.driver.findElements(By.cssSelector(tableAfter + " tbody tr"))) {
            List<String> cells = tr.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList();
            if (!cells.isEmpty() && cells.getFirst().contains(firstCell)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + tableAfter + ": " + b.mainText());
    }

    @Test
    void residentsAnswerAndTheOverviewAndClosedAnswersFollow() throws Exception {
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("wijkwerker", "een-lang-wachtwoord-1");
            b.go("/organiser/overview");
            assertTrue(b.mainText().contains("Stellingen over de buurt"), b.mainText());

            // the first resident starts: the overview shows one started, answering now
            long a = 7001;
            toFirstStatement(a, "noord");
            loadUntil(b, "/organiser/overview/stellingen", "Begonnen");
            Harness.await("1 started", WAIT, () -> {
                b.go("/organiser/overview/stellingen");
                return tile(b, "Begonnen").equals("1");
            });
            assertEquals("1", tile(b, "Nu bezig"));
            assertEquals("0", tile(b, "Afgemaakt"));

            // ... and completes: 4 at every statement, a few words at the end
            for (String next : List.of(MEETING, "Als ik hulp nodig heb", "De straten en pleinen", "Kinderen kunnen hier",
                    "Mensen zoals ik", "De gemeente luistert", "Wilt u nog iets anders kwijt")) {
                telegram.press(a, "4", "nl");
                awaitText(a, next);
            }
            telegram.text(a, FREE_TEXT_A, "nl");
            awaitText(a, "Bedankt! 🙏");

            // the second resident rates the first statement low, says why, and stops at the next one
            long r2 = 7002;
            toFirstStatement(r2, "zuid");
            telegram.press(r2, "2", "nl");
            awaitText(r2, "Waardoor voelt u zich ’s avonds niet veilig?");
            telegram.text(r2, FREE_TEXT_B, "nl");
            awaitText(r2, MEETING);
            telegram.text(r2, "/stop", "nl");
            awaitText(r2, "we pauzeren hier");

            Harness.await("1 completed and 1 stopped", WAIT, () -> {
                b.go("/organiser/overview/stellingen");
                return tile(b, "Afgemaakt").equals("1") && tile(b, "Halverwege gestopt").equals("1");
            });
            assertEquals("2", tile(b, "Begonnen"));
            assertEquals("0", tile(b, "Nu bezig"));
            // the drop-off: both got as far as the meeting places, one stopped there
            assertEquals(List.of(MEETING, "2", "0", "1"), row(b, "#h-funnel ~ .chart-and-table", MEETING).stream()
                    .map(c -> c.startsWith(MEETING) ? MEETING : c).toList());
            assertEquals("1", row(b, "#h-funnel ~ .chart-and-table", "De straten en pleinen").get(1));
            assertTrue(b.find("#h-funnel ~ .chart-and-table svg title").getDomProperty("textContent")
                    .contains("Waar stoppen mensen?"));
            assertTrue(b.mainText().contains("Telegram"));
            assertTrue(b.mainText().matches("(?s).*Geteld om .*"), "when it was counted");
            assertNoFreeText(b);
            shot(b, "overview-nl");

            // closed answers: the smileys chosen, in the questionnaire's Dutch
            b.go("/organiser/overview/stellingen/answers");
            WebElement first = b.driver.findElements(By.cssSelector("section.question")).getFirst();
            assertTrue(first.getText().contains("Ik voel me ’s avonds veilig in mijn straat."), first.getText());
            List<String> four = cells(first, "🙂 4");
            assertEquals("1", four.get(1), four.toString());
            assertEquals("1", cells(first, "🙁 2").get(1));
            assertEquals("0", cells(first, "😄 5").get(1));
            assertTrue(first.findElement(By.cssSelector("svg title")).getDomProperty("textContent")
                    .contains("Ik voel me"), "the chart has a title for screen readers");
            // per group (the flyer's area): two residents of one area each, so nothing but "fewer than 5"
            String groups = first.findElement(By.cssSelector(".table-scroll")).getText();
            assertTrue(groups.contains("minder dan 5"), groups);
            assertFalse(groups.contains("noord") || groups.contains("zuid"), "an area with fewer than 5 is not named");
            String why = b.driver.findElements(By.cssSelector("section.question")).get(1).getText();
            assertTrue(why.contains("eigen woorden") && why.contains("beantwoord: 1"), why);
            assertNoFreeText(b);
            shot(b, "answers-nl");

            // one group only: every small number hidden
            b.go("/organiser/overview/stellingen?segment=language:nl");
            assertEquals("minder dan 5", tile(b, "Begonnen"));
            assertTrue(b.mainText().contains("Alleen bewoners met Taal: Nederlands."), b.mainText());

            // in French: the page and the questionnaire's own words
            b.go("/organiser/overview/stellingen?lang=fr");
            assertEquals("2", tile(b, "Commencé"));
            assertTrue(b.mainText().contains("Où les gens s’arrêtent-ils ?"));
            assertTrue(b.mainText().contains("Il y a assez d’endroits ici pour rencontrer d’autres gens."), b.mainText());
            shot(b, "overview-fr");
            b.go("/organiser/overview/stellingen/answers");
            assertTrue(b.mainText().contains("Je me sens en sécurité dans ma rue le soir."));
            assertTrue(b.mainText().contains("moins de 5"));
            assertNoFreeText(b);
            shot(b, "answers-fr");
        }
    }

    /** The whole page in one screenshot (the window made as tall as the page, then back to a laptop's). */
    static void shot(Browser b, String name) {
        Object height = b.driver.executeScript("return document.documentElement.scrollHeight");
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, ((Number) height).intValue() + 40));
        b.screenshot(name);
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        b.driver.executeScript("window.scrollTo(0, 0)");
        b.screenshot(name + "-top");
    }

    static List<String> cells(WebElement section, String label) {
        for (WebElement tr : section.findElements(By.cssSelector(".chart-and-table tbody tr"))) {
            List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            if (cells.getFirst().equals(label)) {
                return cells;
            }
        }
        throw new AssertionError("no answer " + label + " in " + section.getText());
    }

    static void assertNoFreeText(Browser b) {
        String source = b.driver.getPageSource();
        assertFalse(source.contains("bankjes") || source.contains(FREE_TEXT_B), "free text on an organiser's page");
    }

    @Test
    void anonymousVisitorsAndOtherRolesAreNotLetIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/organiser/overview", "/organiser/overview/stellingen",
                "/organiser/overview/stellingen/answers")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login"), path);
        }
        PageUsers.create(service, "analist", "een-lang-wachtwoord-2", Role.ANALYST);
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("analist", "een-lang-wachtwoord-2");
            b.go("/organiser/overview/stellingen");
            assertFalse(b.driver.getPageSource().contains("overview-tiles"), "an analyst is not an organiser");
        }
    }
}
