package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.AccountRecord;
import be.buurtstem.bot.service.store.AccountRecords;
import be.buurtstem.bot.service.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people who sign in, kept in the store's {@link AccountRecords} (the {@code accounts} collection). A username
 * is kept lower-case and is the record's id. Every write is synced at once (accounts change rarely and must survive
 * a crash).
 */
public class Accounts {
    private final AccountRecords accounts;

    public Accounts(Store store) {
        this.accounts = store.accountRecords();
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> find(String username) {
        return accounts.find(normalise(username)).map(Accounts::read);
    }

    public List<Account> all() {
        List<Account> out = new ArrayList<>();
        for (AccountRecord r : accounts.all()) {
            out.add(read(r));
        }
        return out;
    }

    public long count() {
        return accounts.count();
    }

    public void save(Account a) {
        List<String> roles = a.roles().stream().sorted().map(Role::key).toList();
        accounts.save(new AccountRecord(normalise(a.username()), a.passwordHash(), roles, a.enabled(),
                a.mustChangePassword(), a.created()));
    }

    /** Notes a successful sign-in (shown on the accounts page). */
    public void signedIn(String username, Instant at) {
        accounts.signedIn(normalise(username), at);
    }

    /** When each account last signed in (accounts that never did are absent). */
    public Map<String, Instant> lastSignIns() {
        return accounts.lastSignIns();
    }

    public boolean delete(String username) {
        return accounts.delete(normalise(username));
    }

    static Account read(AccountRecord r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String key : r.roles()) {
            roles.add(Role.of(key));
        }
        return new Account(r.username(), r.passwordHash(), roles, r.enabled(), r.mustChangePassword(), r.created());
    }
}
