package be.buurtstem.analysis.buurtkaart;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organisers' view of the neighbourhood: all residents' maps together, by domain and valence ("where do people
 * find energy, what drains them, who are the bridge figures"). People are only counted, never named (the
 * questionnaire promises "zonder namen"); a place or organisation is named once at least {@code minResidents}
 * different residents named it, so that one resident's map cannot be read out of the shared one.
 *
 * @param residents the residents whose maps are counted (after the segment filter)
 */
public record SharedMap(int residents, List<DomainTally> domains, List<Place> places) {
    /** Residents that must name a place before it is shown by name. */
    public static final int MIN_RESIDENTS = 2;

    public SharedMap {
        domains = List.copyOf(domains);
        places = List.copyOf(places);
    }

    /**
     * One domain: the actors named in it by valence, how many were people, how many residents named anything here,
     * and the bridge figures (people with a lot of influence, or named as people who bring others together).
     */
    public record DomainTally(Domain domain, int residents, int actors, int people, int bridgeFigures,
                              int energising, int neutral, int draining) {
    }

    /** A place or organisation named by several residents; {@code ring} is the mean closeness (1 to 4). */
    public record Place(String name, Domain domain, int residents, int energising, int neutral, int draining,
                        double ring) {
        public Valence mostly() {
            return energising >= neutral && energising >= draining ? Valence.ENERGISING
                    : draining > neutral ? Valence.DRAINING : Valence.NEUTRAL;
        }
    }

    /**
     * The named places as a map to lay out like a resident's: each on the ring nearest its mean closeness, in its
     * valence's colour, labelled with how many residents named it ("Het park (3)").
     */
    public NeighbourhoodMap placesMap() {
        List<Actor> actors = new ArrayList<>();
        int round = 1;
        for (Place p : places) {
            int ring = (int) Math.max(1, Math.min(4, Math.round(p.ring())));
            actors.add(new Actor(round++, p.name() + " (" + p.residents() + ")", "place", p.domain(),
                    Closeness.values()[ring - 1], Giving.UNKNOWN, false, p.mostly()));
        }
        return new NeighbourhoodMap(actors);
    }

    /** The domains anyone named something in, in the method's order. */
    public List<Domain> namedDomains() {
        return domains.stream().map(DomainTally::domain).sorted().toList();
    }

    /** The shared map of the residents whose segment values hold every {@code field = value} of {@code filter}. */
    public static SharedMap of(Collection<ResidentMap> maps, Map<String, String> filter, int minResidents) {
        Map<Domain, int[]> tally = new EnumMap<>(Domain.class); // residents, actors, people, bridges, e, n, d
        Map<Domain, Set<String>> residentsIn = new EnumMap<>(Domain.class);
        Map<String, PlaceTally> places = new LinkedHashMap<>();
        int residents = 0;
        for (ResidentMap m : maps) {
            if (!matches(m.segments(), filter) || m.map().isEmpty()) {
                continue;
            }
            residents++;
            for (Actor a : m.map().actors()) {
                int[] t = tally.computeIfAbsent(a.domain(), d -> new int[7]);
                residentsIn.computeIfAbsent(a.domain(), d -> new HashSet<>()).add(m.respondent());
                t[1]++;
                boolean person = "person".equals(a.kind());
                if (person) {
                    t[2]++;
                    if (a.influential() || a.domain() == Domain.KEY_FIGURES) {
                        t[3]++;
                    }
                }
                t[4 + a.valence().ordinal()]++;
                if (!person && a.kind() != null) {
                    places.computeIfAbsent(key(a.name()), k -> new PlaceTally()).add(m.respondent(), a);
                }
            }
        }
        List<DomainTally> domains = new ArrayList<>();
        tally.forEach((d, t) -> domains.add(new DomainTally(d, residentsIn.get(d).size(), t[1], t[2], t[3], t[4], t[5],
                t[6])));
        List<Place> named = new ArrayList<>();
        for (PlaceTally p : places.values()) {
            if (p.residents.size() >= minResidents) {
                named.add(p.place());
            }
        }
        named.sort(Comparator.comparingInt(Place::residents).reversed().thenComparing(Place::name));
        return new SharedMap(residents, domains, named);
    }

    private static boolean matches(Map<String, String> segments, Map<String, String> filter) {
        for (var f : filter.entrySet()) {
            if (!f.getValue().equals(segments.get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names that differ only in case, accents, width, spacing or a leading article ("Het Park", "het  park", "park";
     * "l'école", "École") are one place.
     */
    static String key(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return ARTICLE.matcher(s).replaceFirst("");
    }

    private static final java.util.regex.Pattern ARTICLE =
            java.util.regex.Pattern.compile("^(?:(?:de|het|een|le|la|les|un|une|the|a|an) |(?:'t|l'|l’) ?)(?=.)");

    private static final class PlaceTally {
        final Set<String> residents = new HashSet<>();
        final Map<String, Integer> spellings = new HashMap<>();
        final Map<Domain, Integer> domains = new EnumMap<>(Domain.class);
        final int[] valence = new int[3];
        int rings;
        int mentions;

        void add(String respondent, Actor a) {
            residents.add(respondent);
            spellings.merge(a.name().strip(), 1, Integer::sum);
            domains.merge(a.domain(), 1, Integer::sum);
            valence[a.valence().ordinal()]++;
            rings += a.closeness().ring();
            mentions++;
        }

        Place place() {
            String name = spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            Domain domain = domains.entrySet().stream().max(Map.Entry.<Domain, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            return new Place(name, domain, residents.size(), valence[0], valence[1], valence[2],
                    (double) rings / mentions);
        }
    }
}
