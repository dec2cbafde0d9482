package be.buurtstem.bot.service.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admins' accounts page: who may sign in with which roles, and the changes an admin makes (add, roles,
 * disable/enable, a new one-time password, delete). A one-time password is shown once, on the page after the change,
 * and stored nowhere but as its hash. A refused form comes back with its values and a message beside the field.
 */
@Controller
public class AccountsController {
    static final String PAGE = "/admin/accounts";
    private final Accounts accounts;
    private final AccountChanges changes;

    public AccountsController(Accounts accounts, AccountChanges changes) {
        this.accounts = accounts;
        this.changes = changes;
    }

    /** One row of the table. */
    public record Row(String username, List<String> roles, boolean enabled, boolean mustChangePassword,
                      String lastSignIn, boolean self) {
        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    @GetMapping(PAGE)
    String page(Authentication me, Model model) {
        Map<String, java.time.Instant> last = accounts.lastSignIns();
        String self = Accounts.normalise(me.getName());
        List<Row> rows = accounts.all().stream().map(a -> new Row(a.username(),
                a.roles().stream().sorted().map(Role::key).toList(), a.enabled(), a.mustChangePassword(),
                when(last.get(a.username())), a.username().equals(self))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("allRoles", List.of(Role.ORGANISER.key(), Role.ANALYST.key(), Role.ADMIN.key()));
        model.addAttribute("active", "accounts");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccount("", List.of(Role.ORGANISER.key())));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("minimumLength", PasswordRules.MINIMUM_LENGTH);
        return "admin/accounts";
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** In the server's time zone (the neighbourhood's). */
    private static String when(java.time.Instant at) {
        return at == null ? null : WHEN.format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    /** What was typed in the "add an account" form (never the password: it is not sent back to the browser). */
    public record NewAccount(String username, List<String> roles) {
        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    @PostMapping(PAGE)
    String create(Authentication me, @RequestParam(name = "username", defaultValue = "") String username,
                  @RequestParam(name = "roles", required = false) List<String> roles,
                  @RequestParam(name = "password", defaultValue = "") String password, Model model,
                  RedirectAttributes next) {
        Set<Role> chosen = roles(roles);
        try {
            String oneTime = changes.create(me.getName(), username, chosen, password);
            next.addFlashAttribute("created", Accounts.normalise(username));
            next.addFlashAttribute("oneTimePassword", oneTime);
            return "redirect:" + PAGE;
        } catch (AccountChanges.Refused refused) {
            model.addAttribute("form", new NewAccount(username, chosen.stream().map(Role::key).toList()));
            model.addAttribute("errors", refused.fields);
            model.addAttribute("formProblem", true);
            return page(me, model);
        }
    }

    @PostMapping(PAGE + "/{name}/roles")
    String roles(Authentication me, @PathVariable("name") String name,
                 @RequestParam(name = "roles", required = false) List<String> roles, RedirectAttributes next) {
        return change(next, name, "accounts.done.roles", () -> changes.setRoles(me.getName(), name, roles(roles)));
    }

    @PostMapping(PAGE + "/{name}/enabled")
    String enabled(Authentication me, @PathVariable("name") String name,
                   @RequestParam(name = "enabled") boolean enabled, RedirectAttributes next) {
        return change(next, name, enabled ? "accounts.done.enabled" : "accounts.done.disabled",
                () -> changes.setEnabled(me.getName(), name, enabled));
    }

    @PostMapping(PAGE + "/{name}/reset")
    String reset(Authentication me, @PathVariable("name") String name, RedirectAttributes next) {
        try {
            next.addFlashAttribute("oneTimePassword", changes.reset(me.getName(), name));
            next.addFlashAttribute("resetFor", Accounts.normalise(name));
        } catch (AccountChanges.Refused refused) {
            next.addFlashAttribute("refused", refused.fields.values().iterator().next());
            next.addFlashAttribute("refusedFor", Accounts.normalise(name));
        }
        return "redirect:" + PAGE;
    }

    /** Deleting asks once more, on a page of its own (the pages work without scripts, so no confirm() box). */
    @GetMapping(PAGE + "/{name}/delete")
    String confirmDelete(@PathVariable("name") String name, Model model) {
        Account a = accounts.find(name).orElse(null);
        if (a == null) {
            return "redirect:" + PAGE;
        }
        model.addAttribute("name", a.username());
        model.addAttribute("active", "accounts");
        return "admin/delete-account";
    }

    @PostMapping(PAGE + "/{name}/delete")
    String delete(Authentication me, @PathVariable("name") String name, RedirectAttributes next) {
        return change(next, name, "accounts.done.deleted", () -> changes.delete(me.getName(), name));
    }

    private static String change(RedirectAttributes next, String name, String doneKey, Runnable change) {
        try {
            change.run();
            next.addFlashAttribute("done", doneKey);
            next.addFlashAttribute("doneFor", Accounts.normalise(name));
        } catch (AccountChanges.Refused refused) {
            next.addFlashAttribute("refused", refused.fields.values().iterator().next());
            next.addFlashAttribute("refusedFor", Accounts.normalise(name));
        }
        return "redirect:" + PAGE;
    }

    /** The roles ticked on a form; unknown values are ignored (a form can only send the three). */
    static Set<Role> roles(List<String> keys) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String k : keys == null ? List.<String>of() : keys) {
            for (Role r : Role.values()) {
                if (r.key().equals(k)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
