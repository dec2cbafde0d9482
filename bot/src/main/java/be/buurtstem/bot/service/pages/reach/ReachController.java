package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.reminders.ReminderJob;
import be.buurtstem.bot.service.reminders.ReminderSettings;
import be.buurtstem.bot.service.reminders.ReminderSettingsStore;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reach pages: per questionnaire the web chat link and the Telegram deep link for everyone and per area (or
 * another segment: streets, organisations), each with a QR code drawn as SVG on the server, printable posters in
 * one to three of the questionnaire's languages, and the one polite reminder's settings.
 */
@Controller
public class ReachController {
    static final int MAX_POSTER_LANGUAGES = 3;
    /** The poster form's "one for each area". */
    static final String ALL = "*";

    private final SurveyCatalog catalog;
    private final ReachAreas areas;
    private final BotName bot;
    private final ReminderSettingsStore reminders;
    private final ReminderJob reminderJob;
    private final ReachSettings settings;

    public ReachController(SurveyCatalog catalog, ReachAreas areas, BotName bot, ReminderSettingsStore reminders,
                           ReminderJob reminderJob, ReachSettings settings) {
        this.catalog = catalog;
        this.areas = areas;
        this.bot = bot;
        this.reminders = reminders;
        this.reminderJob = reminderJob;
        this.settings = settings;
    }

    /** One row of the links table: everyone (value null) or one area. */
    public record Row(String value, ReachLinks links) {
    }

    /** A poster: one area (or everyone), its links, and the texts in each chosen language. */
    public record Poster(String value, ReachLinks links, List<PosterLanguage> languages) {
    }

    public record PosterLanguage(String language, String dir, String title, String description, String scan,
                                 String type, String telegram, String anonymous) {
    }

    @GetMapping("/organiser/reach")
    String list(Model model) {
        model.addAttribute("active", "reach");
        model.addAttribute("surveys", catalog.current());
        return "reach/list";
    }

