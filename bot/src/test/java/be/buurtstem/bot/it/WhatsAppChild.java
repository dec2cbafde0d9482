package be.buurtstem.bot.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child process of {@link WhatsAppKillTest}: the whole service with the real engine (embedded database in
 * {@code args[0]}, questionnaires folder {@code args[3]}) on port {@code args[2]}, WhatsApp against the fake Graph API
 * at {@code args[1]}, until it is killed.
 */
public final class WhatsAppChild {
    public static void main(String[] args) throws Exception {
        Map<String, Object> p = Harness.properties(Path.of(args[0]), null);
        p.put("server.port", args[2]);
        p.put("buurtstem.questionnaires", args[3]);
        p.put("whatsapp.token", FakeGraph.TOKEN);
        p.put("whatsapp.phone-number-id", FakeGraph.PHONE);
        p.put("whatsapp.app-secret", FakeGraph.SECRET);
        p.put("whatsapp.verify-token", FakeGraph.VERIFY);
        p.put("whatsapp.api-url", args[1]);
        p.put("whatsapp.retry-base", "200ms");
        p.put("whatsapp.timeout", "10s");
        Harness.start(p, false);
        Thread.currentThread().join();
    }
}
