package be.buurtstem.bot.it;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web chat in a real headless browser (Debian's chromium and chromedriver; skipped with a message when they are
 * not installed), as residents use it: a conversation in Arabic right to left surviving a reload, double taps,
 * offline and back, a change of language, a browser language the questionnaire does not speak, a photo, a refused
 * location, a per-area link, "delete my answers" with its confirmation, and a 429. Each checked on screen and in
 * the database; screenshots of the main states go to {@code target/screenshots/}.
 */
class WebChatBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    @TempDir
    static Path profiles;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "web chat browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        copy("straat.yaml", folder);
        copy("buurt.yaml", folder);
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.questionnaires", folder.toString());
        service = Harness.start(p, false);
    }

    static void copy(String name, Path to) throws IOException {
        try (InputStream in = WebChatBrowserTest.class.getResourceAsStream("/questionnaires/" + name)) {
            Files.write(to.resolve(name), in.readAllBytes());
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** A fresh browser (its own profile: no cookie, no stored outbox) whose language is {@code lang}. */
    static ChromeDriver browser(String lang) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=" + lang, "--window-size=412,860",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "p").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void shortArabicConversation() throws IOException {
        WebDriver driver = browser("ar");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/straat");
            assertEquals("rtl", driver.findElement(By.tagName("html")).getDomAttribute("dir"));
            waitForBubble(wait, driver, "هل تشارك؟");
            button(wait, driver, "yes").click();
            waitForBubble(wait, driver, "في أي حي تسكن؟");

            // a reload keeps the conversation: the same question comes back
            driver.navigate().refresh();
            waitForBubble(wait, driver, "في أي حي تسكن؟");
            assertEquals("rtl", driver.findElement(By.tagName("html")).getDomAttribute("dir"));
            button(wait, driver, "zuid").click();
            waitForBubble(wait, driver, "ماذا تريد أن تغيّر في شارعك؟");
            type(driver, "حديقة صغيرة للأطفال");
            waitForBubble(wait, driver, "شكرًا على إجاباتك!");
            // a reload after the end shows the end, it does not start over
            driver.navigate().refresh();
            waitForBubble(wait, driver, "شكرًا على إجاباتك!");
            assertTrue(driver.findElements(By.cssSelector(".buttons button")).isEmpty());
            screenshot(driver, "arabic-end");
        } finally {
            driver.quit();
        }
        List<Document> answers = service.db().getCollection("answers").find(and(eq("channel", "web"),
                eq("questionnaire", "straat"), eq("language", "ar"))).into(new ArrayList<>());
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(answers.stream().anyMatch(a -> "حديقة صغيرة للأطفال".equals(a.getString("text"))));
        assertTrue(answers.stream().anyMatch(a -> "zuid".equals(a.get("value"))));
        String respondent = answers.getFirst().getString("respondent");
        Document session = service.db().getCollection("sessions").find(eq("_id", respondent)).first();
        assertEquals("completed", session.getString("status"));
        assertEquals("web", session.getString("channel"));
    }

    @Test
    void threeQuickTapsCountOnceAndShowOnce() throws IOException {
        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            toFirstScale(driver, wait, "");
            int mineBefore = driver.findElements(By.cssSelector(".msg.me")).size();
            // 😞 😞 😄 in one go, faster than any answer can come back
            Object disabled = ((JavascriptExecutor) driver).executeScript(
                    "var b = document.querySelectorAll('.buttons button');"
                            + "b[0].click(); b[0].click(); b[4].click(); return b[4].disabled && b[1].disabled;");
            assertEquals(Boolean.TRUE, disabled, "the buttons of an answered question stay active");
            waitForBubble(wait, driver, "over de bus?");
            waitSent(wait, driver);
            List<WebElement> mine = driver.findElements(By.cssSelector(".msg.me"));
            assertEquals(mineBefore + 1, mine.size(), "bubbles: " + mine.stream().map(WebElement::getText).toList());
            screenshot(driver, "double-tap");
            String rid = respondent(driver);
            List<Document> park = answers(rid, "park");
            assertEquals(1, park.size(), park.toString());
            assertEquals(1, ((Number) park.getFirst().get("value")).intValue());
            assertEquals(0, answers(rid, "bus").size(), "a second tap was applied to the next question");
        } finally {
            driver.quit();
        }
    }

    @Test
    void offlineMessagesAreMarkedNotSentKeptAndSentOnceWhenTheConnectionReturns() throws IOException {
        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            toFirstScale(driver, wait, "");
            button(wait, driver, "3").click();
            waitForBubble(wait, driver, "over de bus?");
            button(wait, driver, "4").click();
            waitForBubble(wait, driver, "Hoeveel jaar woont u hier?");
            assertEquals("decimal", driver.findElement(By.id("text")).getDomAttribute("inputmode"),
                    "a number question opens a number keyboard");
            type(driver, "12");
            waitForBubble(wait, driver, "Wat zou u veranderen?");
            assertEquals("3", driver.findElement(By.id("text")).getDomProperty("rows"),
                    "free text gets a multi-line box");
            String rid = respondent(driver);

            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            driver.setNetworkConditions(offline);
            type(driver, "Meer bomen op het plein");
            WebElement bubble = wait.until(d -> d.findElements(By.cssSelector(".msg.me[data-state='failed']"))
                    .stream().findFirst().orElse(null));
            assertTrue(bubble.getText().contains("Meer bomen op het plein"), bubble.getText());
            assertTrue(bubble.getText().contains("Niet verstuurd"), bubble.getText());
            waitForNote(wait, driver, "Geen verbinding");
            screenshot(driver, "offline");
            assertEquals(0, answers(rid, "wish").size());

            driver.deleteNetworkConditions();
            waitForBubble(wait, driver, "Waar is dat?");
            waitSent(wait, driver);
            waitForNote(wait, driver, "Verbinding terug");
            assertEquals("sent", driver.findElements(By.cssSelector(".msg.me")).getLast().getDomAttribute("data-state"));
            screenshot(driver, "back-online");
            List<Document> wish = answers(rid, "wish");
            assertEquals(1, wish.size(), wish.toString());
            assertEquals("Meer bomen op het plein", wish.getFirst().getString("text"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void thePageWordsFollowTheConversationLanguage() throws IOException {
        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/buurt");
            waitForBubble(wait, driver, "Doet u mee?");
            assertEquals("Verstuur", driver.findElement(By.id("send")).getText());
            button(wait, driver, "yes").click();
            button(wait, driver, "noord").click();
            waitForBubble(wait, driver, "In welke taal wilt u verder?");
            button(wait, driver, "fr").click();
            waitForBubble(wait, driver, "Êtes-vous satisfait du parc ?");
            wait.until(d -> "Envoyer".equals(d.findElement(By.id("send")).getText()));
            assertEquals("fr", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals("Écrivez votre réponse…", driver.findElement(By.id("text")).getDomAttribute("placeholder"));
            assertEquals("Effacer mes réponses", driver.findElement(By.id("delete")).getText());
            assertEquals("Mes données", driver.findElement(By.id("mydata")).getText());
            assertEquals("Notre quartier", driver.findElement(By.id("title")).getText());
            screenshot(driver, "language-switched-fr");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aBrowserLanguageTheQuestionnaireDoesNotSpeakGetsTheLanguageChoice() throws IOException {
        ChromeDriver driver = browser("de");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/buurt");
            waitForBubble(wait, driver, "Kies uw taal");
            WebElement html = driver.findElement(By.tagName("html"));
            assertEquals("nl", html.getDomAttribute("lang"), "not an English (or German) page around the choice");
            assertEquals("Verstuur", driver.findElement(By.id("send")).getText());
            assertTrue(driver.findElements(By.cssSelector(".msg.bot")).getFirst().getText()
                    .contains("Choisissez votre langue"));
            for (String l : List.of("nl", "fr", "ar")) {
                assertNotNull(button(wait, driver, "lang:" + l));
            }
            assertEquals("Nederlands", button(wait, driver, "lang:nl").getText());
            assertEquals("العربية", button(wait, driver, "lang:ar").getText());
            screenshot(driver, "language-choice-de");
            // nothing is stored before the resident chose
            assertEquals(0, service.db().getCollection("sessions").countDocuments(eq("_id", respondent(driver))));
            button(wait, driver, "lang:ar").click();
            waitForBubble(wait, driver, "هل تشارك؟");
            assertEquals("rtl", html.getDomAttribute("dir"));
            assertEquals("إرسال", driver.findElement(By.id("send")).getText());
            screenshot(driver, "language-chosen-ar");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aLanguageTypedAtThePagesLanguageChoiceChoosesItAndKeepsTheLinksArea() throws IOException {
        ChromeDriver driver = browser("de");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/buurt?area=noord");
            waitForBubble(wait, driver, "Kies uw taal");
            // a name that is no language: the choice again, with a note in each of its languages
            type(driver, "xyz");
            waitForBubble(wait, driver, "Je ne reconnais pas cette langue.");
            assertTrue(driver.findElements(By.cssSelector(".msg.bot")).getLast().getText()
                    .contains("Die taal herken ik niet."));
            assertNotNull(button(wait, driver, "lang:fr"));
            assertEquals(0, service.db().getCollection("sessions").countDocuments(eq("_id", respondent(driver))));
            type(driver, "Français");
            waitForBubble(wait, driver, "Participez-vous ?");
            assertEquals("fr", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            // not asked for the language a second time, nor offered the list of questionnaires
            assertEquals(2, driver.findElements(By.cssSelector(".msg.bot")).stream()
                    .filter(e -> e.getText().contains("Choisissez votre langue")).count());
            button(wait, driver, "yes").click();
            waitForBubble(wait, driver, "Dans quelle langue voulez-vous continuer ?");
            assertTrue(driver.findElements(By.cssSelector(".msg.bot")).stream()
                    .noneMatch(e -> e.getText().contains("Dans quel quartier")), "the link gave the area");
            button(wait, driver, "fr").click();
            waitForBubble(wait, driver, "Êtes-vous satisfait du parc ?");
            button(wait, driver, "5").click();
            waitForBubble(wait, driver, "Êtes-vous satisfait du bus ?");
            String rid = respondent(driver);
            Document session = service.db().getCollection("sessions").find(eq("_id", rid)).first();
            assertNotNull(session);
            assertEquals("fr", session.getString("language"), session.toJson());
            Document respondent = service.db().getCollection("respondents").find(eq("_id", rid)).first();
            assertNotNull(respondent);
            assertEquals("noord", respondent.get("segments", Document.class).getString("area"), respondent.toJson());
            Document park = answers(rid, "park").getFirst();
            assertEquals("noord", park.get("segments", Document.class).getString("area"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aPhotoQuestionIsAnsweredByUploadAndARefusedLocationFallsBackToTyping() throws IOException {
        Path photo = profiles.resolve("plein.jpg");
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 140, 90));
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        ImageIO.write(img, "jpg", photo.toFile());
        Path notAPhoto = profiles.resolve("brief.jpg");
        Files.writeString(notAPhoto, "dit is een tekst, geen foto");

        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            toFirstScale(driver, wait, "");
            button(wait, driver, "3").click();
            waitForBubble(wait, driver, "over de bus?");
            button(wait, driver, "3").click();
            waitForBubble(wait, driver, "Hoeveel jaar");
            type(driver, "4");
            waitForBubble(wait, driver, "Wat zou u veranderen?");
            type(driver, "Een bank");
            waitForBubble(wait, driver, "Waar is dat?");
            driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "geolocation"),
                    "setting", "denied", "origin", service.baseUrl()));
            button(wait, driver, "web:location").click();
            waitForNote(wait, driver, "Typ de straat of de plek");
            type(driver, "Kerkstraat");
            waitForBubble(wait, driver, "Stuur een foto van die plek.");
            assertNotNull(button(wait, driver, "web:photo"));

            WebElement file = driver.findElement(By.id("file"));
            file.sendKeys(notAPhoto.toAbsolutePath().toString());
            waitForNote(wait, driver, "Dit is geen foto");
            file = driver.findElement(By.id("file"));
            file.sendKeys(photo.toAbsolutePath().toString());
            waitForBubble(wait, driver, "Bedankt voor uw antwoorden!");
            assertFalse(driver.findElements(By.cssSelector(".msg.me[data-state='sent'] img")).isEmpty());
            screenshot(driver, "photo-sent");
            String rid = respondent(driver);
            List<Document> pictures = answers(rid, "picture");
            assertEquals(1, pictures.size(), pictures.toString());
            String stored = pictures.getFirst().toJson();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("web:([0-9a-f]{32}\\.jpg)").matcher(stored);
            assertTrue(m.find(), stored);
            Path saved = dataDir.resolve("web-photos").resolve(rid).resolve(m.group(1));
            assertTrue(Files.isRegularFile(saved), saved.toString());
            assertEquals(Files.size(photo), Files.size(saved));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(saved)));
            try (var files = Files.list(saved.getParent())) {
                assertEquals(1, files.count(), "the refused upload was kept");
            }
            assertEquals("Kerkstraat", answers(rid, "place").getFirst().getString("text"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aPerAreaLinkStartsTheConversationWithItsArea() throws IOException {
        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/buurt?area=noord");
            waitForBubble(wait, driver, "Doet u mee?");
            button(wait, driver, "yes").click();
            // the link gave the area: the question is not asked
            waitForBubble(wait, driver, "In welke taal wilt u verder?");
            assertTrue(driver.findElements(By.cssSelector(".msg.bot")).stream()
                    .noneMatch(e -> e.getText().contains("In welke wijk")));
            button(wait, driver, "nl").click();
            waitForBubble(wait, driver, "over het park?");
            button(wait, driver, "5").click();
            waitForBubble(wait, driver, "over de bus?");
            String rid = respondent(driver);
            Document respondent = service.db().getCollection("respondents").find(eq("_id", rid)).first();
            assertNotNull(respondent);
            assertEquals("noord", respondent.get("segments", Document.class).getString("area"), respondent.toJson());
            assertEquals("noord", answers(rid, "park").getFirst().get("segments", Document.class).getString("area"));
            assertEquals(0, answers(rid, "which_area").size());
        } finally {
            driver.quit();
        }
    }

    @Test
    void deleteMyAnswersAsksFirst() throws IOException {
        ChromeDriver driver = browser("nl");
        try {
            WebDriverWait wait = waiting(driver);
            driver.get(service.baseUrl() + "/chat/straat");
            waitForBubble(wait, driver, "Doet u mee?");
            button(wait, driver, "yes").click();
            button(wait, driver, "noord").click();
            waitForBubble(wait, driver, "Wat zou u veranderen in uw straat?");
            type(driver, "Een zebrapad");
            waitForBubble(wait, driver, "Bedankt voor uw antwoorden!");
            String rid = respondent(driver);
            assertEquals(2, service.db().getCollection("answers").countDocuments(eq("respondent", rid)));

            driver.findElement(By.id("delete")).click();
            waitForBubble(wait, driver, "Wilt u echt al uw antwoorden wissen?");
            screenshot(driver, "delete-confirm");
            assertEquals(2, service.db().getCollection("answers").countDocuments(eq("respondent", rid)),
                    "deleted before the resident confirmed");
            button(wait, driver, "no").click();
            waitForBubble(wait, driver, "Oké, we wissen niets.");
            assertEquals(2, service.db().getCollection("answers").countDocuments(eq("respondent", rid)));

            driver.findElement(By.id("delete")).click();
            wait.until(d -> d.findElements(By.cssSelector(".msg.bot")).stream()
                    .filter(e -> e.getText().contains("Wilt u echt")).count() == 2);
            button(wait, driver, "yes").click();
            waitForBubble(wait, driver, "Al uw antwoorden en gegevens zijn gewist.");
            assertEquals(0, service.db().getCollection("answers").countDocuments(eq("respondent", rid)));
            assertEquals(0, service.db().getCollection("sessions").countDocuments(eq("_id", rid)));
        } finally {
            driver.quit();
        }
    }

    @Test
    void tooManyMessagesShowAFriendlyNoticeAndAreSentAfterTheWait(@TempDir Path data2, @TempDir Path folder2)
            throws IOException {
        copy("buurt.yaml", folder2);
        Map<String, Object> p = Harness.properties(data2, null);
        p.put("buurtstem.questionnaires", folder2.toString());
        p.put("buurtstem.web.chat-per-minute", "4");
        try (Harness strict = Harness.start(p, false)) {
            ChromeDriver driver = browser("nl");
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
                driver.get(strict.baseUrl() + "/chat/buurt");
                waitForBubble(wait, driver, "Doet u mee?");        // 1: hello
                button(wait, driver, "yes").click();               // 2
                button(wait, driver, "zuid").click();              // 3
                button(wait, driver, "nl").click();                // 4
                waitForBubble(wait, driver, "over het park?");
                button(wait, driver, "2").click();                 // 5: one too many
                waitForNote(wait, driver, "Even rustig aan");
                assertEquals("pending", driver.findElements(By.cssSelector(".msg.me")).getLast()
                        .getDomAttribute("data-state"), "a refused message must not look sent");
                screenshot(driver, "too-many");
                String rid = strict.context.getBean(be.buurtstem.bot.service.conversation.ConversationService.class)
                        .respondentId("web", driver.manage().getCookieNamed("buurtstem_chat").getValue());
                assertEquals(0, strict.db().getCollection("answers").countDocuments(and(eq("respondent", rid),
                        eq("question", "park"))));
                // after the wait it is sent by itself, once
                waitForBubble(wait, driver, "over de bus?");
                assertEquals(1, strict.db().getCollection("answers").countDocuments(and(eq("respondent", rid),
                        eq("question", "park"))));
            } finally {
                driver.quit();
            }
        }
    }

    /** Consent, an area ({@code zuid}) and Dutch: at the park question. */
    static void toFirstScale(WebDriver driver, WebDriverWait wait, String query) {
        driver.get(service.baseUrl() + "/chat/buurt" + query);
        waitForBubble(wait, driver, "Doet u mee?");
        button(wait, driver, "yes").click();
        button(wait, driver, "zuid").click();
        waitForBubble(wait, driver, "In welke taal wilt u verder?");
        button(wait, driver, "nl").click();
        waitForBubble(wait, driver, "over het park?");
        waitSent(wait, driver);
    }

    static void type(WebDriver driver, String text) {
        WebElement input = driver.findElement(By.id("text"));
        input.sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    static String respondent(WebDriver driver) {
        Cookie c = driver.manage().getCookieNamed("buurtstem_chat");
        assertNotNull(c, "no chat cookie");
        return service.context.getBean(be.buurtstem.bot.service.conversation.ConversationService.class)
                .respondentId("web", c.getValue());
    }

    static List<Document> answers(String respondent, String question) {
        return service.db().getCollection("answers").find(and(eq("respondent", respondent),
                eq("question", question))).into(new ArrayList<>());
    }

    static void waitSent(WebDriverWait wait, WebDriver driver) {
        wait.until(d -> d.findElements(By.cssSelector(".msg.me")).stream()
                .allMatch(e -> "sent".equals(e.getDomAttribute("data-state"))));
    }

    static void waitForBubble(WebDriverWait wait, WebDriver driver, String text) {
        wait.withMessage(() -> "bubble '" + text + "' on " + driver.findElements(By.cssSelector(".msg")).stream()
                .map(WebElement::getText).toList()).until(d -> d.findElements(By.cssSelector(".msg.bot")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    static void waitForNote(WebDriverWait wait, WebDriver driver, String text) {
        wait.withMessage(() -> "note '" + text + "' on " + driver.findElements(By.cssSelector(".msg")).stream()
                .map(WebElement::getText).toList()).until(d -> d.findElements(By.cssSelector(".msg.note")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    static WebElement button(WebDriverWait wait, WebDriver driver, String id) {
        return wait.withMessage(() -> "button " + id + " on " + driver.findElements(By.cssSelector(".msg"))
                .stream().map(WebElement::getText).toList()).until(d -> d.findElements(
                By.cssSelector(".buttons button[data-id='" + id + "']:not([disabled])")).stream().findFirst()
                .orElse(null));
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("webchat-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
