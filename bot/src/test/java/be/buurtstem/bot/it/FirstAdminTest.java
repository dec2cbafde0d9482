package be.buurtstem.bot.it;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start creates the account {@code admin}: with a one-time password printed once to the console (not in
 * any log line, not again at the next start) that must be changed at the first sign-in, or with
 * BUURTSTEM_ADMIN_PASSWORD, which is not printed at all.
 */
class FirstAdminTest {
    static final Pattern PRINTED = Pattern.compile("one-time password \\(shown only now\\): (\\S+)");

    /** Runs a start with the console captured (the log's console lines included); returns what was written. */
    static String console(Supplier<Harness> start, Harness[] started) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            started[0] = start.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOneTimePasswordIsPrintedOnceAndMustBeChanged() throws Exception {
        Path data = Files.createTempDirectory("buurtstem-first-admin");
        Map<String, Object> p = Harness.properties(data, null);
        Harness[] s = new Harness[1];
        String first = console(() -> Harness.start(p), s);
        String password;
        try (Harness service = s[0]) {
            Matcher m = PRINTED.matcher(first);
            assertTrue(m.find(), first);
            password = m.group(1);
            assertEquals(1, first.split(Pattern.quote(password), -1).length - 1, "printed exactly once");
            assertTrue(Arrays.stream(first.split("\n")).filter(l -> l.contains("INFO") || l.contains("WARN"))
                    .noneMatch(l -> l.contains(password)), "in no log line");
            assertTrue(first.contains("its one-time password was printed to the console"), "the log says where it is");
            PageClient c = new PageClient(service, "en");
            assertEquals("/account/password", c.signIn("admin", password).redirect());
            assertTrue(service.all("audit").stream().noneMatch(d -> d.toJson().contains(password)));
        }
        String second = console(() -> Harness.start(p), s);
        try (Harness service = s[0]) {
            assertFalse(second.contains("first account was created") || second.contains(password), second);
            assertEquals("/account/password", new PageClient(service, "en").signIn("admin", password).redirect(),
                    "the same admin, still to choose a password");
        }
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverPrinted() throws Exception {
        Map<String, Object> p = Harness.properties(Files.createTempDirectory("buurtstem-first-admin"), null);
        p.put("buurtstem.admin-password", "configured admin password 42");
        Harness[] s = new Harness[1];
        String out = console(() -> Harness.start(p), s);
        try (Harness service = s[0]) {
            assertFalse(out.contains("configured admin password 42"), out);
            assertFalse(PRINTED.matcher(out).find());
            assertTrue(out.contains("with the password of BUURTSTEM_ADMIN_PASSWORD"));
            assertEquals("/", new PageClient(service, "en").signIn("admin", "configured admin password 42").redirect());
        }
    }
}
