package be.buurtstem.bot.service.pages.buurtkaart;

import be.buurtstem.analysis.buurtkaart.ResidentMap;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import be.buurtstem.bot.service.buurtkaart.BundledBuurtkaart;
import be.buurtstem.bot.service.buurtkaart.MapLegend;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.buurtkaart.SharedMapPicture;
import be.buurtstem.bot.service.buurtkaart.SharedMaps;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisers' neighbourhood map: {@code /organiser/buurtkaart} lists the questionnaires that draw maps,
 * {@code /organiser/buurtkaart/{id}} shows the residents' maps together (overall, or for one group with
 * {@code segment=field:value}) with its numbers in tables, {@code /organiser/buurtkaart/{id}/map.png} is the picture.
 * Only counts and places several residents named: a person's name never reaches these pages.
 */
@Controller
public class NeighbourhoodMapController {
    private final SurveyCatalog catalog;
    private final SharedMaps maps;

    public NeighbourhoodMapController(SurveyCatalog catalog, Store store) {
        this.catalog = catalog;
        this.maps = new SharedMaps(store);
    }

    @GetMapping("/organiser/buurtkaart")
    String list(Model model, Locale locale) {
        model.addAttribute("active", "buurtkaart");
        model.addAttribute("rows", catalog.current().stream().filter(MapPictures::drawsMap)
                .map(s -> new NeighbourhoodMapView.Row(s.id(), s.title(locale.getLanguage()))).toList());
        return "buurtkaart/index";
    }

    @GetMapping("/organiser/buurtkaart/{id}")
    String one(@PathVariable String id, @RequestParam(required = false) String segment, Model model, Locale locale) {
        Survey survey = survey(id);
        List<ResidentMap> all = maps.maps(id);
        Map<String, List<String>> segments = SharedMaps.segments(all);
        Map<String, String> filter = filter(segment, segments);
        SharedMap shared = SharedMaps.shared(all, filter);
        model.addAttribute("active", "buurtkaart");
        model.addAttribute("page", NeighbourhoodMapView.of(survey, shared, segments, filter,
                legend(survey, locale), locale));
        return "buurtkaart/map";
    }

    @GetMapping("/organiser/buurtkaart/{id}/map.png")
    ResponseEntity<byte[]> picture(@PathVariable String id, @RequestParam(required = false) String segment,
                                   Locale locale) {
        Survey survey = survey(id);
        List<ResidentMap> all = maps.maps(id);
        Map<String, String> filter = filter(segment, SharedMaps.segments(all));
        byte[] png = SharedMapPicture.png(SharedMaps.shared(all, filter), legend(survey, locale),
                SharedMapPicture.describe(filter));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "no-store").body(png);
    }

    private Survey survey(String id) {
        return catalog.current(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no questionnaire " + id));
    }

    /** A questionnaire that is not a buurtkaart still names its domains with the bundled one's words. */
    private static MapLegend legend(Survey survey, Locale locale) {
        Survey words = MapPictures.drawsMap(survey) ? survey : BundledBuurtkaart.survey();
        return MapLegend.of(words, locale.getLanguage());
    }

    /**
     * {@code field:value} when the page offers that value (a group of at least {@link SharedMaps#MIN_SEGMENT});
     * anything else is everyone: typing a small group into the address is no way around the rule.
     */
    static Map<String, String> filter(String segment, Map<String, List<String>> offered) {
        if (segment == null || segment.indexOf(':') <= 0) {
            return Map.of();
        }
        String field = segment.substring(0, segment.indexOf(':'));
        String value = segment.substring(segment.indexOf(':') + 1);
        return offered.getOrDefault(field, List.of()).contains(value) ? Map.of(field, value) : Map.of();
    }
}
