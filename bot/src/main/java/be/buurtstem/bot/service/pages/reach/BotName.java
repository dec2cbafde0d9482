package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.telegram.TelegramApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;

import java.time.Duration;
import java.time.Instant;

/**
 * The bot's username for deep links: asked of Telegram ({@code getMe}) when the Telegram channel is on, remembered
 * once known; else (Telegram off, or getMe failing) the setting {@code TELEGRAM_BOT_USERNAME}. After a failed
 * getMe it is asked again after a minute at the earliest, so a page never waits on Telegram twice in a row.
 */
public final class BotName {
    private static final Logger log = LoggerFactory.getLogger(BotName.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final TelegramApi api;
    private final String configured;
    private volatile String known;
    private volatile Instant nextTry = Instant.EPOCH;

    /** {@code api} null when the Telegram channel is off; {@code configured} may be blank. */
    public BotName(TelegramApi api, String configured) {
        this.api = api;
        this.configured = configured == null || configured.isBlank() ? null : configured.strip().replaceFirst("^@", "");
    }

    /** Where the name came from, for the page: Telegram, the setting, or nowhere. */
    public enum Source { TELEGRAM, SETTING, NONE }

    public record Name(String username, Source source) {
    }

    public Name get() {
        String k = known;
        if (k != null) {
            return new Name(k, Source.TELEGRAM);
        }
        if (api != null && Instant.now().isAfter(nextTry)) {
            try {
                User me = api.sender().execute(new GetMe());
                if (me != null && me.getUserName() != null && !me.getUserName().isBlank()) {
                    known = me.getUserName();
                    return new Name(known, Source.TELEGRAM);
                }
            } catch (Exception e) { // a network error, an error answer, an answer that is not a user
                log.warn("telegram getMe failed ({}): deep links use TELEGRAM_BOT_USERNAME",
                        e.getClass().getSimpleName());
            }
            nextTry = Instant.now().plus(RETRY);
        }
        return configured == null ? new Name(null, Source.NONE) : new Name(configured, Source.SETTING);
    }
}
