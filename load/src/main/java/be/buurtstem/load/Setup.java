package be.buurtstem.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every scenario shares: the jar under test, a work folder, JVM options of the service, extra environment, the
 * analyst token, the webhook secret, and a folder holding the harness questionnaire (coding scenario).
 */
record Setup(Path jar, Path work, List<String> jvm, Map<String, String> extraEnv, String analystToken, String secret,
             Path questionnaires, long seed) {

    static Setup of(Path jar, Path work, List<String> jvm, Map<String, String> extraEnv, long seed) throws IOException {
        Path q = work.resolve("questionnaires");
        Files.createDirectories(q);
        try (InputStream in = Setup.class.getResourceAsStream("/load/harness.yaml")) {
            Files.write(q.resolve("harness.yaml"), in.readAllBytes());
        }
        SecureRandom r = new SecureRandom();
        return new Setup(jar, work, jvm, extraEnv, "load-analyst-" + Long.toHexString(r.nextLong()),
                "load-webhook-" + Long.toHexString(r.nextLong()), q, seed);
    }

    Setup withJar(Path otherJar, Path otherWork) throws IOException {
        return of(otherJar, otherWork, jvm, extraEnv, seed);
    }

    /**
     * The service's environment: embedded store in {@code data}, the fake Bot API, outbound limits lifted (the fake
     * answers at once; Telegram's real 30/s would make every reply wait in the outbox and measure nothing else), the
     * harness questionnaire next to the bundled ones, then the caller's extra variables ({@code --env}).
     */
    Map<String, String> env(Path data, FakeTelegram telegram) throws IOException {
        Files.createDirectories(data);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BUURTSTEM_DATA_DIR", data.toString());
        env.put("BUURTSTEM_QUESTIONNAIRES", questionnaires.toString());
        env.put("BUURTSTEM_ANALYST_TOKEN", analystToken);
        env.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("TELEGRAM_MESSAGES_PER_SECOND", "1000000");
        env.put("TELEGRAM_PER_CHAT_INTERVAL", "1ms");
        env.putAll(extraEnv);
        return env;
    }

    /** A service in webhook mode on that data folder, started and UP. */
    Service webhookService(Path dir, FakeTelegram telegram, List<String> moreJvm) throws IOException,
            InterruptedException {
        return webhookService(dir, telegram, moreJvm, Map.of());
    }

    /** The same, with more environment for this service only. */
    Service webhookService(Path dir, FakeTelegram telegram, List<String> moreJvm, Map<String, String> moreEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = env(dir.resolve("data"), telegram);
        env.putAll(moreEnv);
        Service s = new Service(jar, dir.resolve("service.log"), env, jvm(moreJvm), "serve");
        s.env("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + s.port() + "/telegram/webhook");
        s.env("TELEGRAM_WEBHOOK_SECRET", secret);
        s.start(Duration.ofMinutes(3));
        return s;
    }

    List<String> jvm(List<String> more) {
        List<String> all = new ArrayList<>(jvm);
        all.addAll(more);
        return all;
    }

    String webhookUrl(Service s) {
        return s.base() + "/telegram/webhook";
    }
}
