package be.buurtstem.bot.service.pages.overview;

import be.buurtstem.analysis.overview.Filter;
import be.buurtstem.bot.service.survey.Survey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisers' live overview ({@code /organiser/overview}): per questionnaire, who started and where they are,
 * where people stop, languages, channels and answers per day ({@code /organiser/overview/{id}}), and the closed
 * answers per question and segment ({@code /organiser/overview/{id}/answers}). Filters: {@code version} and
 * {@code segment=field:value}; the closed answers' page breaks down {@code by} a segment field. Only counts: what
 * residents wrote is never on these pages.
 */
@Controller
public class OverviewController {
    private final OverviewService service;
    private final MessageSource messages;
    private final ZoneId zone;

    public OverviewController(OverviewService service, MessageSource messages,
                              @Value("${buurtstem.overview.zone:}") String zone) {
        this.service = service;
        this.messages = messages;
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    @GetMapping("/organiser/overview")
    String list(Model model, Locale locale) {
        Map<String, Map<String, Integer>> counts = service.statusCounts();
        List<OverviewViews.Row> rows = new ArrayList<>();
        for (Survey s : service.questionnaires()) {
            Map<String, Integer> c = counts.getOrDefault(s.id(), Map.of());
            int started = c.values().stream().mapToInt(Integer::intValue).sum();
            // Survey.title falls back to the questionnaire's own language itself
            rows.add(new OverviewViews.Row(s.id(), s.title(locale.getLanguage()), started, c.getOrDefault("completed", 0),
                    c.getOrDefault("active", 0)));
        }
        model.addAttribute("active", "overview");
        model.addAttribute("rows", rows);
        return "overview/index";
    }

    @GetMapping("/organiser/overview/{id}")
    String one(@PathVariable String id, @RequestParam(required = false) String version,
               @RequestParam(required = false) String segment, Model model, Locale locale) {
        model.addAttribute("active", "overview");
        return page(id, version, segment, locale).map(page -> {
            model.addAttribute("page", page.overview());
            return "overview/questionnaire";
        }).orElseGet(() -> counting(id, model, locale));
    }

    @GetMapping("/organiser/overview/{id}/answers")
    String answers(@PathVariable String id, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String segment, @RequestParam(required = false) String by,
                   Model model, Locale locale) {
        model.addAttribute("active", "overview");
        return page(id, version, segment, locale).map(page -> {
            model.addAttribute("page", page.answers(by));
            return "overview/answers";
        }).orElseGet(() -> counting(id, model, locale));
    }

    /** Many residents on a busy machine: the count goes on in the background and the page looks again soon. */
    private String counting(String id, Model model, Locale locale) {
        Survey s = service.questionnaire(id).orElseThrow();
        model.addAttribute("title", s.title(locale.getLanguage()));
        return "overview/counting";
    }

    private java.util.Optional<OverviewPage> page(String id, String version, String segment, Locale locale) {
        if (service.questionnaire(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no questionnaire " + id);
        }
        Filter filter = OverviewPage.filter(version, segment);
        java.util.Optional<OverviewService.Computed> computed = service.compute(id, filter);
        if (computed.isPresent() && filter.bySegment()
                && !computed.get().fields().getOrDefault(filter.field(), Map.of()).containsKey(filter.value())) {
            // a value the page does not offer (typed into the address): not a way around the small-group rule
            computed = service.compute(id, new Filter(filter.version(), null, null));
        }
        return computed.map(c -> new OverviewPage(c, new OverviewTexts(c.survey(), c.shape(), messages, locale),
                locale, zone));
    }
}
