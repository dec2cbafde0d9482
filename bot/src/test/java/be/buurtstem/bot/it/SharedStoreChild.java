package be.buurtstem.bot.it;

import java.util.HashMap;
import java.util.Map;

/**
 * Child process of {@link TwoInstancesTest}: one {@code serve} instance (scripted questionnaires) on a shared store
 * ({@code args[0]}, a MongoDB URI of the {@code db} command), talking to the fake Telegram at {@code args[1]}, in
 * {@code args[2]} mode ({@code webhook} or {@code polling}), its own files in {@code args[3]}. Prints
 * {@code PORT n} once it serves, and runs until it is killed.
 */
public final class SharedStoreChild {
    static final String SECRET = "two-instances-shared-secret";
    static final String WEBHOOK_SECRET = "two-instances-webhook-secret";
    static final String METRICS_TOKEN = "two-instances-metrics-token";

    public static void main(String[] args) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        p.put("mongodb.uri", args[0]);
        p.put("buurtstem.data-dir", args[3]);
        p.put("buurtstem.secret", SECRET); // both instances must give a chat the same respondent id
        p.put("buurtstem.metrics-token", METRICS_TOKEN);
        p.put("buurtstem.outbox-lease", "3s");
        p.put("buurtstem.poller-lease", "8s"); // longer than a poll plus a batch, even on a loaded machine
        p.put("logging.structured.format.console", "");
        p.put("telegram.bot-token", FakeTelegram.TOKEN);
        p.put("telegram.api-url", args[1]);
        p.put("telegram.poll-timeout", "1s");
        p.put("telegram.per-chat-interval", "5ms");
        p.put("telegram.messages-per-second", "100");
        p.put("telegram.retry-base", "100ms");
        if ("webhook".equals(args[2])) {
            p.put("telegram.webhook-url", "https://buurt.example/telegram/webhook");
            p.put("telegram.webhook-secret", WEBHOOK_SECRET);
        }
        Harness h = Harness.start(p);
        System.out.println("PORT " + h.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
