package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-ins and account changes in the {@code audit} collection: who did what to which account, when. Never a
 * password, never a token; the client address only for sign-ins (to see guessing from one place).
 */
public final class AuditLog {
    private final Store store;

    public AuditLog(Store store) {
        this.store = store;
    }

    /** {@code what}: e.g. {@code sign_in}, {@code sign_in_failed}, {@code account_created}, {@code roles_changed}. */
    public void record(String what, String who, String account, Map<String, ?> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("who", who == null ? "" : who);
        if (account != null) {
            details.put("account", account);
        }
        if (more != null) {
            details.putAll(more);
        }
        store.audit(what, details, Instant.now());
    }
}
