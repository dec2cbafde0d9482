package be.buurtstem.bot.it;

import be.buurtstem.bot.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code serve} instances (child JVMs) share one store run by the {@code db} command (a third child JVM). In
 * webhook mode the test is the load balancer: each resident's messages go to the two instances in turn, and to the
 * other one when an instance does not answer. Half-way, one instance is killed with SIGKILL. Every reply must arrive,
 * in order per resident; while both run, no reply is sent twice (without leases both dispatchers send every head);
 * after the kill at most the replies the dead instance had in flight or awaiting their removal's sync
 * ({@link be.buurtstem.bot.service.outbox.OutboxDispatcher#MAX_UNSYNCED}, as in OutboxKillTest) come twice; every
 * answer is stored once. In long-polling mode only one instance polls, and the other takes over when it dies.
 */
@org.junit.jupiter.api.Tag("solo") // runs alone: see bot/pom.xml
class TwoInstancesTest {
    static final int RESIDENTS = 40;
    /** The dispatcher's places: what a killed instance may have sent without its removal on disk (was 4). */
    static final int AT_MOST_AGAIN = be.buurtstem.bot.service.outbox.OutboxDispatcher.MAX_UNSYNCED;
    static final long FIRST_CHAT = 88_000;
    static final List<String> REPLIES = List.of("Mogen we je antwoorden anoniem bewaren?", "In welke wijk woon je?",
            "Wat zou je veranderen in je buurt?", "Bedankt voor je antwoorden!");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final AtomicInteger updateIds = new AtomicInteger(5000);
    /**
     * Distinct replies per chat and sends in all, read from the fake server by one thread every 100 ms: forty
     * residents each reading every captured call in a loop would take the machine's CPU from the instances.
     */
    static final Map<Long, Integer> repliesByChat = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicInteger sends = new AtomicInteger();

    static Thread watch(FakeTelegram telegram) {
        return Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<JsonNode> sent = telegram.calls("sendMessage");
                Map<Long, java.util.Set<String>> texts = new HashMap<>();
                for (JsonNode m : sent) {
                    texts.computeIfAbsent(m.path("chat_id").asLong(), k -> new java.util.HashSet<>())
                            .add(m.path("text").asText());
                }
                texts.forEach((chat, t) -> repliesByChat.put(chat, t.size()));
                sends.set(sent.size());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static void awaitQuietly(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        awaitQuietly(what, timeout, 50, condition);
    }

    static void awaitQuietly(String what, Duration timeout, long pauseMillis,
                             java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(pauseMillis);
        }
    }

    @Test
    void twoWebhookInstancesShareTheOutboxAndOneIsKilled(@TempDir Path dir) throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(); ChildProcess db = db(dir.resolve("db"))) {
            String uri = db.await("serve with: MONGODB_URI=(\\S+)", Duration.ofSeconds(60));
            ChildProcess a = serve(uri, telegram, "webhook", dir.resolve("a"), "two-a");
            ChildProcess b = serve(uri, telegram, "webhook", dir.resolve("b"), "two-b");
            try {
                String[] ports = {a.await("^PORT (\\d+)", Duration.ofSeconds(180)),
                        b.await("^PORT (\\d+)", Duration.ofSeconds(180))};
                boolean[] down = new boolean[2];
                int expected = REPLIES.size() * RESIDENTS;
                Thread watcher = watch(telegram);
                ExecutorService residents = Executors.newFixedThreadPool(10);
                long t0 = System.nanoTime();
                List<Future<?>> jobs = new ArrayList<>();
                for (int i = 0; i < RESIDENTS; i++) {
                    int r = i;
                    jobs.add(residents.submit(() -> converse(telegram, ports, down, r)));
                }
                awaitQuietly("half the replies sent", Duration.ofSeconds(180), () -> sends.get() >= expected / 2);
                down[1] = true;
                b.kill();
                long killed = System.nanoTime();
                List<JsonNode> beforeKill = telegram.calls("sendMessage");
                double beforeSeconds = (killed - t0) / 1e9;
                try {
                    for (Future<?> job : jobs) {
                        job.get(240, TimeUnit.SECONDS);
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    try (MongoClient client = MongoClients.create(uri)) { // what was left, to see why
                        client.getDatabase("buurtstem").getCollection("outbox").find()
                                .forEach(d -> System.out.println("LEFT IN OUTBOX " + d.toJson()));
                    }
                    throw e;
                }
                double afterKill = (System.nanoTime() - killed) / 1e9;
                residents.shutdown();
                watcher.interrupt();
                Thread.sleep(1500); // anything sent again would go now
                List<JsonNode> sent = telegram.calls("sendMessage");
                int twiceBefore = beforeKill.size() - distinct(beforeKill);
                int twice = sent.size() - distinct(sent);
                String metrics = scrape(ports[0], SharedStoreChild.METRICS_TOKEN).body();
                System.out.printf("TWO INSTANCES %d residents, %d updates: %d replies sent by two instances in %.1f s "
                                + "(%.0f replies/s); after the SIGKILL of one, the rest within %.1f s; sent twice: %d "
                                + "before the kill, %d in all; lease takeovers %s%n", RESIDENTS, expected,
                        beforeKill.size(), beforeSeconds, beforeKill.size() / beforeSeconds, afterKill, twiceBefore,
                        twice, value(metrics, "buurtstem_outbox_lease_takeovers_total"));
                System.out.printf("TWO INSTANCES surviving instance: %.0f webhook updates, mean %.0f ms to store "
                                + "one (max %.0f ms); %.0f sends%n",
                        value(metrics, "buurtstem_inbound_updates_seconds_count{channel=\"telegram-webhook\""),
                        1000 * value(metrics, "buurtstem_inbound_updates_seconds_sum{channel=\"telegram-webhook\"")
                                / value(metrics, "buurtstem_inbound_updates_seconds_count{channel=\"telegram-webhook\""),
                        1000 * value(metrics, "buurtstem_inbound_updates_seconds_max{channel=\"telegram-webhook\""),
                        value(metrics, "buurtstem_telegram_sends_total{type=\"send\""));

                assertEquals(0, twiceBefore, "no reply sent twice while both instances run");
                assertEquals(expected, distinct(sent), "no reply lost");
                assertTrue(twice <= AT_MOST_AGAIN,
                        twice + " replies sent twice: more than were in flight at the kill");
                for (int i = 0; i < RESIDENTS; i++) {
                    assertEquals(REPLIES, List.copyOf(new LinkedHashSet<>(telegram.textsTo(FIRST_CHAT + i))),
                            "replies in order for resident " + i);
                }
                try (MongoClient client = MongoClients.create(uri)) {
                    var answers = client.getDatabase("buurtstem").getCollection("answers");
                    for (int i = 0; i < RESIDENTS; i++) {
                        assertEquals(1, answers.countDocuments(Filters.eq("text", wish(i))), "answer of resident " + i);
                    }
                    assertEquals(0, client.getDatabase("buurtstem").getCollection("outbox").countDocuments(),
                            "outbox drained");
                }
                assertEquals(401, scrape(ports[0], null).statusCode(), "metrics need a token");
                assertTrue(value(metrics, "buurtstem_inbound_updates_seconds_count{channel=\"telegram-webhook\"")
                        > 0, "inbound updates counted");
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void onlyOneInstancePollsAndTheOtherTakesOverWhenItDies(@TempDir Path dir) throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(); ChildProcess db = db(dir.resolve("db"))) {
            String uri = db.await("serve with: MONGODB_URI=(\\S+)", Duration.ofSeconds(60));
            ChildProcess a = serve(uri, telegram, "polling", dir.resolve("a"), "poll-a");
            ChildProcess b = serve(uri, telegram, "polling", dir.resolve("b"), "poll-b");
            try {
                List<ChildProcess> children = List.of(a, b);
                String[] ports = {a.await("^PORT (\\d+)", Duration.ofSeconds(180)),
                        b.await("^PORT (\\d+)", Duration.ofSeconds(180))};
                awaitQuietly("one instance polls", Duration.ofSeconds(60), 300,
                        () -> polling(ports[0]) + polling(ports[1]) == 1);
                Thread.sleep(3000); // several lease renewals later: still only one
                assertEquals(1, polling(ports[0]) + polling(ports[1]), "exactly one instance polls");
                telegram.text(FIRST_CHAT, "/start buurt", "nl");
                Harness.awaitText(telegram, FIRST_CHAT, REPLIES.get(0), Duration.ofSeconds(30));

                try (MongoClient client = MongoClients.create(uri)) { // not killed while the reply is in flight
                    var outbox = client.getDatabase("buurtstem").getCollection("outbox");
                    awaitQuietly("outbox drained", Duration.ofSeconds(30), 100, () -> outbox.countDocuments() == 0);
                }
                int active = polling(ports[0]) == 1 ? 0 : 1;
                children.get(active).kill();
                long killed = System.nanoTime();
                String other = ports[1 - active];
                awaitQuietly("the other instance polls", Duration.ofSeconds(60), 200, () -> polling(other) == 1);
                double takeover = (System.nanoTime() - killed) / 1e9;
                telegram.text(FIRST_CHAT, "yes", "nl");
                Harness.awaitText(telegram, FIRST_CHAT, REPLIES.get(1), Duration.ofSeconds(30));
                System.out.printf("POLLER the standby instance polled %.1f s after the SIGKILL of the poller "
                        + "(lease 8 s)%n", takeover);
                assertEquals(List.of(REPLIES.get(0), REPLIES.get(1)), telegram.textsTo(FIRST_CHAT),
                        "each reply once, in order");
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** One resident's conversation: each message to the instances in turn, waiting for the reply to the last one. */
    private static Void converse(FakeTelegram telegram, String[] ports, boolean[] down, int r) throws Exception {
        long chat = FIRST_CHAT + r;
        List<String> messages = List.of("/start buurt", "yes", "noord", wish(r));
        for (int k = 0; k < messages.size(); k++) {
            post(ports, down, (r + k) % 2, update(updateIds.incrementAndGet(), chat, messages.get(k)));
            int replies = k + 1;
            awaitQuietly(replies + " replies to " + chat, Duration.ofSeconds(120),
                    () -> repliesByChat.getOrDefault(chat, 0) >= replies);
        }
        return null;
    }

    /** The load balancer: to the chosen instance, else to the other; again until one stored it (200). */
    private static void post(String[] ports, boolean[] down, int preferred, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int target = preferred;
        while (System.nanoTime() < deadline) {
            if (down[target]) {
                target = 1 - target;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[target]
                            + "/telegram/webhook")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SharedStoreChild.WEBHOOK_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // instance gone: Telegram would retry, a load balancer sends it to the other one
            } catch (java.io.IOException e) {
                // connection reset by the kill
            }
            target = 1 - target;
            Thread.sleep(100);
        }
        throw new AssertionError("no instance took the update");
    }

    static String wish(int resident) {
        return "Een bank onder de boom " + resident;
    }

    static String update(int id, long chat, String text) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Resident\"},"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Resident\",\"language_code\":\"nl\"},"
                + "\"text\":\"" + text + "\"}}";
    }

    static int distinct(List<JsonNode> sent) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode m : sent) {
            seen.merge(m.path("chat_id").asText() + "\u0000" + m.path("text").asText(), 1, Integer::sum);
        }
        return seen.size();
    }

    static HttpResponse<String> scrape(String port, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample whose line starts with {@code prefix}, or -1. */
    static double value(String metrics, String prefix) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                Matcher m = Pattern.compile(" ([-+0-9.eE]+|NaN)$").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return -1;
    }

    private static int polling(String port) {
        try {
            return (int) value(scrape(port, SharedStoreChild.METRICS_TOKEN).body(),
                    "buurtstem_telegram_poller_active");
        } catch (Exception e) {
            return 0; // killed
        }
    }

    static ChildProcess db(Path data) throws Exception {
        return ChildProcess.start("two-db", Main.class.getName(), "db", "--data", data.toString(), "--port", "0");
    }

    static ChildProcess serve(String uri, FakeTelegram telegram, String mode, Path files, String name)
            throws Exception {
        return ChildProcess.start(name, SharedStoreChild.class.getName(), uri, telegram.url(), mode, files.toString());
    }
}
