package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentsTest {
    private static void botSays(FakeTelegram t, long chat, String json) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.url() + "/bot" + FakeTelegram.TOKEN
                        + "/sendMessage")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + chat + "," + json + "}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aResidentStartsThenPressesWhatTheBotShowedThenTypesARealAnswerInTheirLanguage() throws Exception {
        try (FakeTelegram t = new FakeTelegram()) {
            Residents r = new Residents(500, 2, "inclusieweb", t, 3).scripted("fr");
            JsonNode start = FakeTelegram.JSON.readTree(r.next(0, 1));
            assertEquals("/start inclusieweb", start.path("message").path("text").asText());
            assertEquals(500, start.path("message").path("chat").path("id").asLong());
            assertEquals("fr", start.path("message").path("from").path("language_code").asText());
            assertEquals(1, start.path("update_id").asLong());

            botSays(t, 500, "\"text\":\"Participez-vous ?\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Oui\","
                    + "\"callback_data\":\"o:yes\"},{\"text\":\"Non\",\"callback_data\":\"o:no\"}]]}");
            JsonNode press = FakeTelegram.JSON.readTree(r.next(0, 2));
            assertEquals("o:yes", press.path("callback_query").path("data").asText());
            assertEquals(500, press.path("callback_query").path("from").path("id").asLong());

            botSays(t, 500, "\"text\":\"Qu'est-ce qui manque ?\"");
            JsonNode typed = FakeTelegram.JSON.readTree(r.next(0, 3));
            String text = typed.path("message").path("text").asText();
            assertTrue(Residents.seedTexts().get("fr").contains(text), text);
            assertFalse(text.startsWith("/"));

            // the other resident is still at its start
            assertTrue(FakeTelegram.JSON.readTree(r.next(1, 4)).path("message").path("text").asText()
                    .startsWith("/start"));
        }
    }

    @Test
    void theSeedExamplesGiveAnswersInEveryLanguageOfTheMix() {
        Map<String, List<String>> texts = Residents.seedTexts();
        for (String lang : Residents.LANGUAGES) {
            assertTrue(texts.containsKey(lang) && texts.get(lang).size() > 10, lang);
        }
        assertEquals("nl", Residents.pick(0.0));
        assertEquals("fr", Residents.pick(0.5));
        assertEquals("en", Residents.pick(0.999));
    }

    @Test
    void aFixedScriptIsSentWhateverTheBotAnswered() throws Exception {
        try (FakeTelegram t = new FakeTelegram()) {
            Residents r = new Residents(600, 1, "harness", t, 3).fixed("en", "/start harness", "press:o:yes", "type");
            assertEquals("/start harness", FakeTelegram.JSON.readTree(r.next(0, 1)).path("message").path("text")
                    .asText());
            // no reply yet: still the press of the script
            assertEquals("o:yes", FakeTelegram.JSON.readTree(r.next(0, 2)).path("callback_query").path("data")
                    .asText());
            botSays(t, 600, "\"text\":\"Q\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"x\","
                    + "\"callback_data\":\"o:other\"}]]}");
            String typed = FakeTelegram.JSON.readTree(r.next(0, 3)).path("message").path("text").asText();
            assertTrue(Residents.seedTexts().get("en").contains(typed), typed);
            assertTrue(Residents.seedTexts().get("en").contains(FakeTelegram.JSON.readTree(r.next(0, 4))
                    .path("message").path("text").asText()));
        }
    }
}
