package be.buurtstem.bot.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Child process of {@link OutboxKillTest}: the whole service (scripted questionnaires, embedded database in
 * {@code args[0]}) polling the fake Telegram at {@code args[1]}, until it is killed.
 */
public final class ServiceChild {
    public static void main(String[] args) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        p.put("buurtstem.data-dir", Path.of(args[0]).toString());
        p.put("logging.structured.format.console", "");
        p.put("telegram.bot-token", FakeTelegram.TOKEN);
        p.put("telegram.api-url", args[1]);
        p.put("telegram.poll-timeout", "1s");
        p.put("telegram.per-chat-interval", "5ms");
        p.put("telegram.messages-per-second", args.length > 2 ? args[2] : "100");
        p.put("telegram.retry-base", "100ms");
        Harness.start(p);
        Thread.currentThread().join();
    }
}
