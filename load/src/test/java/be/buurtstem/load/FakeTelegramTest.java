package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeTelegramTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(FakeTelegram t, String method, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(t.url() + "/bot" + FakeTelegram.TOKEN
                        + "/" + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return FakeTelegram.JSON.readTree(r.body());
    }

    @Test
    void getUpdatesServesFromTheOffsetUntilALaterOffsetConfirms() throws Exception {
        try (FakeTelegram t = new FakeTelegram()) {
            for (int i = 0; i < 3; i++) {
                long id = t.newUpdateId();
                t.push(id, Updates.text(id, 42, "nl", "hallo " + id));
            }
            JsonNode all = call(t, "getUpdates", "{\"offset\":0,\"timeout\":0}");
            assertEquals(3, all.path("result").size());
            assertEquals(0, t.confirmedCount.get());

            // offset 3 confirms updates 1 and 2; 3 is served again
            JsonNode rest = call(t, "getUpdates", "{\"offset\":3,\"timeout\":0}");
            assertEquals(1, rest.path("result").size());
            assertEquals(3, rest.path("result").get(0).path("update_id").asLong());
            assertEquals(2, t.confirmedCount.get());
            assertEquals(1, t.pendingCount());

            call(t, "getUpdates", "{\"offset\":4,\"timeout\":0}");
            assertEquals(3, t.confirmedCount.get());
            assertEquals(0, t.pendingCount());
            // an offset repeated confirms nothing twice
            call(t, "getUpdates", "{\"offset\":4,\"timeout\":0}");
            assertEquals(3, t.confirmedCount.get());
        }
    }

    @Test
    void sendMessageIsCountedTimedAndItsButtonsKept() throws Exception {
        try (FakeTelegram t = new FakeTelegram()) {
            t.keepCopies();
            long before = System.nanoTime();
            JsonNode r = call(t, "sendMessage", "{\"chat_id\":\"77\",\"text\":\"Doet u mee?\",\"reply_markup\":"
                    + "{\"inline_keyboard\":[[{\"text\":\"Ja\",\"callback_data\":\"o:yes\"},"
                    + "{\"text\":\"Nee\",\"callback_data\":\"o:no\"}]]}}");
            assertTrue(r.path("ok").asBoolean());
            assertEquals(77, r.path("result").path("chat").path("id").asLong());
            assertEquals(1, t.sends.sum());
            assertEquals(new FakeTelegram.Last("Doet u mee?", List.of("o:yes", "o:no")), t.last(77));
            assertTrue(t.sendTimes(77).firstFrom(before) >= before);
            assertEquals(-1, t.sendTimes(77).firstFrom(System.nanoTime()));

            call(t, "sendMessage", "{\"chat_id\":77,\"text\":\"Doet u mee?\"}");
            assertEquals(List.of(), t.last(77).buttons());
            assertEquals(1, t.sentTwice());
            assertNull(t.last(78));
            assertEquals(true, call(t, "answerCallbackQuery", "{}").path("result").asBoolean());
        }
    }
}