    @GetMapping("/organiser/reach/{id}")
    String detail(@PathVariable String id, Model model, java.util.Locale locale) {
        Survey survey = survey(id);
        Map<String, List<String>> declared = DeclaredSegments.of(survey);
        ReachAreas.Choice choice = areas.of(id).orElse(null);
        String field = choice != null ? choice.field() : declared.keySet().stream().findFirst().orElse("area");
        BotName.Name botName = bot.get();
        String base = base();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(null, ReachLinks.of(base, botName.username(), id, null, null)));
        for (String v : choice == null ? List.<String>of() : choice.values()) {
            rows.add(new Row(v, ReachLinks.of(base, botName.username(), id, field, v)));
        }
        model.addAttribute("active", "reach");
        model.addAttribute("survey", survey);
        model.addAttribute("surveyTitle", survey.title(survey.defaultLanguage()));
        model.addAttribute("field", field);
        model.addAttribute("values", choice == null ? "" : String.join("\n", choice.values()));
        model.addAttribute("declared", declared);
        model.addAttribute("rows", rows);
        model.addAttribute("publicUrl", settings.publicUrl());
        model.addAttribute("base", base);
        model.addAttribute("bot", botName);
        model.addAttribute("languages", survey.languages());
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String l : survey.languages()) {
            String name = java.util.Locale.forLanguageTag(l).getDisplayLanguage(locale);
            names.put(l, (name.isBlank() ? l : name) + " (" + l + ")");
        }
        model.addAttribute("languageNames", names);
        model.addAttribute("posterLanguages", survey.languages().subList(0,
                Math.min(MAX_POSTER_LANGUAGES, survey.languages().size())));
        model.addAttribute("organisation", settings.organisation());
        model.addAttribute("reminder", reminders.of(id));
        model.addAttribute("remindersSent", reminderJob.sentFor(id));
        return "reach/detail";
    }

    @PostMapping("/organiser/reach/{id}/areas")
    String saveAreas(@PathVariable String id, @RequestParam(defaultValue = "") String field,
                     @RequestParam(defaultValue = "") String values,
                     @RequestParam(required = false) String declared, Authentication who,
                     RedirectAttributes flash) {
        Survey survey = survey(id);
        String f = ReachAreas.field(field);
        if (f == null) {
            flash.addFlashAttribute("error", "reach.areas.badField");
            return redirect(id);
        }
        ReachAreas.Parsed parsed;
        if (declared != null) {
            parsed = new ReachAreas.Parsed(DeclaredSegments.of(survey).getOrDefault(f, List.of()).stream()
                    .filter(v -> be.buurtstem.bot.service.conversation.ConversationService.SEGMENT_VALUE.matcher(v)
                            .matches()).toList(), List.of());
            if (parsed.values().isEmpty()) {
                flash.addFlashAttribute("error", "reach.areas.noneDeclared");
                return redirect(id);
            }
        } else {
            parsed = ReachAreas.parse(values);
        }
        List<String> kept = parsed.values().size() > ReachAreas.MAX_VALUES
                ? parsed.values().subList(0, ReachAreas.MAX_VALUES) : parsed.values();
        areas.save(id, new ReachAreas.Choice(f, kept), who.getName(), Instant.now());
        flash.addFlashAttribute("saved", "reach.areas.saved");
        if (!parsed.refused().isEmpty()) {
            flash.addFlashAttribute("refused", String.join(", ", parsed.refused()));
        }
        if (parsed.values().size() > ReachAreas.MAX_VALUES) {
            flash.addFlashAttribute("tooMany", ReachAreas.MAX_VALUES);
        }
        return redirect(id);
    }

    @PostMapping("/organiser/reach/{id}/reminder")
    String saveReminder(@PathVariable String id, @RequestParam(required = false) String enabled,
                        @RequestParam(defaultValue = "2") String amount,
                        @RequestParam(defaultValue = "days") String unit, Authentication who,
                        RedirectAttributes flash) {
        survey(id);
        long n;
        try {
            n = Long.parseLong(amount.strip());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("reminderError", "reach.reminder.badDelay");
            return redirect(id) + "#reminder";
        }
        Duration delay = "hours".equals(unit) ? Duration.ofHours(Math.max(0, Math.min(n, 24 * 31)))
                : Duration.ofDays(Math.max(0, Math.min(n, 31)));
        if (n <= 0 || delay.compareTo(ReminderSettings.MIN_DELAY) < 0
                || delay.compareTo(ReminderSettings.MAX_DELAY) > 0) {
            flash.addFlashAttribute("reminderError", "reach.reminder.badDelay");
            return redirect(id) + "#reminder";
        }
        reminders.save(new ReminderSettings(id, enabled != null, delay), who.getName(), Instant.now());
        flash.addFlashAttribute("reminderSaved",
                enabled != null ? "reach.reminder.savedOn" : "reach.reminder.savedOff");
        return redirect(id) + "#reminder";
    }

    @GetMapping("/organiser/reach/{id}/poster")
    String poster(@PathVariable String id, @RequestParam(required = false) String value,
                  @RequestParam(name = "language", required = false) List<String> wanted,
                  @RequestParam(required = false) String organisation, Model model) {
        Survey survey = survey(id);
        List<String> languages = new ArrayList<>();
        for (String l : wanted == null ? List.<String>of() : wanted) {
            if (survey.languages().contains(l) && !languages.contains(l) && languages.size() < MAX_POSTER_LANGUAGES) {
                languages.add(l);
            }
        }
        if (languages.isEmpty()) {
            languages.add(survey.defaultLanguage());
        }
        ReachAreas.Choice choice = areas.of(id).orElse(null);
        // value: an area's poster; "" (the "for everyone" row): the poster without an area; absent or "*": one per area
        List<String> values = new ArrayList<>();
        if (value != null && !value.isBlank() && !value.equals(ALL)) {
            if (choice == null || !choice.values().contains(value)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            values.add(value);
        } else if ((value == null || value.equals(ALL)) && choice != null && !choice.values().isEmpty()) {
            values.addAll(choice.values());
        } else {
            values.add(null);
        }
        BotName.Name name = bot.get();
        String base = base();
        List<PosterLanguage> texts = languages.stream().map(l -> new PosterLanguage(l,
                be.buurtstem.engine.text.Locales.isRtl(l) ? "rtl" : "ltr", survey.title(l),
                PosterDescriptions.of(survey, l), PosterTexts.get("scan", l), PosterTexts.get("type", l),
                PosterTexts.get("telegram", l), PosterTexts.get("anonymous", l))).toList();
        List<Poster> posters = new ArrayList<>();
        for (String v : values) {
            posters.add(new Poster(v, ReachLinks.of(base, name.username(), id, v == null ? null
                    : choice.field(), v), texts));
        }
        model.addAttribute("active", "reach");
        model.addAttribute("survey", survey);
        model.addAttribute("posters", posters);
        model.addAttribute("field", choice == null ? null : choice.field());
        model.addAttribute("organisation", organisation != null && !organisation.isBlank()
                ? organisation.strip() : settings.organisation());
        return "reach/poster";
    }

    /** The QR code of one link as SVG ({@code to} = web or telegram; {@code value} = an area, or none). */
    @GetMapping(value = "/organiser/reach/{id}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String id, @RequestParam(required = false) String value,
                              @RequestParam(defaultValue = "web") String to) {
        survey(id);
        ReachAreas.Choice choice = areas.of(id).orElse(null);
        if (value != null && !value.isBlank() && (choice == null || !choice.values().contains(value))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean segment = value != null && !value.isBlank();
        ReachLinks links = ReachLinks.of(base(), bot.get().username(), id, segment ? choice.field() : null,
                segment ? value : null);
        String link = "telegram".equals(to) ? links.telegram() : links.web();
        if (link == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache()).body(QrSvg.svg(link, link));
    }

    private Survey survey(String id) {
        return catalog.current(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The web chat's public address: the setting, else this request's own scheme, host and port. */
    private String base() {
        String configured = settings.publicUrl();
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
    }

    private static String redirect(String id) {
        return "redirect:/organiser/reach/" + id;
    }
}
