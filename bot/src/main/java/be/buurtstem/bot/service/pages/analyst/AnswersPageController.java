package be.buurtstem.bot.service.pages.analyst;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysts' answers page, {@code /analyst/answers}: every free-text answer with its full text (in its detected
 * language's direction), the language chosen and detected, the machine's themes with their scores and what analysts
 * decided; filtered by the form ({@link AnswerQuery}) and paged. A filter that cannot be meant is answered with 400
 * and the reason on the page, the form kept as typed.
 */
@Controller
@RequestMapping("/analyst/answers")
public class AnswersPageController {
    private final AnalystAnswers answers;
    private final MessageSource messages;

    public AnswersPageController(AnalystAnswers answers, MessageSource messages) {
        this.answers = answers;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam Map<String, String> form, Model model, Locale locale, HttpServletResponse response) {
        AnswerQuery.Result parsed = AnswerQuery.parse(form);
        model.addAttribute("active", "answers");
        model.addAttribute("form", form);
        model.addAttribute("options", answers.options(locale));
        if (!parsed.ok()) {
            response.setStatus(400);
            List<String> problems = parsed.problems().stream()
                    .map(p -> messages.getMessage(p.key(), new Object[]{p.value()}, locale)).toList();
            model.addAttribute("problems", problems);
            model.addAttribute("result", null);
            return "analyst/answers";
        }
        AnswerQuery q = parsed.query();
        AnalystAnswers.Page result = answers.select(q, locale);
        model.addAttribute("problems", List.of());
        model.addAttribute("result", result);
        model.addAttribute("query", q);
        model.addAttribute("previous", q.page() > 0 ? link(q.onPage(q.page() - 1)) : null);
        model.addAttribute("next", q.page() + 1 < result.pages() ? link(q.onPage(q.page() + 1)) : null);
        return "analyst/answers";
    }

    /** The page's address with this query (the pager's links keep the filter). */
    static String link(AnswerQuery q) {
        StringBuilder b = new StringBuilder("/analyst/answers");
        char sep = '?';
        for (Map.Entry<String, String> e : q.fields().entrySet()) {
            b.append(sep).append(e.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }
}
