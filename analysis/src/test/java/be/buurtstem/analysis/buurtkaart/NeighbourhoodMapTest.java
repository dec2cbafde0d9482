package be.buurtstem.analysis.buurtkaart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static be.buurtstem.analysis.buurtkaart.MapFixtures.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourhoodMapTest {
    @Test
    void oneActorPerRoundWithEveryAnswer() {
        List<MapAnswer> answers = new ArrayList<>(round(1, "  mijn buurvrouw ", "person", "family_friends",
                "very_close", "both", "little", "energising"));
        answers.addAll(round(2, "Het park", "place", "public_space", "far", "i_receive", "a_lot", "draining"));
        answers.add(new MapAnswer("consent", 0, "yes")); // outside the repeat group: not an actor
        NeighbourhoodMap map = NeighbourhoodMap.of(answers);

        assertEquals(2, map.actors().size());
        Actor neighbour = map.actors().get(0);
        assertEquals(new Actor(1, "mijn buurvrouw", "person", Domain.FAMILY_FRIENDS, Closeness.VERY_CLOSE,
                Giving.BOTH, false, Valence.ENERGISING), neighbour);
        Actor park = map.actors().get(1);
        assertEquals(4, park.closeness().ring());
        assertTrue(park.influential());
        assertEquals(Valence.DRAINING, park.valence());
        assertEquals(List.of(Domain.PUBLIC_SPACE, Domain.FAMILY_FRIENDS), map.domains());
    }

    @Test
    void aRoundStoppedHalfWayIsNotDrawnAndMissingAnswersAreNeutral() {
        List<MapAnswer> answers = new ArrayList<>(round(1, "De bakker", "place", "shops", null, null, null, null));
        answers.addAll(round(2, "Half af", null, null, null, null, null, null));
        NeighbourhoodMap map = NeighbourhoodMap.of(answers);

        assertEquals(1, map.actors().size());
        Actor baker = map.actors().getFirst();
        assertEquals(Closeness.NEUTRAL, baker.closeness());
        assertEquals(Valence.NEUTRAL, baker.valence());
        assertEquals(Giving.UNKNOWN, baker.giving());
        assertFalse(NeighbourhoodMap.of(List.of()).actors().iterator().hasNext());
    }
}
