package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.analysis.coding.EditedCodebook;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.store.ConcurrentUpdateException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysts' codebook page, {@code /analyst/codebook}: the themes with their names and descriptions in every
 * codebook language and their counts of coded answers; forms to add a theme, change a theme's names and
 * descriptions (its id stays), merge two themes and split one. A form with mistakes comes back with every problem
 * named at its box (400, nothing saved); a page left open while someone else changed the codebook is refused (409)
 * and shows the codebook as it is now. The work is in {@link CodebookService}.
 */
@Controller
@RequestMapping("/analyst/codebook")
public class CodebookController {
    private final CodebookService service;
    private final EffectiveCodebook effective;
    private final ThemeCounts counts;
    private final Learning learning;
    private final Coders coders;
    private final MessageSource messages;

    CodebookController(CodebookService service, EffectiveCodebook effective, ThemeCounts counts, Learning learning,
                       Coders coders, MessageSource messages) {
        this.service = service;
        this.effective = effective;
        this.counts = counts;
        this.learning = learning;
        this.coders = coders;
        this.messages = messages;
    }

    /** What to show again after a refused form: which form, the problems per field, and what was typed. */
    private record Refused(String form, Map<String, List<String>> errors, Map<String, String> typed) {
    }

    @GetMapping
    String page(Model model, Locale locale) {
        render(model, locale, null);
        return "codebook/page";
    }

    @PostMapping("/themes")
    String add(@RequestParam Map<String, String> form, Model model, Locale locale, Authentication who,
               RedirectAttributes redirect, HttpServletResponse response) {
        EditedCodebook book = effective.reload().edited();
        CodebookForm.Result<CodebookEdit.Add> r = CodebookForm.add(form, book);
        return carryOut("add", r, form, model, locale, who, redirect, response, "codebook.saved.added");
    }

    @PostMapping("/themes/{theme}/texts")
    String texts(@PathVariable String theme, @RequestParam Map<String, String> form, Model model, Locale locale,
                 Authentication who, RedirectAttributes redirect, HttpServletResponse response) {
        EditedCodebook book = existing(theme);
        CodebookForm.Result<CodebookEdit.Texts> r = CodebookForm.texts(theme, form, book);
        if (r.ok() && r.edit().labels().isEmpty() && r.edit().descriptions().isEmpty()) {
            redirect.addFlashAttribute("saved", "codebook.saved.nothing");
            return "redirect:/analyst/codebook#saved";
        }
        return carryOut("texts:" + theme, r, form, model, locale, who, redirect, response, "codebook.saved.texts");
    }

    @PostMapping("/merge")
    String merge(@RequestParam Map<String, String> form, Model model, Locale locale, Authentication who,
                 RedirectAttributes redirect, HttpServletResponse response) {
        EditedCodebook book = effective.reload().edited();
        return carryOut("merge", CodebookForm.merge(form, book), form, model, locale, who, redirect, response,
                "codebook.saved.merged");
    }

    @PostMapping("/themes/{theme}/split")
    String split(@PathVariable String theme, @RequestParam Map<String, String> form, Model model, Locale locale,
                 Authentication who, RedirectAttributes redirect, HttpServletResponse response) {
        EditedCodebook book = existing(theme);
        return carryOut("split:" + theme, CodebookForm.split(theme, form, locale.getLanguage(), book), form, model,
                locale, who, redirect, response, "codebook.saved.split");
    }

    private String carryOut(String formName, CodebookForm.Result<? extends CodebookEdit> r, Map<String, String> form,
                            Model model, Locale locale, Authentication who, RedirectAttributes redirect,
                            HttpServletResponse response, String savedKey) {
        if (!r.ok()) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (CodebookForm.Problem p : r.problems()) {
                errors.computeIfAbsent(p.field(), k -> new java.util.ArrayList<>())
                        .add(CodebookPage.message(messages, locale, p));
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            render(model, locale, new Refused(formName, errors, form));
            return "codebook/page";
        }
        CodebookService.Outcome done;
        try {
            done = service.apply(CodebookForm.seen(form), r.edit(), who.getName());
        } catch (ConcurrentUpdateException | IllegalArgumentException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", true);
            render(model, locale, new Refused(formName, Map.of(), form));
            return "codebook/page";
        }
        redirect.addFlashAttribute("saved", savedKey);
        redirect.addFlashAttribute("savedTheme", r.edit().theme());
        redirect.addFlashAttribute("savedAnswers", done.answersChanged());
        redirect.addFlashAttribute("savedDecisions", done.decisionsChanged());
        redirect.addFlashAttribute("retraining", done.retraining());
        return "redirect:/analyst/codebook#saved"; // the notice says what was done, and the coder's part is next
    }

    private EditedCodebook existing(String theme) {
        EditedCodebook book = effective.reload().edited();
        if (book.theme(theme) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such theme");
        }
        return book;
    }

    private void render(Model model, Locale locale, Refused refused) {
        EffectiveCodebook.Current current = effective.reload();
        EditedCodebook book = current.edited();
        Map<String, Map<String, String>> typed = new LinkedHashMap<>();
        if (refused != null && refused.form().startsWith("texts:")) {
            typed.put(refused.form().substring("texts:".length()), refused.typed());
        }
        Map<String, String> typedAdd = refused != null && refused.form().equals("add") ? refused.typed() : Map.of();
        model.addAttribute("active", "codebook");
        model.addAttribute("seen", current.editVersion());
        model.addAttribute("themes", CodebookPage.rows(book, counts.coded(effective), counts, locale, typed));
        model.addAttribute("addTexts", CodebookPage.blank(book, locale, typedAdd));
        model.addAttribute("addId", typedAdd.getOrDefault("id", ""));
        model.addAttribute("merged", CodebookPage.merged(book, locale));
        model.addAttribute("coder", CodebookPage.coder(learning, coders.current().modelVersion(), locale));
        model.addAttribute("splitParts", java.util.stream.IntStream.rangeClosed(1, CodebookForm.SPLIT_PARTS)
                .boxed().toList());
        model.addAttribute("problemForm", refused == null ? "" : refused.form());
        model.addAttribute("errors", refused == null ? Map.of() : refused.errors());
        model.addAttribute("typed", refused == null ? Map.of() : refused.typed());
    }
}
