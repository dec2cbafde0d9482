package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Account;
import be.buurtstem.bot.service.accounts.Accounts;
import be.buurtstem.bot.service.accounts.Role;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admins' accounts page and the own-password page over HTTP, as a browser would use them (forms with their
 * token), the sign-in limits and the audit log.
 */
@org.junit.jupiter.api.Tag("solo") // runs alone: see bot/pom.xml
class AccountsPagesTest {
    static final String PW = "the admin's long password";
    static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([^<]+)<");
    static Path dataDir;
    static Harness service;
    static Accounts accounts;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("buurtstem-accounts");
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.admin-password", PW);
        p.put("buurtstem.sign-in.failures-per-name", "3");
        p.put("buurtstem.sign-in.failures-per-address", "16");
        service = Harness.start(p);
        accounts = service.context.getBean(Accounts.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static PageClient admin() {
        PageClient c = new PageClient(service, "en");
        assertEquals("/", c.signIn("admin", PW).redirect());
        return c;
    }

    static boolean ticked(PageClient.Page p, String role) {
        Matcher m = Pattern.compile("<input[^>]*id=\"new-role-" + role + "\"[^>]*>").matcher(p.body());
        assertTrue(m.find(), role + " box");
        return m.group().contains("checked");
    }

    static String oneTime(PageClient.Page p) {
        Matcher m = ONE_TIME.matcher(p.body());
        assertTrue(m.find(), "a one-time password is shown: " + p.body());
        return m.group(1);
    }

    @Test
    void anAdminAddsAnAccountAndItsOneTimePasswordLeadsToTheOwnPasswordPage() {
        PageClient admin = admin();
        PageClient.Page added = admin.follow(admin.postEncoded("/admin/accounts", "username=Fatima&roles=organiser"));
        assertTrue(added.body().contains("The account fatima is ready."), added.body());
        String oneTime = oneTime(added);
        assertFalse(admin.get("/admin/accounts").body().contains(oneTime), "shown only once");
        Account stored = accounts.find("fatima").orElseThrow();
        assertEquals(Set.of(Role.ORGANISER), stored.roles());
        assertTrue(stored.mustChangePassword());
        assertFalse(stored.passwordHash().contains(oneTime));

        PageClient fatima = new PageClient(service, "nl");
        assertEquals("/account/password", fatima.signIn("fatima", oneTime).redirect());
        for (String elsewhere : List.of("/", "/organiser/questionnaires", "/account/other")) {
            assertEquals("/account/password", fatima.get(elsewhere).redirect(), elsewhere + " before choosing one");
        }
        PageClient.Page page = fatima.get("/account/password");
        assertTrue(page.body().contains("Kies eerst uw eigen wachtwoord"), page.body());
        // the rules, each with its message beside its field
        PageClient.Page shortOne = fatima.post("/account/password",
                Map.of("current", oneTime, "chosen", "kort", "again", "kort"));
        assertTrue(shortOne.body().contains("id=\"chosen-error\"") && shortOne.body().contains("minstens 10 tekens"),
                shortOne.body());
        PageClient.Page name = fatima.post("/account/password",
                Map.of("current", oneTime, "chosen", "Fatima", "again", "Fatima"));
        assertTrue(name.body().contains("id=\"chosen-error\""), name.body());
        PageClient.Page nameLong = fatima.post("/account/password",
                Map.of("current", oneTime, "chosen", "fatimafatima", "again", "fatimafatima"));
        assertTrue(nameLong.body().contains("niet de naam van het account"), nameLong.body());
        PageClient.Page differs = fatima.post("/account/password",
                Map.of("current", oneTime, "chosen", "zon op het plein", "again", "zon op het plein!"));
        assertTrue(differs.body().contains("id=\"again-error\""), differs.body());
        PageClient.Page wrong = fatima.post("/account/password",
                Map.of("current", "not it", "chosen", "zon op het plein", "again", "zon op het plein"));
        assertTrue(wrong.body().contains("id=\"current-error\""), wrong.body());
        assertTrue(accounts.find("fatima").orElseThrow().mustChangePassword());

        PageClient.Page saved = fatima.post("/account/password",
                Map.of("current", oneTime, "chosen", "zon op het plein", "again", "zon op het plein"));
        assertEquals("/", saved.redirect());
        PageClient.Page home = fatima.get("/");
        assertTrue(home.body().contains("Uw nieuwe wachtwoord is bewaard."), home.body());
        assertFalse(accounts.find("fatima").orElseThrow().mustChangePassword());
        assertEquals(200, fatima.get("/account/password").status());

        PageClient again = new PageClient(service, "en");
        assertEquals("/login?error", again.signIn("fatima", oneTime).redirect(), "the one-time password is spent");
        assertEquals("/", again.signIn("fatima", "zon op het plein").redirect());
        assertTrue(admin.get("/admin/accounts").body().matches("(?s).*id=\"account-fatima\".*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"),
                "the last sign-in is shown");
    }

    @Test
    void aBadFormComesBackWithItsMessagesBesideTheFieldsAndNothingLost() {
        PageClient admin = admin();
        PageClient.Page empty = admin.postEncoded("/admin/accounts", "username=&password=");
        assertEquals(200, empty.status());
        assertTrue(empty.body().contains("id=\"new-username-error\">Fill in a name.<"), empty.body());
        assertTrue(empty.body().contains("id=\"new-roles-error\">Tick at least one role.<"), empty.body());

        PageClient.Page weak = admin.postEncoded("/admin/accounts", "username=jonas&roles=analyst&roles=organiser&password=short");
        assertTrue(weak.body().contains("id=\"new-password-error\">The password is too short: use at least 10"),
                weak.body());
        assertTrue(weak.body().contains("value=\"jonas\""), "the name typed stays");
        assertTrue(ticked(weak, "analyst") && ticked(weak, "organiser") && !ticked(weak, "admin"),
                "the roles ticked stay: " + weak.body());
        assertTrue(accounts.find("jonas").isEmpty());

        PageClient.Page taken = admin.postEncoded("/admin/accounts", "username=ADMIN&roles=organiser");
        assertTrue(taken.body().contains("There is already an account with this name."), taken.body());
        PageClient.Page form = admin.postEncoded("/admin/accounts", "username=no+spaces+please&roles=organiser");
        assertTrue(form.body().contains("id=\"new-username-error\""), form.body());

        PageClient fr = new PageClient(service, "fr");
        fr.signIn("admin", PW);
        PageClient.Page fre = fr.postEncoded("/admin/accounts", "username=&roles=organiser");
        assertTrue(fre.body().contains("Indiquez un nom."), fre.body());
    }

    @Test
    void rolesStateResetAndDeleteTakeEffectAtOnceButNeverLockTheAdminsOut() {
        PageClient admin = admin();
        String first = oneTime(admin.follow(admin.postEncoded("/admin/accounts", "username=karel&roles=organiser&password=eerste+wachtwoord")));
        assertEquals("eerste wachtwoord", first);
        PageClient karel = new PageClient(service, "en");
        karel.signIn("karel", first);
        karel.post("/account/password", Map.of("current", first, "chosen", "karels eigen zin", "again", "karels eigen zin"));
        assertEquals(403, karel.get("/analyst/x").status());

        admin.get("/admin/accounts");
        PageClient.Page roles = admin.follow(admin.postEncoded("/admin/accounts/karel/roles", "roles=organiser&roles=analyst"));
        assertTrue(roles.body().contains("The roles of karel are saved."), roles.body());
        assertTrue(karel.get("/analyst/x").status() != 403, "the new role works without signing in again");
        admin.follow(admin.postEncoded("/admin/accounts/karel/roles", "roles=organiser"));
        assertEquals(403, karel.get("/analyst/x").status(), "a role taken away is gone at once");
        PageClient.Page none = admin.follow(admin.postEncoded("/admin/accounts/karel/roles", ""));
        assertTrue(none.body().contains("Tick at least one role."), none.body());

        admin.follow(admin.post("/admin/accounts/karel/enabled", Map.of("enabled", "false")));
        assertEquals("/login?ended", karel.get("/").redirect(), "switched off: the session ends at once");
        assertEquals("/login?error", new PageClient(service, "en").signIn("karel", "karels eigen zin").redirect());
        admin.follow(admin.post("/admin/accounts/karel/enabled", Map.of("enabled", "true")));
        PageClient.Page reset = admin.follow(admin.post("/admin/accounts/karel/reset", Map.of()));
        String fresh = oneTime(reset);
        assertEquals("/account/password", new PageClient(service, "en").signIn("karel", fresh).redirect());

        // the admin cannot lock themselves out, and the last admin stays
        for (String[] lockout : new String[][]{{"/admin/accounts/admin/enabled", "enabled=false"},
                {"/admin/accounts/admin/roles", "roles=organiser"}, {"/admin/accounts/admin/delete", ""}}) {
            PageClient.Page p = admin.follow(admin.postEncoded(lockout[0], lockout[1]));
            assertTrue(p.body().contains("notice error"), lockout[0] + ": " + p.body());
        }
        Account me = accounts.find("admin").orElseThrow();
        assertTrue(me.enabled() && me.roles().contains(Role.ADMIN));
        // a second admin may not remove the last other one either, once alone
        admin.follow(admin.postEncoded("/admin/accounts/karel/roles", "roles=admin"));
        PageClient karelAdmin = new PageClient(service, "en");
        karelAdmin.signIn("karel", fresh);
        karelAdmin.post("/account/password", Map.of("current", fresh, "chosen", "karel is nu beheerder", "again", "karel is nu beheerder"));
        karelAdmin.get("/admin/accounts");
        assertTrue(karelAdmin.follow(karelAdmin.postEncoded("/admin/accounts/admin/enabled", "enabled=false")).body()
                .contains("admin can no longer sign in."));
        assertEquals("/login?ended", admin.get("/admin/accounts").redirect(), "admin was switched off by karel");
        karelAdmin.post("/admin/accounts/admin/enabled", Map.of("enabled", "true"));
        assertTrue(accounts.find("admin").orElseThrow().enabled());
        // with karel an organiser again, admin is the only admin: whoever asks, it stays
        PageClient admin2 = admin();
        admin2.get("/admin/accounts");
        admin2.follow(admin2.postEncoded("/admin/accounts/karel/roles", "roles=organiser"));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                be.buurtstem.bot.service.accounts.AccountChanges.Refused.class,
                () -> service.context.getBean(be.buurtstem.bot.service.accounts.AccountChanges.class)
                        .delete("someone-else", "admin"));
        assertEquals("accounts.error.lastAdmin", refused.fields.get("account"));

        PageClient.Page confirm = admin().get("/admin/accounts/karel/delete");
        assertTrue(confirm.body().contains("Delete the account karel?"), confirm.body());
        PageClient a2 = admin();
        a2.get("/admin/accounts/karel/delete");
        assertTrue(a2.follow(a2.post("/admin/accounts/karel/delete", Map.of())).body()
                .contains("The account karel is deleted."));
        assertTrue(accounts.find("karel").isEmpty());
        assertEquals("/login?ended", karelAdmin.get("/").redirect());

        List<Document> audit = service.all("audit");
        String log = audit.toString();
        for (String what : List.of("account_created", "roles_changed", "account_disabled", "account_enabled",
                "password_reset", "account_deleted", "password_changed", "sign_in")) {
            assertTrue(audit.stream().anyMatch(d -> d.getString("type").equals(what)), what + " in " + log);
        }
        assertTrue(audit.stream().anyMatch(d -> d.getString("type").equals("account_deleted")
                && d.get("details", Document.class).getString("who").equals("admin")
                && d.get("details", Document.class).getString("account").equals("karel")), log);
        for (String secret : List.of(PW, first, fresh, "karels eigen zin", "karel is nu beheerder")) {
            assertFalse(log.contains(secret), "no password in the audit log");
        }
    }

