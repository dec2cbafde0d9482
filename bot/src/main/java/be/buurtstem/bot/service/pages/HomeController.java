package be.buurtstem.bot.service.pages;

import be.buurtstem.bot.service.accounts.CityRegistration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the start page, which shows each role's way in. */
@Controller
public class HomeController {
    private final boolean city;

    public HomeController(ObjectProvider<CityRegistration> city) {
        this.city = city.getIfAvailable() != null;
    }

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(name = "wait", required = false) String wait,
                 Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (wait != null) {
            // only a number is shown, whatever the address bar says
            model.addAttribute("waitMinutes", wait.matches("\\d{1,4}") ? Integer.parseInt(wait) : 1);
        }
        model.addAttribute("city", city);
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("active", "home");
        return "home";
    }
}
