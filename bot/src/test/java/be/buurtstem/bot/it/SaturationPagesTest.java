package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.saturation.SaturationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saturation page and its printable report as served (no browser: the browser tests skip where Chromium is
 * missing): 40 coded answers, 30 from noord and 10 from zuid. Both show the same verdict, estimate, table per group
 * (the page under a heading, the report with a caption) and the same missing voices, from the parts they share.
 */
class SaturationPagesTest {
    static final String PW = "a long password for page tests";

    @TempDir
    static Path dataDir;
    static Harness service;
    static PageClient olga;

    @BeforeAll
    static void start() {
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.saturation.segments", "area");
        service = Harness.start(p);
        PageUsers.create(service, "olga", PW, Role.ORGANISER);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        String[] texts = SaturationPrintBrowserTest.TEXTS;
        for (int i = 0; i < 40; i++) {
            Api.simulate(service, "sim-pages-" + i, "buurt", texts[i % texts.length] + " (" + i + ")",
                    i % 4 == 0 ? "zuid" : "noord", t0.plusSeconds(60L * i));
        }
        SaturationService saturation = service.context.getBean(SaturationService.class);
        Harness.await("40 residents counted", Duration.ofSeconds(60), () -> saturation.report("buurt")
                .map(r -> ((Number) r.get("respondents")).intValue() == 40).orElse(false));
        olga = new PageClient(service, "nl");
        assertEquals("/", olga.signIn("olga", PW).redirect());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void thePageAndThePrintedReportShowTheSameFindings() {
        PageClient.Page page = olga.get("/organiser/saturation/buurt?lang=nl");
        PageClient.Page print = olga.get("/organiser/saturation/buurt/print?lang=nl");
        assertEquals(200, page.status(), page.body());
        assertEquals(200, print.status(), print.body());

        List<String> verdict = texts(page.body(), "<section class=\"verdict-box notice[^\"]*\"[^>]*>(.*?)</section>");
        assertEquals(1, verdict.size(), page.body());
        assertTrue(verdict.get(0).startsWith("We horen nu vooral dezelfde thema's"), verdict.get(0));
        assertEquals(verdict, texts(print.body(), "<section class=\"verdict-box notice[^\"]*\"[^>]*>(.*?)</section>"));

        List<String> estimate = texts(page.body(), "<ul class=\"estimate\">(.*?)</ul>");
        assertEquals(1, estimate.size());
        assertTrue(estimate.get(0).contains("We hoorden 7 thema's"), estimate.get(0));
        assertEquals(estimate, texts(print.body(), "<ul class=\"estimate\">(.*?)</ul>"));

        String rowsOf = "<table class=\"compact segment-table\">(.*?)</table>";
        List<String> pageTables = texts(page.body(), rowsOf);
        List<String> printTables = texts(print.body(), rowsOf);
        String area = "Groep Bewoners Gehoorde thema's Wat we horen De laatste tijd"
                + " noord 30 7 We horen nu vooral dezelfde thema's De laatste 20 bewoners brachten geen nieuw thema aan."
                + " zuid 10 7 Nog te weinig antwoorden De laatste 10 bewoners brachten 7 nieuwe thema’s aan.";
        assertTrue(pageTables.contains(area), "the area's table on the page: " + pageTables);
        assertTrue(printTables.contains("Wijk " + area), "on paper, under its caption: " + printTables);
        assertTrue(page.body().contains("<h3>Wijk</h3>"), "on the page under a heading");
        assertEquals(pageTables.size(), printTables.size(), "a table per group on both");

        List<String> gaps = texts(page.body(), "<ul class=\"gaps\">(.*?)</ul>");
        assertEquals(List.of("Wijk: zuid: maar 10 bewoners tot nu; vanaf 30 kunnen we zeggen of we van hen nog"
                + " nieuwe thema's horen."), gaps);
        assertEquals(gaps, texts(print.body(), "<ul class=\"gaps\">(.*?)</ul>"));

        String measure = "<tr><th scope=\"row\">([^<]+)</th><td class=\"number\">[^<]*</td></tr>";
        List<String> measures = texts(print.body(), measure);
        assertFalse(measures.isEmpty(), print.body());
        assertTrue(texts(page.body(), measure).containsAll(measures), "the page lists the report's measures");
        String printed = print.body().substring(print.body().indexOf("<main"), print.body().indexOf("</main>"));
        assertFalse(printed.contains("<form"), "the forms stay on the page: " + printed);
        assertTrue(page.body().contains("/organiser/saturation/buurt/make-up"), "the page has the make-up form");
    }

    /** The text (tags dropped, spaces folded, entities read) of each match's first group. */
    static List<String> texts(String html, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(1).replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").strip());
        }
        return out;
    }
}
