package be.buurtstem.bot.service.accounts;

import java.util.Locale;

/**
 * What a signed-in person may do. Organisers design and publish questionnaires and watch reach and saturation;
 * analysts read residents' free text, code it and export it; admins manage accounts and may do everything.
 */
public enum Role {
    ORGANISER, ANALYST, ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_ORGANISER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The lower-case name used in the database and in forms ({@code organiser}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String key) {
        return valueOf(key.strip().toUpperCase(Locale.ROOT));
    }
}
