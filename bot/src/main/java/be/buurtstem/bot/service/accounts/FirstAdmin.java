package be.buurtstem.bot.service.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/**
 * On a first start (no accounts at all) an {@code admin} account is created: with {@code BUURTSTEM_ADMIN_PASSWORD}
 * when set, otherwise with a random one-time password printed once to the console (never to the log, which may be
 * shipped elsewhere) that must be changed at the first sign-in.
 */
public final class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    public static final String USERNAME = "admin";
    // no 0/O, 1/l/I: the password is read off a terminal and typed by hand
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private FirstAdmin() {
    }

    /** Creates the first admin when there is no account; returns whether it did. */
    public static boolean ensure(Accounts accounts, PasswordEncoder encoder, String configuredPassword,
                                 PrintStream console) {
        if (accounts.count() > 0) {
            return false;
        }
        boolean given = configuredPassword != null && !configuredPassword.isBlank();
        String password = given ? configuredPassword : oneTimePassword();
        accounts.save(new Account(USERNAME, encoder.encode(password), Set.of(Role.ADMIN), true, !given, Instant.now()));
        if (given) {
            log.info("created the first account 'admin' with the password of BUURTSTEM_ADMIN_PASSWORD");
        } else {
            console.println();
            console.println("  Buurtstem: the first account was created.");
            console.println("  Sign in as 'admin' with this one-time password (shown only now): " + password);
            console.println("  You will be asked to choose your own password.");
            console.println();
            console.flush();
            log.info("created the first account 'admin'; its one-time password was printed to the console");
        }
        return true;
    }

    static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
