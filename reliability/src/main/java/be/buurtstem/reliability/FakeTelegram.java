package be.buurtstem.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram Bot API played on 127.0.0.1 with the JDK's HttpServer. {@code getUpdates} serves the pending updates
 * from the offset on, like Telegram: an update is served again until a later offset confirms it. Updates are kept as
 * raw JSON text, so that an update may hold any type in any field. Every {@code sendMessage} is recorded; every other
 * method answers {@code ok}.
 */
final class FakeTelegram implements AutoCloseable {
    static final String TOKEN = "123456:RELIABILITY-harness";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A message the service sent. */
    record Sent(String chat, String text, JsonNode markup, long atMillis) {
    }

    private final HttpServer server;
    private final ConcurrentSkipListMap<Long, String> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong nextUpdateId = new AtomicLong(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, List<Sent>> sentByChat = new ConcurrentHashMap<>();
    private final Object arrival = new Object();
    final AtomicLong confirmedUpTo = new AtomicLong(0); // highest offset the service sent
    final AtomicLong confirmedCount = new AtomicLong(0);
    final AtomicLong lastOffsetAdvanceMillis = new AtomicLong(System.currentTimeMillis());
    final AtomicLong servedUpdates = new AtomicLong(0);
    final AtomicLong getUpdatesCalls = new AtomicLong(0);
    private final Map<Long, Boolean> confirmed = new ConcurrentHashMap<>();
    private volatile int maxWaitMillis = 1000;

    FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- updates --------------------------------------------------------------------------------------------

    long newUpdateId() {
        return nextUpdateId.getAndIncrement();
    }

    /** Queues an update (raw JSON with that update_id) for getUpdates. */
    void push(long updateId, String rawJson) {
        pending.put(updateId, rawJson);
        synchronized (arrival) {
            arrival.notifyAll();
        }
    }

    int pendingCount() {
        return pending.size();
    }

    boolean isConfirmed(long updateId) {
        return confirmed.containsKey(updateId);
    }

    // ---- sent messages --------------------------------------------------------------------------------------

    List<Sent> sent() {
        return sent;
    }

    List<Sent> sentTo(String chat) {
        return sentByChat.getOrDefault(chat, List.of());
    }

    // ---- the API --------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = parse(raw, ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestURI().getRawQuery());
            String answer;
            switch (method) {
                case "getupdates" -> answer = getUpdates(body);
                case "sendmessage" -> {
                    String chat = body.path("chat_id").asText();
                    Sent s = new Sent(chat, body.path("text").asText(), body.path("reply_markup"),
                            System.currentTimeMillis());
                    sent.add(s);
                    sentByChat.computeIfAbsent(chat, k -> new CopyOnWriteArrayList<>()).add(s);
                    answer = message(chat, s.text());
                }
                case "editmessagetext" -> answer = message(body.path("chat_id").asText(), body.path("text").asText());
                case "getme" -> answer = "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Harness\","
                        + "\"username\":\"harness_bot\"}}";
                default -> answer = "{\"ok\":true,\"result\":true}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // the service hung up (killed): nothing to answer
        }
    }

    private String message(String chat, String text) throws IOException {
        ObjectNode r = JSON.createObjectNode().put("ok", true);
        ObjectNode m = r.putObject("result");
        m.put("message_id", nextMessageId.incrementAndGet());
        m.put("date", 1_700_000_000);
        ObjectNode c = m.putObject("chat").put("type", "private");
        try {
            c.put("id", Long.parseLong(chat));
        } catch (NumberFormatException e) {
            c.put("id", 1);
        }
        m.put("text", text);
        return JSON.writeValueAsString(r);
    }

    private String getUpdates(JsonNode body) {
        getUpdatesCalls.incrementAndGet();
        long offset = body.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, body.path("limit").asInt(100)));
        int timeout = body.path("timeout").asInt(0);
        if (offset > 0) {
            confirmBelow(offset);
        }
        long deadline = System.currentTimeMillis() + Math.min(timeout * 1000L, maxWaitMillis);
        StringBuilder sb = new StringBuilder("{\"ok\":true,\"result\":[");
        int n = 0;
        while (true) {
            for (Map.Entry<Long, String> e : pending.tailMap(offset, true).entrySet()) {
                if (n >= limit) {
                    break;
                }
                if (n > 0) {
                    sb.append(',');
                }
                sb.append(e.getValue());
                n++;
            }
            if (n > 0 || System.currentTimeMillis() >= deadline) {
                break;
            }
            synchronized (arrival) {
                try {
                    arrival.wait(Math.max(1, Math.min(50, deadline - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        servedUpdates.addAndGet(n);
        return sb.append("]}").toString();
    }

    private void confirmBelow(long offset) {
        if (offset > confirmedUpTo.get()) {
            confirmedUpTo.set(offset);
            lastOffsetAdvanceMillis.set(System.currentTimeMillis());
        }
        for (Long id : new ArrayList<>(pending.headMap(offset, false).keySet())) {
            if (pending.remove(id) != null) {
                confirmed.put(id, Boolean.TRUE);
                confirmedCount.incrementAndGet();
            }
        }
    }

    private static JsonNode parse(byte[] raw, String contentType, String query) {
        try {
            if (raw.length > 0 && (contentType == null || contentType.contains("json"))) {
                return JSON.readTree(raw);
            }
            String form = raw.length > 0 && contentType != null && contentType.contains("x-www-form-urlencoded")
                    ? new String(raw, StandardCharsets.UTF_8) : query;
            ObjectNode o = JSON.createObjectNode();
            if (form != null) {
                for (String kv : form.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        o.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return o;
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
