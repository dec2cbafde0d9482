package be.buurtstem.bot.service.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's own metrics, one call per instrumentation point (scraped at {@code /actuator/prometheus}, behind a
 * role: {@link MetricsAccessFilter}). Static, so that an instrumentation point is one line in classes other work is
 * reshaping, without a constructor argument threaded through them; {@link MetricsConfiguration} binds the context's
 * registry at start (until then, and in plain commands, calls go nowhere). Tags are only ever fixed words (channel,
 * message type): never a resident's id, chat, text or anything they sent. Names: bot/README.md "Metrics".
 */
public final class Metrics {
    /** A registry without children: every meter on it is a no-op. */
    private static final MeterRegistry NONE = new CompositeMeterRegistry();
    private static volatile MeterRegistry registry = NONE;
    /** The inbound timers of the bound registry, built once (one is recorded per webhook request and poll batch). */
    private static final java.util.Map<String, Timer> INBOUND = new java.util.concurrent.ConcurrentHashMap<>();

    /** The inbound channels, as tagged. */
    public static final String TELEGRAM_WEBHOOK = "telegram-webhook";
    public static final String WHATSAPP_WEBHOOK = "whatsapp-webhook";
    public static final String TELEGRAM_POLLING = "telegram-polling";
    public static final String WEB = "web";

    private Metrics() {
    }

    /** Binds the registry and makes every counter known at once, so that a scrape shows zeros, not nothing. */
    static void bind(MeterRegistry r) {
        registry = r;
        INBOUND.clear();
        for (String type : new String[] {"send", "edit", "callback"}) {
            r.counter("buurtstem.telegram.sends", "type", type);
        }
        r.counter("buurtstem.telegram.rate.limited");
        r.counter("buurtstem.outbox.lease.takeovers");
        for (String channel : new String[] {"telegram"}) {
            r.counter("buurtstem.updates.parked", "channel", channel);
        }
        for (String channel : new String[] {TELEGRAM_WEBHOOK, TELEGRAM_POLLING, WEB}) {
            INBOUND.put(channel, inboundTimer(channel));
        }
    }

    private static Timer inboundTimer(String channel) {
        return Timer.builder("buurtstem.inbound.updates").description("inbound updates: stored and synced")
                .tag("channel", channel).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    static void unbind(MeterRegistry r) {
        if (registry == r) {
            registry = NONE;
            INBOUND.clear();
        }
    }

    /** {@code count} inbound updates of a channel handled, stored and synced, {@code startNanos} after they came. */
    public static void inbound(String channel, long startNanos, int count) {
        Timer t = INBOUND.computeIfAbsent(channel, Metrics::inboundTimer);
        long nanos = System.nanoTime() - startNanos;
        for (int i = 0; i < count; i++) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    public static void inbound(String channel, long startNanos) {
        inbound(channel, startNanos, 1);
    }

    /** A Telegram call of the outbox that Telegram accepted ({@code type}: send, edit, callback). */
    public static void sent(String type) {
        registry.counter("buurtstem.telegram.sends", "type", type).increment();
    }

    /** Telegram answered 429 (too many requests) to an outbox call. */
    public static void rateLimited() {
        registry.counter("buurtstem.telegram.rate.limited").increment();
    }

    /** An inbound update parked (unreadable, or its handling kept failing). */
    public static void parked(String channel) {
        registry.counter("buurtstem.updates.parked", "channel", channel).increment();
    }

    /** An outbox item claimed whose lease another instance held and let expire (that instance died or stalled). */
    public static void leaseTakenOver() {
        registry.counter("buurtstem.outbox.lease.takeovers").increment();
    }

    /** A free-text answer coded, {@code lag} after it was received. */
    public static void coded(Duration lag) {
        registry.timer("buurtstem.coding.lag").record(lag);
    }

    /** Saturation rebuilt from the stored answers, started at {@code startNanos}. */
    public static void saturationRebuilt(long startNanos) {
        registry.timer("buurtstem.saturation.rebuilds").record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** One group commit of the embedded store (commit + fsync), started at {@code startNanos}. */
    public static void storeSync(long startNanos) {
        registry.timer("buurtstem.store.sync").record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** One compaction step of the embedded store (sparse chunks rewritten), started at {@code startNanos}. */
    public static void storeCompaction(long startNanos) {
        registry.timer("buurtstem.store.compaction").record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
