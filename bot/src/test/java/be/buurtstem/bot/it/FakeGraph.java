package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock as Meta's Graph API on 127.0.0.1, for the WhatsApp channel: {@code POST /{phone}/messages} answers like the
 * Cloud API (a {@code wamid} per accepted message) unless a scripted answer is queued ({@link #answerNext}: a 429, a
 * throttling code, a slow answer); {@code POST /{phone}/media} takes an upload and answers a media id (or a queued
 * {@link #answerNextUpload}); {@code GET /{media-id}} and the download serve photos; every call is in the journal.
 * Also the residents' side: webhook bodies shaped like Meta's, signed with the app secret and posted to the service.
 */
public final class FakeGraph implements AutoCloseable {
    public static final String PHONE = "109876543210";
    public static final String TOKEN = "wa-test-token";
    public static final String SECRET = "wa-app-secret";
    public static final String VERIFY = "wa-verify-token";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The start of a JPEG: enough for the photo store to know the type. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F',
            0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private final WireMockServer server;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger inbound = new AtomicInteger(1);
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Queue<Scripted> scriptedUploads = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextMedia = new AtomicInteger(1);
    private final HttpClient http = HttpClient.newHttpClient();

    /** An answer to give to the next send instead of accepting it. */
    public record Scripted(int status, String body, String retryAfter, int delayMillis) {
    }

    public FakeGraph() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20)
                .extensions(new Messages(), new Uploads()));
        server.start();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/" + PHONE + "/messages"))
                .willReturn(aResponse().withTransformers("wa-messages")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/" + PHONE + "/media"))
                .willReturn(aResponse().withTransformers("wa-media")));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The service's settings for this fake. */
    public Map<String, Object> properties() {
        return Map.of("whatsapp.token", TOKEN, "whatsapp.phone-number-id", PHONE, "whatsapp.app-secret", SECRET,
                "whatsapp.verify-token", VERIFY, "whatsapp.api-url", url(), "whatsapp.retry-base", "200ms",
                "whatsapp.timeout", "2s");
    }

    public void answerNext(Scripted s) {
        scripted.add(s);
    }

    /** An answer to give to the next media upload instead of taking it. */
    public void answerNextUpload(Scripted s) {
        scriptedUploads.add(s);
    }

    /** Forgets the scripted answers not given yet. */
    public void clearScripted() {
        scripted.clear();
        scriptedUploads.clear();
    }

    /** A 400 with one of Meta's error codes (131056 pair rate limit, 130429 throughput, 131047 window...). */
    public static Scripted error(int status, int code) {
        return new Scripted(status, "{\"error\":{\"message\":\"(#" + code + ") refused\",\"type\":\"OAuthException\","
                + "\"code\":" + code + ",\"fbtrace_id\":\"x\"}}", null, 0);
    }

    /** Serves a photo: {@code GET /{mediaId}} gives its url, the url gives the bytes. */
    public void photo(String mediaId, String mime, byte[] bytes) {
        server.stubFor(get(urlPathEqualTo("/" + mediaId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"url\":\"" + url() + "/download/" + mediaId
                        + "\",\"mime_type\":\"" + mime + "\",\"file_size\":" + bytes.length + ",\"id\":\"" + mediaId
                        + "\"}")));
        server.stubFor(get(urlPathEqualTo("/download/" + mediaId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", mime).withBody(bytes)));
    }

    // ---- what the service sent ------------------------------------------------------------------------------

    /** One call to the messages endpoint: its body, the answer's status, and when it came. */
    public record Call(JsonNode body, int status, Instant at) {
    }

    public List<Call> sends() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Call> out = new ArrayList<>();
        for (ServeEvent e : events) {
            if (e.getRequest().getUrl().endsWith("/" + PHONE + "/messages")) {
                out.add(new Call(body(e.getRequest().getBodyAsString()), e.getResponse() == null ? 0
                        : e.getResponse().getStatus(), e.getRequest().getLoggedDate().toInstant()));
            }
        }
        return out;
    }

    /** One call to the media endpoint: its multipart fields, the file's bytes, and the media id answered (or null). */
    public record Upload(Map<String, String> fields, String fileType, byte[] file, String mediaId, int status) {
    }

    public List<Upload> uploads() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Upload> out = new ArrayList<>();
        for (ServeEvent e : events) {
            var r = e.getRequest();
            if (!r.getUrl().endsWith("/" + PHONE + "/media")) {
                continue;
            }
            Map<String, String> fields = new java.util.TreeMap<>();
            byte[] file = null;
            String fileType = null;
            for (var part : r.getParts()) {
                if ("file".equals(part.getName())) {
                    file = part.getBody().asBytes();
                    fileType = part.getHeader("Content-Type").firstValue();
                } else {
                    fields.put(part.getName(), part.getBody().asString());
                }
            }
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            String id = status == 200 ? body(e.getResponse().getBodyAsString()).path("id").asText(null) : null;
            out.add(new Upload(fields, fileType, file, id, status));
        }
        return out;
    }

    /** Bodies of the accepted messages to one number, in order. */
    public List<JsonNode> acceptedTo(String number) {
        return sends().stream().filter(c -> c.status() == 200 && c.body().path("to").asText().equals(number))
                .map(Call::body).toList();
    }

    /** The text a resident reads of a message: its body or its interactive body. */
    public static String textOf(JsonNode m) {
        return switch (m.path("type").asText()) {
            case "text" -> m.path("text").path("body").asText();
            case "interactive" -> m.path("interactive").path("body").path("text").asText();
            case "template" -> "[template " + m.path("template").path("name").asText() + "]";
            case "image" -> m.path("image").path("caption").asText();
            default -> "";
        };
    }

    public List<String> textsTo(String number) {
        return acceptedTo(number).stream().map(FakeGraph::textOf).toList();
    }

    public List<String> authorizations() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Authorization")).toList();
    }

    // ---- the residents' side --------------------------------------------------------------------------------

    public String newMessageId() {
        return "wamid.IN" + inbound.incrementAndGet();
    }

    public static String text(String from, String id, String body, Instant at) {
        ObjectNode m = message(from, id, "text", at);
        m.putObject("text").put("body", body);
        return wrap(from, m);
    }

    /** A press of a reply button or a list row, by the id the service gave it. */
    public static String press(String from, String id, String optionId, boolean list) {
        ObjectNode m = message(from, id, "interactive", Instant.now());
        String kind = list ? "list_reply" : "button_reply";
        m.putObject("interactive").put("type", kind).putObject(kind).put("id", optionId).put("title", "x");
        return wrap(from, m);
    }

    public static String image(String from, String id, String mediaId, String mime) {
        ObjectNode m = message(from, id, "image", Instant.now());
        m.putObject("image").put("id", mediaId).put("mime_type", mime).put("sha256", "abc");
        return wrap(from, m);
    }

    public static String sticker(String from, String id) {
        ObjectNode m = message(from, id, "sticker", Instant.now());
        m.putObject("sticker").put("id", "st1").put("mime_type", "image/webp").put("animated", false);
        return wrap(from, m);
    }

    public static String status(String messageId, String status, String recipient, Integer errorCode) {
        ObjectNode value = value();
        ObjectNode s = value.putArray("statuses").addObject().put("id", messageId).put("status", status)
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("recipient_id", recipient);
        if (errorCode != null) {
            s.putArray("errors").addObject().put("code", errorCode).put("title", "failed");
        }
        return envelope(value);
    }

    private static ObjectNode message(String from, String id, String type, Instant at) {
        ObjectNode m = JSON.createObjectNode();
        m.put("from", from).put("id", id).put("timestamp", String.valueOf(at.getEpochSecond())).put("type", type);
        return m;
    }

    private static ObjectNode value() {
        ObjectNode value = JSON.createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "32470000000").put("phone_number_id", PHONE);
        return value;
    }

    private static String wrap(String from, ObjectNode message) {
        ObjectNode value = value();
        value.putArray("contacts").addObject().put("wa_id", from).putObject("profile").put("name", "Resident Name");
        value.putArray("messages").add(message);
        return envelope(value);
    }

    private static String envelope(ObjectNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "WABA1").putArray("changes").addObject();
        change.put("field", "messages");
        change.set("value", value);
        return root.toString();
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a body to the service's webhook as Meta does (signed); returns the status. */
    public int deliver(String serviceBase, String body) {
        return post(serviceBase, body, sign(SECRET, body));
    }

    public int post(String serviceBase, String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serviceBase + "/whatsapp/webhook"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(String s) {
        try {
            return s == null || s.isBlank() ? JSON.createObjectNode() : JSON.readTree(s);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Uploads implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "wa-media";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var b = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withHeader("Content-Type", "application/json");
            Scripted s = scriptedUploads.poll();
            if (s != null) {
                return b.withStatus(s.status()).withBody(s.body()).build();
            }
            return b.withStatus(200).withBody("{\"id\":\"upload" + nextMedia.getAndIncrement() + "\"}").build();
        }
    }

    private final class Messages implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "wa-messages";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var b = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withHeader("Content-Type", "application/json");
            Scripted s = scripted.poll();
            if (s != null) {
                b.withStatus(s.status()).withBody(s.body());
                if (s.retryAfter() != null) {
                    b.withHeader("Retry-After", s.retryAfter());
                }
                if (s.delayMillis() > 0) {
                    b.withFixedDelay(s.delayMillis());
                }
                return b.build();
            }
            JsonNode body = body(event.getRequest().getBodyAsString());
            String to = body.path("to").asText();
            return b.withStatus(200).withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.OUT" + nextId.incrementAndGet()
                    + "\"}]}").build();
        }
    }
}
