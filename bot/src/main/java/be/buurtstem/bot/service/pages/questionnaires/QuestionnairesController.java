package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.bot.service.questionnaires.EngineSurvey;
import be.buurtstem.bot.service.questionnaires.QuestionnaireCatalog;
import be.buurtstem.bot.service.questionnaires.QuestionnaireCatalog.Publication;
import be.buurtstem.bot.service.questionnaires.QuestionnaireCatalog.VersionInfo;
import be.buurtstem.bot.service.questionnaires.QuestionnaireFile;
import be.buurtstem.bot.service.store.Audit;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organisers' questionnaires page: the list of every version with its residents, the editor (upload a file,
 * or write one from a template or a copy), the problems beside their lines, a test conversation that is never
 * stored or counted, publishing as a new version, and retiring. Every action is written to the {@code audit}
 * collection with who did it. Only organisers and admins reach it ({@code /organiser/**}).
 */
@Controller
@RequestMapping("/organiser/questionnaires")
public class QuestionnairesController {
    static final String TEMPLATE = "templates/questionnaires/new.yaml";
    private static final Clock CLOCK = Clock.systemUTC();

    private final QuestionnaireCatalog catalog;
    private final Store store;
    private final MessageSource messages;

    public QuestionnairesController(QuestionnaireCatalog catalog, Store store, MessageSource messages) {
        this.catalog = catalog;
        this.store = store;
        this.messages = messages;
    }

    /** One questionnaire on the list: its versions, newest first. */
    public record Listed(String id, String title, List<Row> versions, boolean served) {
    }

    /** One version on the list. */
    public record Row(String id, int version, String origin, List<String> languages, boolean retired,
                      boolean serving, long inProgress, long completed, Instant loadedAt) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        Map<String, VersionCounts.Count> counts = VersionCounts.of(store);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (VersionInfo v : catalog.versions()) {
            EngineSurvey s = v.survey();
            VersionCounts.Count c = counts.getOrDefault(s.id() + ":" + s.version(), VersionCounts.Count.NONE);
            rows.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Row(s.id(), s.version(), originKey(v.origin()),
                    s.languages(), v.retired(), v.serving(), c.inProgress(), c.completed(), v.loadedAt()));
            // The title of the newest version, in the page's language when the file has it.
            titles.putIfAbsent(s.id(), s.title(locale.getLanguage()));
        }
        List<Listed> listed = new ArrayList<>();
        rows.forEach((id, r) -> listed.add(new Listed(id, titles.get(id), r, r.stream().anyMatch(Row::serving))));
        model.addAttribute("questionnaires", listed);
        model.addAttribute("active", "questionnaires");
        return "questionnaires/list";
    }

    /** The editor: the draft in the session, a new one from the template, or a copy of a stored version. */
    @GetMapping("/edit")
    String edit(@RequestParam(required = false) String from, HttpSession session, Model model, Locale locale) {
        Draft draft = (Draft) session.getAttribute(Draft.SESSION_KEY);
        if ("template".equals(from) || (from == null && draft == null)) {
            draft = new Draft(template(), "new.yaml");
        } else if (from != null) {
            Optional<String> source = sourceOf(from);
            if (source.isEmpty()) {
                return "redirect:/organiser/questionnaires";
            }
            draft = new Draft(source.get(), from.replace(':', '-') + ".yaml");
        }
        session.setAttribute(Draft.SESSION_KEY, draft);
        return editor(draft, null, model, locale);
    }

    /** The editor's buttons: check the text, try it out as a resident, or publish it. */
    @PostMapping("/edit")
    String editPosted(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String fileName,
                      @RequestParam(defaultValue = "check") String action, HttpSession session, Model model,
                      Locale locale, Authentication who, RedirectAttributes flash) {
        Draft draft = new Draft(text.replace("\r\n", "\n"), fileName.isBlank() ? "questionnaire.yaml" : fileName);
        session.setAttribute(Draft.SESSION_KEY, draft);
        List<Problem> problems = QuestionnaireCatalog.check(draft.text(), draft.fileName());
        if (Validator.hasErrors(problems) || action.equals("check")) {
            audit("questionnaire_checked", who, Audit.details("file", draft.fileName(),
                    "errors", problems.stream().filter(Problem::isError).count()));
            return editor(draft, problems, model, locale);
        }
        if (action.equals("preview")) {
            return startPreview(draft, null, session, who);
        }
        return publish(draft, session, who, flash, model, locale);
    }

    /** A file chosen on the computer: checked and shown in the editor (nothing is stored until it is published). */
    @PostMapping("/upload")
    String upload(HttpServletRequest request, HttpSession session, Model model, Locale locale, Authentication who)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        Optional<Upload.File> file = Upload.file(request.getContentType(), body, "file");
        if (file.isEmpty() || file.get().bytes().length == 0) {
            model.addAttribute("uploadMissing", true);
            Draft draft = (Draft) session.getAttribute(Draft.SESSION_KEY);
            return editor(draft == null ? new Draft(template(), "new.yaml") : draft, null, model, locale);
        }
        String name = file.get().name().isBlank() ? "questionnaire.yaml" : file.get().name();
        name = name.replaceAll(".*[/\\\\]", "");
        switch (QuestionnaireFile.read(file.get().bytes(), name)) {
            case QuestionnaireFile.Refused r -> {
                audit("questionnaire_uploaded", who, Audit.details("file", name, "errors", 1));
                return editor(new Draft("", name), List.of(r.problem()), model, locale);
            }
            case QuestionnaireFile.Text t -> {
                // an XLSForm is shown in the editor as the YAML it was converted to, its own problems on their lines
                String draftName = t.xlsform() == null ? name : name.replaceAll("(?i)\\.xlsx$", "") + ".yaml";
                Draft draft = new Draft(t.text().replace("\r\n", "\n"), draftName);
                session.setAttribute(Draft.SESSION_KEY, draft);
                List<Problem> problems = new java.util.ArrayList<>(QuestionnaireCatalog.check(draft.text(), draftName));
                t.conversionProblems().forEach(p -> problems.add(t.xlsform().onYamlLine(p, draftName)));
                problems.sort(null);
                audit("questionnaire_uploaded", who, Audit.details("file", name,
                        "errors", problems.stream().filter(Problem::isError).count()));
                return editor(draft, problems, model, locale);
            }
        }
    }

    /** A stored version tried out as a resident would. */
    @PostMapping("/{id}/{version}/preview")
    String previewVersion(@PathVariable String id, @PathVariable int version, HttpSession session, Authentication who) {
        Optional<String> source = catalog.source(id, version);
        if (source.isEmpty()) {
            return "redirect:/organiser/questionnaires";
        }
        Draft draft = new Draft(source.get(), id + "-" + version + ".yaml");
        session.setAttribute(Draft.SESSION_KEY, draft);
        return startPreview(draft, null, session, who);
    }

    @GetMapping("/preview")
    String preview(HttpSession session, Model model) {
        Preview p = (Preview) session.getAttribute(Preview.SESSION_KEY);
        if (p == null) {
            return "redirect:/organiser/questionnaires/edit";
        }
        model.addAttribute("preview", p);
        model.addAttribute("transcript", p.transcript());
        model.addAttribute("buttons", p.lastButtons());
        model.addAttribute("survey", p.survey());
        model.addAttribute("surveyTitle", p.survey().title(p.language()));
        model.addAttribute("active", "questionnaires");
        return "questionnaires/preview";
    }

    /** Starts the test conversation again, in the chosen language. */
    @PostMapping("/preview/start")
    String previewStart(@RequestParam(required = false) String language, HttpSession session, Authentication who) {
        Draft draft = (Draft) session.getAttribute(Draft.SESSION_KEY);
        if (draft == null) {
            return "redirect:/organiser/questionnaires/edit";
        }
        return startPreview(draft, language, session, who);
    }

    @PostMapping("/preview/reply")
    String previewReply(@RequestParam(required = false) String choice, @RequestParam(required = false) String text,
                        HttpSession session) {
        Preview p = (Preview) session.getAttribute(Preview.SESSION_KEY);
        if (p == null) {
            return "redirect:/organiser/questionnaires/edit";
        }
        if (choice != null && !choice.isBlank()) {
            p.press(choice);
        } else if (text != null && text.length() <= 4000) {
            p.type(text);
        }
        return "redirect:/organiser/questionnaires/preview#last";
    }

    /** Publishes the draft in the session (the button under the test conversation). */
    @PostMapping("/publish")
    String publishDraft(HttpSession session, Authentication who, RedirectAttributes flash, Model model, Locale locale) {
        Draft draft = (Draft) session.getAttribute(Draft.SESSION_KEY);
        if (draft == null) {
            return "redirect:/organiser/questionnaires/edit";
        }
        return publish(draft, session, who, flash, model, locale);
    }

    /** Retires a version (no new resident starts it; those in it may finish) or serves it again. */
    @PostMapping("/{id}/{version}/retire")
    String retire(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "true") boolean retire,
                  Authentication who, RedirectAttributes flash) {
        if (catalog.retire(id, version, retire)) {
            audit(retire ? "questionnaire_retired" : "questionnaire_restored", who,
                    Audit.details("questionnaire", id, "version", version));
            flash.addFlashAttribute("done", retire ? "retired" : "restored");
            flash.addFlashAttribute("doneId", id);
            flash.addFlashAttribute("doneVersion", version);
        }
        return "redirect:/organiser/questionnaires";
    }

    /** Stops serving a questionnaire: every version retired; residents in one may still finish it. */
    @PostMapping("/{id}/stop")
    String stop(@PathVariable String id, Authentication who, RedirectAttributes flash) {
        List<Integer> stopped = new ArrayList<>();
        for (VersionInfo v : catalog.versions()) {
            if (v.survey().id().equals(id) && !v.retired()) {
                catalog.retire(id, v.survey().version(), true);
                stopped.add(v.survey().version());
            }
        }
        audit("questionnaire_stopped", who, Audit.details("questionnaire", id, "versions", stopped));
        flash.addFlashAttribute("done", "stopped");
        flash.addFlashAttribute("doneId", id);
        return "redirect:/organiser/questionnaires";
    }

    private String publish(Draft draft, HttpSession session, Authentication who, RedirectAttributes flash, Model model,
                           Locale locale) {
        Publication p = catalog.publish(draft.text(), draft.fileName(), QuestionnaireCatalog.UPLOADED + ":" + who.getName(),
                who.getName());
        if (!p.served()) {
            return editor(draft, p.problems(), model, locale);
        }
        audit("questionnaire_published", who, Audit.details("questionnaire", p.id(), "version", p.version(),
                "file", draft.fileName(), "new", p.isNew(), "asked", p.asked()));
        session.removeAttribute(Preview.SESSION_KEY);
        session.setAttribute(Draft.SESSION_KEY, new Draft(catalog.source(p.id(), p.version()).orElse(draft.text()),
                draft.fileName()));
        flash.addFlashAttribute("done", !p.isNew() ? "unchanged" : p.version() != p.asked() ? "renumbered" : "published");
        flash.addFlashAttribute("doneId", p.id());
        flash.addFlashAttribute("doneVersion", p.version());
        flash.addFlashAttribute("doneAsked", p.asked());
        return "redirect:/organiser/questionnaires";
    }

    private String startPreview(Draft draft, String language, HttpSession session, Authentication who) {
        LoadResult r = QuestionnaireLoader.parse(draft.text(), draft.fileName());
        if (r.questionnaire() == null || r.hasErrors() || Validator.hasErrors(Validator.validate(r.questionnaire()))) {
            return "redirect:/organiser/questionnaires/edit";
        }
        EngineSurvey survey = new EngineSurvey(r.questionnaire());
        String lang = language != null && survey.languages().contains(language) ? language : survey.defaultLanguage();
        session.setAttribute(Preview.SESSION_KEY, new Preview(survey, lang, CLOCK));
        audit("questionnaire_previewed", who, Audit.details("questionnaire", survey.id(),
                "version", survey.version(), "language", lang));
        return "redirect:/organiser/questionnaires/preview";
    }

    private String editor(Draft draft, List<Problem> problems, Model model, Locale locale) {
        List<Problem> shown = problems == null ? List.of() : problems;
        int lines = (int) draft.text().chars().filter(c -> c == '\n').count() + 1;
        model.addAttribute("draft", draft);
        model.addAttribute("lineCount", lines);
        model.addAttribute("checked", problems != null);
        model.addAttribute("problems", ProblemView.of(shown, draft.text(), messages, locale));
        model.addAttribute("badLines", shown.stream().map(Problem::line).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("errors", shown.stream().filter(Problem::isError).count());
        model.addAttribute("warnings", shown.stream().filter(p -> !p.isError()).count());
        model.addAttribute("active", "questionnaires");
        return "questionnaires/edit";
    }

    private Optional<String> sourceOf(String idColonVersion) {
        int colon = idColonVersion.lastIndexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            return catalog.source(idColonVersion.substring(0, colon), Integer.parseInt(idColonVersion.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String template() {
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the questionnaire template is missing from the jar", e);
        }
    }

    private static String originKey(String origin) {
        if (origin.startsWith("bundled")) {
            return "bundled";
        }
        if (origin.startsWith("folder")) {
            return "folder";
        }
        return origin.startsWith(QuestionnaireCatalog.UPLOADED) ? "uploaded" : "stored";
    }

    private void audit(String type, Authentication who, java.util.Map<String, Object> details) {
        details.put("by", who == null ? null : who.getName());
        store.audit(type, details, CLOCK.instant());
    }
}
