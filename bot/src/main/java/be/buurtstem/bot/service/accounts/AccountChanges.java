package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Audit;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an admin (or a person on their own password) may change about accounts, with the rules that keep the
 * service usable: there is always an enabled admin, and nobody locks themselves out (disables, deletes or
 * un-admins their own account). Each change is written to the audit log; each refusal is a message key for the
 * page, per form field.
 */
public final class AccountChanges {
    /** Lower-case letters, digits and . _ @ - (so an e-mail address fits, for the city's sign-in); 2 to 60 long. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,59}");

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public AccountChanges(Accounts accounts, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** A refusal: per form field, the key of the message to show beside it. */
    public static final class Refused extends RuntimeException {
        public final Map<String, String> fields;

        Refused(Map<String, String> fields) {
            super(String.join(", ", fields.values()), null, false, false);
            this.fields = Map.copyOf(fields);
        }

        static Refused of(String field, String key) {
            return new Refused(Map.of(field, key));
        }
    }

    /** Adds an account; returns its one-time password (the one given, or a new random one). */
    public String create(String admin, String username, Set<Role> roles, String password) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = Accounts.normalise(username);
        if (name.isEmpty()) {
            problems.put("username", "accounts.error.nameEmpty");
        } else if (!NAME.matcher(name).matches()) {
            problems.put("username", "accounts.error.nameForm");
        } else if (accounts.find(name).isPresent()) {
            problems.put("username", "accounts.error.nameTaken");
        }
        if (roles.isEmpty()) {
            problems.put("roles", "accounts.error.noRole");
        }
        boolean given = password != null && !password.isEmpty();
        if (given) {
            PasswordRules.problem(password, name).ifPresent(p -> problems.put("password", p));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        String oneTime = given ? password : FirstAdmin.oneTimePassword();
        accounts.save(new Account(name, encoder.encode(oneTime), EnumSet.copyOf(roles), true, true, Instant.now()));
        audit.record("account_created", admin, name, Audit.details("roles", keys(roles)));
        return oneTime;
    }

    public void setRoles(String admin, String username, Set<Role> roles) {
        Account a = existing(username);
        if (roles.isEmpty()) {
            throw Refused.of("roles", "accounts.error.noRole");
        }
        if (a.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            keepAnAdmin(admin, a, "accounts.error.selfUnadmin");
        }
        accounts.save(new Account(a.username(), a.passwordHash(), roles, a.enabled(), a.mustChangePassword(),
                a.created()));
        audit.record("roles_changed", admin, a.username(), Audit.details("roles", keys(roles)));
    }

    public void setEnabled(String admin, String username, boolean enabled) {
        Account a = existing(username);
        if (!enabled) {
            keepAnAdmin(admin, a, "accounts.error.selfDisable");
        }
        accounts.save(new Account(a.username(), a.passwordHash(), a.roles(), enabled, a.mustChangePassword(),
                a.created()));
        audit.record(enabled ? "account_enabled" : "account_disabled", admin, a.username(), null);
    }

    /** Gives the account a new one-time password, returned to be shown once. */
    public String reset(String admin, String username) {
        Account a = existing(username);
        String oneTime = FirstAdmin.oneTimePassword();
        accounts.save(new Account(a.username(), encoder.encode(oneTime), a.roles(), a.enabled(), true, a.created()));
        audit.record("password_reset", admin, a.username(), null);
        return oneTime;
    }

    public void delete(String admin, String username) {
        Account a = existing(username);
        keepAnAdmin(admin, a, "accounts.error.selfDelete");
        accounts.delete(a.username());
        audit.record("account_deleted", admin, a.username(), null);
    }

    /** A person's own new password: the current one must be right, the new one typed twice and good enough. */
    public void changeOwn(String username, String current, String chosen, String again) {
        Account a = existing(username);
        if (current == null || !encoder.matches(current, a.passwordHash())) {
            throw Refused.of("current", "accounts.error.currentWrong");
        }
        Optional<String> problem = PasswordRules.problem(chosen, a.username());
        if (problem.isPresent()) {
            throw Refused.of("chosen", problem.get());
        }
        if (!chosen.equals(again)) {
            throw Refused.of("again", "accounts.error.againDiffers");
        }
        if (chosen.equals(current)) {
            throw Refused.of("chosen", "accounts.error.passwordSame");
        }
        accounts.save(new Account(a.username(), encoder.encode(chosen), a.roles(), a.enabled(), false, a.created()));
        audit.record("password_changed", a.username(), a.username(), null);
    }

    /** Refuses a change that would leave no enabled admin, or that an admin makes against their own account. */
    private void keepAnAdmin(String admin, Account target, String selfKey) {
        if (target.username().equals(Accounts.normalise(admin))) {
            throw Refused.of("account", selfKey);
        }
        boolean enabledAdmin = target.enabled() && target.roles().contains(Role.ADMIN);
        long others = accounts.all().stream().filter(o -> o.enabled() && o.roles().contains(Role.ADMIN)
                && !o.username().equals(target.username())).count();
        if (enabledAdmin && others == 0) {
            throw Refused.of("account", "accounts.error.lastAdmin");
        }
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> Refused.of("account", "accounts.error.noSuchAccount"));
    }

    private static java.util.List<String> keys(Set<Role> roles) {
        return roles.stream().sorted().map(Role::key).toList();
    }
}
