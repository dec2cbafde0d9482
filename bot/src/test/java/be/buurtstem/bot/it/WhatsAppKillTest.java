package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the service during a WhatsApp conversation: the service runs in a child JVM; it is killed with SIGKILL
 * while the reply to the resident's consent is in flight to the Graph API (the fake answers it slowly), and started
 * again. That reply, which WhatsApp may have delivered, is not sent a second time; the resident goes on and finishes
 * the conversation, and "my data" shows every answer, the ones given before the kill included.
 */
@org.junit.jupiter.api.Tag("solo") // runs alone: see bot/pom.xml
class WhatsAppKillTest {
    static final Duration WAIT = Duration.ofSeconds(240);
    static final String NUMBER = "32471234567";

    @Test
    void killedWhileAReplyIsInFlightTheConversationGoesOnWithoutASecondCopy(@TempDir Path dataDir,
                                                                          @TempDir Path folder) throws Exception {
        Harness.copyResource("/whatsapp/wabuurt.yaml", folder);
        try (FakeGraph graph = new FakeGraph()) {
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            Process child = start(dataDir, graph, port, folder);
            try {
                awaitUp(base);
                say(graph, base, "start wabuurt");
                Harness.await("language picker", WAIT, () -> graph.acceptedTo(NUMBER).size() == 1);
                press(graph, base, "nl");
                Harness.await("consent", WAIT, () -> graph.acceptedTo(NUMBER).size() == 2);
                // the reply to "yes" (the area question) reaches Meta, whose answer is slow: killed meanwhile
                graph.answerNext(new FakeGraph.Scripted(200, "{\"messages\":[{\"id\":\"wamid.late\"}]}", null, 6000));
                press(graph, base, "yes");
                Thread.sleep(2000);
                child.destroyForcibly(); // SIGKILL
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            Process again = start(dataDir, graph, port, folder);
            try {
                awaitUp(base);
                Thread.sleep(1500); // anything to be sent again would go now
                List<JsonNode> areaQuestions = graph.sends().stream().map(FakeGraph.Call::body)
                        .filter(b -> FakeGraph.textOf(b).equals("In welke wijk woont u?")).toList();
                assertEquals(1, areaQuestions.size(), "the reply in flight at the kill is not sent twice");
                // the resident saw it and answers, typing
                say(graph, base, "Noord");
                Harness.await("transport list", WAIT, () -> graph.textsTo(NUMBER).getLast()
                        .equals("Hoe komt u meestal naar het plein?"));
                say(graph, base, "te voet");
                Harness.await("scale", WAIT, () -> graph.textsTo(NUMBER).getLast()
                        .equals("Hoe voelt u zich op het plein?"));
                say(graph, base, "5");
                Harness.await("streets", WAIT, () -> graph.textsTo(NUMBER).getLast().contains("11. Veldstraat"));
                say(graph, base, "Molenstraat");
                Harness.await("photo", WAIT, () -> graph.textsTo(NUMBER).getLast().startsWith("Stuur een foto"));
                graph.photo("media-kill-1", "image/jpeg", FakeGraph.JPEG);
                assertEquals(200, graph.deliver(base, FakeGraph.image(NUMBER, graph.newMessageId(), "media-kill-1",
                        "image/jpeg")));
                Harness.await("wish", WAIT, () -> graph.textsTo(NUMBER).getLast().startsWith("Wat zou u"));
                say(graph, base, "Een fontein voor de kinderen");
                Harness.await("the end", WAIT, () -> graph.textsTo(NUMBER).getLast()
                        .equals("Bedankt voor uw antwoorden!"));
                int before = graph.acceptedTo(NUMBER).size();
                say(graph, base, "/mydata");
                Harness.await("my data", WAIT, () -> graph.acceptedTo(NUMBER).size() > before);
                String mine = String.join("\n", graph.textsTo(NUMBER).subList(before, graph.textsTo(NUMBER).size()));
                for (String expected : List.of("Noord", "Te voet", "Molenstraat", "Een fontein voor de kinderen")) {
                    assertTrue(mine.contains(expected), expected + " missing in: " + mine);
                }
                // every reply went once: no body was accepted twice
                List<String> bodies = graph.acceptedTo(NUMBER).stream().map(JsonNode::toString).toList();
                assertEquals(bodies.size(), bodies.stream().distinct().count(), "a message sent twice: " + bodies);
            } finally {
                again.destroy();
                again.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static void say(FakeGraph graph, String base, String text) {
        assertEquals(200, graph.deliver(base, FakeGraph.text(NUMBER, graph.newMessageId(), text, Instant.now())));
    }

    static void press(FakeGraph graph, String base, String id) {
        assertEquals(200, graph.deliver(base, FakeGraph.press(NUMBER, graph.newMessageId(), id, false)));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitUp(String base) {
        HttpClient http = HttpClient.newHttpClient();
        Harness.await("service up", WAIT, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/whatsapp/webhook?hub.mode=subscribe"
                                + "&hub.verify_token=" + FakeGraph.VERIFY + "&hub.challenge=1")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    static int runs;

    static Process start(Path dataDir, FakeGraph graph, int port, Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WhatsAppChild.class.getName(),
                dataDir.toString(), graph.url(), String.valueOf(port), folder.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "whatsapp-kill-" + ++runs + ".log").toFile()).start();
    }
}
