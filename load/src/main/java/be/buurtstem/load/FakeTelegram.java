package be.buurtstem.load;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Telegram Bot API played on 127.0.0.1 with the JDK's HttpServer, answering at once. {@code sendMessage} is
 * counted and its time kept per chat (the second latency figure: until the reply reaches "Telegram"), with the
 * message's buttons (what a simulated resident may press next). {@code getUpdates} serves the queued updates from the
 * offset on, like Telegram: an update is served again until a later offset confirms it, and the moment of each
 * confirmation is kept. Every other method answers {@code ok}.
 */
final class FakeTelegram implements AutoCloseable {
    static final String TOKEN = "123456:LOAD-harness";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The last message the service sent to a chat: its text and its buttons' callback data. */
    record Last(String text, List<String> buttons) {
    }

    private final HttpServer server;
    private final ConcurrentSkipListMap<Long, String> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong nextUpdateId = new AtomicLong(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final Map<Long, SendTimes> sendTimes = new ConcurrentHashMap<>();
    private final Map<Long, Last> last = new ConcurrentHashMap<>();
    private final Map<String, Integer> copies = new ConcurrentHashMap<>();
    private final Object arrival = new Object();
    final LongAdder sends = new LongAdder();
    final LongAdder calls = new LongAdder();
    final AtomicLong confirmedCount = new AtomicLong();
    final AtomicLong lastConfirmNanos = new AtomicLong();
    final AtomicLong getUpdatesCalls = new AtomicLong();
    private volatile boolean keepCopies;

    /** Send times of one chat, in order (nanoTime). */
    static final class SendTimes {
        private long[] t = new long[8];
        private int n;

        synchronized void add(long nanos) {
            if (n == t.length) {
                t = java.util.Arrays.copyOf(t, n * 2);
            }
            t[n++] = nanos;
        }

        /** The first send at or after {@code fromNanos}, or -1. */
        synchronized long firstFrom(long fromNanos) {
            for (int i = 0; i < n; i++) {
                if (t[i] >= fromNanos) {
                    return t[i];
                }
            }
            return -1;
        }

        synchronized int count() {
            return n;
        }
    }

    FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keep the text of every message sent (to count the same text sent twice to one chat: two instances). */
    void keepCopies() {
        keepCopies = true;
    }

    long newUpdateId() {
        return nextUpdateId.getAndIncrement();
    }

    /** Queues an update (raw JSON carrying that update_id) for getUpdates. */
    void push(long updateId, String rawJson) {
        pending.put(updateId, rawJson);
        synchronized (arrival) {
            arrival.notifyAll();
        }
    }

    int pendingCount() {
        return pending.size();
    }

    Last last(long chat) {
        return last.get(chat);
    }

    SendTimes sendTimes(long chat) {
        return sendTimes.get(chat);
    }

    /** Messages sent more than once with the same text to the same chat (only with {@link #keepCopies()}). */
    long sentTwice() {
        return copies.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            calls.increment();
            String path = ex.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = parse(raw, ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestURI().getRawQuery());
            String answer = switch (method) {
                case "getupdates" -> getUpdates(body);
                case "sendmessage" -> sendMessage(body);
                case "editmessagetext" -> message(body.path("chat_id").asText(), body.path("text").asText());
                case "getme" -> "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Load\","
                        + "\"username\":\"load_bot\"}}";
                default -> "{\"ok\":true,\"result\":true}";
            };
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // the service hung up (stopped or killed): nothing to answer
        }
    }

    private String sendMessage(JsonNode body) throws IOException {
        long now = System.nanoTime();
        String chatText = body.path("chat_id").asText();
        String text = body.path("text").asText();
        sends.increment();
        long chat;
        try {
            chat = Long.parseLong(chatText);
        } catch (NumberFormatException e) {
            chat = 0;
        }
        sendTimes.computeIfAbsent(chat, k -> new SendTimes()).add(now);
        List<String> buttons = new ArrayList<>();
        JsonNode markup = body.path("reply_markup");
        if (markup.isTextual()) {
            markup = JSON.readTree(markup.asText());
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.hasNonNull("callback_data")) {
                    buttons.add(b.get("callback_data").asText());
                }
            }
        }
        last.put(chat, new Last(text, List.copyOf(buttons)));
        if (keepCopies) {
            copies.merge(chatText + "\u0000" + text, 1, Integer::sum);
        }
        return message(chatText, text);
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
        long deadline = System.currentTimeMillis() + Math.min(timeout * 1000L, 1000);
        StringBuilder sb = new StringBuilder("{\"ok\":true,\"result\":[");
        int n = 0;
        while (true) {
            for (String u : pending.tailMap(offset, true).values()) {
                if (n >= limit) {
                    break;
                }
                if (n > 0) {
                    sb.append(',');
                }
                sb.append(u);
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
        return sb.append("]}").toString();
    }

    /** An offset confirms every update below it (Telegram's rule); each is counted once, with the time. */
    private void confirmBelow(long offset) {
        int n = 0;
        for (Long id : new ArrayList<>(pending.headMap(offset, false).keySet())) {
            if (pending.remove(id) != null) {
                n++;
            }
        }
        if (n > 0) {
            confirmedCount.addAndGet(n);
            lastConfirmNanos.set(System.nanoTime());
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
