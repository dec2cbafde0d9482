package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's reach scenario in headless Chromium: an organiser opens reach for a questionnaire, adds the area
 * "noord", opens its poster, prints it (Page.printToPDF through the DevTools protocol, and the print style sheet),
 * reads both QR codes off the screen; the web chat link, opened in the browser, starts the questionnaire with area
 * noord stored for the resident, and the Telegram deep link, sent through the fake Telegram server, does the same.
 * The reminder settings are changed in the page. Screenshots: pages-reach, pages-reach-areas, pages-poster,
 * pages-poster-print.
 */
class ReachBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String BOT = "buurtstem_test_bot";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        Harness.copyResource("/reach/wijk.yaml", folder);
        telegram = new FakeTelegram();
        // the bot's name comes from getMe, as from the real Bot API
        telegram.wiremock().stubFor(any(urlPathMatching("(?i)/bot.*/getme")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"first_name\":\"Buurtstem\",\"username\":\""
                        + BOT + "\"}}")));
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.organisation", "Buurtwerk Noord vzw");
        service = Harness.start(p, false);
        PageUsers.create(service, "organiser", "organiser-pass-1", Role.ORGANISER);
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

    @Test
    void aPosterForAreaNoordLeadsResidentsInWithTheirArea() throws Exception {
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("organiser", "organiser-pass-1");
            b.go("/organiser/reach");
            b.driver.findElement(By.cssSelector("a[href$='/organiser/reach/wijk']")).click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/organiser/reach/wijk"));
            assertTrue(b.mainText().contains("Bereik: Onze wijk"), b.mainText());
            // no public address set: the page says the links use this page's own address
            assertTrue(b.find("#base-notice").getText().contains("BUURTSTEM_PUBLIC_URL"));
            assertTrue(b.mainText().contains("@" + BOT), "the bot's name from getMe");
            assertTrue(b.mainText().contains("Webchat: deze bewoners zijn niet te bereiken"), b.mainText());
            b.screenshot("reach");

            // the organiser adds the area noord (the field "area" is the one the questionnaire declares)
            assertEquals("area", b.find("#field").getDomProperty("value"));
            b.find("#values").clear();
            b.find("#values").sendKeys("Noord");
            b.find("form[action$='/areas'] button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector(".reach-row[data-value='noord']")).isEmpty());
            assertTrue(b.mainText().contains("De wijken zijn bewaard."));
            WebElement row = b.find(".reach-row[data-value='noord']");
            String web = service.baseUrl() + "/chat/wijk?area=noord";
            String deep = "https://t.me/" + BOT + "?start=wijk__area-noord";
            assertEquals(web, row.findElement(By.cssSelector("a.link-web")).getText());
            assertEquals(deep, row.findElement(By.cssSelector("a.link-telegram")).getText());
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
            b.screenshot("reach-areas");
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            // the reminder is switched on in the page, and an audit entry says who did it
            b.find("#reminder-enabled").click();
            WebElement amount = b.find("#reminder-amount");
            amount.clear();
            amount.sendKeys("3");
            b.find("form[action$='/reminder'] button[type=submit]").click();
            awaitMain(b, d -> d.findElement(By.tagName("main")).getText().contains("De herinnering staat aan."));
            assertTrue(b.find("#reminder-enabled").isSelected());
            assertEquals("3", b.find("#reminder-amount").getDomProperty("value"));
            b.driver.executeScript("document.getElementById('reminder').scrollIntoView();");
            b.screenshot("reach-reminder");
            Document audit = service.db().getCollection("audit").find(eq("type", "reminder_settings_changed")).first();
            assertNotNull(audit);
            assertEquals("organiser", audit.get("details", Document.class).getString("by"));
            assertEquals(3L * 24 * 60, ((Number) audit.get("details", Document.class).get("delayMinutes")).longValue());

            // the poster of noord, in Dutch and Arabic
            b.go("/organiser/reach/wijk/poster?value=noord&language=nl&language=ar");
            b.waiting().until(d -> d.findElements(By.cssSelector("article.poster")).size() == 1);
            WebElement poster = b.find("article.poster[data-value='noord']");
            assertTrue(poster.getText().contains("Onze wijk"), poster.getText());
            assertTrue(poster.getText().contains("Vertel ons wat goed is in uw wijk"), poster.getText());
            WebElement arabic = poster.findElement(By.cssSelector("section.poster-language[lang='ar']"));
            assertEquals("rtl", arabic.getDomAttribute("dir"));
            assertTrue(arabic.getText().contains("حيّنا"), arabic.getText());
            assertTrue(poster.getText().contains("Buurtwerk Noord vzw"), "the organisation's name");
            assertEquals(web.replaceFirst("^http://", ""), b.find(".poster-link").getText());
            assertTrue(b.find("#print").isDisplayed(), "the print button, shown by the small script");
            awaitImages(b);
            b.screenshot("poster");

            // both codes, read off the screen, are the links
            assertEquals(web, decodeOnScreen(b, "img.qr-web"));
            assertEquals(deep, decodeOnScreen(b, "img.qr-telegram"));

            // printed: one A4 page per poster, without the menu or the print button
            Map<String, Object> pdf = b.driver.executeCdpCommand("Page.printToPDF",
                    Map.of("preferCSSPageSize", true, "printBackground", true));
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF"), "a PDF");
            Path saved = Browser.SCREENSHOTS.resolve("pages-poster.pdf");
            Files.write(saved, bytes);
            assertEquals(1, count(Pattern.compile("/Type\\s*/Page[^s]"), text), "one page for one poster");
            Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)").matcher(text);
            assertTrue(box.find(), "a media box");
            assertEquals(595, Math.round(Double.parseDouble(box.group(1))), "A4 wide");
            assertEquals(842, Math.round(Double.parseDouble(box.group(2))), "A4 high");
            b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertFalse(b.find("header.top").isDisplayed(), "no menu on paper");
            assertFalse(b.find("#print").isDisplayed(), "no print button on paper");
            assertTrue(b.find("img.qr-web").isDisplayed());
            b.screenshot("poster-print");
            b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            // the web chat link, opened as a resident would: the questionnaire starts, area noord is stored
            b.driver.get(web);
            WebDriverWait wait = b.waiting();
            waitForBubble(wait, b.driver, "Doet u mee?");
            chatButton(wait, b.driver, "yes").click();
            waitForBubble(wait, b.driver, "Wat zou u veranderen in uw wijk?"); // not asked for the area
            String rid = service.context.getBean(be.buurtstem.bot.service.conversation.ConversationService.class)
                    .respondentId("web", b.driver.manage().getCookieNamed("buurtstem_chat").getValue());
            Harness.await("web respondent with area noord", WAIT, () -> {
                Document r = service.db().getCollection("respondents").find(eq("_id", rid)).first();
                return r != null && r.get("segments", Document.class) != null
                        && "noord".equals(r.get("segments", Document.class).getString("area"));
            });
            Document session = service.db().getCollection("sessions").find(eq("_id", rid)).first();
            assertEquals("wijk", session.getString("questionnaire"));
            assertEquals("noord", session.get("linkSegments", Document.class).getString("area"));
        }

        // the Telegram deep link from the code: Telegram sends "/start" with its start parameter
        String start = URI.create("https://t.me/" + BOT + "?start=wijk__area-noord").getQuery()
                .substring("start=".length());
        long chat = 7301;
        telegram.text(chat, "/start " + start, "nl");
        Harness.awaitText(telegram, chat, "Doet u mee?", WAIT);
        telegram.press(chat, "yes", "nl");
        Harness.awaitText(telegram, chat, "Wat zou u veranderen in uw wijk?", WAIT);
        String rid = service.rid(chat);
        Harness.await("telegram respondent with area noord", WAIT, () -> {
            Document r = service.db().getCollection("respondents").find(eq("_id", rid)).first();
            return r != null && r.get("segments", Document.class) != null
                    && "noord".equals(r.get("segments", Document.class).getString("area"));
        });
        assertEquals(0, service.db().getCollection("answers").countDocuments(and(eq("respondent", rid),
                eq("question", "which_area"))), "the area came from the link, not from a question");
    }

    @Test
    void organisersOnlyAndBadInputInPlainWords() throws Exception {
        PageUsers.create(service, "analyst", "analyst-pass-1", Role.ANALYST);
        try (Browser b = Browser.open(service.baseUrl(), "en")) {
            b.signIn("analyst", "analyst-pass-1");
            b.go("/organiser/reach/wijk");
            assertTrue(b.mainText().contains("You may not open this page with your role."), b.mainText());
            b.go("/organiser/reach/wijk/qr.svg?to=web");
            assertFalse(b.driver.getPageSource().contains("<path"), "no code for the wrong role");
        }
        try (Browser b = Browser.open(service.baseUrl(), "en")) {
            b.signIn("organiser", "organiser-pass-1");
            b.go("/organiser/reach/nosuch");
            assertTrue(b.mainText().contains("This page does not exist."), b.mainText());
            b.go("/organiser/reach/wijk");
            WebElement field = b.find("#field");
            field.clear();
            field.sendKeys("Straat naam");
            b.find("form[action$='/areas'] button[type=submit]").click();
            awaitMain(b, d -> d.findElement(By.tagName("main")).getText().contains("small letters without spaces"));
            // the questionnaire's own values (noord, zuid): one poster each, one A4 page each
            b.find("form.inline-form button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector(".reach-row[data-value='zuid']")).isEmpty());
            b.go("/organiser/reach/wijk/poster?language=fr");
            assertEquals(2, b.driver.findElements(By.cssSelector("article.poster")).size());
            assertTrue(b.mainText().contains("Scannez le code"), b.mainText());
            awaitImages(b);
            Map<String, Object> pdf = b.driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
            String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
            assertEquals(2, count(Pattern.compile("/Type\\s*/Page[^s]"), text), "one page per poster");
            // the "for everyone" row's poster: one poster without an area
            b.go("/organiser/reach/wijk");
            b.find(".reach-row:not([data-value]) a.poster-link").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/poster")
                    && !d.findElements(By.cssSelector("footer.bottom")).isEmpty()); // the whole page is there
            assertEquals(1, b.driver.findElements(By.cssSelector("article.poster")).size());
            assertEquals(service.baseUrl().replaceFirst("^http://", "") + "/chat/wijk", b.find(".poster-link").getText());
            // the form's "one for each area"
            b.go("/organiser/reach/wijk");
            b.find("form[action$='/poster'] button[type=submit]").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/poster")
                    && !d.findElements(By.cssSelector("footer.bottom")).isEmpty());
            assertEquals(2, b.driver.findElements(By.cssSelector("article.poster")).size());
            b.go("/organiser/reach/wijk");
            WebElement amount = b.find("#reminder-amount");
            b.driver.executeScript("arguments[0].removeAttribute('min'); arguments[0].removeAttribute('max');", amount);
            amount.clear();
            amount.sendKeys("90");
            b.find("form[action$='/reminder'] button[type=submit]").click();
            awaitMain(b, d -> d.findElement(By.tagName("main")).getText()
                    .contains("Choose a waiting time between 1 hour and 30 days."));
        }
    }

    /** Waits for a condition on a page that may still be loading (an element found may go stale meanwhile). */
    static void awaitMain(Browser b, java.util.function.Function<WebDriver, Boolean> condition) {
        b.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    static void awaitImages(Browser b) {
        b.waiting().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);"));
    }

    /** Reads the QR code in an image element off a screenshot of the page, as a phone's camera would. */
    static String decodeOnScreen(Browser b, String css) throws Exception {
        WebElement img = b.find(css);
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", img);
        Rectangle r = img.getRect();
        Number scrollY = (Number) b.driver.executeScript("return window.scrollY;");
        Number ratio = (Number) b.driver.executeScript("return window.devicePixelRatio;");
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(b.driver.getScreenshotAs(OutputType.BYTES)));
        double k = ratio.doubleValue();
        int pad = 12;
        int x = (int) Math.max(0, (r.getX() - pad) * k);
        int y = (int) Math.max(0, (r.getY() - scrollY.doubleValue() - pad) * k);
        int w = (int) Math.min(shot.getWidth() - x, (r.getWidth() + 2 * pad) * k);
        int h = (int) Math.min(shot.getHeight() - y, (r.getHeight() + 2 * pad) * k);
        BufferedImage part = shot.getSubimage(x, y, w, h);
        int[] pixels = part.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }

    static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static void waitForBubble(WebDriverWait wait, WebDriver driver, String text) {
        wait.withMessage(() -> "bubble '" + text + "' on " + driver.findElements(By.cssSelector(".msg")).stream()
                .map(WebElement::getText).toList()).until(d -> d.findElements(By.cssSelector(".msg.bot")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    static WebElement chatButton(WebDriverWait wait, WebDriver driver, String id) {
        return wait.until(d -> d.findElements(By.cssSelector(".buttons button[data-id='" + id + "']:not([disabled])"))
                .stream().findFirst().orElse(null));
    }

}
