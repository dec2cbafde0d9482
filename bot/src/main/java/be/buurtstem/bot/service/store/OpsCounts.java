package be.buurtstem.bot.service.store;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;

/** The counts an operator watches (metrics gauges): small collections only, read at each scrape. */
public final class OpsCounts {
    private final Store store;

    public OpsCounts(Store store) {
        this.store = store;
    }

    public long outboxDepth() {
        return store.outbox().countDocuments();
    }

    /** How long the oldest queued outbox item has waited (zero when the outbox is empty). */
    public Duration outboxOldestAge(Instant now) {
        Document d = store.outbox().find().sort(Sorts.ascending("createdAt")).projection(Projections.include("createdAt"))
                .limit(1).first();
        if (d == null || d.getDate("createdAt") == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(d.getDate("createdAt").toInstant(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Outbox items under a live lease of some instance. */
    public long outboxClaimed(Instant now) {
        return store.outbox().countDocuments(com.mongodb.client.model.Filters.gt(OutboxLeases.LEASE_UNTIL,
                java.util.Date.from(now)));
    }

    public long parkedUpdates() {
        return store.parked().countDocuments();
    }
}
