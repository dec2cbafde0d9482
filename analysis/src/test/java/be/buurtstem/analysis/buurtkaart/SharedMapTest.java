package be.buurtstem.analysis.buurtkaart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static be.buurtstem.analysis.buurtkaart.MapFixtures.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedMapTest {
    static ResidentMap resident(String id, String area, List<MapAnswer> answers) {
        return new ResidentMap(id, Map.of("area", area), NeighbourhoodMap.of(answers));
    }

    static List<ResidentMap> residents() {
        List<MapAnswer> a = new ArrayList<>(round(1, "Het Park", "place", "public_space", "close", "i_receive",
                "little", "energising"));
        a.addAll(round(2, "Fatima", "person", "key_figures", "very_close", "both", "a_lot", "energising"));
        List<MapAnswer> b = new ArrayList<>(round(1, "het  park", "place", "public_space", "far", "i_receive",
                "little", "draining"));
        b.addAll(round(2, "Het OCMW", "organisation", "help_services", "far", "i_receive", "a_lot", "draining"));
        List<MapAnswer> c = new ArrayList<>(round(1, "Het Park", "place", "public_space", "neutral", null, null,
                "energising"));
        c.addAll(round(2, "Mijn zus", "person", "family_friends", "very_close", "both", "little", "neutral"));
        return List.of(resident("r1", "noord", a), resident("r2", "noord", b), resident("r3", "zuid", c));
    }

    @Test
    void placesNamedBySeveralResidentsByDomainAndValence() {
        SharedMap shared = SharedMap.of(residents(), Map.of(), SharedMap.MIN_RESIDENTS);
        assertEquals(3, shared.residents());
        assertEquals(1, shared.places().size(), "the OCMW was named by one resident only: not named");
        SharedMap.Place park = shared.places().getFirst();
        assertEquals("Het Park", park.name(), "the spelling most residents used");
        assertEquals(Domain.PUBLIC_SPACE, park.domain());
        assertEquals(3, park.residents());
        assertEquals(2, park.energising());
        assertEquals(1, park.draining());
        assertEquals(Valence.ENERGISING, park.mostly());
        assertEquals(3.0, park.ring(), 1e-9);

        SharedMap.DomainTally help = tally(shared, Domain.HELP_SERVICES);
        assertEquals(1, help.actors());
        assertEquals(1, help.draining());
        SharedMap.DomainTally key = tally(shared, Domain.KEY_FIGURES);
        assertEquals(1, key.people());
        assertEquals(1, key.bridgeFigures());
    }

    @Test
    void peopleAreCountedNeverNamed() {
        SharedMap shared = SharedMap.of(residents(), Map.of(), 1);
        assertTrue(shared.places().stream().noneMatch(p -> p.name().equals("Fatima") || p.name().equals("Mijn zus")));
        assertEquals(2, shared.places().size());
    }

    @Test
    void perSegment() {
        SharedMap noord = SharedMap.of(residents(), Map.of("area", "noord"), SharedMap.MIN_RESIDENTS);
        assertEquals(2, noord.residents());
        assertEquals(2, noord.places().getFirst().residents());
        assertTrue(noord.domains().stream().noneMatch(d -> d.domain() == Domain.FAMILY_FRIENDS));
        assertEquals(0, SharedMap.of(residents(), Map.of("area", "oost"), 2).residents());
    }

    @Test
    void spellingsOfOnePlaceCountTogether() {
        assertEquals(SharedMap.key("Het Park"), SharedMap.key("park"));
        assertEquals(SharedMap.key("het  park"), SharedMap.key("PARK"));
        assertEquals(SharedMap.key("l'École"), SharedMap.key("ecole"));
        assertEquals(SharedMap.key("De Kring"), SharedMap.key("kring"));
        assertEquals("de", SharedMap.key("De"), "a name that is only an article stays itself");
        assertTrue(!SharedMap.key("Delhaize").equals(SharedMap.key("haize")), "only a whole leading word");
    }

    static SharedMap.DomainTally tally(SharedMap shared, Domain d) {
        return shared.domains().stream().filter(t -> t.domain() == d).findFirst().orElseThrow();
    }
}
