package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

/**
 * Leases on outbox items, so that several {@code serve} instances can share one outbox: an instance sends an item
 * only after claiming it ({@code claimedBy}, {@code leaseUntil}) in one atomic findOneAndUpdate, which succeeds only
 * when nobody else holds a live lease on it. The lease is renewed while the item is being sent and goes with the
 * item once it is sent; a retry later gives it up. A dead (or stalled) instance's claims expire and another instance
 * takes them over. Only a chat's head (its oldest item) is ever listed for sending, and the head of a chat with a
 * live claim is the claimed item itself, so one chat is sent by one instance at a time, in order.
 * <p>
 * Still at least once: an instance killed after Telegram accepted an item but before its removal was stored leaves
 * a claim that expires, and the item is sent again by another instance (at most the items in flight at the kill).
 */
public final class OutboxLeases {
    static final String CLAIMED_BY = "claimedBy";
    static final String LEASE_UNTIL = "leaseUntil";

    private final Store store;
    private final MongoCollection<Document> outbox;
    private final String owner;
    private final Duration lease;

    public OutboxLeases(Store store, String owner, Duration lease) {
        this.store = store;
        this.outbox = store.outbox();
        this.owner = owner;
        this.lease = lease;
    }

    public String owner() {
        return owner;
    }

    public Duration lease() {
        return lease;
    }

    /** What a claim found: not claimed (gone, or another instance holds a live lease), claimed, or taken over. */
    public enum Claim { REFUSED, CLAIMED, TAKEN_OVER }

    /** Claims the item for this instance until {@code now + lease}, if no other instance holds a live lease on it. */
    public Claim claim(String id, Instant now) {
        Document before = outbox.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.or(
                        Filters.exists(LEASE_UNTIL, false), Filters.lte(LEASE_UNTIL, Date.from(now)),
                        Filters.eq(CLAIMED_BY, owner))),
                Updates.combine(Updates.set(CLAIMED_BY, owner), Updates.set(LEASE_UNTIL, Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return Claim.REFUSED;
        }
        String previous = before.getString(CLAIMED_BY);
        return previous != null && !previous.equals(owner) ? Claim.TAKEN_OVER : Claim.CLAIMED;
    }

    /** Extends this instance's leases on items still being sent. */
    public void renew(Collection<String> ids, Instant now) {
        if (!ids.isEmpty()) {
            outbox.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq(CLAIMED_BY, owner)),
                    Updates.set(LEASE_UNTIL, Date.from(now.plus(lease))));
        }
    }

    /** Not sent now: tried again not before {@code notBefore}, by whichever instance claims it then. */
    public void retryLater(String id, int attempts, Instant notBefore) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("notBefore", Date.from(notBefore)), Updates.unset(CLAIMED_BY), Updates.unset(LEASE_UNTIL)));
        store.outboxRescheduled(id, attempts, notBefore);
    }

    /**
     * Every claim, of any instance, given up: at the start of an instance on the in-process embedded store, which no
     * other instance can share (its file is locked), the claims left are a killed predecessor's, and its items must
     * not wait out their leases.
     */
    public long forgetAll() {
        return outbox.updateMany(Filters.exists(CLAIMED_BY), Updates.combine(Updates.unset(CLAIMED_BY),
                Updates.unset(LEASE_UNTIL))).getModifiedCount();
    }

    /** At a clean stop: this instance's claims on items it did not send are given up at once, not at expiry. */
    public long releaseAll() {
        return outbox.updateMany(Filters.eq(CLAIMED_BY, owner), Updates.combine(Updates.unset(CLAIMED_BY),
                Updates.unset(LEASE_UNTIL))).getModifiedCount();
    }
}
