package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole buurtkaart conversation over the fake Telegram with the real engine and the bundled questionnaire: at its
 * end the resident gets their map as a photo (drawn from the stored answers when sent), gets it again with "mijn
 * kaart" and {@code /kaart}, and after deleting their answers has no map any more.
 */
class BuurtkaartTelegramTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        service = Harness.start(Harness.properties(dataDir, telegram), false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    /** Waits until the last message sent to the chat contains {@code expected}. */
    static void last(long chat, String expected) {
        Harness.await("last message to " + chat + " contains '" + expected + "'", WAIT, () -> {
            List<String> texts = telegram.textsTo(chat);
            return !texts.isEmpty() && texts.getLast().contains(expected);
        });
    }

    static void press(long chat, String question, String... buttons) {
        last(chat, question);
        for (String b : buttons) {
            telegram.press(chat, b, "nl");
        }
    }

    /** One person or place: the name, then every question of the round by its buttons. */
    static void round(long chat, int n, String name, String kind, String domain, String closeness, String giving,
                      String support, String frequency, String influence, String energy, boolean more) {
        last(chat, "Nummer " + n + ". Wie of wat wilt u toevoegen?");
        telegram.text(chat, name, "nl");
        press(chat, "een persoon, een plek of een organisatie?", kind);
        press(chat, "In welk deel van uw leven", domain);
        press(chat, "Hoe dicht staat", closeness);
        press(chat, "Wie geeft het meest", giving);
        last(chat, "Wat voor steun is het?");
        telegram.press(chat, support, "nl");
        telegram.press(chat, "_done", "nl");
        press(chat, "Hoe vaak hebt u contact?", frequency);
        press(chat, "veel invloed in de buurt?", influence);
        press(chat, "Hoe voelt u zich door dit contact?", energy);
        press(chat, "Wilt u nog iemand of iets toevoegen?", more ? "yes" : "no");
    }

    static BufferedImage image(FakeTelegram.Photo p) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(p.image()));
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 1) {
            for (int x = 0; x < img.getWidth(); x += 1) {
                Color p = new Color(img.getRGB(x, y));
                n += Math.abs(p.getRed() - c.getRed()) < 8 && Math.abs(p.getGreen() - c.getGreen()) < 8
                        && Math.abs(p.getBlue() - c.getBlue()) < 8 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theMapComesBackAsAPhotoAndGoesWithTheAnswers() throws IOException {
        long chat = 8101;
        telegram.text(chat, "/start buurtkaart", "nl");
        press(chat, "Doet u mee?", "yes");
        Harness.await("language question or first name", WAIT, () -> {
            List<String> t = telegram.textsTo(chat);
            return !t.isEmpty() && (t.getLast().contains("In welke taal") || t.getLast().contains("Nummer 1"));
        });
        if (telegram.textsTo(chat).getLast().contains("In welke taal")) {
            telegram.press(chat, "nl", "nl");
        }
        round(chat, 1, "Mijn buurvrouw Els", "person", "family_friends", "very_close", "both", "company", "weekly",
                "little", "energising", true);
        round(chat, 2, "Het park", "place", "public_space", "close", "i_receive", "practical", "daily", "a_lot",
                "draining", false);
        last(chat, "Bedankt! 🙏 Uw kaart heeft nu 2 namen.");

        Harness.await("the map sent as a photo", WAIT, () -> telegram.photosTo(chat).size() == 1);
        FakeTelegram.Photo photo = telegram.photosTo(chat).getFirst();
        assertTrue(photo.caption().contains("mijn kaart"), photo.caption());
        BufferedImage img = image(photo);
        assertEquals(1080, img.getWidth());
        assertEquals(1080, img.getHeight());
        Color green = be.buurtstem.bot.service.buurtkaart.MapColours.ENERGISING;
        Color red = be.buurtstem.bot.service.buurtkaart.MapColours.DRAINING;
        Color blue = be.buurtstem.bot.service.buurtkaart.MapColours.NEUTRAL;
        // no neutral actor: blue is only the legend's small dot; green and red have a map dot more than that
        int legendDot = count(img, blue);
        assertTrue(legendDot > 100 && legendDot < 450, "the legend's blue dot: " + legendDot);
        assertTrue(count(img, green) > legendDot + 250, "the energising neighbour: " + count(img, green));
        assertTrue(count(img, red) > legendDot + 250, "the draining park: " + count(img, red));
        // the outbox held a reference only: nothing of the picture is left in the database
        assertTrue(service.all("outbox").isEmpty(), service.all("outbox").toString());

        telegram.text(chat, "Mijn kaart", "nl");
        Harness.await("the map again on 'mijn kaart'", WAIT, () -> telegram.photosTo(chat).size() == 2);
        telegram.text(chat, "/kaart", "nl");
        Harness.await("the map again on /kaart", WAIT, () -> telegram.photosTo(chat).size() == 3);
        assertTrue(java.util.Arrays.equals(photo.image(), telegram.photosTo(chat).get(2).image()),
                "drawn again from the same answers: the same picture");

        // the analysts' export of every answer feeds the command that draws the neighbourhood's map
        Path export = dataDir.resolve("buurtkaart-export.jsonl");
        var exporter = service.context.getBean(be.buurtstem.bot.service.export.Exporter.class);
        try (var out = java.nio.file.Files.newOutputStream(export)) {
            exporter.export(exporter.formats().of("jsonl"), be.buurtstem.bot.service.export.ExportFilter.parse(
                    "buurtkaart", null, null, null, null, null, null, null), out);
        }
        Path shared = dataDir.resolve("shared-map.png");
        be.buurtstem.bot.cli.CliRun drawn = be.buurtstem.bot.cli.CliRun.run("buurtkaart", "--input",
                export.toString(), "--output", shared.toString());
        assertEquals(0, drawn.exit(), drawn.err());
        assertTrue(drawn.out().contains("1 residents' maps"), drawn.out());
        assertEquals(1080, javax.imageio.ImageIO.read(shared.toFile()).getWidth());

        int before = telegram.sentTo(chat).size();
        telegram.text(chat, "/delete", "nl");
        Harness.await("confirmation asked", WAIT, () -> telegram.sentTo(chat).size() > before);
        telegram.press(chat, "yes", "nl");
        Harness.awaitText(telegram, chat, "Al uw antwoorden en gegevens zijn gewist.", WAIT);
        telegram.text(chat, "mijn kaart", "nl");
        last(chat, "Er is nog geen buurtkaart van u.");
        assertEquals(3, telegram.photosTo(chat).size(), "no map after the deletion");
    }
}
