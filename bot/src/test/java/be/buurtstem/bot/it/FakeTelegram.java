package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock as the Telegram Bot API on 127.0.0.1: {@code getUpdates} serves scripted updates from simulated residents
 * (honouring the offset, like Telegram: an update comes back until a later offset confirms it), every other method
 * answers like Telegram, and every call is captured in WireMock's journal.
 */
public final class FakeTelegram implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token";
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    private final List<Integer> offsets = new CopyOnWriteArrayList<>();
    private final java.util.Queue<ObjectNode> redeliveries = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    final WireMockServer server;

    public FakeTelegram() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20)
                .extensions(new Api()));
        server.start();
        server.stubFor(any(urlPathMatching("/bot.*")).atPriority(10)
                .willReturn(aResponse().withTransformers("telegram")));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer wiremock() {
        return server;
    }

    // ---- simulated residents ---------------------------------------------------------------------------------

    public ObjectNode text(long chat, String text, String languageCode) {
        ObjectNode message = message(chat, languageCode);
        message.put("text", text);
        return push(update("message", message));
    }

    public ObjectNode location(long chat, double lat, double lon) {
        ObjectNode message = message(chat, "nl");
        message.putObject("location").put("latitude", lat).put("longitude", lon);
        return push(update("message", message));
    }

    public ObjectNode photo(long chat, String fileId, String caption) {
        ObjectNode message = message(chat, "nl");
        com.fasterxml.jackson.databind.node.ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", fileId + "-small").put("file_unique_id", "s").put("width", 90).put("height", 60);
        sizes.addObject().put("file_id", fileId).put("file_unique_id", "l").put("width", 1280).put("height", 853);
        if (caption != null) {
            message.put("caption", caption);
        }
        return push(update("message", message));
    }

    /** Presses the button {@code buttonId} of the last message with buttons that the bot sent to this chat. */
    public ObjectNode press(long chat, String buttonId, String languageCode) {
        JsonNode sent = lastWithButtons(chat);
        if (sent == null) {
            throw new AssertionError("no message with buttons was sent to " + chat);
        }
        String data = null;
        for (JsonNode row : sent.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("callback_data").asText().equals("o:" + buttonId)) {
                    data = b.path("callback_data").asText();
                }
            }
        }
        if (data == null) {
            throw new AssertionError("no button " + buttonId + " in " + sent);
        }
        ObjectNode cq = JSON.createObjectNode();
        cq.put("id", "cq" + nextUpdateId.get());
        cq.set("from", user(chat, languageCode));
        cq.put("chat_instance", "ci" + chat);
        cq.put("data", data);
        ObjectNode msg = cq.putObject("message");
        msg.put("message_id", sent.path("message_id_assigned").asInt(1));
        msg.put("date", 1_700_000_000);
        msg.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Resident");
        msg.put("text", sent.path("text").asText());
        msg.set("reply_markup", sent.path("reply_markup").deepCopy());
        return push(update("callback_query", cq));
    }

    /**
     * Delivers exactly this update once more (same update id) with the next getUpdates, whatever the offset:
     * what happens when Telegram resends after a lost confirmation.
     */
    public void redeliver(ObjectNode update) {
        redeliveries.add(update.deepCopy());
    }

    public ObjectNode push(ObjectNode update) {
        updates.add(update);
        return update;
    }

    /** Several updates at once: the next getUpdates serves them in one batch. */
    public void pushAll(List<ObjectNode> batch) {
        updates.addAll(batch);
    }

    /** A text update from a resident, not yet sent (to be changed by a test, then pushed). */
    public ObjectNode textUpdate(long chat, String text, String languageCode) {
        ObjectNode message = message(chat, languageCode);
        message.put("text", text);
        return update("message", message);
    }

    private ObjectNode update(String field, ObjectNode body) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", nextUpdateId.incrementAndGet());
        u.set(field, body);
        return u;
    }

    private ObjectNode message(long chat, String languageCode) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", nextMessageId.incrementAndGet());
        m.put("date", 1_700_000_000);
        m.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Resident")
                .put("username", "resident" + chat);
        m.set("from", user(chat, languageCode));
        return m;
    }

    private static ObjectNode user(long chat, String languageCode) {
        ObjectNode from = JSON.createObjectNode();
        from.put("id", chat).put("is_bot", false).put("first_name", "Resident").put("last_name", "Private")
                .put("username", "resident" + chat);
        if (languageCode != null) {
            from.put("language_code", languageCode);
        }
        return from;
    }

    // ---- captured calls --------------------------------------------------------------------------------------

    /** Bodies of successful calls of a method (e.g. sendMessage), in order. */
    public List<JsonNode> calls(String method) {
        return calls(method, true);
    }

    public List<JsonNode> calls(String method, boolean onlySuccessful) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<JsonNode> out = new ArrayList<>();
        for (ServeEvent e : events) {
            if (!e.getRequest().getUrl().toLowerCase(java.util.Locale.ROOT)
                    .endsWith("/" + method.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (onlySuccessful && (e.getResponse() == null || e.getResponse().getStatus() != 200)) {
                continue;
            }
            out.add(body(e.getRequest()));
        }
        return out;
    }

    /** Raw bodies of a method's calls (setWebhook is sent as multipart form data, not JSON). */
    public List<String> rawCalls(String method) {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().toLowerCase(java.util.Locale.ROOT)
                .endsWith("/" + method.toLowerCase(java.util.Locale.ROOT))).map(e -> e.getRequest().getBodyAsString())
                .toList();
    }

    public List<JsonNode> sentTo(long chat) {
        return calls("sendMessage").stream().filter(b -> b.path("chat_id").asText().equals(String.valueOf(chat)))
                .toList();
    }

    public List<String> textsTo(long chat) {
        return sentTo(chat).stream().map(b -> b.path("text").asText()).toList();
    }

    /**
     * The texts sent to {@code chat} from the {@code from}-th on, read once: reading {@link #textsTo} twice for one
     * sub-list fails when a message arrives in between (seen under load in ReminderTest and EngineServiceTest).
     */
    public List<String> textsSince(long chat, int from) {
        List<String> all = textsTo(chat);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** A photo sent with sendPhoto (multipart form data): the chat, the caption and the image's bytes. */
    public record Photo(String chat, String caption, byte[] image) {
    }

    /** The photos sent to a chat, in order (only successful calls). */
    public List<Photo> photosTo(long chat) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Photo> out = new ArrayList<>();
        for (ServeEvent e : events) {
            LoggedRequest r = e.getRequest();
            if (!r.getUrl().toLowerCase(java.util.Locale.ROOT).endsWith("/sendphoto") || !r.isMultipart()
                    || e.getResponse() == null || e.getResponse().getStatus() != 200) {
                continue;
            }
            String to = null;
            String caption = null;
            byte[] image = null;
            for (var part : r.getParts()) {
                switch (part.getName()) {
                    case "chat_id" -> to = part.getBody().asString();
                    case "caption" -> caption = part.getBody().asString();
                    default -> { }
                }
            }
            image = png(r.getBody());
            if (String.valueOf(chat).equals(to)) {
                out.add(new Photo(to, caption, image));
            }
        }
        return out;
    }

    /** The PNG inside a multipart body: from its signature to the end of its IEND chunk (null when there is none). */
    static byte[] png(byte[] body) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] end = {'I', 'E', 'N', 'D'};
        int from = indexOf(body, signature, 0);
        int iend = from < 0 ? -1 : indexOf(body, end, from);
        return iend < 0 ? null : java.util.Arrays.copyOfRange(body, from, iend + 8);
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private JsonNode lastWithButtons(long chat) {
        List<JsonNode> sent = sentTo(chat);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).has("reply_markup") && sent.get(i).path("reply_markup").has("inline_keyboard")) {
                return sent.get(i);
            }
        }
        return null;
    }

    public List<Integer> offsets() {
        return offsets;
    }

    public int requestCount() {
        return server.findAll(anyRequestedFor(urlPathMatching("/bot.*"))).size();
    }

    static JsonNode body(LoggedRequest r) {
        try {
            String s = r.getBodyAsString();
            return s == null || s.isBlank() ? JSON.createObjectNode() : JSON.readTree(s);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Api implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "telegram";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String url = event.getRequest().getUrl();
            String method = url.substring(url.lastIndexOf('/') + 1);
            if (method.contains("?")) {
                method = method.substring(0, method.indexOf('?'));
            }
            JsonNode body = body(event.getRequest());
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            switch (method.toLowerCase(java.util.Locale.ROOT)) {
                case "getupdates" -> {
                    int offset = body.path("offset").asInt(0);
                    offsets.add(offset);
                    int limit = body.path("limit").asInt(100);
                    ArrayNode result = answer.putArray("result");
                    long deadline = System.currentTimeMillis() + 150;
                    do {
                        for (ObjectNode r = redeliveries.poll(); r != null; r = redeliveries.poll()) {
                            result.add(r);
                        }
                        for (ObjectNode u : updates) {
                            if (u.path("update_id").asInt() >= offset && result.size() < limit) {
                                result.add(u);
                            }
                        }
                        if (result.isEmpty()) {
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                break;
                            }
                        }
                    } while (result.isEmpty() && System.currentTimeMillis() < deadline);
                }
                case "sendmessage", "editmessagetext" -> {
                    ObjectNode msg = answer.putObject("result");
                    msg.put("message_id", nextMessageId.incrementAndGet());
                    msg.put("date", 1_700_000_000);
                    msg.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                    msg.put("text", body.path("text").asText());
                }
                case "sendphoto" -> { // multipart: the chat id is a form field, answered as Telegram does
                    ObjectNode msg = answer.putObject("result");
                    msg.put("message_id", nextMessageId.incrementAndGet());
                    msg.put("date", 1_700_000_000);
                    msg.putObject("chat").put("id", 0).put("type", "private");
                    msg.putArray("photo").addObject().put("file_id", "p" + nextMessageId.get())
                            .put("file_unique_id", "u" + nextMessageId.get()).put("width", 1080).put("height", 1080);
                }
                default -> answer.put("result", true);
            }
            try {
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(answer))
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
