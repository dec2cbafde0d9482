package be.buurtstem.bot.service.telegram;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Instant;

/**
 * Long polling in {@code /actuator/health}: DOWN with the reason when the poller has stalled (updates fetched but the
 * offset not moved past them for {@code TELEGRAM_POLL_STALL_AFTER}, or no answer from getUpdates for that long), so
 * that a jammed channel is seen and restarted instead of reported UP while residents wait.
 */
public final class TelegramHealthIndicator implements HealthIndicator {
    private final TelegramPoller poller;

    public TelegramHealthIndicator(TelegramPoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        String stall = poller.stall(Instant.now());
        Health.Builder b = stall == null ? Health.up() : Health.down().withDetail("reason", stall);
        b.withDetail("mode", "long polling").withDetail("offset", poller.offset());
        Instant advanced = poller.lastAdvance();
        if (advanced != null) {
            b.withDetail("last_advance", advanced.toString());
        }
        return b.build();
    }
}
