package be.buurtstem.bot.it;

import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.StoredAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WhatsApp channel through a fake Graph API (WireMock): whole conversations in Dutch and Arabic (reply buttons, a
 * list, a scale, numbered options, a photo fetched through the media endpoint, typed answers) into the database and
 * back, the verification handshake, signature refusal, a redelivered message, status callbacks, the 24-hour window
 * with and without a template, throttling answers with back-off and never a second copy, the number's throughput,
 * "stop" and delete. Every call the service made is checked against WhatsApp's limits at the end of each test.
 */
class WhatsAppChannelTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int RATE = 8;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeGraph graph;
    static Harness service;

    @BeforeAll
    static void start() {
        graph = new FakeGraph();
        Harness.copyResource("/whatsapp/wabuurt.yaml", folder);
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.putAll(graph.properties());
        p.put("whatsapp.rate", String.valueOf(RATE));
        p.put("whatsapp.template.nl", "buurtstem_verder");
        p.put("whatsapp.media-max-bytes", "1000");
        p.put("buurtstem.questionnaires", folder.toString());
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        try {
            assertEveryCallWithinLimits();
        } finally {
            if (service != null) {
                service.close();
            }
            graph.close();
        }
    }

    // ---- a resident's conversation ---------------------------------------------------------------------------

    static int deliver(String body) {
        return graph.deliver(service.baseUrl(), body);
    }

    static void say(String number, String text) {
        assertEquals(200, deliver(FakeGraph.text(number, graph.newMessageId(), text, Instant.now())));
    }

    static void press(String number, String optionId) {
        JsonNode last = lastInteractive(number);
        boolean list = "list".equals(last.path("interactive").path("type").asText());
        assertTrue(optionIds(last).contains(optionId), optionId + " not offered in " + last);
        assertEquals(200, deliver(FakeGraph.press(number, graph.newMessageId(), optionId, list)));
    }

    static JsonNode lastInteractive(String number) {
        List<JsonNode> sent = graph.acceptedTo(number);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if ("interactive".equals(sent.get(i).path("type").asText())) {
                return sent.get(i);
            }
        }
        throw new AssertionError("no interactive message to " + number);
    }

    static List<String> optionIds(JsonNode m) {
        List<String> ids = new ArrayList<>();
        JsonNode action = m.path("interactive").path("action");
        action.path("buttons").forEach(b -> ids.add(b.path("reply").path("id").asText()));
        action.path("sections").forEach(s -> s.path("rows").forEach(r -> ids.add(r.path("id").asText())));
        return ids;
    }

    static void awaitSent(String number, int count) {
        Harness.await(count + " messages to " + number + ", got " + graph.textsTo(number), WAIT,
                () -> graph.acceptedTo(number).size() >= count);
    }

    static void awaitText(String number, String expected) {
        Harness.await("'" + expected + "' sent to " + number + ", got " + graph.textsTo(number), WAIT,
                () -> graph.textsTo(number).stream().anyMatch(t -> t.contains(expected)));
    }

    static JsonNode last(String number) {
        return graph.acceptedTo(number).getLast();
    }

    static String rid(String number) {
        return service.context.getBean(RespondentIds.class).respondentId("whatsapp", "wa:" + number);
    }

    static Map<String, StoredAnswer> answersOf(String number) {
        Map<String, StoredAnswer> out = new java.util.HashMap<>();
        service.store().answersOf(rid(number)).forEach(a -> out.put(a.question(), a));
        return out;
    }

    /** A whole conversation, shapes checked on the way; returns when the closing text was sent. */
    static void converse(String number, String language, String mediaId) {
        say(number, "start wabuurt");
        awaitSent(number, 1);
        JsonNode picker = last(number);
        assertEquals("button", picker.path("interactive").path("type").asText(), "two languages: reply buttons");
        press(number, language);
        Harness.await("consent", WAIT, () -> optionIds(lastInteractive(number)).contains("yes"));
        assertEquals("button", lastInteractive(number).path("interactive").path("type").asText());
        press(number, "yes");
        Harness.await("area", WAIT, () -> optionIds(lastInteractive(number)).contains("noord"));
        assertEquals("button", lastInteractive(number).path("interactive").path("type").asText());
        press(number, "noord");
        Harness.await("transport", WAIT, () -> optionIds(lastInteractive(number)).contains("bike"));
        JsonNode transport = lastInteractive(number);
        assertEquals("list", transport.path("interactive").path("type").asText(), "six options: a list");
        assertEquals(6, transport.path("interactive").path("action").path("sections").path(0).path("rows").size());
        press(number, "bike");
        Harness.await("scale", WAIT, () -> optionIds(lastInteractive(number)).size() == 5
                && !optionIds(lastInteractive(number)).contains("bike"));
        JsonNode scale = lastInteractive(number);
        assertEquals("list", scale.path("interactive").path("type").asText(), "a scale: a list");
        String fourth = optionIds(scale).get(3);
        press(number, fourth);
        // eleven streets: more than a list holds, so numbered text, answered by typing the number
        Harness.await("streets", WAIT, () -> graph.textsTo(number).getLast().contains("11. "));
        assertEquals("text", last(number).path("type").asText());
        int before = graph.acceptedTo(number).size();
        say(number, "3");
        awaitSent(number, before + 1);
        graph.photo(mediaId, "image/jpeg", FakeGraph.JPEG);
        before = graph.acceptedTo(number).size();
        assertEquals(200, deliver(FakeGraph.image(number, graph.newMessageId(), mediaId, "image/jpeg")));
        awaitSent(number, before + 1);
        say(number, language.equals("ar") ? "مزيد من الأشجار والمقاعد" : "Meer bomen en bankjes");
    }

    @Test
    void dutchConversationThroughButtonsListsPhotoAndText() throws Exception {
        String number = "32470000001";
        converse(number, "nl", "media-nl-1");
        awaitText(number, "Bedankt voor uw antwoorden!");
        Map<String, StoredAnswer> a = answersOf(number);
        assertEquals("noord", a.get("area").value());
        assertEquals("bike", a.get("transport").value());
        assertEquals(4, ((Number) a.get("mood").value()).intValue());
        assertEquals("s3", a.get("street").value());
        assertEquals("Meer bomen en bankjes", a.get("wish").value());
        assertEquals("whatsapp", a.get("wish").channel());
        Object photo = a.get("picture").value();
        String ref = photo instanceof Map<?, ?> m ? String.valueOf(m.get("file")) : String.valueOf(photo);
        assertTrue(ref.startsWith("web:"), "the photo is in the photo store: " + ref);
        Path stored;
        try (var files = Files.walk(dataDir.resolve("web-photos"))) {
            stored = files.filter(f -> f.getFileName().toString().equals(ref.substring(4))).findFirst().orElseThrow();
        }
        assertEquals(FakeGraph.JPEG.length, Files.size(stored));
        assertTrue(graph.authorizations().stream().allMatch(h -> ("Bearer " + FakeGraph.TOKEN).equals(h)),
                "every call carries the token in its header");
        // no phone number in the store, except in the outbox while a message waits (empty now)
        Harness.await("outbox drained", WAIT, () -> service.db().getCollection("outbox").countDocuments() == 0);
        assertNoneContains(number);

        // "my data", then delete: asked first, then nothing of the resident is left
        say(number, "/delete");
        Harness.await("delete asked", WAIT, () -> optionIds(lastInteractive(number)).contains("yes")
                && graph.textsTo(number).getLast().length() > 0);
        press(number, "yes");
        awaitSent(number, graph.acceptedTo(number).size());
        Harness.await("answers deleted", WAIT, () -> service.store().answersOf(rid(number)).isEmpty());
        Harness.await("outbox drained", WAIT, () -> service.db().getCollection("outbox").countDocuments() == 0);
        assertNoneContains(rid(number));
        assertNoneContains(number);
        assertFalse(Files.exists(stored), "the photo goes with the resident");
    }

    @Test
    void arabicConversationComesAsWritten() {
        String number = "32470000002";
        converse(number, "ar", "media-ar-1");
        awaitText(number, "شكرًا على إجاباتك!");
        List<String> texts = graph.textsTo(number);
        assertTrue(texts.contains("في أي حي تسكن؟"), "the Arabic question exactly as written: " + texts);
        for (String t : texts) {
            assertFalse(t.contains("\u200f") || t.contains("\u202b") || t.contains("\u2067"), "no direction marks: " + t);
        }
        JsonNode list = graph.acceptedTo(number).stream()
                .filter(m -> "list".equals(m.path("interactive").path("type").asText())).findFirst().orElseThrow();
        assertEquals("اختر", list.path("interactive").path("action").path("button").asText());
        Map<String, StoredAnswer> a = answersOf(number);
        assertEquals("ar", a.get("wish").language());
        assertEquals("مزيد من الأشجار والمقاعد", a.get("wish").value());
        assertEquals("s3", a.get("street").value());
    }

    // ---- the webhook ---------------------------------------------------------------------------------------

    @Test
    void verificationHandshake() throws Exception {
        assertEquals("1158201444", verify("subscribe", FakeGraph.VERIFY, "1158201444").body());
        assertEquals(403, verify("subscribe", "wrong", "1158201444").statusCode());
        assertEquals(403, verify("unsubscribe", FakeGraph.VERIFY, "1158201444").statusCode());
        assertEquals(403, verify(null, null, null).statusCode());
        assertEquals(403, verify("subscribe", FakeGraph.VERIFY, "<script>").statusCode(), "not echoed");
    }

    static HttpResponse<String> verify(String mode, String token, String challenge) throws Exception {
        StringBuilder q = new StringBuilder("?");
        if (mode != null) {
            q.append("hub.mode=").append(mode).append('&');
        }
        if (token != null) {
            q.append("hub.verify_token=").append(token).append('&');
        }
        if (challenge != null) {
            q.append("hub.challenge=").append(URLEncoder.encode(challenge, StandardCharsets.UTF_8));
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                + "/whatsapp/webhook" + q)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unsignedOrWronglySignedBodiesAreRefusedAndChangeNothing() {
        String number = "32470000003";
        String id = graph.newMessageId();
        String body = FakeGraph.text(number, id, "start wabuurt", Instant.now());
        assertEquals(401, graph.post(service.baseUrl(), body, null));
        assertEquals(403, graph.post(service.baseUrl(), body, FakeGraph.sign("another-secret", body)));
        assertEquals(403, graph.post(service.baseUrl(), body, "sha256=zz"));
        // signed for another body: the signature is of the bytes received
        assertEquals(403, graph.post(service.baseUrl(), body, FakeGraph.sign(FakeGraph.SECRET, body + " ")));
        assertEquals(400, graph.deliver(service.baseUrl(), "{not json"));
        assertFalse(service.store().isProcessed("wa:" + id));
        assertFalse(service.store().hasSession(rid(number)));
        sleep(500);
        assertTrue(graph.acceptedTo(number).isEmpty());
    }

    @Test
    void aRedeliveredMessageIsHandledOnce() {
        String number = "32470000004";
        String body = FakeGraph.text(number, graph.newMessageId(), "start wabuurt", Instant.now());
        assertEquals(200, deliver(body));
        awaitSent(number, 1);
        assertEquals(200, deliver(body)); // Meta sends it again (our 200 got lost)
        sleep(1500);
        assertEquals(1, graph.acceptedTo(number).size(), "one reply: " + graph.textsTo(number));
    }

    @Test
    void statusesAreStoredWithoutPersonalData() {
        String number = "32470000005";
        assertEquals(200, deliver(FakeGraph.status("wamid.OUT-status-1", "delivered", number, null)));
        assertEquals(200, deliver(FakeGraph.status("wamid.OUT-status-1", "read", number, null)));
        assertEquals(200, deliver(FakeGraph.status("wamid.OUT-status-1", "read", number, null))); // again
        assertEquals(200, deliver(FakeGraph.status("wamid.OUT-status-2", "failed", number, 131049)));
        List<Document> all = service.all("whatsapp_statuses");
        assertEquals(3, all.size(), all.toString());
        assertTrue(all.stream().anyMatch(d -> "failed".equals(d.getString("status"))
                && Integer.valueOf(131049).equals(d.getInteger("error"))));
        for (Document d : all) {
            assertFalse(d.toJson().contains(number) || d.toJson().contains("wamid"), d.toJson());
        }
    }

    @Test
    void anUnreadableMessageGetsAPoliteAnswer() {
        String number = "32470000006";
        assertEquals(200, deliver(FakeGraph.sticker(number, graph.newMessageId())));
        awaitText(number, "Dit kan ik niet lezen");
    }

    @Test
    void aPhotoTooLargeOrNotAPhotoIsRefusedPolitely() {
        String number = "32470000012";
        graph.photo("media-big", "image/jpeg", java.util.Arrays.copyOf(FakeGraph.JPEG, 2000));
        assertEquals(200, deliver(FakeGraph.image(number, graph.newMessageId(), "media-big", "image/jpeg")));
        awaitText(number, "Dit kan ik niet lezen");
        assertEquals(200, deliver(FakeGraph.image(number, graph.newMessageId(), "media-gif", "image/gif")));
        Harness.await("second refusal", WAIT, () -> graph.textsTo(number).size() == 2);
        assertFalse(Files.exists(dataDir.resolve("web-photos").resolve(rid(number).replaceAll("[^A-Za-z0-9_-]", "_"))),
                "nothing kept");
    }

    @Test
    void metaSayingTheWindowClosedSendsTheTemplateAndAnOptedOutResidentIsStopped() {
        String closed = "32470000013";
        graph.answerNext(FakeGraph.error(400, 131047));
        say(closed, "start wabuurt");
        Harness.await("template", WAIT, () -> graph.acceptedTo(closed).size() == 1);
        assertEquals("template", graph.acceptedTo(closed).getFirst().path("type").asText());

        String optedOut = "32470000014";
        graph.answerNext(FakeGraph.error(400, 131050));
        say(optedOut, "start wabuurt");
        Harness.await("stopped", WAIT, () -> service.store().respondent(rid(optedOut))
                .map(r -> r.blocked()).orElse(false));
        sleep(500);
        assertTrue(graph.acceptedTo(optedOut).isEmpty());
    }

    // ---- the 24-hour window --------------------------------------------------------------------------------

    @Test
    void outsideTheWindowOnlyTheTemplateGoesAndTheConversationWaits() {
        String number = "32470000007";
        // Meta delivers a message of 25 hours ago (it retries for days): its replies would fall outside the window
        Instant old = Instant.now().minus(Duration.ofHours(25));
        assertEquals(200, deliver(FakeGraph.text(number, graph.newMessageId(), "start wabuurt", old)));
        awaitSent(number, 1);
        sleep(800);
        List<JsonNode> sent = graph.acceptedTo(number);
        assertEquals(1, sent.size(), "only the template: " + graph.textsTo(number));
        assertEquals("template", sent.getFirst().path("type").asText());
        assertEquals("buurtstem_verder", sent.getFirst().path("template").path("name").asText());
        assertEquals("nl", sent.getFirst().path("template").path("language").path("code").asText());
        // the resident answers the template: the question they never saw is shown, not taken as answered
        say(number, "ja");
        Harness.await("the language question again", WAIT,
                () -> graph.acceptedTo(number).stream().anyMatch(m -> optionIds(m).contains("ar")));
        assertTrue(answersOf(number).isEmpty());
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingGoes() {
        String number = "32470000008";
        say(number, "start wabuurt");
        awaitSent(number, 1);
        press(number, "ar");
        Harness.await("consent", WAIT, () -> optionIds(lastInteractive(number)).contains("yes"));
        int before = graph.sends().size();
        // a late press, 25 hours old; there is no Arabic template
        Instant old = Instant.now().minus(Duration.ofHours(25));
        String late = FakeGraph.text(number, graph.newMessageId(), "نعم", old);
        assertEquals(200, deliver(late));
        sleep(1500);
        assertEquals(before, graph.sends().size(), "nothing at all was sent");
        say(number, "مرحبا");
        Harness.await("the question again", WAIT, () -> graph.textsTo(number).stream()
                .anyMatch(t -> t.contains("في أي حي تسكن؟")));
    }

    // ---- limits --------------------------------------------------------------------------------------------

    @Test
    void throttlingAnswersAreWaitedOutAndNothingIsSentTwice() {
        String number = "32470000009";
        graph.answerNext(new FakeGraph.Scripted(429, "{\"error\":{\"code\":130429}}", "1", 0));
        graph.answerNext(FakeGraph.error(400, 131056));
        graph.answerNext(FakeGraph.error(400, 80007));
        graph.answerNext(FakeGraph.error(503, 131000));
        say(number, "start wabuurt");
        awaitSent(number, 1);
        List<FakeGraph.Call> calls = graph.sends().stream()
                .filter(c -> c.body().path("to").asText().equals(number)).toList();
        assertEquals(5, calls.size(), "four refusals, one acceptance");
        for (FakeGraph.Call c : calls) {
            assertEquals(calls.getFirst().body(), c.body(), "the same message each time");
        }
        assertEquals(200, calls.getLast().status());
        long waited = Duration.between(calls.getFirst().at(), calls.get(1).at()).toMillis();
        assertTrue(waited >= 950, "Retry-After 1 s honoured, waited " + waited);
        for (int i = 2; i < calls.size(); i++) {
            assertTrue(!calls.get(i).at().isBefore(calls.get(i - 1).at().plusMillis(180)),
                    "backed off between " + calls.get(i - 1).at() + " and " + calls.get(i).at());
        }
        sleep(1000);
        assertEquals(1, graph.acceptedTo(number).size());
    }

    @Test
    void aSendWithoutAnswerIsNotRepeated() {
        String number = "32470000010";
        // accepted, but the answer comes after the service's 2 s timeout: it may well have been delivered
        graph.answerNext(new FakeGraph.Scripted(200, "{\"messages\":[{\"id\":\"wamid.slow\"}]}", null, 3000));
        say(number, "start wabuurt");
        Harness.await("the call", WAIT, () -> graph.sends().stream()
                .anyMatch(c -> c.body().path("to").asText().equals(number)));
        sleep(4000);
        long calls = graph.sends().stream().filter(c -> c.body().path("to").asText().equals(number)).count();
        assertEquals(1, calls, "sent once, never blindly again");
        assertEquals(0, service.db().getCollection("outbox").countDocuments(
                com.mongodb.client.model.Filters.eq("chat", "wa:" + number)));
    }

    @Test
    void theNumbersThroughputIsKept() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3 * RATE; i++) {
            numbers.add("3248000" + String.format("%04d", i));
        }
        List<Long> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        numbers.parallelStream().forEach(n -> {
            long start = System.nanoTime();
            say(n, "start wabuurt");
            acks.add((System.nanoTime() - start) / 1_000_000);
        });
        numbers.forEach(n -> awaitSent(n, 1));
        long all = (System.nanoTime() - t0) / 1_000_000;
        List<Long> sorted = acks.stream().sorted().toList();
        System.out.printf("WHATSAPP %d residents at once: webhook acknowledged in %d ms median, %d ms max; every "
                + "reply sent after %d ms at WHATSAPP_RATE=%d%n", numbers.size(), sorted.get(sorted.size() / 2),
                sorted.getLast(), all, RATE);
        List<Instant> times = graph.sends().stream().filter(c -> numbers.contains(c.body().path("to").asText()))
                .map(FakeGraph.Call::at).sorted().toList();
        assertEquals(numbers.size(), times.size());
        // the service spaces its calls by 1/RATE s when it makes them; the fake sees them arrive with the jitter of
        // a loaded machine (one late request makes nine fall in one second), so the window gets 200 ms of slack and
        // the whole burst must take as long as the rate says
        long tightest = Long.MAX_VALUE;
        for (int i = 0; i + RATE < times.size(); i++) {
            tightest = Math.min(tightest, Duration.between(times.get(i), times.get(i + RATE)).toMillis());
        }
        long span = Duration.between(times.getFirst(), times.getLast()).toMillis();
        System.out.printf("WHATSAPP %d calls in %d ms; %d+1 consecutive calls took at least %d ms%n", times.size(),
                span, RATE, tightest);
        assertTrue(tightest >= 800, RATE + 1 + " calls within " + tightest + " ms");
        assertTrue(span >= (times.size() - 1) * 1000L / RATE - 200, "the burst took only " + span + " ms");
    }

    @Test
    void stopIsHonoured() {
        String number = "32470000011";
        say(number, "start wabuurt");
        awaitSent(number, 1);
        press(number, "nl");
        Harness.await("consent", WAIT, () -> optionIds(lastInteractive(number)).contains("yes"));
        press(number, "yes");
        Harness.await("area", WAIT, () -> optionIds(lastInteractive(number)).contains("noord"));
        say(number, "STOP");
        Harness.await("paused", WAIT, () -> service.store().session(rid(number)).map(s -> s.paused()).orElse(false));
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    static void assertNoneContains(String s) {
        for (String name : service.db().listCollectionNames()) {
            for (Document d : service.db().getCollection(name).find()) {
                assertFalse(d.toJson().contains(s), s + " found in " + name + ": " + d.toJson());
            }
        }
    }

    /** WhatsApp's limits, on every body the service posted. */
    static void assertEveryCallWithinLimits() {
        List<FakeGraph.Call> calls = graph.sends();
        assertFalse(calls.isEmpty());
        for (FakeGraph.Call c : calls) {
            JsonNode b = c.body();
            assertEquals("whatsapp", b.path("messaging_product").asText(), b.toString());
            assertTrue(b.path("to").asText().matches("[0-9]+"), b.toString());
            switch (b.path("type").asText()) {
                case "text" -> {
                    assertTrue(length(b.path("text").path("body").asText()) <= 4096, b.toString());
                    assertFalse(b.path("text").path("body").asText().isBlank(), b.toString());
                }
                case "interactive" -> {
                    JsonNode i = b.path("interactive");
                    assertTrue(length(i.path("body").path("text").asText()) <= 1024, b.toString());
                    JsonNode action = i.path("action");
                    switch (i.path("type").asText()) {
                        case "button" -> {
                            assertTrue(action.path("buttons").size() >= 1 && action.path("buttons").size() <= 3);
                            action.path("buttons").forEach(x -> {
                                assertTrue(length(x.path("reply").path("title").asText()) <= 20, x.toString());
                                assertTrue(x.path("reply").path("id").asText().length() <= 256, x.toString());
                            });
                        }
                        case "list" -> {
                            assertTrue(length(action.path("button").asText()) <= 20, b.toString());
                            int rows = 0;
                            for (JsonNode s : action.path("sections")) {
                                assertTrue(length(s.path("title").asText()) <= 24, s.toString());
                                for (JsonNode r : s.path("rows")) {
                                    rows++;
                                    assertTrue(length(r.path("title").asText()) <= 24, r.toString());
                                    assertTrue(r.path("id").asText().length() <= 200, r.toString());
                                }
                            }
                            assertTrue(rows >= 1 && rows <= 10, b.toString());
                        }
                        case "location_request_message" -> assertEquals("send_location",
                                action.path("name").asText());
                        default -> throw new AssertionError("unexpected interactive " + b);
                    }
                }
                case "template" -> assertNotNull(b.path("template").path("name").asText(null));
                default -> throw new AssertionError("unexpected message type " + b);
            }
        }
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
