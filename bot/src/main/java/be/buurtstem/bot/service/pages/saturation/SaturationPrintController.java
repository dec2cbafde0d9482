package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The saturation report of one questionnaire as a printable page (A4, the print style sheet's {@code @page report}):
 * the verdict and why, what we have probably not heard yet, the statement that this is code saturation, the curve
 * as inline SVG, the table per group, who we have not heard and the measures; the same model as the saturation page
 * ({@link SaturationView}), without its forms. Organisers open it under {@code /organiser/...}, analysts under
 * {@code /analyst/...} (the role rules go by the path's first segment). No resident's text.
 */
@Controller
public class SaturationPrintController {
    private final SaturationService saturation;
    private final SurveyCatalog catalog;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    public SaturationPrintController(SaturationService saturation, SurveyCatalog catalog, MessageSource messages) {
        this.saturation = saturation;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping({"/organiser/saturation/{questionnaire}/print", "/analyst/saturation/{questionnaire}/print"})
    String print(@PathVariable String questionnaire, Model model, Locale locale) {
        SaturationReport report = saturation.saturationReport(questionnaire)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such questionnaire"));
        SaturationTexts t = new SaturationTexts(messages, locale);
        String title = catalog.current(questionnaire).map(s -> s.title(locale.getLanguage())).orElse(questionnaire);
        model.addAttribute("active", "saturation");
        model.addAttribute("q", questionnaire);
        model.addAttribute("qtitle", title);
        model.addAttribute("view", SaturationView.page(questionnaire, report, saturation.expectationsOf(questionnaire),
                saturation.thresholdsOf(questionnaire), t));
        model.addAttribute("asOf", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(clock.instant()));
        return "saturation/print";
    }
}
