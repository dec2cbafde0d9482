package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario for the questionnaires page, in a headless browser in Dutch: an organiser uploads a broken
 * questionnaire (a YAML syntax error, then a wrong kind), reads the plain messages beside their lines, fixes it in
 * the page, tries it out as a resident (nothing stored or counted), publishes it; a resident then starts it through
 * the fake Telegram server and the list shows that resident in the new version. A changed copy is published as the
 * next version. Analysts and anonymous visitors are refused. Screenshots: list, problems, preview, published.
 */
class QuestionnairesBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GOOD = """
            id: proef
            version: 1
            languages: [nl, en]
            title: {nl: "Proef in de straat", en: "Street trial"}
            start: welcome
            nodes:
              - id: welcome
                kind: message
                text:
                  nl: "Hallo! Dit is een proef."
                  en: "Hello! This is a trial."
                next: consent
              - id: consent
                kind: consent
                text: {nl: "Doet u mee?", en: "Will you take part?"}
                yes: {nl: "Ja", en: "Yes"}
                no: {nl: "Nee", en: "No"}
                refused_text: {nl: "Geen probleem.", en: "That is fine."}
                next: area
              - id: area
                kind: single_choice
                text: {nl: "Waar woont u?", en: "Where do you live?"}
                options:
                  - id: noord
                    label: {nl: "Noord", en: "North"}
                  - id: zuid
                    label: {nl: "Zuid", en: "South"}
                next: wish
              - id: wish
                kind: free_text
                text: {nl: "Wat wenst u voor de straat?", en: "What do you wish for the street?"}
                next: bye
              - id: bye
                kind: end
                text: {nl: "Bedankt!", en: "Thank you!"}
            """;
    /** Line 11 indented by one space too few (a YAML syntax error), and a wrong kind on line 30. */
    static final String BROKEN = GOOD.replace("      en: \"Hello! This is a trial.\"", "     en: \"Hello! This is a trial.\"")
            .replace("kind: free_text", "kind: vrije_tekst");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        service = Harness.start(p, false);
        PageUsers.create(service, "ann", "organiser-pass-1", Role.ORGANISER);
        PageUsers.create(service, "bob", "analyst-pass-1", Role.ANALYST);
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
    void uploadFixTryOutPublishAndAResidentStartsTheNewVersion() throws Exception {
        assertTrue(BROKEN.lines().toList().get(10).startsWith("     en:"), "line 11 is the broken one");
        Path broken = files.resolve("proef.yaml");
        Files.writeString(broken, BROKEN);
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("ann", "organiser-pass-1");
            b.go("/organiser/questionnaires");
            assertTrue(b.mainText().contains("Stellingen over de buurt"), "the bundled questionnaires are listed with their Dutch title");
            assertTrue(b.mainText().contains("Hoort bij Buurtstem"), b.mainText());
            b.screenshot("questionnaires-list");

            // 1. upload the broken file: the syntax error, in plain Dutch, beside line 11
            b.go("/organiser/questionnaires/edit");
            b.find("#file").sendKeys(broken.toAbsolutePath().toString());
            b.find("form.upload button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("li.problem")).isEmpty());
            List<WebElement> problems = b.driver.findElements(By.cssSelector("li.problem"));
            assertEquals(1, problems.size(), b.mainText());
            assertEquals("11", problems.get(0).getAttribute("data-line"));
            String message = problems.get(0).findElement(By.cssSelector(".message")).getText();
            assertEquals("Deze regel springt anders in dan de regel erboven (5 spaties, regel 10 heeft er 6). "
                    + "Laat hem inspringen zoals regel 10, of zoals de regel hogerop waar hij bij hoort.", message);
            assertTrue(problems.get(0).findElement(By.cssSelector(".src.bad")).getText().contains("en: \"Hello! This is a trial.\""),
                    "the line itself is shown beside the message");
            assertNoJargon(b.mainText());
            assertEquals(BROKEN.strip(), b.find("#text").getAttribute("value").strip(), "the uploaded text is in the editor");
            b.screenshot("questionnaires-problems");

            // 2. fix the indentation in the page: now the one wrong kind, one message naming the kinds
            replaceText(b, BROKEN.replace("     en: \"Hello! This is a trial.\"", "      en: \"Hello! This is a trial.\""));
            b.find("button[name=action][value=check]").click();
            b.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("li.problem .message")).getText().contains("vrije_tekst"));
            problems = b.driver.findElements(By.cssSelector("li.problem"));
            assertEquals(1, problems.size(), "one wrong kind, one message: " + b.mainText());
            assertEquals("30", problems.get(0).getAttribute("data-line"));
            message = problems.get(0).findElement(By.cssSelector(".message")).getText();
            assertTrue(message.startsWith("‘vrije_tekst’ is geen soort vraag (in ‘wish’)."), message);
            assertTrue(message.contains("message, consent, language, single_choice, multiple_choice, free_text"), message);
            assertNoJargon(b.mainText());
            b.screenshot("questionnaires-wrong-kind");

            // 3. fix the kind and try it out as a resident: two questions answered, nothing stored
            replaceText(b, GOOD);
            long sessions = count("sessions");
            long respondents = count("respondents");
            long answers = count("answers");
            b.find("button[name=action][value=preview]").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/preview"));
            assertTrue(b.mainText().contains("Hallo! Dit is een proef."), b.mainText());
            assertEquals("Uitproberen: Proef in de straat", b.find("main h1").getText());
            clickButton(b, "Ja");
            awaitMain(b, "Waar woont u?");
            b.driver.executeScript("window.scrollTo(0, 0)");
            b.screenshot("questionnaires-preview");
            clickButton(b, "Noord");
            awaitMain(b, "Wat wenst u voor de straat?");
            b.find("#answer").sendKeys("Meer bomen en een bank");
            b.find("form.chat-type button").click();
            awaitMain(b, "Bedankt!");
            assertTrue(b.mainText().contains("Meer bomen en een bank"), "the typed answer shows in the test conversation");
            assertTrue(b.mainText().contains("niets wat u hier antwoordt wordt bewaard"), b.mainText());
            b.screenshot("questionnaires-preview-finished");
            assertEquals(sessions, count("sessions"), "a test conversation is no resident's session");
            assertEquals(respondents, count("respondents"), "a test conversation is no resident");
            assertEquals(answers, count("answers"), "a test conversation stores no answer (so no overview, saturation or export counts it)");
            assertEquals(0, service.db().getCollection("answers").countDocuments(eq("questionnaire", "proef")));

            // 4. publish
            b.find(".after-preview button.primary").click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/organiser/questionnaires"));
            assertTrue(b.mainText().contains("proef is gepubliceerd als versie 1."), b.mainText());
            WebElement row = b.find("#q-proef tr[data-version='1']");
            assertTrue(row.getText().contains("Nieuwe bewoners beginnen hieraan"), row.getText());
            assertTrue(row.getText().contains("Gepubliceerd op deze pagina"), row.getText());
            assertNotNull(service.db().getCollection("questionnaires").find(eq("_id", "proef:1")).first());
            b.screenshot("questionnaires-published");

            // 5. a resident starts it through Telegram and gets the new questionnaire
            long chat = 7101;
            telegram.text(chat, "/start proef", "nl");
            Harness.awaitText(telegram, chat, "Doet u mee?", WAIT);
            telegram.press(chat, "yes", "nl");
            Harness.awaitText(telegram, chat, "Waar woont u?", WAIT);
            Document session = service.db().getCollection("sessions").find(eq("_id", service.rid(chat))).first();
            assertEquals("proef", session.getString("questionnaire"));
            assertEquals(1, session.getInteger("questionnaireVersion"));

            b.go("/organiser/questionnaires");
            row = b.find("#q-proef tr[data-version='1']");
            assertEquals("1", row.findElement(By.cssSelector("td.in-progress")).getText(), "the list shows the resident in version 1");
            assertEquals("0", row.findElement(By.cssSelector("td.completed")).getText());
            b.driver.executeScript("arguments[0].scrollIntoView()", b.find("#q-proef"));
            b.screenshot("questionnaires-resident-in-version");

            // 6. a changed copy that still says version 1 is published as version 2; the resident keeps version 1
            b.go("/organiser/questionnaires/edit?from=proef:1");
            replaceText(b, GOOD.replace("Wat wenst u voor de straat?", "Wat wenst u voor uw straat?"));
            b.find("button[name=action][value=publish]").click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/organiser/questionnaires"));
            assertTrue(b.mainText().contains("proef is gepubliceerd als versie 2: versie 1 bestond al met een andere inhoud"), b.mainText());
            assertTrue(b.find("#q-proef tr[data-version='2']").getText().contains("Nieuwe bewoners beginnen hieraan"));
            assertEquals("1", b.find("#q-proef tr[data-version='1'] td.in-progress").getText());
            telegram.press(chat, "noord", "nl");
            Harness.awaitText(telegram, chat, "Wat wenst u voor de straat?", WAIT);

            // 7. retire version 2: new residents start version 1 again
            b.find("#q-proef tr[data-version='2'] form[action$='/retire'] button").click();
            awaitMain(b, "Versie 2 van proef is stopgezet");
            assertTrue(b.find("#q-proef tr[data-version='1']").getText().contains("Nieuwe bewoners beginnen hieraan"));

            // 8. a published version tried out from the list; then the questionnaire is no longer served at all
            b.find("#q-proef tr[data-version='1'] form[action$='/preview'] button").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/preview"));
            awaitMain(b, "Hallo! Dit is een proef.");
            b.go("/organiser/questionnaires");
            b.find("#q-proef form[action$='/stop'] button").click();
            awaitMain(b, "proef wordt niet meer aangeboden aan nieuwe bewoners");
            assertTrue(b.find("#q-proef").getText().contains("Geen enkele versie van deze vragenlijst staat open"));
            long newcomer = 7102;
            telegram.text(newcomer, "/start proef", "nl");
            Harness.awaitTexts(telegram, newcomer, 1, WAIT);
            assertTrue(telegram.textsTo(newcomer).stream().noneMatch(t -> t.contains("Dit is een proef")),
                    "a stopped questionnaire is not started: " + telegram.textsTo(newcomer));
            telegram.text(chat, "Meer bomen", "nl");
            Harness.awaitText(telegram, chat, "Bedankt!", WAIT);
            b.go("/organiser/questionnaires");
            assertEquals("1", b.find("#q-proef tr[data-version='1'] td.completed").getText(), "the resident in it finished it");
        }
        List<Document> audit = service.db().getCollection("audit").find().into(new java.util.ArrayList<>());
        assertTrue(audit.stream().filter(a -> a.getString("type").startsWith("questionnaire_"))
                .allMatch(a -> "ann".equals(a.get("details", Document.class).getString("by"))), "every action says who");
        List<String> actions = service.db().getCollection("audit").find(eq("details.by", "ann"))
                .map(d -> d.getString("type")).into(new java.util.ArrayList<>());
        assertTrue(actions.containsAll(List.of("questionnaire_uploaded", "questionnaire_checked", "questionnaire_previewed",
                "questionnaire_published", "questionnaire_retired", "questionnaire_stopped")), actions.toString());
        Document published = service.db().getCollection("audit").find(eq("type", "questionnaire_published")).first();
        assertEquals("proef", published.get("details", Document.class).getString("questionnaire"));
        assertNotNull(published.getDate("at"));
    }

    @Test
    void analystsAndAnonymousVisitorsAreRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/organiser/questionnaires", "/organiser/questionnaires/edit", "/organiser/questionnaires/preview")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login"), path);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/organiser/questionnaires/publish"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=id%3A+x")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(post.statusCode() == 403 || post.statusCode() == 302, "an anonymous post is refused: " + post.statusCode());
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("bob", "analyst-pass-1");
            b.go("/organiser/questionnaires");
            assertTrue(b.mainText().contains("Met uw rol mag u deze pagina niet openen."), b.mainText());
            assertFalse(b.mainText().contains("Vragenlijsten"), "the analyst sees no questionnaire list");
            b.go("/organiser/questionnaires/edit?from=template");
            assertFalse(b.driver.getPageSource().contains("id=\"text\""), "nor the editor");
        }
        assertEquals(0, service.db().getCollection("questionnaires").countDocuments(eq("id", "x")));
    }

    @Test
    void anXlsFormIsUploadedShownAsYamlWithItsRowsAndTriedOut() throws Exception {
        String survey = """
                type | name | label::Nederlands (nl) | relevant
                select_one yn | komt | Komt u naar het buurtfeest? |
                integer | hoeveel | Met hoeveel personen? | ${komt} = 'ja' and ${komt} * 2 > 1
                """;
        String choices = "list_name | name | label::Nederlands (nl)\nyn | ja | Ja\nyn | nee | Nee";
        Path broken = be.buurtstem.bot.files.xlsform.TestForms.write(files.resolve("feest.xlsx"),
                "survey", survey, "choices", choices, "settings", "form_id\nfeest");
        Path good = be.buurtstem.bot.files.xlsform.TestForms.write(files.resolve("feest-goed.xlsx"),
                "survey", survey.replace(" and ${komt} * 2 > 1", ""), "choices", choices, "settings", "form_id\nfeest");
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("ann", "organiser-pass-1");
            b.go("/organiser/questionnaires/edit");
            assertTrue(b.mainText().contains("YAML, of een XLSForm .xlsx"), b.mainText());
            b.find("#file").sendKeys(broken.toAbsolutePath().toString());
            b.find("form.upload button[type=submit]").click();
            b.waiting().until(d -> !d.findElements(By.cssSelector("li.problem")).isEmpty());
            List<WebElement> problems = b.driver.findElements(By.cssSelector("li.problem.error"));
            assertEquals(1, problems.size(), b.mainText());
            String message = problems.get(0).findElement(By.cssSelector(".message")).getText();
            assertTrue(message.startsWith("survey:3: relevant '${komt} = 'ja' and ${komt} * 2 > 1' cannot be translated"), message);
            String yaml = b.find("#text").getAttribute("value");
            assertTrue(yaml.contains("id: \"feest\"") && yaml.contains("Met hoeveel personen?"), "the converted YAML is in the editor: " + yaml);
            int line = Integer.parseInt(problems.get(0).getAttribute("data-line"));
            assertTrue(yaml.lines().toList().get(line - 1).contains("hoeveel"), "the problem is on the line of its question: " + line);

            b.find("#file").sendKeys(good.toAbsolutePath().toString());
            b.find("form.upload button[type=submit]").click();
            b.waiting().until(d -> d.findElements(By.cssSelector("li.problem.error")).isEmpty()
                    && d.findElement(By.id("text")).getAttribute("value").contains("feest"));
            b.find("button[name=action][value=preview]").click();
            b.waiting().until(d -> d.getCurrentUrl().contains("/preview"));
            awaitMain(b, "Komt u naar het buurtfeest?");
            clickButton(b, "Nee");
            awaitMain(b, "Bedankt voor uw antwoorden!");
            assertFalse(b.mainText().contains("Met hoeveel personen?"), "not relevant after Nee: " + b.mainText());
        }
    }

    private static void awaitMain(Browser b, String text) {
        b.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(text));
    }

    private static long count(String collection) {
        return service.db().getCollection(collection).countDocuments();
    }

    /** Replaces the editor's text as an organiser would: select all, then type the new text. */
    private static void replaceText(Browser b, String text) {
        WebElement area = b.find("#text");
        area.clear();
        area.sendKeys(text);
        assertEquals(text.strip(), area.getAttribute("value").strip());
    }

    private static void clickButton(Browser b, String label) {
        for (WebElement button : b.driver.findElements(By.cssSelector("form.chat-buttons button"))) {
            if (button.getText().equals(label)) {
                button.click();
                return;
            }
        }
        throw new AssertionError("no button '" + label + "' in " + b.mainText());
    }

    private static void assertNoJargon(String text) {
        for (String jargon : List.of("<block", "expected <", "pattern index", "YAML syntax", "scalar", "Exception")) {
            assertFalse(text.contains(jargon), "'" + jargon + "' on the page: " + text);
        }
    }
}
