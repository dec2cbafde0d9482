package be.buurtstem.bot.service.accounts;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many failed sign-ins are allowed before someone must wait: per name (whether or not an account has that name,
 * so the wait says nothing about which names exist) and per client address (a wider limit: one office may share an
 * address). Each failure takes a token from both buckets; tokens come back one by one over time. A success frees
 * the name again; the address keeps its count, so one good account cannot be used to reset guessing at others.
 * Kept in memory: after a restart everyone starts fresh, which is acceptable for a guess limit.
 */
public final class SignInLimiter {
    /** At most this many names and addresses are remembered; the oldest are forgotten first. */
    private static final int REMEMBERED = 10_000;
    private final int perName;
    private final int perAddress;
    private final Duration refill;
    private final Map<String, Bucket> names = lru();
    private final Map<String, Bucket> addresses = lru();

    public SignInLimiter(int perName, int perAddress, Duration refill) {
        this.perName = perName;
        this.perAddress = perAddress;
        this.refill = refill;
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private Bucket bucket(Map<String, Bucket> in, String key, int capacity) {
        return in.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(1, refill)).build());
    }

    /** How long this name from this address must still wait before trying again; zero when it may try now. */
    public synchronized Duration waitBefore(String name, String address) {
        return longest(probe(names, Accounts.normalise(name), perName), probe(addresses, address, perAddress));
    }

    private EstimationProbe probe(Map<String, Bucket> in, String key, int capacity) {
        return bucket(in, key, capacity).estimateAbilityToConsume(1);
    }

    private static Duration longest(EstimationProbe a, EstimationProbe b) {
        long nanos = Math.max(a.canBeConsumed() ? 0 : a.getNanosToWaitForRefill(),
                b.canBeConsumed() ? 0 : b.getNanosToWaitForRefill());
        return Duration.ofNanos(nanos);
    }

    public synchronized void failed(String name, String address) {
        bucket(names, Accounts.normalise(name), perName).tryConsume(1);
        bucket(addresses, address, perAddress).tryConsume(1);
    }

    public synchronized void succeeded(String name) {
        names.remove(Accounts.normalise(name));
    }
}
