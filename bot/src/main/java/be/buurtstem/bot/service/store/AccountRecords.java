package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code accounts} collection, the only place that knows its fields:
 * {@code {_id: username, password, roles, enabled, mustChangePassword, created, lastSignIn}}. Ids are given as the
 * caller normalised them (lower case). Every write is synced at once: accounts change rarely and must survive a
 * crash.
 */
public final class AccountRecords {
    static final String COLLECTION = "accounts";
    static final String ID = "_id";
    static final String PASSWORD = "password";
    static final String ROLES = "roles";
    static final String ENABLED = "enabled";
    static final String MUST_CHANGE_PASSWORD = "mustChangePassword";
    static final String CREATED = "created";
    static final String LAST_SIGN_IN = "lastSignIn";

    private final MongoCollection<Document> accounts;
    private final Durability durability;

    AccountRecords(MongoDatabase db, Durability durability) {
        this.accounts = db.getCollection(COLLECTION);
        this.durability = durability;
    }

    public Optional<AccountRecord> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq(ID, username)).first()).map(AccountRecords::read);
    }

    /** Every account, by username. */
    public List<AccountRecord> all() {
        List<AccountRecord> out = new ArrayList<>();
        for (Document d : accounts.find().sort(Sorts.ascending(ID))) {
            out.add(read(d));
        }
        return out;
    }

    public long count() {
        return accounts.countDocuments();
    }

    /** Creates or updates an account; $set, not a replace: the fields the record does not hold (lastSignIn) stay. */
    public void save(AccountRecord a) {
        Document d = new Document(PASSWORD, a.passwordHash())
                .append(ROLES, a.roles())
                .append(ENABLED, a.enabled())
                .append(MUST_CHANGE_PASSWORD, a.mustChangePassword())
                .append(CREATED, Date.from(a.created()));
        accounts.updateOne(Filters.eq(ID, a.username()), new Document("$set", d), new UpdateOptions().upsert(true));
        durability.sync();
    }

    /** Notes a successful sign-in (nothing when the account is gone meanwhile). */
    public void signedIn(String username, Instant at) {
        accounts.updateOne(Filters.eq(ID, username), Updates.set(LAST_SIGN_IN, Date.from(at)));
        durability.sync();
    }

    /** When each account last signed in (accounts that never did are absent). */
    public Map<String, Instant> lastSignIns() {
        Map<String, Instant> out = new HashMap<>();
        for (Document d : accounts.find(Filters.exists(LAST_SIGN_IN))) {
            out.put(d.getString(ID), d.getDate(LAST_SIGN_IN).toInstant());
        }
        return out;
    }

    public boolean delete(String username) {
        boolean gone = accounts.deleteOne(Filters.eq(ID, username)).getDeletedCount() > 0;
        durability.sync();
        return gone;
    }

    private static AccountRecord read(Document d) {
        // an account written before the flags existed is enabled and needs no new password
        return new AccountRecord(d.getString(ID), d.getString(PASSWORD), d.getList(ROLES, String.class, List.of()),
                !Boolean.FALSE.equals(d.getBoolean(ENABLED)), Boolean.TRUE.equals(d.getBoolean(MUST_CHANGE_PASSWORD)),
                d.getDate(CREATED).toInstant());
    }
}
