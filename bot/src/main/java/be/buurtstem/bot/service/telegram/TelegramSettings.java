package be.buurtstem.bot.service.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Telegram configuration: {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code TELEGRAM_WEBHOOK_URL},
 * {@code TELEGRAM_WEBHOOK_SECRET} (relaxed binding), plus tuning that tests shorten.
 *
 * @param pollTimeout      long-polling timeout sent to getUpdates
 * @param perChatInterval  at most one message per this interval per chat (Telegram: about one per second)
 * @param messagesPerSecond overall outbound messages per second (Telegram: about 30)
 * @param retryBase        first backoff after a 5xx or network error (doubles up to a minute)
 * @param updateAttempts   tries before an update whose handling keeps failing is parked
 * @param drainTimeout     how long a graceful shutdown waits for the outbox to empty
 * @param pollStallAfter   long polling counts as stalled (health DOWN) when fetched updates have not been confirmed
 *                         for this long, or getUpdates has not answered for this long (at least the poll timeout
 *                         plus 15 s): {@code TELEGRAM_POLL_STALL_AFTER}, default 5 minutes
 */
@ConfigurationProperties("telegram")
public record TelegramSettings(String botToken, String apiUrl, String webhookUrl, String webhookSecret,
                               Duration pollTimeout, Duration perChatInterval, Integer messagesPerSecond,
                               Duration retryBase, Integer updateAttempts, Duration drainTimeout,
                               String organiserChatId, Duration pollStallAfter) {
    public TelegramSettings {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(50) : pollTimeout;
        perChatInterval = perChatInterval == null ? Duration.ofSeconds(1) : perChatInterval;
        messagesPerSecond = messagesPerSecond == null ? 30 : messagesPerSecond;
        retryBase = retryBase == null ? Duration.ofMillis(500) : retryBase;
        updateAttempts = updateAttempts == null ? 3 : updateAttempts;
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
        pollStallAfter = pollStallAfter == null ? Duration.ofMinutes(5) : pollStallAfter;
    }

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public boolean webhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
