package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.coding.ModelInUse;
import be.buurtstem.bot.service.coding.ModelRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The model versions page, {@code /analyst/models}: every version with its cross-validated scores side by side, the
 * one in use and why (the promotion rule's verdict, or the analyst who chose it), and a button per version to put it
 * in use — a promotion, or a rollback to an older one or to the keyword coder — posted with the page's CSRF token;
 * {@link Learning#promote} audits it ({@code model_promoted}, with the account) and re-codes the answers no analyst
 * decided on. A version that cannot be put in use is answered with 4xx and the reason on the page.
 */
@Controller
@RequestMapping("/analyst/models")
public class ModelsPageController {
    private final Learning learning;
    private final ModelRegistry registry;
    private final ModelInUse inUse;
    private final AnalystAnswers answers;
    private final MessageSource messages;

    public ModelsPageController(Learning learning, ModelRegistry registry, ModelInUse inUse, AnalystAnswers answers,
                                MessageSource messages) {
        this.learning = learning;
        this.registry = registry;
        this.inUse = inUse;
        this.answers = answers;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        LearningStatus status = LearningStatus.of(learning, registry);
        model.addAttribute("active", "models");
        model.addAttribute("status", status);
        model.addAttribute("table", ModelVersions.build(registry, status.inUse(), inUse.pointer(),
                answers.labels(locale), messages, locale));
        return "analyst/models";
    }

    @PostMapping("/{version}/promote")
    String promote(@PathVariable String version, Authentication who, Model model, Locale locale,
                   HttpServletResponse response, RedirectAttributes redirect) {
        int v = version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
        String problem;
        int status;
        if (v < 0) {
            problem = "analyst.models.refused.notAVersion";
            status = 400;
        } else {
            switch (learning.promote(v, who.getName())) {
                case PROMOTED -> {
                    redirect.addFlashAttribute("promoted", v);
                    return "redirect:/analyst/models";
                }
                case ALREADY_IN_USE -> {
                    problem = "analyst.models.refused.inUse";
                    status = 409;
                }
                case NO_SUCH_VERSION -> {
                    problem = "analyst.models.refused.noSuch";
                    status = 404;
                }
                default -> {
                    problem = "analyst.models.refused.unreadable";
                    status = 409;
                }
            }
        }
        response.setStatus(status);
        model.addAttribute("refused", messages.getMessage(problem, new Object[]{version.length() > 20
                ? version.substring(0, 20) + "…" : version}, locale));
        return page(model, locale);
    }
}
