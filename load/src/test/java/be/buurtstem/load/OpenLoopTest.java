package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open loop against a stand-in service: a webhook that answers even chats with 200 and a reply (with buttons)
 * through the fake Telegram, odd chats with 503 and nothing. Checks the accounting, not the speed.
 */
class OpenLoopTest {
    @Test
    void countsAnswersErrorsAndRepliesPerUpdateAndResidentsFollowTheButtons() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram()) {
            HttpClient toTelegram = HttpClient.newHttpClient();
            Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
            AtomicInteger wrongSecret = new AtomicInteger();
            HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            service.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            service.createContext("/telegram/webhook", ex -> {
                try (ex) {
                    if (!"s3cret".equals(ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"))) {
                        wrongSecret.incrementAndGet();
                    }
                    JsonNode u = FakeTelegram.JSON.readTree(ex.getRequestBody().readAllBytes());
                    boolean press = u.has("callback_query");
                    JsonNode m = press ? u.path("callback_query").path("message") : u.path("message");
                    long chat = m.path("chat").path("id").asLong();
                    String what = press ? "press:" + u.path("callback_query").path("data").asText()
                            : m.path("text").asText().startsWith("/start") ? "start" : "typed";
                    kinds.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
                    if (chat % 2 == 1) {
                        ex.sendResponseHeaders(503, -1);
                        return;
                    }
                    toTelegram.send(HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + FakeTelegram.TOKEN
                                    + "/sendMessage")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + chat + ",\"text\":\"Q\","
                                    + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Ja\",\"callback_data\":"
                                    + "\"o:yes\"}]]}}")).build(), HttpResponse.BodyHandlers.discarding());
                    ex.sendResponseHeaders(200, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            service.start();
            try {
                OpenLoop loop = new OpenLoop(List.of("http://127.0.0.1:" + service.getAddress().getPort()
                        + "/telegram/webhook"), "s3cret", false, Duration.ofSeconds(10), 4, Duration.ofSeconds(30));
                Residents residents = new Residents(1000, 10, "inclusieweb", telegram, 1).scripted("nl");
                OpenLoop.Result r = loop.run(residents, telegram, 100, 0.4); // 40 updates, 4 per resident
                loop.close();

                assertEquals(40, r.scheduled());
                assertEquals(20, r.ok());
                assertEquals(20, r.failed());
                assertEquals(20, r.firstAttemptErrors());
                assertEquals(Map.of(200, 20L, 503, 20L), r.statuses());
                assertEquals(20, r.http().count());
                assertEquals(20, r.reply().count());
                assertEquals(20, r.noReply());
                assertEquals(0, wrongSecret.get());
                // first every resident starts, then answers (what, depends on whether the reply came in time:
                // ResidentsTest)
                assertEquals(10, kinds.get("start").get());
                assertEquals(30, kinds.entrySet().stream().filter(e -> !e.getKey().equals("start"))
                        .mapToInt(e -> e.getValue().get()).sum());
                assertEquals(5, r.okBetween(0, 10)); // updates 0..9 are the starts; the even chats answered
                assertEquals(20, r.okBetween(0, 40));
                assertTrue(r.http().max() >= r.http().percentile(0.5));
            } finally {
                service.stop(0);
            }
        }
    }
}
