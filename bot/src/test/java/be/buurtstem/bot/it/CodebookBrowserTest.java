package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.coding.Learning;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codebook page in a real headless Chromium, on the real engine: two residents answer the open question of
 * {@code straat} on the fake Telegram server and are coded "noise"; an analyst renames noise in Dutch and French
 * (its id stays), tries to merge it into itself (refused, said plainly), merges it into safety, and sees the residents'
 * codes relabelled, the theme gone from the list and the coder retrained. Screenshots: {@code pages-codebook-*.png}.
 */
class CodebookBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String USER = "analist";
    static final String PASSWORD = "codeboek-browser-wachtwoord";
    static final String TALL = "1280,2400";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        telegram = new FakeTelegram();
        Harness.copyResource("/questionnaires/straat.yaml", folder);
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        CodebookPagesTest.tinyTraining(p);
        service = Harness.start(p, false);
        PageUsers.create(service, USER, PASSWORD, Role.ANALYST);
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

    static List<Document> residentsAnswers() {
        return service.db().getCollection("answers").find(and(eq("questionnaire", "straat"), eq("kind", "free_text")))
                .into(new java.util.ArrayList<>());
    }

    static List<String> codes(Document answer) {
        return answer.getList("codes", Document.class).stream().map(c -> c.getString("theme")).toList();
    }

    @Test
    void renameAndMergeInTheBrowser() {
        String[] texts = {"Veel lawaai 's nachts in onze straat.", "Het lawaai van de vrachtwagens."};
        for (int i = 0; i < texts.length; i++) {
            long chat = 9300 + i;
            telegram.text(chat, "/start straat", "nl");
            Harness.awaitText(telegram, chat, "Doet u mee", WAIT);
            telegram.press(chat, "yes", "nl");
            Harness.awaitText(telegram, chat, "In welke wijk woont u?", WAIT);
            telegram.press(chat, "noord", "nl");
            Harness.awaitText(telegram, chat, "Wat zou u veranderen in uw straat?", WAIT);
            telegram.text(chat, texts[i], "nl");
            Harness.awaitText(telegram, chat, "Bedankt voor uw antwoorden!", WAIT);
        }
        Harness.await("both coded noise", WAIT, () -> residentsAnswers().size() == 2
                && residentsAnswers().stream().allMatch(a -> a.get("coding") != null && codes(a).contains("noise")));

        try (Browser b = Browser.open(service.baseUrl(), "nl", TALL)) {
            b.signIn(USER, PASSWORD);
            b.driver.findElement(By.linkText("Codeboek")).click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/analyst/codebook"));
            assertEquals("2", b.find("#row-noise td.coded").getText(), "both residents' answers counted");
            assertTrue(b.find("#row-noise").getText().contains("noise"));
            b.screenshot("codebook-list-nl");

            // rename noise in Dutch and French: the id stays, the list shows the new Dutch name
            b.find("#theme-noise > summary").click();
            WebElement nl = b.find("#noise-label_nl");
            nl.clear();
            nl.sendKeys("Geluidshinder");
            WebElement fr = b.find("#noise-label_fr");
            fr.clear();
            fr.sendKeys("Nuisances sonores");
            b.find("#theme-noise form.texts button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("#saved")).isEmpty());
            assertTrue(b.find("#saved").getText().contains("De namen en beschrijvingen van noise zijn bewaard."),
                    b.find("#saved").getText());
            assertEquals("Geluidshinder", b.find("#row-noise .theme-name").getText());
            assertTrue(b.find("#row-noise code").getText().equals("noise"), "the id stays");
            b.screenshot("codebook-renamed-nl");

            // merging a theme into itself: refused, nothing saved, said at the box
            new Select(b.find("#merge-theme")).selectByValue("noise");
            new Select(b.find("#merge-into")).selectByValue("noise");
            b.find("form.merge button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("#merge .field-error")).isEmpty());
            assertTrue(b.find("#merge").getText().contains("Kies twee verschillende thema’s."), b.find("#merge").getText());
            assertTrue(b.mainText().contains("Er is niets bewaard"));
            b.screenshot("codebook-merge-refused-nl");

            // merge noise into safety
            new Select(b.find("#merge-theme")).selectByValue("noise");
            new Select(b.find("#merge-into")).selectByValue("safety");
            b.find("form.merge button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("#saved")).isEmpty());
            String saved = b.find("#saved").getText();
            assertTrue(saved.contains("Thema noise is samengevoegd: 2 gecodeerde antwoorden"), saved);
            assertTrue(saved.contains("De codeerder leert opnieuw"), saved);
            assertTrue(b.driver.findElements(By.cssSelector("#row-noise")).isEmpty(), "noise left the list");
            assertEquals("2", b.find("#row-safety td.coded").getText());
            assertTrue(b.find("ul.merged").getText().contains("noise ging op in"), b.find("ul.merged").getText());
            for (Document a : residentsAnswers()) {
                assertEquals(List.of("safety"), codes(a), "the resident's answer relabelled");
            }
            Learning learning = service.context.getBean(Learning.class);
            Harness.await("the retraining after the merge", CodebookPagesTest.TRAINING, () -> learning.lastTrained()
                    != null && learning.lastTrained().why().contains("noise merged into safety") && !learning.running());
            b.go("/analyst/codebook");
            String coder = b.find("#coder").getText();
            assertTrue(coder.matches("(?s).*Modelversie \\d+ werd getraind op .*noise merged into safety.*"), coder);
            b.screenshot("codebook-merged-nl");

            b.go("/analyst/codebook?lang=fr");
            assertTrue(b.find("h1").getText().equals("Livre de codes"));
            assertTrue(b.find("ul.merged").getText().contains("Sécurité") || b.find("ul.merged").getText()
                    .contains("safety"), b.find("ul.merged").getText());
            assertTrue(b.find("ul.merged").getText().contains("noise a rejoint"), b.find("ul.merged").getText());
            assertFalse(b.mainText().contains("codebook."), "no message key left untranslated");
            b.screenshot("codebook-merged-fr");
        }
        // on a tablet, with a theme's forms open: no sideways scrolling
        try (Browser b = Browser.open(service.baseUrl(), "nl", Browser.TABLET)) {
            b.signIn(USER, PASSWORD);
            b.go("/analyst/codebook");
            b.find("#theme-safety > summary").click();
            long overflow = (Long) b.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            b.driver.executeScript("document.querySelector('#theme-safety').scrollIntoView();");
            b.screenshot("codebook-tablet-nl");
            Object wide = b.driver.executeScript("var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('main *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + '#' + e.id"
                    + " + ' ' + Math.round(r.right)); }); return out.join(', ');");
            assertEquals(0, overflow, "the page scrolls sideways on a tablet by " + overflow + " px: " + wide);
        }
    }
}