    @Test
    void failedSignInsMakeTheNameWaitWithoutTellingWhetherItExists() {
        PageUsers.create(service, "olga", "olga's long password", Role.ORGANISER);
        PageUsers.create(service, "piet", "piet's long password", Role.ORGANISER);
        for (String name : List.of("olga", "nobody-here")) {
            for (int i = 0; i < 3; i++) {
                assertEquals("/login?" + (i < 2 ? "error" : "wait=3"), new PageClient(service, "en")
                        .signIn(name, "wrong " + i).redirect(), name + " attempt " + i);
            }
            PageClient c = new PageClient(service, "en");
            PageClient.Page p = c.signIn(name, "olga's long password");
            assertEquals("/login?wait=3", p.redirect(), name + ": even the right password must wait");
            String text = c.get(p.redirect()).body();
            assertTrue(text.contains("Too many attempts that did not work. Wait 3 minutes, then try again."), text);
        }
        assertEquals("/login?wait=3", new PageClient(service, "fr").signIn("OLGA ", "x").redirect(),
                "the name as typed otherwise is the same name");
        PageClient fr = new PageClient(service, "fr");
        assertTrue(fr.get("/login?wait=3").body().contains("Attendez 3 minutes"));
        // a success frees the name
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                assertEquals("/login?error", new PageClient(service, "en").signIn("piet", "wrong").redirect());
            }
            assertEquals("/", new PageClient(service, "en").signIn("piet", "piet's long password").redirect());
        }
        // the address: at most 16 failures from one address (10 so far here, a few in the other tests)
        int failures = 10;
        while (new PageClient(service, "en").signIn("name-" + failures, "wrong").redirect().equals("/login?error")) {
            failures++;
            assertTrue(failures < 16, "the address limit holds");
        }
        assertEquals("/login?wait=3", new PageClient(service, "en").signIn("piet", "piet's long password").redirect(),
                "this address must wait now, for every name");
        assertTrue(service.all("audit").stream().anyMatch(d -> d.getString("type").equals("sign_in_failed")
                && d.get("details", Document.class).getString("who").equals("(unknown name)")));
        assertNotNull(accounts.lastSignIns().get("piet"));
    }
}
