package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium: the first admin signs in with the one-time password from the console, is made to choose a password,
 * adds an organiser and signs out; the organiser signs in with theirs, sees only the organisers' tiles and is
 * refused the accounts page; a wrong password is explained in Dutch and in French. Screenshots: pages-sign-in,
 * pages-password-change, pages-accounts, pages-organiser-home.
 */
class AccountsBrowserTest {
    static Harness service;
    static String oneTime;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Map<String, Object> p = Harness.properties(Files.createTempDirectory("buurtstem-accounts-browser"), null);
        Harness[] s = new Harness[1];
        String console = FirstAdminTest.console(() -> Harness.start(p), s);
        service = s[0];
        Matcher m = FirstAdminTest.PRINTED.matcher(console);
        assertTrue(m.find(), "the one-time password is on the console");
        oneTime = m.group(1);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static void type(Browser b, String id, String text) {
        WebElement e = b.find("#" + id);
        e.clear();
        e.sendKeys(text);
    }

    static void choosePassword(Browser b, String current, String chosen) {
        type(b, "current", current);
        type(b, "chosen", chosen);
        type(b, "again", chosen);
        b.find("main form button[type=submit]").click();
        b.waiting().until(d -> !d.getCurrentUrl().contains("/account/password"));
    }

    @Test
    void firstAdminAddsAnOrganiserWhoSeesOnlyTheirOwnPages() {
        String organiserPassword;
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.go("/login");
            b.screenshot("sign-in");
            b.signIn("admin", oneTime);
            assertTrue(b.driver.getCurrentUrl().endsWith("/account/password"), b.driver.getCurrentUrl());
            assertTrue(b.mainText().contains("Kies eerst uw eigen wachtwoord"), b.mainText());
            b.go("/admin/accounts");
            assertTrue(b.driver.getCurrentUrl().endsWith("/account/password"), "nothing else opens first");
            type(b, "current", oneTime);
            type(b, "chosen", "kort");
            type(b, "again", "kort");
            b.find("main form button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.id("chosen-error")).isEmpty());
            assertTrue(b.find("#chosen-error").getText().contains("minstens 10 tekens"), b.mainText());
            b.screenshot("password-change");
            choosePassword(b, oneTime, "de markt op zaterdag");
            assertTrue(b.mainText().contains("Uw nieuwe wachtwoord is bewaard."), b.mainText());

            b.find("a[href='/admin/accounts']").click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/admin/accounts"));
            type(b, "new-username", "Olga");
            assertTrue(b.find("#new-role-organiser").isSelected(), "organiser is ticked by default");
            b.find("form.add-account button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.id("one-time-password")).isEmpty());
            organiserPassword = b.find("#one-time-password").getText();
            assertTrue(b.mainText().contains("Het account olga is klaar."), b.mainText());
            assertTrue(b.find("#account-olga").getText().contains("Heeft nog een eenmalig wachtwoord"));
            b.screenshot("accounts");
            b.find("header form button[type=submit]").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/login?signedOut"));
            assertTrue(b.mainText().contains("U bent afgemeld."));
        }
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("olga", organiserPassword);
            choosePassword(b, organiserPassword, "fietsen langs de vaart");
            List<String> tiles = b.driver.findElements(By.cssSelector("ul.tiles a")).stream()
                    .map(e -> e.getAttribute("href").replaceFirst("^https?://[^/]+", "")).toList();
            assertEquals(List.of("/organiser/questionnaires", "/organiser/reach", "/organiser/overview",
                    "/organiser/saturation"), tiles);
            assertFalse(b.find("header").getText().contains("Accounts"), "no accounts menu item");
            b.screenshot("organiser-home");
            b.go("/admin/accounts");
            assertTrue(b.mainText().contains("Met uw rol mag u deze pagina niet openen."), b.mainText());
        }
        for (String[] lang : new String[][]{{"nl", "Die naam en dat wachtwoord horen niet bij elkaar."},
                {"fr", "Ce nom et ce mot de passe ne correspondent pas."}}) {
            try (Browser b = Browser.open(service.baseUrl(), lang[0])) {
                b.signIn("olga", "niet het wachtwoord");
                assertTrue(b.find(".notice.error").getText().contains(lang[1]), b.mainText());
                if (lang[0].equals("fr")) {
                    b.screenshot("sign-in-wrong-fr");
                }
            }
        }
    }
}
