package be.buurtstem.bot.service.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Per-client rate limits of the anonymous web chat (Bucket4j token buckets, refilled greedily): calls per IP
 * address, messages per chat cookie, and new conversations per IP address. The buckets live in memory, in bounded
 * least-recently-used maps: a forgotten bucket is a full one, which only ever errs on the resident's side.
 */
public class ChatRateLimits {
    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> perIp = lru();
    private final Map<String, Bucket> perChat = lru();
    private final Map<String, Bucket> newChats = lru();
    private final WebLimitsSettings limits;

    public ChatRateLimits(WebLimitsSettings limits) {
        this.limits = limits;
    }

    /** One call from this client; empty if allowed, else how long to wait. */
    public Optional<Duration> call(String ip, String chat) {
        Optional<Duration> wait = take(perIp, ip, () -> perMinute(limits.ipPerMinute()));
        if (wait.isPresent() || chat == null) {
            return wait;
        }
        return take(perChat, chat, () -> perMinute(limits.chatPerMinute()));
    }

    /** A new conversation started from this IP address; empty if allowed, else how long to wait. */
    public Optional<Duration> newChat(String ip) {
        return take(newChats, ip, () -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(limits.newChatsPerHour()).refillGreedy(limits.newChatsPerHour(), Duration.ofHours(1))
                .build()).build());
    }

    private static Bucket perMinute(int n) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1))
                .build()).build();
    }

    private static Optional<Duration> take(Map<String, Bucket> buckets, String key, Supplier<Bucket> fresh) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key == null ? "" : key, k -> fresh.get());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long millis = Math.max(1000, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
        return Optional.of(Duration.ofMillis(millis));
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_CLIENTS;
            }
        };
    }
}
