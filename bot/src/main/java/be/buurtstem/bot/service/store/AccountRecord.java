package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.List;

/**
 * One stored account as {@link AccountRecords} reads and writes it: the id is the lower-case username, the password
 * only its hash, roles by their keys ({@code organiser}, {@code analyst}, {@code admin}).
 */
public record AccountRecord(String username, String passwordHash, List<String> roles, boolean enabled,
                            boolean mustChangePassword, Instant created) {
    public AccountRecord {
        roles = List.copyOf(roles);
    }
}
