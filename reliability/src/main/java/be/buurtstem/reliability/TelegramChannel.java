package be.buurtstem.reliability;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How an update reaches the service, as Telegram does it: pushed to the fake's getUpdates (long polling; confirmed
 * when the service's offset passes it), or POSTed to the service's webhook with the secret header and posted again
 * until the service answers 200 (webhook; confirmed by that 200).
 */
interface TelegramChannel {
    /** Delivers the update; returns when it is handed over (polling) or confirmed or the deadline passed (webhook). */
    void deliver(long updateId, String json, long deadlineMillis);

    boolean confirmed(long updateId);

    String name();

    final class Polling implements TelegramChannel {
        private final FakeTelegram telegram;

        Polling(FakeTelegram telegram) {
            this.telegram = telegram;
        }

        @Override
        public void deliver(long updateId, String json, long deadlineMillis) {
            telegram.push(updateId, json);
        }

        @Override
        public boolean confirmed(long updateId) {
            return telegram.isConfirmed(updateId);
        }

        @Override
        public String name() {
            return "long polling";
        }
    }

    final class Webhook implements TelegramChannel {
        private final Http http;
        private final String url;
        private final String secret;
        private final java.util.Set<Long> confirmed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicLong posts = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();

        Webhook(Http http, String base, String secret) {
            this.http = http;
            this.url = base + "/telegram/webhook";
            this.secret = secret;
        }

        @Override
        public void deliver(long updateId, String json, long deadlineMillis) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            while (System.currentTimeMillis() < deadlineMillis) {
                posts.incrementAndGet();
                Http.Reply r = http.post(url, body, "Content-Type", "application/json",
                        "X-Telegram-Bot-Api-Secret-Token", secret);
                if (r.status() == 200) {
                    confirmed.add(updateId);
                    return;
                }
                if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                } else if (r.status() > 0) {
                    refused.incrementAndGet();
                }
                try {
                    Thread.sleep(r.status() > 0 ? 1000 : 300); // Telegram backs off; a dead service is retried soon
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public boolean confirmed(long updateId) {
            return confirmed.contains(updateId);
        }

        @Override
        public String name() {
            return "webhook";
        }
    }
}
