package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.ResidentMap;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The residents' maps of one questionnaire, read from the stored answers each time they are asked for (a deleted
 * resident's answers are gone, and with them their part of the shared map), with the segment values they can be
 * split by: the respondent's segment values, their language and channel.
 */
public final class SharedMaps {
    /** A segment value is offered only when at least this many residents have it (as the overview's small groups). */
    public static final int MIN_SEGMENT = 5;
    static final List<String> QUESTIONS = List.of(NeighbourhoodMap.NAME, NeighbourhoodMap.KIND,
            NeighbourhoodMap.DOMAIN, NeighbourhoodMap.CLOSENESS, NeighbourhoodMap.GIVING, NeighbourhoodMap.INFLUENCE,
            NeighbourhoodMap.ENERGY);

    private final Store store;

    public SharedMaps(Store store) {
        this.store = store;
    }

    /** Each resident's map (their latest version's answers). */
    public List<ResidentMap> maps(String questionnaire) {
        Map<String, List<StoredAnswer>> byRespondent = new LinkedHashMap<>();
        store.answerRepository().eachOf(questionnaire, QUESTIONS,
                a -> byRespondent.computeIfAbsent(a.respondent(), r -> new ArrayList<>()).add(a));
        List<ResidentMap> out = new ArrayList<>();
        byRespondent.forEach((respondent, answers) -> out.add(residentMap(respondent, answers)));
        return out;
    }

    static ResidentMap residentMap(String respondent, List<StoredAnswer> answers) {
        int version = answers.stream().mapToInt(StoredAnswer::version).max().orElse(1);
        List<StoredAnswer> latest = answers.stream().filter(a -> a.version() == version).toList();
        StoredAnswer last = latest.getLast();
        Map<String, String> segments = new LinkedHashMap<>();
        last.segments().forEach((k, v) -> {
            if (v != null) {
                segments.put(k, v);
            }
        });
        if (last.language() != null) {
            segments.put("language", last.language());
        }
        if (last.channel() != null) {
            segments.put("channel", last.channel());
        }
        return new ResidentMap(respondent, segments,
                NeighbourhoodMap.of(latest.stream().map(MapPictures::mapAnswer).toList()));
    }

    /** The segment fields and the values with at least {@link #MIN_SEGMENT} residents, sorted. */
    public static Map<String, List<String>> segments(List<ResidentMap> maps) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (ResidentMap m : maps) {
            m.segments().forEach((k, v) -> counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(v, 1, Integer::sum));
        }
        Map<String, List<String>> out = new TreeMap<>();
        counts.forEach((field, values) -> {
            TreeSet<String> kept = new TreeSet<>();
            values.forEach((v, n) -> {
                if (n >= MIN_SEGMENT) {
                    kept.add(v);
                }
            });
            if (!kept.isEmpty()) {
                out.put(field, List.copyOf(kept));
            }
        });
        return out;
    }

    public static SharedMap shared(List<ResidentMap> maps, Map<String, String> filter) {
        return SharedMap.of(maps, filter, SharedMap.MIN_RESIDENTS);
    }
}
