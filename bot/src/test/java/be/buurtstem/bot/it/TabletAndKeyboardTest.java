package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisers', analysts' and admins' main pages on a tablet held upright (820 px wide): nothing runs off the side of the
 * screen, and a keyboard alone gets through them — the first Tab reaches "skip to content", which moves the focus to
 * the page's main part, and every element the Tab key reaches shows where the focus is. Screenshots:
 * pages-tablet-*.png.
 */
class TabletAndKeyboardTest {
    static final List<String> PAGES = List.of("/", "/organiser/questionnaires", "/organiser/reach",
            "/organiser/overview", "/organiser/saturation", "/analyst/answers", "/analyst/review", "/analyst/models",
            "/admin/accounts", "/account/password");
    static Harness service;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Map<String, Object> p = Harness.properties(Files.createTempDirectory("buurtstem-tablet"), null);
        p.put("buurtstem.admin-password", "een lang eerste wachtwoord");
        service = Harness.start(p, false);
        PageUsers.create(service, "wijkwerker", "de markt op zaterdag", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void mainPagesFitATabletAndWorkWithTheKeyboard() {
        try (Browser b = Browser.open(service.baseUrl(), "nl", Browser.TABLET)) {
            b.signIn("wijkwerker", "de markt op zaterdag");
            JavascriptExecutor js = b.driver;
            for (String page : PAGES) {
                b.go(page);
                assertFalse(b.driver.getCurrentUrl().contains("/login"), page + " opens for an admin");
                long overflow = (Long) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 1, page + " is wider than the tablet by " + overflow + " px");
                b.screenshot("tablet" + (page.equals("/") ? "-home" : page.replace('/', '-')));

                // the first Tab from the top of the page reaches the skip link, and Enter moves on to the content
                // from the top of the page (a page may have put the focus in its first field)
                js.executeScript("window.scrollTo(0, 0); document.body.setAttribute('tabindex', '-1');"
                        + " document.body.focus(); document.body.removeAttribute('tabindex');");
                new Actions(b.driver).sendKeys(Keys.TAB).perform();
                WebElement first = b.driver.switchTo().activeElement();
                assertEquals("skip", first.getAttribute("class"), page + ": the first Tab reaches 'skip to content'");
                assertTrue(first.isDisplayed(), page + ": the skip link shows when it has the focus");
                new Actions(b.driver).sendKeys(Keys.ENTER).perform();
                assertTrue(b.driver.getCurrentUrl().endsWith("#main"), page + ": the skip link leads to the content");

                // every element reached by Tab shows the focus (an outline), up to 25 of them
                for (int i = 0; i < 25; i++) {
                    new Actions(b.driver).sendKeys(Keys.TAB).perform();
                    WebElement e = b.driver.switchTo().activeElement();
                    if ("body".equals(e.getTagName())) {
                        break;
                    }
                    String outline = (String) js.executeScript(
                            "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", e);
                    assertFalse(outline.startsWith("none") || outline.endsWith(" 0px"),
                            page + ": the focus is not visible on <" + e.getTagName() + "> '" + e.getText() + "': "
                                    + outline);
                }
            }
        }
    }
}
