package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.Measures;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import be.buurtstem.bot.service.saturation.Alerts;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.saturation.ScopeSettings;
import be.buurtstem.bot.service.saturation.ScopeSettings.MakeUpField;
import be.buurtstem.bot.service.store.Audit;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
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

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisers' saturation pages: {@code /organiser/saturation} lists the questionnaires with their verdict;
 * {@code /organiser/saturation/{questionnaire}} explains one in plain words (verdict and why, what we have probably
 * not heard yet, the curves, who we have not heard), takes the neighbourhood's make-up and the alert thresholds, and
 * keeps the technical measures one click away. A change is written to {@code saturation_settings}, audited, and the
 * saturation states are replayed with it at once. No resident's text ever reaches these pages.
 */
@Controller
@RequestMapping("/organiser/saturation")
public class SaturationPagesController {
    static final int ALERTS_SHOWN = 10;

    private final SaturationService saturation;
    private final ScopeSettings scopes;
    private final Alerts alerts;
    private final SurveyCatalog catalog;
    private final Store store;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    public SaturationPagesController(SaturationService saturation, ScopeSettings scopes, Alerts alerts,
                                     SurveyCatalog catalog, Store store, MessageSource messages) {
        this.saturation = saturation;
        this.scopes = scopes;
        this.alerts = alerts;
        this.catalog = catalog;
        this.store = store;
        this.messages = messages;
    }

    /** One questionnaire in the list. */
    public record Row(String id, String title, long residents, int themes, String verdict, String css) {
    }

    /** One text area of the make-up form. */
    public record MakeUpBox(String field, String label, String name, String text, String heard, boolean fromFile,
                            List<String> errors) {
    }

    /** One box of the thresholds form. */
    public record SettingBox(String name, String label, String help, String unit, String value, String placeholder,
                             String error) {
    }

