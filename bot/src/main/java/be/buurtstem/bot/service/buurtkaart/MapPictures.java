package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;

import java.util.List;
import java.util.Optional;

/**
 * A resident's map picture, drawn from their stored answers at the moment it is sent: nothing of it is kept, so it
 * goes when the answers go (a deletion, the retention period). A questionnaire draws a map when its repeat group
 * asks the buurtkaart's questions ({@code entry_name}, {@code entry_domain}): the bundled {@code buurtkaart}, or an
 * organiser's copy of it under another id.
 */
public final class MapPictures {
    private final Store store;
    private final SurveyCatalog catalog;

    public MapPictures(Store store, SurveyCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public static boolean drawsMap(Survey survey) {
        String lang = survey.defaultLanguage();
        return survey.questionLabel(NeighbourhoodMap.NAME, lang) != null
                && survey.questionLabel(NeighbourhoodMap.DOMAIN, lang) != null;
    }

    /** The questionnaire of the resident's most recent map answers; empty when they have none (or were deleted). */
    public Optional<String> latest(String respondent) {
        List<StoredAnswer> answers = store.answersOf(respondent);
        for (int i = answers.size() - 1; i >= 0; i--) {
            StoredAnswer a = answers.get(i);
            if (NeighbourhoodMap.DOMAIN.equals(a.question()) && a.round() > 0) {
                return Optional.of(a.questionnaire());
            }
        }
        return Optional.empty();
    }

    /**
     * The PNG of the resident's map of that questionnaire (its latest version they answered), legend in
     * {@code language}; empty when no such answers are stored.
     */
    public Optional<byte[]> png(String respondent, String questionnaire, String language) {
        List<StoredAnswer> all = store.answersOf(respondent).stream()
                .filter(a -> a.questionnaire().equals(questionnaire)).toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        int version = all.stream().mapToInt(StoredAnswer::version).max().orElseThrow();
        NeighbourhoodMap map = NeighbourhoodMap.of(all.stream().filter(a -> a.version() == version)
                .map(MapPictures::mapAnswer).toList());
        Survey survey = catalog.version(questionnaire, version).orElseGet(BundledBuurtkaart::survey);
        return Optional.of(MapPicture.png(map, MapLegend.of(survey, language)));
    }

    /** A stored answer as the map reads it: the option id, or for the name the text the resident typed. */
    static MapAnswer mapAnswer(StoredAnswer a) {
        Object v = a.value();
        String value = v instanceof String s ? s : v == null ? a.text() : String.valueOf(v);
        return new MapAnswer(a.question(), a.round(), value);
    }

    /** The picture's caption, in the resident's language ("Your map. It is yours. Type 'my map' to get it again."). */
    public static String caption(String language) {
        return MapTexts.get("caption", language);
    }

    /** Said when a resident asks for a map they do not have. */
    public static String noMap(String language) {
        return MapTexts.get("no_map", language);
    }
}
