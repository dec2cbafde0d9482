package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits of the anonymous routes, against the real service on a real port: every body is bounded (413 with a
 * reason, never an out-of-memory), the JSON parser is bounded, clients are rate-limited (429 in the resident's
 * language), and a web chat message is applied once, to the question it answers. Distinct clients are told apart by
 * {@code X-Forwarded-For}, which the service trusts from a local proxy.
 */
class WebChatLimitsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final SecureRandom RANDOM = new SecureRandom();
    static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static Harness service;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        Harness.copyResource("/questionnaires/buurt.yaml", folder);
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.web.chat-per-minute", "8");
        p.put("buurtstem.web.new-chats-per-hour", "3");
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** One browser: its chat cookie and its (forwarded) address. */
    record Client(String cookie, String ip) {
        static Client fresh() {
            byte[] b = new byte[18];
            RANDOM.nextBytes(b);
            return new Client(Base64.getUrlEncoder().withoutPadding().encodeToString(b),
                    "10.0." + (CLIENTS.get() / 250) + "." + (CLIENTS.getAndIncrement() % 250 + 1));
        }
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static Reply post(Client c, String path, HttpRequest.BodyPublisher body) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept-Language", "nl-BE,nl;q=0.9")
                .header("Cookie", "buurtstem_chat=" + c.cookie()).header("X-Forwarded-For", c.ip())
                .timeout(Duration.ofSeconds(60)).POST(body).build();
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(res.statusCode(), res.body(), res.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static Reply post(Client c, String path, String json) {
        return post(c, path, HttpRequest.BodyPublishers.ofString(json));
    }

    static Reply choose(Client c, JsonNode view, int button, String id) {
        JsonNode last = view.get("messages").get(view.get("messages").size() - 1);
        String choice = last.get("buttons").get(button).get("id").asString();
        return post(c, "/chat/buurt/api/send", "{\"id\":\"" + id + "\",\"turn\":\"" + view.get("turn").asString()
                + "\",\"choice\":\"" + choice + "\"}");
    }

    static String lastText(JsonNode view) {
        JsonNode m = view.get("messages");
        return m.get(m.size() - 1).get("text").asString();
    }

    /** hello, consent, area, language: at the first of the two scale questions. */
    static JsonNode atFirstScale(Client c) {
        JsonNode v = post(c, "/chat/buurt/api/hello", "{}").json();
        v = choose(c, v, 0, "c1").json();
        v = choose(c, v, 0, "c2").json();
        v = choose(c, v, 0, "c3").json();
        assertTrue(lastText(v).contains("park"), v.toString());
        return v;
    }

    @Test
    void aPerAreaLinkValueWithADashOrAnAccentIsKept() {
        for (String area : List.of("sint-gillis", "sint_josse", "schaerbeek-2", "ixelles-élan")) {
            Client c = Client.fresh();
            JsonNode v = post(c, "/chat/buurt/api/hello", "{\"context\":{\"area\":\"" + area + "\"}}").json();
            v = choose(c, v, 0, "c1").json(); // consent: the area came with the link, so the area question is skipped
            assertTrue(lastText(v).startsWith("In welke taal"), area + ": " + v);
        }
        Client c = Client.fresh();
        JsonNode v = post(c, "/chat/buurt/api/hello", "{\"context\":{\"area\":\"a__b\"}}").json();
        v = choose(c, v, 0, "c1").json();
        assertTrue(lastText(v).startsWith("In welke wijk"), "a value with the pair separator is not taken: " + v);
    }

    @Test
    void aFormBodyThatIsNotUtf8Gets400AndNothingOfItReachesTheLog() {
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            Client c = Client.fresh();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"id\":\"x1\",\"text\":\"zqlekvrmarker".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF});
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String path : List.of("/chat/buurt/api/send", "/chat/buurt/api/hello", "/telegram/webhook")) {
                HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                        .header("Cookie", "buurtstem_chat=" + c.cookie()).header("X-Forwarded-For", c.ip())
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
                HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
                assertTrue(res.statusCode() >= 400 && res.statusCode() < 500, path + ": " + res.statusCode());
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            root.detachAppender(logs);
        }
        for (var event : logs.list) {
            String all = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertFalse(all.contains("zqlekvrmarker"), "resident text in the log: " + event.getLoggerName());
        }
    }

    @Test
    void aBodyAboveTheRouteLimitIsRefusedWith413AndAReasonOnEveryRoute() {
        Client c = Client.fresh();
        String big = "{\"id\":\"a1\",\"text\":\"" + "x".repeat(300_000) + "\"}";
        String huge = "{\"update_id\":1,\"x\":\"" + "x".repeat(1_500_000) + "\"}";
        for (String path : List.of("/chat/buurt/api/send", "/chat/buurt/api/hello", "/telegram/webhook",
                "/api/analyst/answers/x/decisions", "/anything")) {
            Reply r = post(c, path, path.startsWith("/telegram") ? huge : big);
            assertEquals(413, r.status(), path + ": " + r.body());
            assertEquals("too_large", r.json().get("error").asString(), r.body());
            assertTrue(r.json().get("reason").asString().contains("bytes"), r.body());
        }
        // without a declared length (chunked) the body is read only up to the limit
        Reply chunked = post(c, "/chat/buurt/api/send", HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString(big)));
        assertEquals(413, chunked.status(), chunked.body());
        assertEquals(0, service.db().getCollection("sessions").countDocuments(eq("_id", respondent(c))));
    }

    @Test
    void sixParallelPostsOf90MegabytesNeitherCrashNorStallTheService() throws Exception {
        long before = usedHeap();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Client c = Client.fresh();
            posts.add(pool.submit(() -> {
                HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/chat/buurt/api/send"))
                        .header("Content-Type", "application/json").header("Cookie", "buurtstem_chat=" + c.cookie())
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.fromPublisher(zeros(90L << 20), 90L << 20)).build();
                try {
                    return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (IOException e) {
                    return -1; // the service closed the connection after refusing: also a refusal
                }
            }));
        }
        for (Future<Integer> f : posts) {
            int status = f.get();
            assertTrue(status == 413 || status == -1, "a 90 MB post was answered " + status);
        }
        pool.shutdown();
        long grown = usedHeap() - before;
        System.out.println("heap growth after six 90 MB posts: " + (grown >> 20) + " MB");
        assertTrue(grown < 200L << 20, "heap grew by " + (grown >> 20) + " MB");
        // and the service still answers residents at once
        Reply hello = post(Client.fresh(), "/chat/buurt/api/hello", "{}");
        assertEquals(200, hello.status(), hello.body());
    }

    @Test
    void deepNestingIsRefusedByTheParserNotAnsweredAsAMessage() {
        Client c = Client.fresh();
        atFirstScale(c);
        String deep = "{\"id\":\"n1\",\"text\":\"hallo\",\"x\":" + "[".repeat(60) + "]".repeat(60) + "}";
        Reply r = post(c, "/chat/buurt/api/send", deep);
        assertEquals(413, r.status(), r.body());
        assertEquals("too_large", r.json().get("error").asString());
    }

    @Test
    void aChatThatSendsTooFastGetsA429InItsLanguageAndNothingIsApplied() {
        Client c = Client.fresh();
        JsonNode v = atFirstScale(c); // 4 calls of this chat
        for (int i = 5; i <= 8; i++) {
            Reply r = post(c, "/chat/buurt/api/send", "{\"id\":\"t" + i + "\",\"text\":\"abc\"}");
            assertEquals(200, r.status(), "call " + i + ": " + r.body());
        }
        Reply ninth = choose(c, v, 4, "t9");
        assertEquals(429, ninth.status(), ninth.body());
        assertTrue(Long.parseLong(ninth.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("too_many", ninth.json().get("error").asString());
        assertTrue(ninth.json().get("message").asString().startsWith("Even rustig aan"), ninth.body());
        assertEquals(0, answers(c, "park"));
    }

    @Test
    void oneAddressCannotStartConversationsWithoutEnd() {
        String ip = "10.77.0.1";
        long sessionsBefore = service.db().getCollection("sessions").countDocuments();
        for (int i = 0; i < 3; i++) {
            Reply r = post(new Client(Client.fresh().cookie(), ip), "/chat/buurt/api/hello", "{}");
            assertEquals(200, r.status(), r.body());
        }
        Reply fourth = post(new Client(Client.fresh().cookie(), ip), "/chat/buurt/api/hello", "{}");
        assertEquals(429, fourth.status(), fourth.body());
        assertEquals(sessionsBefore + 3, service.db().getCollection("sessions").countDocuments());
        // another address is not affected
        assertEquals(200, post(Client.fresh(), "/chat/buurt/api/hello", "{}").status());
    }

    @Test
    void theSameClientMessageIdIsAppliedOnceAndAnsweredWithTheConversationAsItStands() {
        Client c = Client.fresh();
        JsonNode v = atFirstScale(c);
        Reply first = choose(c, v, 0, "tap1");
        Reply again = choose(c, v, 0, "tap1");
        assertEquals(200, again.status());
        assertTrue(first.json().get("stored").asBoolean());
        assertTrue(again.json().get("stored").asBoolean(), again.body());
        assertTrue(lastText(again.json()).contains("bus"), again.body());
        assertEquals(first.json().get("turn").asString(), again.json().get("turn").asString());
        assertEquals(1, answers(c, "park"));
        assertEquals(0, answers(c, "bus"));
    }

    @Test
    void aSecondTapOnAnAnsweredQuestionIsNotAppliedToTheNextOne() {
        Client c = Client.fresh();
        JsonNode v = atFirstScale(c);
        Reply first = choose(c, v, 0, "d1");   // 😞 on the park
        Reply second = choose(c, v, 0, "d2");  // 😞 again, same question, a new id
        Reply third = choose(c, v, 4, "d3");   // 😄, same question
        assertTrue(first.json().get("stored").asBoolean());
        for (Reply r : List.of(second, third)) {
            assertEquals(200, r.status());
            assertFalse(r.json().get("stored").asBoolean(), r.body());
            assertTrue(r.json().get("stale").asBoolean(), r.body());
            assertTrue(lastText(r.json()).contains("bus"), r.body());
        }
        assertNotEquals(v.get("turn").asString(), first.json().get("turn").asString());
        assertEquals(1, answers(c, "park"));
        assertEquals(0, answers(c, "bus"), "a second tap was applied to the next question");
    }

    static long answers(Client c, String question) {
        return service.db().getCollection("answers").countDocuments(and(eq("respondent", respondent(c)),
                eq("question", question)));
    }

    static String respondent(Client c) {
        return service.context.getBean(be.buurtstem.bot.service.conversation.ConversationService.class)
                .respondentId("web", c.cookie());
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A body of n zero bytes with a declared length, produced as it is sent (the test holds none of it). */
    static Flow.Publisher<ByteBuffer> zeros(long n) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        });
    }
}
