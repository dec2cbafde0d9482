package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.coding.ModelRegistry;
import be.buurtstem.bot.service.store.AnswerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The review queue, {@code /analyst/review}: one answer at a time, least certain first, decided with the keyboard
 * ({@code /app/review.js}: digits toggle themes, a adds one by typing, Enter confirms, s skips, u undoes). The page
 * itself holds no answer; the script fetches them from {@code /analyst/review/queue} and posts each review to
 * {@code /analyst/review/decisions} (JSON, with the page's CSRF token in a header), so a decision never reloads the
 * page. Each decision is stored with the signed-in account ({@link Reviewing}).
 */
@Controller
@RequestMapping("/analyst/review")
public class ReviewController {
    static final int BATCH = 20;
    static final int MAX_SKIPPED = 500;

    private final AnalystAnswers answers;
    private final Reviewing reviewing;
    private final Learning learning;
    private final ModelRegistry registry;

    public ReviewController(AnalystAnswers answers, Reviewing reviewing, Learning learning, ModelRegistry registry) {
        this.answers = answers;
        this.reviewing = reviewing;
        this.learning = learning;
        this.registry = registry;
    }

    /**
     * A review as the script posts it: the answer's reference, the themes it should have, and the questionnaire the
     * queue is narrowed to (null: all), for the count of answers still waiting.
     */
    public record ReviewRequest(String answer, List<String> themes, String questionnaire) {
    }

    public record UndoRequest(List<String> decisions) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String questionnaire, Model model, Locale locale) {
        String q = questionnaire == null || questionnaire.isBlank() ? null : questionnaire.strip();
        if (q != null && !AnswerQuery.NAME.matcher(q).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a questionnaire id");
        }
        model.addAttribute("active", "review");
        model.addAttribute("questionnaire", q);
        model.addAttribute("questionnaires", answers.options(locale).questionnaires());
        model.addAttribute("themes", answers.labels(locale));
        model.addAttribute("waiting", answers.waiting(q));
        model.addAttribute("status", LearningStatus.of(learning, registry));
        return "analyst/review";
    }

    @GetMapping(path = "/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> queue(@RequestParam(required = false) String questionnaire,
                              @RequestParam(required = false) List<String> skip, Locale locale) {
        String q = questionnaire == null || questionnaire.isBlank() ? null : questionnaire.strip();
        if (q != null && !AnswerQuery.NAME.matcher(q).matches()) {
            throw new PageError(400, "questionnaire must be a questionnaire id");
        }
        Set<String> skipped = new LinkedHashSet<>(skip == null ? List.of() : skip);
        if (skipped.size() > MAX_SKIPPED) {
            throw new PageError(400, "at most " + MAX_SKIPPED + " skipped answers");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        AnalystAnswers.Queue next = answers.queue(q, skipped, BATCH, locale);
        out.put("answers", next.answers());
        out.put("waiting", next.waiting());
        out.put("status", LearningStatus.of(learning, registry));
        return out;
    }

    @GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    LearningStatus status() {
        return LearningStatus.of(learning, registry);
    }

    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> decide(@RequestBody(required = false) ReviewRequest body, Authentication who,
                                               Locale locale) {
        if (body == null || body.answer() == null || body.themes() == null) {
            throw new PageError(400, "the body must be {\"answer\": REF, \"themes\": [THEME, ...]}");
        }
        AnswerRecord answer = answers.byRef(body.answer())
                .orElseThrow(() -> new PageError(404, "no free-text answer with this reference"));
        Set<String> known = answers.labels(locale).keySet();
        List<String> themes = new ArrayList<>();
        for (String t : body.themes()) {
            String theme = t == null ? "" : t.strip();
            if (!known.contains(theme)) {
                throw new PageError(400, "'" + (theme.length() > 64 ? theme.substring(0, 64) + "…" : theme)
                        + "' is not a theme of the codebook");
            }
            themes.add(theme);
        }
        List<AnswerView.Code> offered = answers.view(answer, locale).candidates();
        Reviewing.Outcome outcome = reviewing.review(answer, themes,
                offered.isEmpty() ? null : offered.getFirst().theme(), who.getName());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decisions", outcome.decisionIds());
        out.put("themes", outcome.themes());
        String q = body.questionnaire() == null || body.questionnaire().isBlank() ? null : body.questionnaire().strip();
        out.put("waiting", answers.waiting(q != null && AnswerQuery.NAME.matcher(q).matches() ? q : null));
        out.put("status", LearningStatus.of(learning, registry));
        return ResponseEntity.status(201).body(out);
    }

    @PostMapping(path = "/undo", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> undo(@RequestBody(required = false) UndoRequest body, Authentication who) {
        if (body == null || body.decisions() == null || body.decisions().isEmpty() || body.decisions().size() > 100) {
            throw new PageError(400, "the body must be {\"decisions\": [ID, ...]} with 1 to 100 ids");
        }
        int n = reviewing.undo(body.decisions(), who.getName());
        if (n == 0) {
            throw new PageError(404, "none of these decisions is yours to take back");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("undone", n);
        out.put("status", LearningStatus.of(learning, registry));
        return out;
    }

    @ExceptionHandler(PageError.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> refused(PageError e) {
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage(), "status", e.status));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return refused(new PageError(400, "the body is not the JSON this endpoint takes"));
    }
}
