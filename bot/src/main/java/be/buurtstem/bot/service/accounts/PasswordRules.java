package be.buurtstem.bot.service.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * What a chosen password must be: long enough to resist guessing and not the account's name. A long phrase of plain
 * words is fine; no rules about digits or symbols (they make people write passwords down, not stronger ones).
 */
public final class PasswordRules {
    public static final int MINIMUM_LENGTH = 10;
    public static final int MAXIMUM_LENGTH = 200;

    private PasswordRules() {
    }

    /** The message key of what is wrong with this password, or empty when it will do. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("accounts.error.passwordShort");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("accounts.error.passwordLong");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String name = Accounts.normalise(username);
        if (!name.isEmpty() && (lower.equals(name) || lower.contains(name) && name.length() * 2 >= lower.length())) {
            return Optional.of("accounts.error.passwordName");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("accounts.error.passwordSimple");
        }
        return Optional.empty();
    }
}
