package be.buurtstem.bot.it;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web chat in a real headless browser (Debian's chromium and chromedriver; skipped with a message when they are
 * not installed): a short conversation in Arabic, right to left, surviving a reload, checked on screen and in the
 * database.
 */
class WebChatBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    @TempDir
    static Path profile;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "web chat browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        try (InputStream in = WebChatBrowserTest.class.getResourceAsStream("/questionnaires/straat.yaml")) {
            Files.write(folder.resolve("straat.yaml"), in.readAllBytes());
        }
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.questionnaires", folder.toString());
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static WebDriver browser() {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ar", "--window-size=412,860",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ar"));
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    @Test
    void shortArabicConversation() throws IOException {
        WebDriver driver = browser();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
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
            WebElement input = driver.findElement(By.id("text"));
            input.sendKeys("حديقة صغيرة للأطفال");
            driver.findElement(By.id("send")).click();
            waitForBubble(wait, driver, "شكرًا على إجاباتك!");
            // a reload after the end shows the end, it does not start over
            driver.navigate().refresh();
            waitForBubble(wait, driver, "شكرًا على إجاباتك!");
            assertTrue(driver.findElements(By.cssSelector(".buttons button")).isEmpty());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "webchat-ar.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
        List<Document> answers = service.db().getCollection("answers").find(eq("channel", "web"))
                .into(new ArrayList<>());
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(answers.stream().allMatch(a -> "ar".equals(a.getString("language"))));
        assertTrue(answers.stream().anyMatch(a -> "حديقة صغيرة للأطفال".equals(a.getString("text"))));
        assertTrue(answers.stream().anyMatch(a -> "zuid".equals(a.get("value"))));
        String respondent = answers.getFirst().getString("respondent");
        Document session = service.db().getCollection("sessions").find(eq("_id", respondent)).first();
        assertEquals("completed", session.getString("status"));
        assertEquals("web", session.getString("channel"));
    }

    static void waitForBubble(WebDriverWait wait, WebDriver driver, String text) {
        wait.withMessage(() -> "bubble '" + text + "' on " + driver.findElements(By.cssSelector(".msg.bot")).stream()
                .map(WebElement::getText).toList()).until(d -> d.findElements(By.cssSelector(".msg.bot")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    static WebElement button(WebDriverWait wait, WebDriver driver, String id) {
        return wait.until(d -> d.findElements(By.cssSelector(".buttons button[data-id='" + id + "']")).stream()
                .findFirst().orElse(null));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
