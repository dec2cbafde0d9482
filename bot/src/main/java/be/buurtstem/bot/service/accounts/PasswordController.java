package be.buurtstem.bot.service.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * A person's own password: the current one, the new one twice. Someone with a one-time password is sent here after
 * signing in and can open nothing else until they chose their own ({@link FreshAccountFilter}).
 */
@Controller
public class PasswordController {
    static final String PAGE = "/account/password";
    private final Accounts accounts;
    private final AccountChanges changes;

    public PasswordController(Accounts accounts, AccountChanges changes) {
        this.accounts = accounts;
        this.changes = changes;
    }

    @GetMapping(PAGE)
    String page(Authentication me, Model model) {
        Account a = accounts.find(me.getName()).orElse(null);
        model.addAttribute("mustChange", a != null && a.mustChangePassword());
        model.addAttribute("hasPassword", a != null);
        model.addAttribute("minimumLength", PasswordRules.MINIMUM_LENGTH);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "account/password";
    }

    @PostMapping(PAGE)
    String change(Authentication me, @RequestParam(name = "current", defaultValue = "") String current,
                  @RequestParam(name = "chosen", defaultValue = "") String chosen,
                  @RequestParam(name = "again", defaultValue = "") String again, Model model,
                  RedirectAttributes next) {
        try {
            changes.changeOwn(me.getName(), current, chosen, again);
        } catch (AccountChanges.Refused refused) {
            model.addAttribute("errors", refused.fields);
            return page(me, model);
        }
        next.addFlashAttribute("passwordChanged", true);
        return "redirect:/";
    }
}
