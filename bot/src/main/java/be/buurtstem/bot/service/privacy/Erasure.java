package be.buurtstem.bot.service.privacy;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The no-trace guarantee of a deletion ("delete my answers", retention): a deleted resident's words leave every file
 * of the data folder at most {@code within} after the deletion. Deleting documents is not enough: the embedded
 * store's file keeps old chunks, and model files keep the words they learnt. So a deletion notes, durably, that an
 * erasure is pending ({@code erasure.pending}), and at most {@code within} later (deletions meanwhile share the run)
 * the {@link ErasureStep}s drop what was derived from deleted data (model versions) and the database file is rewritten
 * with only the live data ({@link EmbeddedMongo#rewrite()}). A stop or a crash before that: the next start rewrites
 * the file before serving, and runs the steps right after start.
 */
public final class Erasure implements AnswerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final Path marker;
    private final EmbeddedMongo embedded;
    private final Supplier<List<ErasureStep>> steps;
    private final Duration within;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("erasure").daemon(true).factory());
    private final Object runLock = new Object();
    private ScheduledFuture<?> scheduled;
    private long deletions;

    /** {@code embedded} is null with an external MongoDB (its files are its own; the steps still run). */
    public Erasure(Path dataDir, EmbeddedMongo embedded, Supplier<List<ErasureStep>> steps, Duration within) {
        this.marker = dataDir.resolve(EmbeddedMongo.PENDING);
        this.embedded = embedded;
        this.steps = steps;
        this.within = within;
    }

    /** At start: a deletion from before a stop or a crash is finished now (the file itself was rewritten already). */
    public void start() {
        if (pending()) {
            schedule(Duration.ZERO);
        }
    }

    @Override
    public void respondentDeleted(String respondent) {
        deleted();
    }

    /** Resident data was deleted: notes it durably and schedules the erasure at most {@code within} from now. */
    public synchronized void deleted() {
        deletions++;
        try {
            if (!Files.exists(marker)) {
                Files.writeString(marker, Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                OwnerOnly.file(marker);
                EmbeddedMongo.forceFolder(marker.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot note the pending erasure", e);
        }
        schedule(within);
    }

    public boolean pending() {
        return Files.exists(marker);
    }


    private synchronized void schedule(Duration delay) {
        if (scheduled != null && scheduled.getDelay(TimeUnit.MILLISECONDS) > 0) {
            return; // the run already planned (at most `within` from its first deletion) takes this one too
        }
        scheduled = timer.schedule(this::runScheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        try {
            eraseNow();
        } catch (RuntimeException e) {
            // the marker stays (a start would also finish it); tried again until it succeeds
            log.error("erasure failed, tried again in {}: {}", within, e.toString());
            schedule(within);
        }
    }

    /**
     * Runs the erasure now (also what the timer runs): the steps, then the rewrite of the database file, then the
     * marker is removed. Safe to call at any time; the tests call it instead of waiting.
     */
    public void eraseNow() {
        synchronized (runLock) {
            erase();
        }
    }

    private void erase() {
        long t0 = System.nanoTime();
        long seen;
        synchronized (this) {
            seen = deletions;
        }
        boolean wasPending = pending();
        int derived = 0;
        RuntimeException failed = null;
        for (ErasureStep step : steps.get()) {
            try {
                derived += step.eraseDerived();
            } catch (RuntimeException e) {
                failed = e; // the database is still rewritten; the marker stays and the run is tried again
            }
        }
        if (embedded != null) {
            embedded.rewrite();
        }
        if (failed != null) {
            throw failed;
        }
        synchronized (this) {
            if (deletions != seen) {
                // deleted while this run went on (perhaps after the rewrite): the marker stays, another run follows
                schedule(Duration.ZERO);
            } else {
                try {
                    Files.deleteIfExists(marker);
                    EmbeddedMongo.forceFolder(marker.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + marker, e);
                }
            }
        }
        log.info("erasure done in {} ms (pending: {}, derived files dropped: {})", (System.nanoTime() - t0) / 1_000_000,
                wasPending, derived);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
