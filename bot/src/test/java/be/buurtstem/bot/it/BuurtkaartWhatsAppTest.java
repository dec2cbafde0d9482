package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shortened buurtkaart conversation on WhatsApp (the bundled questionnaire, real engine, one person) through the
 * fake Graph API: at its end the resident's map is uploaded once through the media endpoint (a 1080 × 1080 PNG) and
 * sent once as an image message with that media id and the Dutch caption; "mijn kaart" and {@code /kaart} send it
 * again; an upload refused with a server error is made again after the back-off, the image still goes once; a map
 * asked for and then deleted before its upload went through is never sent. The map's internal marker (U+FDD0) is in
 * no call ever made.
 */
class BuurtkaartWhatsAppTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NUMBER = "32470008101";

    @TempDir
    static Path dataDir;
    static FakeGraph graph;
    static Harness service;

    @BeforeAll
    static void start() {
        graph = new FakeGraph();
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.putAll(graph.properties());
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        try {
            assertNoMarkerAnywhere();
        } finally {
            if (service != null) {
                service.close();
            }
            graph.close();
        }
    }

    static void say(String text) {
        assertEquals(200, graph.deliver(service.baseUrl(), FakeGraph.text(NUMBER, graph.newMessageId(), text,
                Instant.now())));
    }

    static List<String> texts() {
        return graph.textsTo(NUMBER);
    }

    static void last(String expected) {
        Harness.await("last message contains '" + expected + "', got " + texts(), WAIT, () -> {
            List<String> t = texts();
            return !t.isEmpty() && t.getLast().contains(expected);
        });
    }

    static JsonNode lastMessage() {
        return graph.acceptedTo(NUMBER).getLast();
    }

    static List<String> optionIds(JsonNode m) {
        List<String> ids = new ArrayList<>();
        JsonNode action = m.path("interactive").path("action");
        action.path("buttons").forEach(b -> ids.add(b.path("reply").path("id").asText()));
        action.path("sections").forEach(s -> s.path("rows").forEach(r -> ids.add(r.path("id").asText())));
        return ids;
    }

    /**
     * Waits for the question, then answers it as a resident would: presses the option by the id the service gave it
     * (a button or a list row), or, where WhatsApp's titles are too short for the options and they came as numbered
     * text, types the option's number ({@code number}; 0: the last one offered).
     */
    static void press(String question, String optionId, int number) {
        try {
            Harness.await("'" + question + "' offering " + optionId, WAIT, () -> {
                List<JsonNode> sent = graph.acceptedTo(NUMBER);
                return !sent.isEmpty() && FakeGraph.textOf(sent.getLast()).contains(question)
                        && (optionIds(sent.getLast()).contains(optionId)
                        || FakeGraph.textOf(sent.getLast()).contains("\n1. "));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last sent: " + graph.acceptedTo(NUMBER).getLast(), e);
        }
        JsonNode last = lastMessage();
        if (optionIds(last).contains(optionId)) {
            boolean list = "list".equals(last.path("interactive").path("type").asText());
            assertEquals(200, graph.deliver(service.baseUrl(), FakeGraph.press(NUMBER, graph.newMessageId(),
                    optionId, list)));
            return;
        }
        long offered = FakeGraph.textOf(last).lines().filter(l -> l.matches("[0-9]+\\. .*")).count();
        assertTrue(number <= offered, optionId + " (" + number + ") not among " + offered + " in " + last);
        say(String.valueOf(number == 0 ? offered : number));
    }

    static List<JsonNode> images() {
        return graph.acceptedTo(NUMBER).stream().filter(m -> "image".equals(m.path("type").asText())).toList();
    }

    static List<FakeGraph.Upload> acceptedUploads() {
        return graph.uploads().stream().filter(u -> u.status() == 200).toList();
    }

    static void assertNoMarkerAnywhere() {
        for (FakeGraph.Call c : graph.sends()) {
            String json = c.body().toString();
            assertFalse(json.contains("\uFDD0") || json.toLowerCase(Locale.ROOT).contains("\\ufdd0")
                    || json.contains("map:buurtkaart"), "the map's marker went out: " + json);
        }
    }

    @Test
    void theMapIsUploadedAndSentAsAnImageAndNeverAsItsMarker() throws IOException {
        say("start buurtkaart");
        // WhatsApp tells nothing of the resident's language: it is asked first, as one list in every language
        press("Kies uw taal", "nl", 1);
        press("Doet u mee?", "yes", 1);
        last("Nummer 1. Wie of wat wilt u toevoegen?");
        say("Mijn buurvrouw Els");
        press("een persoon, een plek of een organisatie?", "person", 1);
        press("In welk deel van uw leven", "family_friends", 12);
        press("Hoe dicht staat", "very_close", 1);
        press("Wie geeft het meest", "both", 3);
        Harness.await("the support question", WAIT, () -> texts().getLast().contains("Wat voor steun is het?"));
        int before = graph.acceptedTo(NUMBER).size();
        press("Wat voor steun is het?", "company", 1);
        Harness.await("the choice taken", WAIT, () -> graph.acceptedTo(NUMBER).size() > before);
        press("", "_done", 0);
        press("Hoe vaak hebt u contact?", "weekly", 2);
        press("veel invloed in de buurt?", "little", 1);
        press("Hoe voelt u zich door dit contact?", "energising", 1);
        press("Wilt u nog iemand of iets toevoegen?", "no", 2);

        Harness.await("the map sent as an image, got " + texts(), WAIT, () -> images().size() == 1);
        assertTrue(texts().stream().anyMatch(t -> t.contains("Bedankt!")), texts().toString());
        List<FakeGraph.Upload> uploads = graph.uploads();
        assertEquals(1, uploads.size(), "one upload for one picture");
        FakeGraph.Upload up = uploads.getFirst();
        assertEquals(Map.of("messaging_product", "whatsapp", "type", "image/png"), up.fields());
        assertEquals("image/png", up.fileType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(up.file()));
        assertNotNull(img, "the upload decodes as an image");
        assertEquals(1080, img.getWidth());
        assertEquals(1080, img.getHeight());
        JsonNode image = images().getFirst();
        assertEquals(up.mediaId(), image.path("image").path("id").asText(), "the image message sends the upload");
        assertTrue(image.path("image").path("caption").asText().contains("mijn kaart"), image.toString());
        assertFalse(image.path("image").has("link"), "the picture is never behind a public link");
        assertEquals(images().getFirst(), lastMessage(), "the picture comes after the closing text");
        Harness.await("outbox drained", WAIT, () -> service.all("outbox").isEmpty());

        // asked again, while the first upload is refused by a server error: uploaded again, one image message
        graph.answerNextUpload(FakeGraph.error(503, 1));
        say("Mijn kaart");
        Harness.await("the map again on 'mijn kaart'", WAIT, () -> images().size() == 2);
        assertEquals(3, graph.uploads().size(), "the refused upload was made again: " + graph.uploads().size());
        assertEquals(503, graph.uploads().get(1).status());
        assertEquals(acceptedUploads().getLast().mediaId(), images().getLast().path("image").path("id").asText());
        assertTrue(java.util.Arrays.equals(up.file(), acceptedUploads().getLast().file()),
                "drawn again from the same answers: the same picture");
        say("/kaart");
        Harness.await("the map again on /kaart", WAIT, () -> images().size() == 3);

        // asked for, then deleted while the upload is being refused: the map never goes
        for (int i = 0; i < 30; i++) {
            graph.answerNextUpload(FakeGraph.error(503, 1));
        }
        int uploadsBefore = graph.uploads().size();
        say("mijn kaart");
        Harness.await("an upload refused", WAIT, () -> graph.uploads().size() > uploadsBefore);
        say("/delete");
        // the confirmation waits behind the map in this chat's queue: the resident answers it as they would
        assertEquals(200, graph.deliver(service.baseUrl(), FakeGraph.press(NUMBER, graph.newMessageId(), "yes",
                false)));
        graph.clearScripted();
        Harness.await("deletion confirmed, got " + texts(), WAIT,
                () -> texts().stream().anyMatch(t -> t.contains("Al uw antwoorden en gegevens zijn gewist.")));
        Harness.await("outbox drained", WAIT, () -> service.all("outbox").isEmpty());
        assertEquals(3, images().size(), "no map after the deletion");
        assertEquals(3, acceptedUploads().size(), "nothing of the deleted resident uploaded");
        say("mijn kaart");
        last("Er is nog geen buurtkaart van u.");
        assertEquals(3, images().size());
        assertNoMarkerAnywhere();
    }
}
