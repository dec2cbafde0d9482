package be.buurtstem.bot.service.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Named leases in the {@code leases} collection ({@code _id} = name, {@code holder}, {@code until}): work that only
 * one of several instances sharing a store may do at a time (the Telegram long poller). Taken or renewed in one
 * conditional upsert; an expired lease is taken over; a live one held by another instance makes the upsert insert a
 * second document with the same id, which the unique {@code _id} refuses.
 */
public final class Leases {
    private final MongoCollection<Document> leases;
    private final String owner;

    public Leases(Store store, String owner) {
        this.leases = store.collection("leases");
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    /** Takes or renews the lease {@code name} until {@code now + duration}; false while another instance holds it. */
    public boolean hold(String name, Duration duration, Instant now) {
        try {
            leases.updateOne(Filters.and(Filters.eq("_id", name), Filters.or(Filters.eq("holder", owner),
                            Filters.lte("until", Date.from(now)))),
                    Updates.combine(Updates.set("holder", owner), Updates.set("until", Date.from(now.plus(duration)))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Every lease dropped: at the start on the in-process embedded store (see {@link OutboxLeases#forgetAll}). */
    public void forgetAll() {
        leases.deleteMany(new Document());
    }

    /** Gives the lease up (a clean stop), so that another instance need not wait for it to expire. */
    public void release(String name) {
        leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", owner)));
    }

    /** A name for this instance in leases: host, process id and a random part (a restarted process is another). */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }
}
