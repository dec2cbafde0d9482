package be.buurtstem.analysis.buurtkaart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resident's own neighbourhood map: the people and places they named, one {@link Actor} per round of the
 * buurtkaart repeat group. Built from the stored answers only (nothing else is kept for a map), so a resident's map
 * goes when their answers go.
 */
public record NeighbourhoodMap(List<Actor> actors) {
    /** The questionnaire's question ids inside its repeat group {@code map}. */
    public static final String NAME = "entry_name";
    public static final String KIND = "entry_type";
    public static final String DOMAIN = "entry_domain";
    public static final String CLOSENESS = "closeness";
    public static final String GIVING = "give_receive";
    public static final String INFLUENCE = "influence";
    public static final String ENERGY = "energy";

    public NeighbourhoodMap {
        actors = List.copyOf(actors);
    }

    /**
     * The map of a resident's answers. A round without a name or without a known domain is not drawn (the resident
     * stopped half-way through it, or the answer came from another questionnaire's shape); answers of other questions
     * are ignored.
     */
    public static NeighbourhoodMap of(Collection<MapAnswer> answers) {
        Map<Integer, Map<String, String>> rounds = new TreeMap<>();
        for (MapAnswer a : answers) {
            if (a.round() > 0 && a.value() != null) {
                rounds.computeIfAbsent(a.round(), r -> new java.util.HashMap<>()).put(a.question(), a.value());
            }
        }
        List<Actor> actors = new ArrayList<>();
        rounds.forEach((round, values) -> {
            String name = values.get(NAME);
            var domain = Domain.of(values.get(DOMAIN));
            if (name == null || name.isBlank() || domain.isEmpty()) {
                return;
            }
            actors.add(new Actor(round, name.strip(), values.get(KIND), domain.get(),
                    Closeness.of(values.get(CLOSENESS)), Giving.of(values.get(GIVING)),
                    "a_lot".equals(values.get(INFLUENCE)), Valence.of(values.get(ENERGY))));
        });
        return new NeighbourhoodMap(actors);
    }

    /** The domains that hold at least one actor, in the method's order: one sector each on the picture. */
    public List<Domain> domains() {
        return actors.stream().map(Actor::domain).distinct().sorted().toList();
    }

    public boolean isEmpty() {
        return actors.isEmpty();
    }
}
