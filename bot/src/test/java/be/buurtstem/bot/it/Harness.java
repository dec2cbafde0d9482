package be.buurtstem.bot.it;

import be.buurtstem.bot.service.BuurtstemApplication;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Starts the real service (Spring context, embedded database in a temp folder) against a fake Telegram. */
public final class Harness implements AutoCloseable {
    public final ConfigurableApplicationContext context;
    public final long startMillis;

    private Harness(ConfigurableApplicationContext context, long startMillis) {
        this.context = context;
        this.startMillis = startMillis;
    }

    public static Map<String, Object> properties(Path dataDir, FakeTelegram telegram) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        p.put("buurtstem.data-dir", dataDir.toString());
        p.put("logging.structured.format.console", "");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        if (telegram != null) {
            p.put("telegram.bot-token", FakeTelegram.TOKEN);
            p.put("telegram.api-url", telegram.url());
            p.put("telegram.poll-timeout", "1s");
            p.put("telegram.per-chat-interval", "5ms");
            p.put("telegram.messages-per-second", "200");
            p.put("telegram.retry-base", "100ms");
            p.put("telegram.drain-timeout", "2s");
        }
        return p;
    }

    /** The service with the scripted questionnaires of {@link TestSurveys}. */
    public static Harness start(Map<String, Object> properties) {
        return start(properties, true);
    }

    /** The service with the real engine and questionnaires ({@code scripted = false}) or the scripted ones. */
    public static Harness start(Map<String, Object> properties, boolean scripted) {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = scripted ? BuurtstemApplication.start(properties, TestSurveys.class)
                : BuurtstemApplication.start(properties);
        return new Harness(ctx, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The real engine and bundled questionnaires ({@code sources} empty) or with extra configuration classes. */
    public static Harness start(Map<String, Object> properties, Class<?>... sources) {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = BuurtstemApplication.start(properties, sources);
        return new Harness(ctx, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Copies a test resource ({@code /reach/wijk.yaml}) into a folder under its own file name. */
    public static void copyResource(String resource, Path folder) {
        try (java.io.InputStream in = Harness.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            java.nio.file.Files.write(folder.resolve(Path.of(resource).getFileName().toString()), in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A harness around a context started otherwise (e.g. with extra configuration classes). */
    public static Harness wrap(ConfigurableApplicationContext context, long startMillis) {
        return new Harness(context, startMillis);
    }

    public Store store() {
        return context.getBean(Store.class);
    }

    public MongoDatabase db() {
        return store().database();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<Document> all(String collection) {
        return db().getCollection(collection).find().into(new ArrayList<>());
    }

    /** The pseudonymous id of a Telegram chat, as the service computes it. */
    public String rid(long chat) {
        return context.getBean(be.buurtstem.bot.service.privacy.RespondentIds.class)
                .respondentId("telegram", String.valueOf(chat));
    }

    /** Waits until a message containing {@code expected} was sent to the chat. */
    public static void awaitText(FakeTelegram telegram, long chat, String expected, Duration timeout) {
        await("'" + expected + "' sent to " + chat, timeout,
                () -> telegram.textsTo(chat).stream().anyMatch(t -> t.contains(expected)));
    }

    /** Waits until at least {@code count} messages were sent to the chat. */
    public static void awaitTexts(FakeTelegram telegram, long chat, int count, Duration timeout) {
        await(count + " messages to " + chat + ", got " + telegram.textsTo(chat), timeout,
                () -> telegram.textsTo(chat).size() >= count);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    /**
     * After "delete my answers": once the resident's last messages have left the outbox, neither their respondent id
     * nor their chat id may stand in any document of any collection.
     */
    public void assertNoTraceOf(long chat, String respondent) {
        await("outbox drained", Duration.ofSeconds(20), () -> db().getCollection("outbox")
                .countDocuments(com.mongodb.client.model.Filters.eq("chat", String.valueOf(chat))) == 0);
        for (String name : db().listCollectionNames()) {
            for (Document d : db().getCollection(name).find()) {
                String json = d.toJson();
                org.junit.jupiter.api.Assertions.assertFalse(json.contains(respondent),
                        "trace of the resident in " + name + ": " + json);
                org.junit.jupiter.api.Assertions.assertFalse(json.contains("\"" + chat + "\"")
                        || json.contains(": " + chat + ",") || json.contains(":" + chat + "}"),
                        "chat id in " + name + ": " + json);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
