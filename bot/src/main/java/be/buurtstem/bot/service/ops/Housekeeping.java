package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code interval} (an hour by default; the first run a minute after start): compacts the embedded database
 * file, forgets processed update ids older than a week (Telegram redelivers for at most a day) so that
 * {@code processed_updates} does not grow without end, and runs the {@link Retention} job.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration KEEP_PROCESSED = Duration.ofDays(7);
    /** WhatsApp's delivery statuses say how delivery went lately; older ones tell nobody anything useful. */
    static final Duration KEEP_WHATSAPP_STATUSES = Duration.ofDays(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon(true).factory());
    private final Store store;
    private final EmbeddedMongo embedded;
    private final Retention retention;
    private final Clock clock;

    public Housekeeping(Store store, EmbeddedMongo embedded, Retention retention, Clock clock) {
        this.store = store;
        this.embedded = embedded;
        this.retention = retention;
        this.clock = clock;
        long every = retention.settings().interval().toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, Math.min(60_000, every), every, TimeUnit.MILLISECONDS);
    }

    /** One round of housekeeping as of the clock's now (also what the timer runs). */
    public void runOnce() {
        if (embedded != null) {
            long t0 = System.nanoTime();
            try {
                embedded.compact();
            } catch (RuntimeException e) {
                log.warn("embedded database compaction failed: {}", e.toString());
            }
            // commands wait while it runs: an operator should see how long
            log.info("embedded database compaction took {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        Instant now = clock.instant();
        try {
            long removed = store.forgetProcessedBefore(now.minus(KEEP_PROCESSED));
            if (removed > 0) {
                log.info("forgot {} processed update ids older than {} days", removed, KEEP_PROCESSED.toDays());
            }
            long statuses = store.whatsAppStatuses().forgetBefore(now.minus(KEEP_WHATSAPP_STATUSES));
            if (statuses > 0) {
                log.info("forgot {} whatsapp statuses older than {} days", statuses, KEEP_WHATSAPP_STATUSES.toDays());
            }
        } catch (RuntimeException e) {
            log.warn("housekeeping failed: {}", e.toString());
        }
        try {
            long t0 = System.nanoTime();
            retention.run(now);
            log.info("retention run took {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("retention run failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
