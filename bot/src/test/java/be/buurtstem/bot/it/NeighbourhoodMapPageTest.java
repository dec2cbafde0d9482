package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.store.StoredAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisers' neighbourhood map on the real service with the bundled buurtkaart: answers of six residents (five
 * in noord, one in zuid) as the conversation stores them, the page overall and for noord, the picture, the role
 * rules, and a deleted resident's part gone from the page and the picture.
 */
class NeighbourhoodMapPageTest {
    static final String PW = "a long password for tests";
    static Harness service;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("buurtstem-kaart-page");
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.admin-password", PW);
        service = Harness.start(p, false);
        PageUsers.create(service, "olga", PW, Role.ORGANISER);
        PageUsers.create(service, "anna", PW, Role.ANALYST);
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        List<StoredAnswer> answers = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String area = i <= 5 ? "noord" : "zuid";
            String r = "kaart-r" + i;
            round(answers, r, area, 1, i % 2 == 0 ? "het park" : "Het Park", "place", "public_space", "close",
                    i == 6 ? "draining" : "energising", at);
            round(answers, r, area, 2, "Zus van " + i, "person", "family_friends", "very_close", "energising", at);
        }
        // only residents 1 and 2 named the library: named while both are there, gone when one is deleted
        round(answers, "kaart-r1", "noord", 3, "Bibliotheek", "place", "learning", "neutral", "neutral", at);
        round(answers, "kaart-r2", "noord", 3, "bibliotheek", "place", "learning", "far", "neutral", at);
        service.store().putAnswers(answers);
        service.store().durability().sync();
    }

    static void round(List<StoredAnswer> out, String respondent, String area, int round, String name, String kind,
                      String domain, String closeness, String energy, Instant at) {
        String[][] values = {{"entry_name", "free_text", name}, {"entry_type", "single_choice", kind},
                {"entry_domain", "single_choice", domain}, {"closeness", "single_choice", closeness},
                {"give_receive", "single_choice", "both"}, {"influence", "single_choice", "little"},
                {"energy", "single_choice", energy}};
        for (String[] v : values) {
            out.add(new StoredAnswer(StoredAnswer.idOf(respondent, "buurtkaart", 1, v[0], round), respondent,
                    "buurtkaart", 1, v[0], round, v[1], v[2], v[2], "nl", null, null, Map.of("area", area),
                    "telegram", at, at));
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    PageClient as(String user, String lang) {
        PageClient c = new PageClient(service, lang);
        assertEquals("/", c.signIn(user, PW).redirect(), user + " signed in");
        return c;
    }

    byte[] png(PageClient c, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newBuilder().cookieHandler(c.cookies).build().send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        return r.body();
    }

    @Test
    void theNeighbourhoodsMapForOrganisers() throws Exception {
        PageClient olga = as("olga", "nl");
        PageClient.Page list = olga.get("/organiser/buurtkaart");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("/organiser/buurtkaart/buurtkaart"), "the bundled buurtkaart is listed");
        assertFalse(list.body().contains("/organiser/buurtkaart/stellingen"), "a questionnaire without a map is not");

        PageClient.Page page = olga.get("/organiser/buurtkaart/buurtkaart");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("6 kaarten van bewoners"), page.body());
        assertTrue(page.body().contains("Het Park"), "the place most residents named, in their spelling");
        assertTrue(page.body().contains("Bibliotheek"), "named by two residents");
        assertFalse(page.body().contains("Zus van"), "people are never named");
        assertTrue(page.body().contains("segment=area%3Anoord"), "noord has five residents: offered");
        assertFalse(page.body().contains("segment=area%3Azuid"), "zuid has one: not offered");

        PageClient.Page noord = olga.get("/organiser/buurtkaart/buurtkaart?segment=area:noord");
        assertTrue(noord.body().contains("5 kaarten van bewoners"), noord.body());
        PageClient.Page zuid = olga.get("/organiser/buurtkaart/buurtkaart?segment=area:zuid");
        assertTrue(zuid.body().contains("6 kaarten van bewoners"), "a group too small to show is everyone");

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png(olga, "/organiser/buurtkaart/buurtkaart/map.png")));
        assertEquals(1080, img.getWidth());
        PageClient.Page en = as("olga", "en").get("/organiser/buurtkaart/buurtkaart");
        assertTrue(en.body().contains("6 residents’ maps"), en.body());
    }

    @Test
    void onlyOrganisersAndAdminsSeeIt() {
        PageClient anonymous = new PageClient(service, "nl");
        assertTrue(anonymous.get("/organiser/buurtkaart/buurtkaart").redirect().startsWith("/login"));
        assertTrue(anonymous.get("/organiser/buurtkaart/buurtkaart/map.png").redirect().startsWith("/login"));
        assertEquals(403, as("anna", "nl").get("/organiser/buurtkaart/buurtkaart").status());
        assertEquals(404, as("olga", "nl").get("/organiser/buurtkaart/nothing-here").status());
    }

    @Test
    void aDeletedResidentIsAbsent() throws Exception {
        PageClient olga = as("olga", "nl");
        byte[] before = png(olga, "/organiser/buurtkaart/buurtkaart/map.png");
        service.store().deleteRespondent("kaart-r2", null);
        service.store().durability().sync();
        PageClient.Page page = olga.get("/organiser/buurtkaart/buurtkaart");
        assertTrue(page.body().contains("5 kaarten van bewoners"), page.body());
        assertFalse(page.body().contains("Bibliotheek"), "one resident left who named it: no longer named");
        byte[] after = png(olga, "/organiser/buurtkaart/buurtkaart/map.png");
        assertFalse(java.util.Arrays.equals(before, after), "the picture is drawn again without them");
        // put back for the other tests of this class
        List<StoredAnswer> again = new ArrayList<>();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        round(again, "kaart-r2", "noord", 1, "het park", "place", "public_space", "close", "energising", at);
        round(again, "kaart-r2", "noord", 2, "Zus van 2", "person", "family_friends", "very_close", "energising", at);
        round(again, "kaart-r2", "noord", 3, "bibliotheek", "place", "learning", "far", "neutral", at);
        service.store().putAnswers(again);
        service.store().durability().sync();
    }
}
