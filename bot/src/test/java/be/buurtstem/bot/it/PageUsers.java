package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Account;
import be.buurtstem.bot.service.accounts.Accounts;
import be.buurtstem.bot.service.accounts.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.Set;

/** Accounts for page tests, created as the admin page would (hashed with the service's encoder). */
public final class PageUsers {
    private PageUsers() {
    }

    public static void create(Harness service, String username, String password, Role... roles) {
        PasswordEncoder encoder = service.context.getBean(PasswordEncoder.class);
        service.context.getBean(Accounts.class).save(new Account(username, encoder.encode(password), Set.of(roles),
                true, false, Instant.now()));
    }
}
