package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.saturation.SaturationService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printable saturation report in a real headless Chromium, printed to PDF through the DevTools
 * ({@code Page.printToPDF}, the page's own {@code @page} size): 40 coded answers from two areas; an organiser opens
 * it in Dutch from the saturation page's link, an analyst in French under {@code /analyst}; each PDF is A4, at most
 * three pages, holds the verdict, the code-saturation statement and the table per group, and neither the menu nor a
 * resident's words. The JSON download of the same report is checked alongside.
 */
class SaturationPrintBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String PW = "a long password for print tests";
    static final String ANALYST_TOKEN = "analyst-token-for-print-0123456789";
    static final String[] TEXTS = {
            "Het park is vuil en er ligt overal zwerfvuil.", "Te veel verkeer en auto's die te snel rijden.",
            "De huur is veel te duur voor ons.", "Meer bomen en groen in de straat.",
            "Er is geen plek om buren te ontmoeten."};
    static final int RESIDENTS = 40;

    @TempDir
    static Path dataDir;
    static Harness service;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.analyst-token", ANALYST_TOKEN);
        p.put("buurtstem.coding.tick-interval", "100ms");
        service = Harness.start(p);
        PageUsers.create(service, "olga", PW, Role.ORGANISER);
        PageUsers.create(service, "anna", PW, Role.ANALYST);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < RESIDENTS; i++) {
            Api.simulate(service, "sim-print-" + i, "buurt", TEXTS[i % TEXTS.length] + " (" + i + ")",
                    i % 4 == 0 ? "zuid" : "noord", t0.plusSeconds(60L * i));
        }
        SaturationService saturation = service.context.getBean(SaturationService.class);
        Harness.await(RESIDENTS + " residents counted", WAIT, () -> saturation.report("buurt")
                .map(r -> ((Number) r.get("respondents")).intValue() == RESIDENTS).orElse(false));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** The page printed to PDF as the browser's print dialog would, with the page's own @page size. */
    static byte[] printToPdf(Browser b) {
        Map<String, Object> result = b.driver.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        return Base64.getDecoder().decode((String) result.get("data"));
    }

    /**
     * The report is there (its curve drawn) before it is printed: under load a print taken right after the
     * navigation once gave an empty US-letter page (CI), which says nothing about the report.
     */
    static void awaitReport(Browser b) {
        try {
            b.waiting().until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(
                    "main.saturation-print figure.accumulation svg")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = b.driver.getPageSource();
            throw new AssertionError("the printable report did not arrive at " + b.driver.getCurrentUrl() + ": "
                    + page.substring(0, Math.min(page.length(), 600)), e);
        }
    }

    static String checkPdf(byte[] pdf, String name) throws Exception {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("pages-" + name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 1 && pages <= 3, name + ": " + pages + " pages");
            PDRectangle size = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 2, name + ": A4 wide");
            assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 2, name + ": A4 high");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String t : TEXTS) {
                assertFalse(text.contains(t.substring(0, 20)), name + ": a resident's words in the report");
            }
            System.out.println(name + ": " + pages + " pages, " + pdf.length + " bytes");
            return text;
        }
    }

    @Test
    void anOrganiserPrintsTheReportInDutchFromTheSaturationPage() throws Exception {
        try (Browser b = Browser.open(service.baseUrl(), "nl")) {
            b.signIn("olga", PW);
            b.go("/organiser/saturation/buurt?lang=nl");
            b.find("a[href$='/organiser/saturation/buurt/print']").click();
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/print"));
            assertTrue(b.find("main figure.accumulation svg").isDisplayed(), "the curve as inline SVG");
            b.screenshot("saturation-print-nl");
            String text = checkPdf(printToPdf(b), "saturation-print-nl");
            assertTrue(text.contains("Horen we nog nieuwe thema's? Onze buurt (buurt)"), text);
            assertTrue(text.contains("Dit rapport meet codeverzadiging"), text);
            assertTrue(text.contains("geen betekenisverzadiging"), text);
            assertTrue(text.contains("noord") && text.contains("zuid"), "the table per group: " + text);
            assertTrue(text.contains(String.valueOf(RESIDENTS)), text);
            assertFalse(text.contains("Afmelden") || text.contains("Vragenlijsten"), "no menu on paper: " + text);
        }
    }

    @Test
    void anAnalystPrintsItInFrenchAndDownloadsTheSameReportAsJson() throws Exception {
        try (Browser b = Browser.open(service.baseUrl(), "fr")) {
            b.signIn("anna", PW);
            b.go("/analyst/saturation/buurt/print?lang=fr");
            awaitReport(b);
            String text = checkPdf(printToPdf(b), "saturation-print-fr");
            assertTrue(text.contains("Entendons-nous encore de nouveaux thèmes ?"), text);
            assertTrue(text.contains("la saturation des codes"), text);
            b.go("/analyst/saturation/nowhere/print");
            assertTrue(b.mainText().length() > 0 && !b.driver.getPageSource().contains("Exception"),
                    "an unknown questionnaire is a plain page");
        }
        Api.Reply json = new Api(service).get("/api/analyst/saturation/buurt.json", ANALYST_TOKEN);
        assertEquals(200, json.status(), json.body());
        assertTrue(json.headers().firstValue("Content-Disposition").orElse("").contains("saturation-buurt.json"));
        var report = json.json();
        assertEquals(RESIDENTS, report.path("respondents").asInt());
        for (String field : new String[]{"answers", "themes_seen", "singletons", "doubletons", "chao1", "chao2",
                "coverage", "new_share_last_run", "status", "saturated", "saturated_at", "curve"}) {
            assertTrue(report.has(field), field + " in " + json.body());
        }
        assertEquals(RESIDENTS, report.path("curve").size());
        assertEquals(30, report.path("segments").path("area").path("noord").path("respondents").asInt());
        assertEquals(404, new Api(service).get("/api/analyst/saturation/nowhere.json", ANALYST_TOKEN).status());
    }
}
