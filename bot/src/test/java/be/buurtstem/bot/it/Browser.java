package be.buurtstem.bot.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium (Debian's chromium and chromedriver) on the organisers', analysts' and admins' pages, sized
 * like a laptop (or a tablet), in a chosen browser language, with a fresh profile. Screenshots go to
 * {@code target/screenshots/pages-NAME.png}: open them after a run.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final String LAPTOP = "1280,900";
    public static final String TABLET = "820,1180";

    public final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Skips the calling test, with the install line, when chromium or chromedriver is missing. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver)");
    }

    public static Browser open(String baseUrl, String lang) {
        return open(baseUrl, lang, LAPTOP);
    }

    public static Browser open(String baseUrl, String lang, String windowSize) {
        assumeInstalled();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path profile = Files.createTempDirectory("buurtstem-browser");
            System.setProperty("webdriver.chrome.driver", DRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=" + lang, "--window-size=" + windowSize,
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a path of the service ({@code /organiser/overview}). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on the sign-in page and waits for the page after it. */
    public Browser signIn(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.cssSelector(".notice.error")).isEmpty());
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The visible text of the page's main part. */
    public String mainText() {
        return find("main").getText();
    }

    /**
     * Waits up to 20 s for a condition. A click that submits a form swaps the whole document while the condition may
     * be reading the old one: Selenium then throws a stale-element error, and chromedriver sometimes a plain "unknown
     * error: Node with given id does not belong to the document" instead. Both mean "the next page is not there
     * yet", so the condition is asked again; any other error still fails at once.
     */
    public WebDriverWait waiting() {
        return new PageSwapTolerantWait(driver);
    }

    static final class PageSwapTolerantWait extends WebDriverWait {
        PageSwapTolerantWait(ChromeDriver driver) {
            super(driver, Duration.ofSeconds(20));
        }

        @Override
        public <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, V> condition) {
            return super.until(d -> {
                try {
                    return condition.apply(d);
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (isPageSwap(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        }

        static boolean isPageSwap(org.openqa.selenium.WebDriverException e) {
            if (e instanceof org.openqa.selenium.StaleElementReferenceException) {
                return true;
            }
            String message = String.valueOf(e.getMessage());
            return message.contains("does not belong to the document") || message.contains("Execution context was destroyed")
                    || message.contains("No node with given id found");
        }
    }

    /** Saves a screenshot as {@code target/screenshots/pages-NAME.png}. */
    public Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path to = SCREENSHOTS.resolve("pages-" + name + ".png");
        try {
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
