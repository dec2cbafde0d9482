package be.buurtstem.bot.service.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in to the organisers', analysts' or admins' pages. The password is stored only as its hash
 * (Spring Security's delegating format, e.g. {@code {argon2@SpringSecurity_v5_8}...}); {@code mustChangePassword}
 * is set for a one-time password (the first admin's, or one an admin gave out).
 */
public record Account(String username, String passwordHash, Set<Role> roles, boolean enabled,
                      boolean mustChangePassword, Instant created) {
    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
