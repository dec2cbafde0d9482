package be.buurtstem.analysis.buurtkaart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static be.buurtstem.analysis.buurtkaart.MapFixtures.FIXED;
import static be.buurtstem.analysis.buurtkaart.MapFixtures.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapLayouterTest {
    static final String[] CLOSENESS = {"very_close", "close", "neutral", "far"};
    static final String[] GIVING = {"i_give", "i_receive", "both"};
    static final String[] ENERGY = {"energising", "neutral", "draining"};

    /** A crowded map: 20 actors over five domains, many on the same ring of the same domain. */
    static NeighbourhoodMap crowded() {
        String[] domains = {"family_friends", "shops", "public_space", "help_services", "key_figures"};
        List<MapAnswer> answers = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            answers.addAll(round(i, "Naam nummer " + i, i % 2 == 0 ? "person" : "place", domains[i % 5],
                    CLOSENESS[(i / 5) % 4 == 3 ? 0 : (i / 5) % 4], GIVING[i % 3], i % 4 == 0 ? "a_lot" : "little",
                    ENERGY[i % 3]));
        }
        return NeighbourhoodMap.of(answers);
    }

    static MapLayout layout(NeighbourhoodMap map) {
        Map<Domain, String> names = new EnumMap<>(Domain.class);
        names.put(Domain.KEY_FIGURES, "Mensen die anderen verbinden");
        return MapLayouter.layout(map, 1080, 880, FIXED, FIXED, names);
    }

    @Test
    void everyActorSitsOnItsRingInsideItsDomainsSector() {
        NeighbourhoodMap map = crowded();
        MapLayout layout = layout(map);
        assertEquals(4, layout.rings().size());
        assertEquals(map.actors().size(), layout.dots().size());
        assertEquals(5, layout.sectors().size());
        for (MapLayout.Dot d : layout.dots()) {
            double dx = d.x() - layout.centerX();
            double dy = d.y() - layout.centerY();
            double r = Math.hypot(dx, dy);
            int ring = d.actor().closeness().ring();
            double inner = ring == 1 ? layout.homeRadius() : layout.rings().get(ring - 2);
            assertTrue(r > inner && r < layout.rings().get(ring - 1), d.actor().name() + " on ring " + ring);
            double angle = Math.atan2(dx, -dy);
            if (angle < 0) {
                angle += 2 * Math.PI;
            }
            MapLayout.Sector s = layout.sectors().stream().filter(x -> x.domain() == d.actor().domain())
                    .findFirst().orElseThrow();
            assertTrue(angle > s.from() && angle < s.to(), d.actor().name() + " in the sector of " + s.domain());
        }
    }

    @Test
    void labelsDoNotOverlapEachOtherNorTheDots() {
        MapLayout layout = layout(crowded());
        List<Box> boxes = new ArrayList<>();
        layout.labels().forEach(l -> boxes.add(l.box()));
        layout.sectors().forEach(s -> boxes.add(s.label().box()));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), "label " + i + " overlaps label " + j);
            }
            for (MapLayout.Dot d : layout.dots()) {
                Box dot = new Box(d.x() - d.radius(), d.y() - d.radius(), 2 * d.radius(), 2 * d.radius());
                assertFalse(boxes.get(i).overlaps(dot), "label " + i + " covers the dot of " + d.actor().name());
            }
            assertTrue(boxes.get(i).inside(new Box(0, 0, 1080, 880)), "label " + i + " on the picture");
        }
        // the long sector name is wrapped, not cut
        MapLayout.Label key = layout.sectors().stream().filter(s -> s.domain() == Domain.KEY_FIGURES).findFirst()
                .orElseThrow().label();
        assertEquals("Mensen die anderen verbinden", String.join(" ", key.lines()));
        assertTrue(key.lines().size() > 1);
    }

    @Test
    void arrowsPointTheWayTheContactGivesAndInfluenceIsThicker() {
        MapLayout layout = layout(crowded());
        for (MapLayout.Arrow a : layout.arrows()) {
            switch (a.actor().giving()) {
                case I_GIVE -> assertTrue(a.headAtActor() && !a.headAtHome());
                case I_RECEIVE -> assertTrue(!a.headAtActor() && a.headAtHome());
                case BOTH -> assertTrue(a.headAtActor() && a.headAtHome());
                case UNKNOWN -> assertTrue(!a.headAtActor() && !a.headAtHome());
            }
            assertEquals(a.actor().influential() ? 6.0 : 2.0, a.width(), 1e-9);
            // from the home's edge
            assertEquals(layout.homeRadius(), Math.hypot(a.homeX() - layout.centerX(), a.homeY() - layout.centerY()),
                    1e-6);
        }
    }

    @Test
    void longNamesAreShortenedOnWholeCharacters() {
        assertEquals("De vzw van de kindero…", MapLayouter.shorten("De vzw van de kinderopvang in de straat"));
        String emoji = "😀".repeat(30);
        String s = MapLayouter.shorten(emoji);
        assertEquals(MapLayouter.MAX_LABEL, s.codePointCount(0, s.length()));
    }
}
