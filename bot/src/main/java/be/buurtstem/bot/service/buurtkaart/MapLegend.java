package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.Closeness;
import be.buurtstem.analysis.buurtkaart.Domain;
import be.buurtstem.analysis.buurtkaart.Giving;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.Valence;
import be.buurtstem.bot.service.survey.Survey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every word on a map picture in one language: the questionnaire's own labels for the domains, rings, arrows and
 * colours (the resident reads on the picture what they pressed in the chat) and the picture's few own texts.
 */
public record MapLegend(String language, boolean rightToLeft, String title, String home, Map<Domain, String> domains,
                        Map<Valence, String> valences, Map<Giving, String> givings, List<String> rings,
                        String ringsIntro, String influence, String empty) {
    public MapLegend {
        domains = Map.copyOf(domains);
        valences = Map.copyOf(valences);
        givings = Map.copyOf(givings);
        rings = List.copyOf(rings);
    }

    /** Texts of the picture's own (e.g. "home"), in this legend's language. */
    public String text(String key) {
        return MapTexts.get(key, language);
    }

    /** The legend of a buurtkaart questionnaire in {@code language} (its default when it does not speak it). */
    public static MapLegend of(Survey survey, String language) {
        String lang = survey.languages().contains(language) ? language : survey.defaultLanguage();
        Map<Domain, String> domains = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            domains.put(d, label(survey, NeighbourhoodMap.DOMAIN, d.id(), lang));
        }
        Map<Valence, String> valences = new EnumMap<>(Valence.class);
        for (Valence v : Valence.values()) {
            valences.put(v, label(survey, NeighbourhoodMap.ENERGY, v.id(), lang));
        }
        Map<Giving, String> givings = new EnumMap<>(Giving.class);
        for (Giving g : List.of(Giving.I_GIVE, Giving.I_RECEIVE, Giving.BOTH)) {
            givings.put(g, label(survey, NeighbourhoodMap.GIVING, g.id(), lang));
        }
        List<String> rings = java.util.Arrays.stream(Closeness.values())
                .map(c -> label(survey, NeighbourhoodMap.CLOSENESS, c.id(), lang)).toList();
        return new MapLegend(lang, rightToLeft(lang), survey.title(lang), MapTexts.get("home", lang), domains,
                valences, givings, rings, MapTexts.get("rings", lang), MapTexts.get("influence", lang),
                MapTexts.get("empty", lang));
    }

    /** The option's label as the resident saw it; its id when the questionnaire has no such option. */
    private static String label(Survey survey, String question, String option, String language) {
        String l = survey.answerLabel(question, option, null, language);
        return l == null || l.isBlank() ? option : l.strip();
    }

    static boolean rightToLeft(String language) {
        String base = language.split("[-_]")[0];
        return List.of("ar", "fa", "he", "ur").contains(base);
    }
}