    public record SentAlert(String text, String at) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        SaturationTexts t = new SaturationTexts(messages, locale);
        List<Row> rows = new ArrayList<>();
        for (String q : saturation.questionnaires()) {
            SaturationReport r = saturation.saturationReport(q).orElse(null);
            if (r == null) {
                continue;
            }
            Measures m = r.overall();
            SaturationView.Verdict v = SaturationView.verdict(m, saturation.thresholdsOf(q), t);
            rows.add(new Row(q, title(q, locale), m.respondents(), m.themesSeen(), v.words(), v.css()));
        }
        model.addAttribute("active", "saturation");
        model.addAttribute("rows", rows);
        return "saturation/list";
    }

    @GetMapping("/{questionnaire}")
    String show(@PathVariable String questionnaire, Model model, Locale locale) {
        render(questionnaire, model, locale, null, null, null, null);
        return "saturation/page";
    }

    @PostMapping("/{questionnaire}/make-up")
    String saveMakeUp(@PathVariable String questionnaire, @RequestParam Map<String, String> form, Model model,
                      Locale locale, Authentication who, RedirectAttributes redirect) {
        SaturationReport report = report(questionnaire);
        SaturationTexts t = new SaturationTexts(messages, locale);
        ScopeSettings.Entry entry = scopes.get(questionnaire);
        Map<String, MakeUpField> makeUp = new LinkedHashMap<>(entry.makeUp());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (String field : makeUpFields(questionnaire, report)) {
            String text = form.get("mu_" + field);
            if (text == null) {
                continue;
            }
            typed.put(field, text);
            if (!entry.makeUp().containsKey(field) && text.strip().equals(fromFile(saturation.expectationsOf(
                    questionnaire), field).strip())) {
                continue; // the service's file, shown and sent back unchanged: it stays the file's
            }
            MakeUpForm.Result r = MakeUpForm.parse(text);
            if (!r.ok()) {
                errors.put(field, r.problems().stream().map(p -> t.t(p.key(), p.args().toArray())).toList());
                continue;
            }
            MakeUpField before = makeUp.get(field);
            if (r.field() == null) {
                makeUp.remove(field);
            } else {
                makeUp.put(field, r.field());
            }
            if (before == null ? r.field() != null : !before.equals(r.field())) {
                changed.add(field);
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("makeUpProblem", true);
            render(questionnaire, model, locale, typed, errors, null, null);
            return "saturation/page";
        }
        if (!changed.isEmpty()) {
            scopes.put(questionnaire, new ScopeSettings.Entry(makeUp, entry.thresholds(), clock.instant()),
                    clock.instant());
            store.audit("saturation_make_up_changed", Audit.details("questionnaire", questionnaire,
                    "fields", changed, "by", who.getName()), clock.instant());
            saturation.reconfigured();
        }
        redirect.addFlashAttribute("saved", changed.isEmpty() ? "saturation.saved.nothing" : "saturation.saved.makeUp");
        return "redirect:/organiser/saturation/" + questionnaire + "#who";
    }

    @PostMapping("/{questionnaire}/settings")
    String saveSettings(@PathVariable String questionnaire, @RequestParam Map<String, String> form, Model model,
                        Locale locale, Authentication who, RedirectAttributes redirect) {
        report(questionnaire);
        SaturationTexts t = new SaturationTexts(messages, locale);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String n : ThresholdsForm.names()) {
            typed.put(n, form.getOrDefault("th_" + n, ""));
        }
        ThresholdsForm.Result r = ThresholdsForm.parse(typed);
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((n, p) -> errors.put(n, t.t(p.key(), p.args().toArray())));
        if (errors.isEmpty()) {
            // the combination must make valid thresholds too (e.g. coverage strictly below 100 %)
            try {
                Map<String, Double> check = new LinkedHashMap<>(r.values());
                check.remove(ScopeSettings.SILENCE_AFTER_DAYS);
                SaturationThresholds d = saturation.defaultThresholdsOf(questionnaire);
                new SaturationThresholds(
                        check.getOrDefault("min_respondents", (double) d.minRespondents()).intValue(),
                        check.getOrDefault("min_mentions", (double) d.minMentions()).longValue(),
                        check.getOrDefault("coverage", d.coverageTarget()),
                        check.getOrDefault("hold_minimum", (double) d.holdMinimum()).intValue(),
                        check.getOrDefault("hold_fraction", d.holdFraction()),
                        check.getOrDefault("chao2_tolerance", d.chao2Tolerance()), d.lookahead(), d.guestBase(),
                        d.guestRun(), d.guestThreshold(),
                        check.getOrDefault("under_represented_ratio", d.underRepresentedRatio()));
            } catch (IllegalArgumentException e) {
                errors.put("coverage", t.t("saturation.settings.error.range", "50", "99.9"));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("settingsProblem", true);
            render(questionnaire, model, locale, null, null, typed, errors);
            return "saturation/page";
        }
        ScopeSettings.Entry entry = scopes.get(questionnaire);
        if (!entry.thresholds().equals(r.values())) {
            scopes.put(questionnaire, new ScopeSettings.Entry(entry.makeUp(), r.values(), clock.instant()),
                    clock.instant());
            // before and after are stored as sub-documents, as they always were
            store.audit("saturation_settings_changed", Audit.details("questionnaire", questionnaire,
                    "by", who.getName(), "before", new LinkedHashMap<>(entry.thresholds()),
                    "after", new LinkedHashMap<>(r.values())), clock.instant());
            saturation.reconfigured();
            redirect.addFlashAttribute("saved", "saturation.saved.settings");
        } else {
            redirect.addFlashAttribute("saved", "saturation.saved.nothing");
        }
        return "redirect:/organiser/saturation/" + questionnaire + "#alerts";
    }

    private SaturationReport report(String questionnaire) {
        return saturation.saturationReport(questionnaire)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such questionnaire"));
    }

    private String title(String q, Locale locale) {
        return catalog.current(q).map(s -> s.title(locale.getLanguage())).orElse(q);
    }

    /** The fields of residents the organiser may give the make-up of: those followed, and those already given. */
    private List<String> makeUpFields(String q, SaturationReport report) {
        List<String> out = new ArrayList<>();
        for (String f : report.segments().keySet()) {
            if (!SaturationView.NOT_PEOPLE.contains(f)) {
                out.add(f);
            }
        }
        for (String f : saturation.expectationsOf(q).shares().keySet()) {
            if (!out.contains(f) && !SaturationView.NOT_PEOPLE.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private void render(String q, Model model, Locale locale, Map<String, String> typedMakeUp,
                        Map<String, List<String>> makeUpErrors, Map<String, String> typedSettings,
                        Map<String, String> settingErrors) {
        SaturationReport report = report(q);
        SaturationTexts t = new SaturationTexts(messages, locale);
        SaturationThresholds th = saturation.thresholdsOf(q);
        Expectations exp = saturation.expectationsOf(q);
        ScopeSettings.Entry entry = scopes.get(q);
        model.addAttribute("active", "saturation");
        model.addAttribute("q", q);
        model.addAttribute("qtitle", title(q, locale));
        model.addAttribute("view", SaturationView.page(q, report, exp, th, t));

        List<MakeUpBox> boxes = new ArrayList<>();
        for (String field : makeUpFields(q, report)) {
            String text = typedMakeUp != null && typedMakeUp.containsKey(field) ? typedMakeUp.get(field)
                    : entry.makeUp().containsKey(field) ? MakeUpForm.format(entry.makeUp().get(field))
                    : fromFile(exp, field);
            List<String> heard = new ArrayList<>();
            report.segments().getOrDefault(field, Map.of()).forEach((v, s) -> {
                if (s.measures().respondents() > 0) {
                    heard.add(v);
                }
            });
            boxes.add(new MakeUpBox(field, t.field(field), "mu_" + field, text, String.join(", ", heard),
                    !entry.makeUp().containsKey(field) && exp.shares().containsKey(field),
                    makeUpErrors == null ? List.of() : makeUpErrors.getOrDefault(field, List.of())));
        }
        model.addAttribute("makeUp", boxes);

        Map<String, String> values = typedSettings != null ? typedSettings : ThresholdsForm.typed(entry.thresholds());
        Map<String, String> defaults = ThresholdsForm.defaults(saturation.defaultThresholdsOf(q),
                saturation.defaultSilenceAfter());
        List<SettingBox> settings = new ArrayList<>();
        for (ThresholdsForm.Setting s : ThresholdsForm.SETTINGS) {
            String unit = s.percent() ? "%" : ScopeSettings.SILENCE_AFTER_DAYS.equals(s.name())
                    ? t.t("saturation.settings.unit.days") : ""; // a count needs no unit
            settings.add(new SettingBox("th_" + s.name(), t.t("saturation.settings." + s.name()),
                    t.t("saturation.settings." + s.name() + ".help"), unit, values.getOrDefault(s.name(), ""),
                    defaults.get(s.name()), settingErrors == null ? null : settingErrors.get(s.name())));
        }
        model.addAttribute("settings", settings);

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        model.addAttribute("alerts", alerts.recent(q, locale.getLanguage(), ALERTS_SHOWN).stream()
                .map(a -> new SentAlert(a.text(), when.format(a.at()))).toList());
    }

    /** A field the service's expectations file sets, shown as shares in percent so the organiser can adjust it. */
    private static String fromFile(Expectations exp, String field) {
        Map<String, Double> shares = exp.shares().get(field);
        if (shares == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        shares.forEach((v, s) -> sb.append(v).append(' ').append(MakeUpForm.number(Math.round(s * 1000) / 10.0))
                .append(" %\n"));
        return sb.toString();
    }

}
