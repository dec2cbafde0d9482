package be.buurtstem.bot.service.pages.buurtkaart;

import be.buurtstem.analysis.buurtkaart.SharedMap;
import be.buurtstem.bot.service.buurtkaart.MapLegend;
import be.buurtstem.bot.service.survey.Survey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the neighbourhood map's page shows: the picture's address, the groups to choose from, the two tables. */
public record NeighbourhoodMapView(String id, String title, int residents, String image, String segment,
                                   List<Choice> choices, List<DomainRow> domains, List<PlaceRow> places) {
    public record Row(String id, String title) {
    }

    /** A group to look at ("area: noord"), its link, and whether it is the one shown. */
    public record Choice(String label, String href, boolean current) {
    }

    public record DomainRow(String name, int residents, int actors, int people, int bridgeFigures, int energising,
                            int neutral, int draining) {
    }

    public record PlaceRow(String name, String domain, int residents, int energising, int neutral, int draining) {
    }

    static NeighbourhoodMapView of(Survey survey, SharedMap shared, Map<String, List<String>> segments,
                                   Map<String, String> filter, MapLegend legend, Locale locale) {
        String base = "/organiser/buurtkaart/" + survey.id();
        String current = filter.isEmpty() ? null : filter.keySet().iterator().next() + ":" + filter.values().iterator().next();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(null, base, current == null));
        segments.forEach((field, values) -> values.forEach(v -> choices.add(new Choice(field + ": " + v,
                base + "?segment=" + URLEncoder.encode(field + ":" + v, StandardCharsets.UTF_8),
                (field + ":" + v).equals(current)))));
        String image = base + "/map.png?lang=" + locale.getLanguage()
                + (current == null ? "" : "&segment=" + URLEncoder.encode(current, StandardCharsets.UTF_8));
        List<DomainRow> domains = shared.domains().stream().sorted((a, b) -> a.domain().compareTo(b.domain()))
                .map(d -> new DomainRow(legend.domains().get(d.domain()), d.residents(), d.actors(), d.people(),
                        d.bridgeFigures(), d.energising(), d.neutral(), d.draining())).toList();
        List<PlaceRow> places = shared.places().stream().map(p -> new PlaceRow(p.name(),
                legend.domains().get(p.domain()), p.residents(), p.energising(), p.neutral(), p.draining())).toList();
        return new NeighbourhoodMapView(survey.id(), survey.title(locale.getLanguage()), shared.residents(), image,
                current == null ? null : current.replace(":", ": "), choices, domains, places);
    }
}
