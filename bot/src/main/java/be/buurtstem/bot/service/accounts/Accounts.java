package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code accounts} collection: the only place that knows its field names. A username is kept lower-case and is
 * the document's id. Every write is synced at once (accounts change rarely and must survive a crash).
 */
public class Accounts {
    static final String COLLECTION = "accounts";
    private final Store store;
    private final MongoCollection<Document> accounts;

    public Accounts(Store store) {
        this.store = store;
        this.accounts = store.database().getCollection(COLLECTION);
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> find(String username) {
        Document d = accounts.find(Filters.eq("_id", normalise(username))).first();
        return Optional.ofNullable(d).map(Accounts::read);
    }

    public List<Account> all() {
        List<Account> out = new ArrayList<>();
        for (Document d : accounts.find().sort(new Document("_id", 1))) {
            out.add(read(d));
        }
        return out;
    }

    public long count() {
        return accounts.countDocuments();
    }

    public void save(Account a) {
        List<String> roles = a.roles().stream().sorted().map(Role::key).toList();
        String id = normalise(a.username());
        Document d = new Document("password", a.passwordHash())
                .append("roles", roles)
                .append("enabled", a.enabled())
                .append("mustChangePassword", a.mustChangePassword())
                .append("created", Date.from(a.created()));
        // $set, not a replace: the fields this record does not hold (lastSignIn) stay
        accounts.updateOne(Filters.eq("_id", id), new Document("$set", d), new UpdateOptions().upsert(true));
        store.durability().sync();
    }

    /** Notes a successful sign-in (shown on the accounts page). */
    public void signedIn(String username, Instant at) {
        accounts.updateOne(Filters.eq("_id", normalise(username)), new Document("$set",
                new Document("lastSignIn", Date.from(at))));
        store.durability().sync();
    }

    /** When each account last signed in (accounts that never did are absent). */
    public Map<String, Instant> lastSignIns() {
        Map<String, Instant> out = new HashMap<>();
        for (Document d : accounts.find(Filters.exists("lastSignIn"))) {
            out.put(d.getString("_id"), d.getDate("lastSignIn").toInstant());
        }
        return out;
    }

    public boolean delete(String username) {
        boolean gone = accounts.deleteOne(Filters.eq("_id", normalise(username))).getDeletedCount() > 0;
        store.durability().sync();
        return gone;
    }

    static Account read(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : d.getList("roles", String.class, List.of())) {
            roles.add(Role.of(r));
        }
        return new Account(d.getString("_id"), d.getString("password"), roles,
                !Boolean.FALSE.equals(d.getBoolean("enabled")), Boolean.TRUE.equals(d.getBoolean("mustChangePassword")),
                d.getDate("created").toInstant());
    }
}
