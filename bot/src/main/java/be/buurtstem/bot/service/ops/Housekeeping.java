package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hourly: compacts the embedded database file and forgets processed update ids older than a week (Telegram redelivers for at most a day), so that
 * {@code processed_updates} does not grow without end.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration KEEP_PROCESSED = Duration.ofDays(7);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon(true).factory());

    public Housekeeping(Store store, be.buurtstem.bot.service.store.EmbeddedMongo embedded) {
        timer.scheduleWithFixedDelay(() -> {
            if (embedded != null) {
                try {
                    embedded.compact();
                } catch (RuntimeException e) {
                    log.warn("embedded database compaction failed: {}", e.toString());
                }
            }
            try {
                long removed = store.forgetProcessedBefore(Instant.now().minus(KEEP_PROCESSED));
                if (removed > 0) {
                    log.info("forgot {} processed update ids older than {} days", removed, KEEP_PROCESSED.toDays());
                }
            } catch (RuntimeException e) {
                log.warn("housekeeping failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
